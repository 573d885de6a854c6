// @ts-check
// Stylesheets that a strict Content-Security-Policy allows, in every engine. Where constructed stylesheets
// exist (Chromium, Firefox, Safari 16.4+) the text is adopted: CSP governs <style> elements and style
// attributes, not adopted sheets. Older engines (Safari 16.0–16.3) get a <link> to the same minified file
// on the widget's origin, which a `style-src` listing that origin allows, and the rules that change at
// run time are inserted through the CSSOM, which CSP does not govern.

const CONSTRUCTED = 'adoptedStyleSheets' in document;

/**
 * A stylesheet in `root` (the document or a shadow root) holding `css`, plus one replaceable rule.
 * @param {Document | ShadowRoot} root
 * @param {string} css the stylesheet's text, for constructed sheets
 * @param {string} href the same stylesheet as a file on the widget's origin, for older engines
 * @returns {{ set(rule: string): void, remove(): void }} `set` replaces the extra rule (one `@layer`
 *   block, or ''); `remove` takes the sheet away
 */
export function styleSheet(root, css, href) {
  if (CONSTRUCTED) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return {
      set(rule) { sheet.replaceSync(css + rule); },
      remove() { root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet); },
    };
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.crossOrigin = 'anonymous';  // the CSSOM of a cross-origin sheet is readable only with CORS
  link.href = href;
  (root instanceof Document ? root.head : root).append(link);
  let wanted = '', added = false;
  const apply = () => {
    const sheet = link.sheet;
    if (!sheet) return;
    if (added) sheet.deleteRule(sheet.cssRules.length - 1);
    added = Boolean(wanted);
    if (added) sheet.insertRule(wanted, sheet.cssRules.length);
  };
  link.addEventListener('load', apply);
  return {
    set(rule) { wanted = rule; apply(); },
    remove() { link.remove(); },
  };
}
