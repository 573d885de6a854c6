// @ts-check
// Text size without a per-element loop on every click. Each element of the target is tagged with the
// index of its computed (font-size, line-height) pair; one generated rule per pair sets
// calc(var(--trodoc-scale) * <measured px>). Whatever unit or !important the page used, the computed px
// value is what the reader sees, so scaling it is exact; a change is then one attribute on <html>.
//
// Nothing is measured while the scale is 100 %: a visitor who never touches the bar costs the page no
// per-element work. Measuring starts when the scale first leaves 100 % (a saved choice, a click, or
// TroDoc.setScale: all of them set the attribute this module observes), and from then on it follows
// the page: content added to the target later, a change of width that can switch the page's media
// queries (resize, rotation), and stylesheets that finish loading late. Every measurement runs before
// the next frame is painted, so the reader never sees the default size first.

import { STEPS } from './store.js';

const html = document.documentElement;
const TAG = 'data-trodoc-fs';
const SCALE = 'data-trodoc-scale';
const SPACING = 'data-trodoc-spacing';
const STEP_RULES = STEPS.map((step) => `html[${SCALE}="${step}"] [data-trodoc-target]{--trodoc-scale:${step}}`).join('');

/** The rule for one measured pair: text spacing sets --trodoc-lh; otherwise the page's own line height
 * scales with the text. */
function pairRule(key, index) {
  const [size, height] = key.split(' ');
  const line = height === 'normal' ? 'normal' : `calc(var(--trodoc-scale) * ${height})`;
  return `html:not([${SCALE}="1"]) [${TAG}="${index}"]{font-size:calc(var(--trodoc-scale) * ${size})!important;`
    + `line-height:var(--trodoc-lh,${line})!important}`;
}

/** A stylesheet still loading: no sheet yet, or (Firefox) a sheet whose rules are not readable yet. A
 * cross-origin sheet without CORS throws a SecurityError instead: it is loaded. */
function loading(link) {
  if (link.relList.contains('alternate') || link.disabled) return false;
  if (!link.sheet) return true;
  try {
    return !link.sheet.cssRules;
  } catch (error) {
    return error.name === 'InvalidAccessError';
  }
}

// WebKit runs deferred and asynchronous scripts while the page's stylesheets are still loading (other
// engines wait), and a sheet may also come after the tag. Sizes read then would be the browser's
// defaults. The check runs in animation frames, the last step before a paint, so the frame that first
// shows the page's styles carries our sizes too. After the window's load event nothing is pending.
function whenStyled(run) {
  const check = () => {
    const pending = document.readyState !== 'complete'
      && [...document.querySelectorAll('link[rel~="stylesheet"]')].some(loading);
    if (pending) requestAnimationFrame(check);
    else run();
  };
  check();
}

/**
 * Keeps the target's text sizes measured whenever the scale is not 100 %.
 * @param {Element} target the article, tagged with data-trodoc-target
 * @param {{ set(rule: string): void }} sheet where the generated rules go (see sheets.js)
 */
export function followSizes(target, sheet) {
  const pairs = new Map();
  let rules = '';
  let width = innerWidth, sheets = 0, queued = null;

  // Computed sizes as the page alone makes them: our size and spacing rules are switched off for the
  // reads, in the same task, so nothing of it is ever painted.
  const measure = (elements) => {
    const scale = html.getAttribute(SCALE), spacing = html.getAttribute(SPACING);
    html.setAttribute(SCALE, '1');
    html.removeAttribute(SPACING);
    const keys = elements.map((el) => {
      const style = getComputedStyle(el);
      return style.fontSize + ' ' + style.lineHeight;
    });
    if (scale) html.setAttribute(SCALE, scale);
    if (spacing) html.setAttribute(SPACING, spacing);
    watchScale.takeRecords();  // our own flip is not a change of scale
    const before = pairs.size;
    elements.forEach((el, i) => {
      let index = pairs.get(keys[i]);
      if (index === undefined) {
        pairs.set(keys[i], (index = pairs.size));
        rules += pairRule(keys[i], index);
      }
      if (el.getAttribute(TAG) !== String(index)) el.setAttribute(TAG, String(index));
    });
    if (pairs.size !== before) sheet.set(`@layer trodoc{${STEP_RULES}${rules}}`);
    sheets = document.styleSheets.length;
  };
  const everything = () => [target, ...target.getElementsByTagName('*')];

  // Elements waiting to be measured, gathered until the page's stylesheets are in.
  const queue = (elements) => {
    if (queued) return void queued.push(...elements);
    queued = elements;
    whenStyled(() => {
      const list = queued.filter((el) => el.isConnected);
      queued = null;
      if (html.getAttribute(SCALE) !== '1') measure(list);
    });
  };

  const added = new MutationObserver((records) => {
    const elements = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) elements.push(node, ...node.getElementsByTagName('*'));
      }
    }
    if (elements.length) queue(elements);
  });
  // A new width can switch the page's media queries; a height change alone (a phone's address bar) cannot
  // change text sizes, and fires far more often.
  const resized = () => {
    if (innerWidth === width) return;
    width = innerWidth;
    requestAnimationFrame(() => html.getAttribute(SCALE) !== '1' && measure(everything()));
  };
  // A stylesheet that arrived after the first measurement (printed late in <body>, say) can change sizes.
  const loaded = () => sheets !== document.styleSheets.length && html.getAttribute(SCALE) !== '1' && queue(everything());

  let following = false;
  const follow = () => {
    if (following || html.getAttribute(SCALE) === '1') return;
    following = true;
    queue(everything());
    added.observe(target, { childList: true, subtree: true });
    addEventListener('resize', resized);
    if (document.readyState !== 'complete') addEventListener('load', loaded, { once: true });
  };
  const watchScale = new MutationObserver(follow);
  watchScale.observe(html, { attributes: true, attributeFilter: [SCALE] });
  follow();

  return () => {
    watchScale.disconnect();
    added.disconnect();
    removeEventListener('resize', resized);
    removeEventListener('load', loaded);
  };
}
