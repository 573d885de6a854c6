// @ts-check
// The article's column. Block themes make the post content as wide as the page and centre each of its
// blocks at the content size (WordPress's "constrained" layout), so a bar as wide as the target would
// span the window while the text runs in a narrow column. followColumn measures that column and hands
// it to the bar's stylesheet as custom properties on the shadow host, through the CSSOM (a strict
// Content-Security-Policy allows `el.style`, not style attributes):
//   --trodoc-col-left   the column's left edge from the content-box left of the host's containing block
//                       (the in-flow bar's margin-left; equal to --trodoc-col-x for a fixed host)
//   --trodoc-col-width  the column's width (the host's width: it has no padding or border)
//   --trodoc-col-x      the column's left edge in the viewport (`left` of the fixed parts: the floating
//                       bar, the player)
// They are set also when the column is the host's whole available width: the player, fixed to the
// viewport, still needs the column's place.

// Blocks that carry the running text. Wide and full-width blocks (images, covers) and blocks floated
// aside stand outside the column.
const TEXT = ':is(p,h1,h2,h3,h4,h5,h6,ul,ol):not(.alignwide,.alignfull,.alignleft,.alignright)';
// How many of the target's first children are looked at, and how many text blocks make the column:
// the cost is the same on an article of any length.
const LOOK = 12;
const USE = 3;
const NAMES = ['--trodoc-col-left', '--trodoc-col-width', '--trodoc-col-x'];

/**
 * The first text blocks among the target's first children. Reads no layout.
 * @param {Element} target
 * @returns {Element[]}
 */
function textBlocks(target) {
  const found = [];
  for (let el = target.firstElementChild, n = 0; el && n < LOOK && found.length < USE; el = el.nextElementSibling, n++) {
    if (el.matches(TEXT)) found.push(el);
  }
  return found;
}

/**
 * The left and right edges of an element's content box, in viewport px.
 * @param {Element} el
 * @returns {[number, number]}
 */
function contentBox(el) {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const side = (name) => parseFloat(style.getPropertyValue(name)) || 0;
  return [box.left + side('border-left-width') + side('padding-left'), box.right - side('border-right-width') - side('padding-right')];
}

/** @param {number} value */
const px = (value) => `${Math.round(value * 100) / 100}px`;

/**
 * Where the bar lines up: the values of the three properties (in the order of NAMES), or null when
 * there is nothing to line up with. It only reads layout, never writes.
 * @param {HTMLElement} host the bar's shadow host
 * @param {Element} target the article
 * @returns {string[] | null}
 */
export function columnOf(host, target) {
  const hostStyle = getComputedStyle(host);
  // margin-left cannot place a block in a right-to-left containing block: the bar keeps its width.
  if (hostStyle.direction === 'rtl') return null;
  let left = Infinity;
  let right = -Infinity;
  for (const el of textBlocks(target)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // A hidden block has no box; a floated or positioned one is not where the text runs.
    if (!box.width || style.float !== 'none' || style.position === 'absolute' || style.position === 'fixed') continue;
    left = Math.min(left, box.left);
    right = Math.max(right, box.right);
  }
  // No text block (yet): the target is taken to be the column.
  if (left > right) [left, right] = contentBox(target);
  const viewport = document.documentElement.clientWidth;
  const parent = host.parentElement;
  // The containing block: the viewport for the floating bar, else the parent's content box.
  const [start, end] = hostStyle.position === 'fixed' || !parent ? [0, viewport] : contentBox(parent);
  // The bar stays inside its containing block, whatever the text blocks' margins do.
  left = Math.max(left, start);
  right = Math.min(right, end);
  if (right - left < 1) return null;
  return [px(left - start), px(right - left), px(left)];
}

/**
 * Keeps the custom properties on `host` that line the bar up with the article's column (see the top
 * of this module). The first measurement comes with the ResizeObserver's first report, after the
 * browser's own layout and before the first paint, so it forces no layout of its own; later ones come
 * when a width changes (the target, the first text block: blocks may change width
 * alone, under a late stylesheet or a new text size when their width is in em) or the window is
 * resized (a centred page moves without resizing). While the page is parsed the target may have no
 * text block yet: its children are watched until the first one comes, which is then watched for size.
 * @param {HTMLElement} host the bar's shadow host
 * @param {Element} target the article
 * @returns {() => void} stops following (the properties keep their last values)
 */
export function followColumn(host, target) {
  let shown = '';
  const update = () => {
    const values = columnOf(host, target);
    const key = values ? values.join() : '';
    if (key === shown) return;  // nothing to write: no style change, and no new resize report
    shown = key;
    NAMES.forEach((name, i) => (values ? host.style.setProperty(name, values[i]) : host.style.removeProperty(name)));
  };
  /** @type {Map<Element, number>} */
  const widths = new Map();
  const resized = new ResizeObserver((entries) => {
    // Heights change all along (text parsed, images loaded, the bar itself): only widths move the column.
    let moved = false;
    for (const { target: el, contentRect } of entries) {
      if (widths.get(el) !== contentRect.width) moved = true;
      widths.set(el, contentRect.width);
    }
    if (moved) update();
  });
  // Not the host's parent: the bar's own height is part of it, so writing the bar's width would change
  // an observed size within the same frame (a ResizeObserver loop error). Its width changes with the
  // window's (followed below) or the target's.
  resized.observe(target);
  const [first] = textBlocks(target);
  /** @type {MutationObserver | null} */
  let arriving = null;
  if (first) resized.observe(first);
  else {
    arriving = new MutationObserver(() => {
      const [el] = textBlocks(target);
      if (!el || !arriving) return;
      arriving.disconnect();
      arriving = null;
      resized.observe(el);  // its first report measures the column again
    });
    arriving.observe(target, { childList: true });
  }
  let frame = 0;
  const later = () => {
    frame = frame || requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  addEventListener('resize', later);
  return () => {
    resized.disconnect();
    if (arriving) arriving.disconnect();
    removeEventListener('resize', later);
    cancelAnimationFrame(frame);
  };
}
