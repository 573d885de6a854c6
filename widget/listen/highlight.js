// @ts-check
// The sentence being read, marked without changing the host page's DOM. With the CSS Custom Highlight API
// (Chromium, Firefox, Safari 17.2+) the range is registered and painted by a constructed stylesheet
// (every engine with the API has those; CSP does not govern them). Older engines get
// boxes over the sentence's lines, drawn inside the bar's shadow root (styled by bar.css) and blended so
// that the text shows through; they follow the text and are gone when reading stops.

const NAME = 'trodoc-reading';
// Black on yellow is 16:1 whatever the page or the contrast level colours the text, since both are set.
const STYLE = `::highlight(${NAME}){background-color:#ffe14d;color:#000}`
  + `@media (forced-colors:active){::highlight(${NAME}){background-color:Highlight;color:HighlightText}}`;

/**
 * The marker for the bar whose shadow root is `shadow`: call it with a Range to mark, null to clear.
 * A marked sentence is scrolled into `band()`, the part of the viewport the widget's own fixed
 * controls leave free.
 * @param {ShadowRoot} shadow
 * @param {() => { top: number, bottom: number }} band
 * @param {AbortSignal} signal takes the marker's stylesheet away
 * @returns {(range: Range | null) => void}
 */
export function readingMarker(shadow, band, signal) {
  const api = typeof Highlight === 'function' && 'highlights' in CSS;
  const layer = document.createElement('div');
  layer.className = 'marks';
  let current = null, drawn = '', frame = 0, sheet = null;
  // Redrawn every frame while a sentence is marked: scrolling, a resize, a new text size or the page's
  // own layout changes all move the text under the boxes.
  const draw = () => {
    const rects = current ? [...current.getClientRects()] : [];
    const key = rects.map((r) => `${r.left},${r.top},${r.width},${r.height}`).join(' ');
    if (key !== drawn) {
      drawn = key;
      layer.replaceChildren(...rects.map((r) => {
        const box = document.createElement('div');
        box.className = 'mark';
        // CSSOM, not a style attribute: a strict CSP allows it.
        Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
        return box;
      }));
    }
    frame = current ? requestAnimationFrame(draw) : 0;
  };
  return (range) => {
    if (range) reveal(range, band());
    if (api) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        signal.addEventListener('abort', () => {
          document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        });
      }
      if (range) CSS.highlights.set(NAME, new Highlight(range));
      else CSS.highlights.delete(NAME);
      return;
    }
    current = range;
    if (!layer.isConnected) shadow.append(layer);
    cancelAnimationFrame(frame);
    draw();
  };
}

/** Scrolls the sentence into the free band of the viewport when it is not all in it: a third of the way
 * down, or at the band's top when it is taller than the band. */
function reveal(range, { top, bottom }) {
  const r = range.getBoundingClientRect();
  if (r.top >= top && r.bottom <= bottom) return;
  const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const by = r.top - top - Math.max(0, (bottom - top - r.height) / 3);
  const el = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
  // A page that scrolls inside a container rather than the window: that container brings it into view.
  if (document.scrollingElement && document.scrollingElement.scrollHeight <= innerHeight) {
    /** @type {Element} */ (el).scrollIntoView({ block: 'center', behavior });
  } else {
    scrollBy({ top: by, behavior });
  }
}
