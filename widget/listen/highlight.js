// The sentence being read, marked with the CSS Custom Highlight API: the host page's DOM is never changed.
// Black on yellow is 16:1 whatever the page or the contrast level colours the text, since both are set.
const HIGHLIGHT_NAME = 'trodoc-reading';
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}){background-color:#ffe14d;color:#000}` +
  `@media (forced-colors:active){::highlight(${HIGHLIGHT_NAME}){background-color:Highlight;color:HighlightText}}`;

// Browsers without the API (or without constructable sheets) read on without a highlight.
const highlightSupported = () => !!(window.Highlight && CSS.highlights && document.adoptedStyleSheets);
let highlightSheet;

export function highlightReading(range) {
  if (!highlightSupported()) return;
  if (!highlightSheet) {
    // A constructed sheet, not a <style>: strict CSPs that forbid inline styles allow it.
    highlightSheet = new CSSStyleSheet();
    highlightSheet.replaceSync(HIGHLIGHT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, highlightSheet];
  }
  if (!range) return CSS.highlights.delete(HIGHLIGHT_NAME);
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
  const r = range.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight) {
    const el = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
    el.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
  }
}
