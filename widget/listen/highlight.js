// The sentence being read, marked with the CSS Custom Highlight API: the host page's DOM is never changed.
// Black on yellow is 16:1 whatever the page or the contrast level colours the text, since both are set.
const NAME = 'trodoc-reading';
const STYLE = `::highlight(${NAME}){background-color:#ffe14d;color:#000}` +
  `@media (forced-colors:active){::highlight(${NAME}){background-color:Highlight;color:HighlightText}}`;

let sheet;

// Browsers without the API read on without a highlight.
export function highlightReading(range) {
  if (!window.Highlight) return;
  if (!sheet) {
    // A constructed sheet, not a <style>: strict CSPs that forbid inline styles allow it.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  if (!range) return CSS.highlights.delete(NAME);
  CSS.highlights.set(NAME, new Highlight(range));
  const r = range.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight) {
    const el = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    el.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
  }
}
