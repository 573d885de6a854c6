// @ts-check
// The sentence being read, marked without changing the host page's DOM. With the CSS Custom Highlight API
// (Chromium, Firefox, Safari 17.2+) the range is registered and page.css paints it. Older engines get
// boxes over the sentence's lines, drawn inside the bar's shadow root (styled by bar.css) and blended so
// that the text shows through; they follow the page while it scrolls and are gone when reading stops.

const NAME = 'trodoc-reading';

/**
 * The marker for the bar whose shadow root is `shadow`: call it with a Range to mark, null to clear.
 * @param {ShadowRoot} shadow
 * @returns {(range: Range | null) => void}
 */
export function readingMarker(shadow) {
  const api = typeof Highlight === 'function' && 'highlights' in CSS;
  const layer = document.createElement('div');
  layer.className = 'marks';
  let current = null;
  const draw = () => {
    layer.replaceChildren(...[...(current ? current.getClientRects() : [])].map((r) => {
      const box = document.createElement('div');
      box.className = 'mark';
      // CSSOM, not a style attribute: a strict CSP allows it.
      Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
      return box;
    }));
  };
  const follow = (on) => {
    for (const type of ['scroll', 'resize']) (on ? addEventListener : removeEventListener)(type, draw, { capture: true, passive: true });
  };
  return (range) => {
    if (range) reveal(range);
    if (api) {
      if (range) CSS.highlights.set(NAME, new Highlight(range));
      else CSS.highlights.delete(NAME);
      return;
    }
    if (!current && range) follow(true);
    if (current && !range) follow(false);
    current = range;
    if (!layer.isConnected) shadow.append(layer);
    draw();
  };
}

/** Scrolls the sentence into view when it is not. */
function reveal(range) {
  const r = range.getBoundingClientRect();
  if (r.top >= 0 && r.bottom <= innerHeight) return;
  const el = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
  el.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}
