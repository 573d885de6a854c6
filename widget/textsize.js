// @ts-check
// Text size, exact and cheap. Each element is tagged with the index of its computed (font-size,
// line-height) pair, and one generated rule per pair sets calc(var(--trodoc-scale) * <measured px>):
// whatever unit or !important the page used, the computed px value is what the reader sees, so scaling
// it is exact.
//
// A long article is not re-laid out in one go: that costs far more than a frame. It is cut into parts
// ("roots": the largest subtrees of at most PART elements, or an element with text of its own), and a
// change applies the new scale to the parts on screen at once, then to the others a few per frame,
// nearest first. Each part carries its scale (data-trodoc-s), so a part's sizes change only when its
// turn comes, and nothing moves on screen: the parts above the view are corrected by scroll anchoring
// (or, where the engine has none, by scrolling the same distance).
//
// Nothing is measured while the scale is 100 %: a visitor who never touches the bar costs the page no
// per-element work. Parts are measured just before their first scaling, and again when content is
// added to them, when the width changes (the page's media queries may change sizes: resize, rotation)
// and when a stylesheet arrives late. Every measurement runs before the frame that shows it.

import { STEPS } from './store.js';

const html = document.documentElement;
const TAG = 'data-trodoc-fs';
const PART_SCALE = 'data-trodoc-s';
const SCALE = 'data-trodoc-scale';
const SPACING = 'data-trodoc-spacing';
// Elements per part, and per frame while catching up: about 2 ms of style and layout each.
const PART = 150;
const PER_FRAME = 600;
// Parts this far beyond the view (in view heights) are scaled in the first frame too.
const MARGIN = 0.5;
const STEP_RULES = STEPS.filter((step) => step !== 1).map((step) => `[${PART_SCALE}="${step}"]{--trodoc-scale:${step}}`).join('')
  // Larger text reflows inside the same width: long words and code break instead of scrolling sideways.
  + `[${PART_SCALE}]{overflow-wrap:break-word!important}`
  + `pre[${PART_SCALE}],[${PART_SCALE}] pre{white-space:pre-wrap!important}`;
const anchored = CSS.supports('overflow-anchor:auto');

/** The rule for one measured pair: text spacing sets --trodoc-lh; otherwise the page's own line height
 * scales with the text. */
function pairRule(key, index) {
  const [size, height] = key.split(' ');
  const line = height === 'normal' ? 'normal' : `calc(var(--trodoc-scale) * ${height})`;
  return `[${PART_SCALE}][${TAG}="${index}"],[${PART_SCALE}] [${TAG}="${index}"]{`
    + `font-size:calc(var(--trodoc-scale) * ${size})!important;line-height:var(--trodoc-lh,${line})!important}`;
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

const pending = () => document.readyState !== 'complete'
  && [...document.querySelectorAll('link[rel~="stylesheet"]')].some(loading);

/** Text of its own (not only whitespace between elements): such an element is scaled as one part. */
const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.data));

/** The parts of `el`, in document order. */
function parts(el) {
  if (el.getElementsByTagName('*').length < PART || ownText(el)) return [el];
  return [...el.children].flatMap(parts);
}

/** True once the page has been painted (Paint Timing): before that, scaling all of it costs no layout. */
const painted = () => performance.getEntriesByType('paint').length > 0;

/** The first index of `list` whose element's box satisfies `test`, which must be false, then true. */
function search(list, test) {
  let low = 0, high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(list[mid].getBoundingClientRect())) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Keeps the target's text at the scale on <html> (data-trodoc-scale), whenever it is not 100 %.
 * @param {Element} target the article, tagged with data-trodoc-target
 * @param {{ set(rule: string): void }} sheet where the generated rules go (see sheets.js)
 * @returns {() => void} stops following
 */
export function followSizes(target, sheet) {
  const pairs = new Map();
  let rules = '';
  let list = [];                     // the parts, in document order ([] until needed)
  let known = new WeakSet();         // the same, to find the part of an element
  const measured = new WeakSet();    // parts whose elements carry current tags
  let frame = 0, width = innerWidth, sheets = 0;

  const scale = () => html.getAttribute(SCALE) || '1';
  const split = () => {
    list = parts(target);
    known = new WeakSet(list);
  };

  // Sizes as the page alone makes them: the scale of `within` (parts, or the whole target) is taken
  // off for the reads (and text spacing, which sets every line height), then given back in the same
  // task, so nothing is painted. All reads come before all writes: one style recalculation.
  const measure = (within, elements) => {
    if (!elements.length) return;
    const own = within.map((el) => el.getAttribute(PART_SCALE)), spacing = html.getAttribute(SPACING);
    within.forEach((el, i) => own[i] && el.removeAttribute(PART_SCALE));
    if (spacing) html.removeAttribute(SPACING);
    const keys = elements.map((el) => {
      const style = getComputedStyle(el);
      return style.fontSize + ' ' + style.lineHeight;
    });
    within.forEach((el, i) => own[i] && el.setAttribute(PART_SCALE, /** @type {string} */ (own[i])));
    if (spacing) html.setAttribute(SPACING, spacing);
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
  };
  const descendants = (el) => [el, ...el.getElementsByTagName('*')];
  const setScale = (el, want) => {
    if (want === '1') el.removeAttribute(PART_SCALE);
    else if (el.getAttribute(PART_SCALE) !== want) el.setAttribute(PART_SCALE, want);
  };

  // Parts to the current scale, measured first where needed.
  const apply = (batch) => {
    const want = scale();
    const live = batch.filter((part) => part.isConnected);
    if (want !== '1') {
      const fresh = live.filter((part) => !measured.has(part));
      measure(fresh, fresh.flatMap(descendants));
      fresh.forEach((part) => measured.add(part));
    }
    live.forEach((part) => setScale(part, want));
  };
  const size = (part) => part.getElementsByTagName('*').length + 1;

  // Before the first paint (a saved size, the tag in <head>) the target's children take the scale all
  // at once: the page's first layout is then made at that size. What the parser adds later is measured
  // in the next animation frame, the step just before a paint, in one go; a child that is still being
  // parsed has its scale taken off for the reads, no other.
  let queued = false, wholly = false;
  const untagged = () => descendants(target).filter((el) => !el.hasAttribute(TAG));
  const childOf = (el) => {
    while (el.parentElement !== target) el = /** @type {Element} */ (el.parentElement);
    return el;
  };
  // A target with text of its own is one unit, as it is one part.
  const units = () => (ownText(target) ? [target] : [...target.children]);
  const whole = (elements) => {
    const growing = ownText(target) ? [target] : [...new Set(elements.filter((el) => el !== target).map(childOf))];
    measure(growing.filter((unit) => unit.hasAttribute(PART_SCALE)), elements);
    for (const unit of units()) setScale(unit, scale());
    wholly = true;
  };
  const wholeBeforePaint = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      if (!list.length) whole(untagged());
    });
  };

  // The parts in the order they get the new scale: those on (or near) the screen, then outwards,
  // alternating below and above; and the first part in view, which must not move.
  const order = () => {
    const first = search(list, (box) => box.bottom > -MARGIN * innerHeight);
    const last = search(list, (box) => box.top > (1 + MARGIN) * innerHeight);
    const anchor = list[search(list, (box) => box.bottom > 0)] || null;
    const rest = [];
    for (let below = last, above = first - 1; below < list.length || above >= 0; below++, above--) {
      if (below < list.length) rest.push(list[below]);
      if (above >= 0) rest.push(list[above]);
    }
    return { near: list.slice(first, Math.max(first, last)), rest, anchor };
  };

  // Where the engine has no scroll anchoring (Safari), parts growing above the view would push the
  // text being read down: scroll by as much as the first part in view moved.
  const steady = (anchor, run) => {
    if (anchored || !anchor) return run();
    const top = anchor.getBoundingClientRect().top;
    run();
    scrollBy(0, anchor.getBoundingClientRect().top - top);
  };

  // After the first paint: the scale goes now to the parts in view, then to the others a few per
  // frame from the next frame on, so that the frame showing the change stays light. While it catches
  // up, <html> carries data-trodoc-sizing (for tests and for operators' scripts).
  const update = () => {
    cancelAnimationFrame(frame);
    sheets = document.styleSheets.length;
    if (!list.length && !painted()) return whole(untagged());
    if (!list.length && wholly) {
      // From the units scaled before the first paint to the parts, at the scale they had: the same
      // sizes, nothing re-laid out.
      wholly = false;
      const before = units();
      const had = before.length ? before[0].getAttribute(PART_SCALE) : null;
      for (const unit of before) unit.removeAttribute(PART_SCALE);
      split();
      if (had) {
        for (const part of list) {
          part.setAttribute(PART_SCALE, had);
          measured.add(part);
        }
      }
    }
    if (!list.length) split();
    const { near, rest, anchor } = order();
    steady(anchor, () => apply(near));
    const step = () => {
      const batch = [];
      for (let budget = PER_FRAME; rest.length && budget > 0;) {
        const part = /** @type {Element} */ (rest.shift());
        batch.push(part);
        budget -= size(part);
      }
      steady(anchor, () => apply(batch));
      if (rest.length) frame = requestAnimationFrame(step);
      else html.removeAttribute('data-trodoc-sizing');
    };
    if (rest.length) {
      html.setAttribute('data-trodoc-sizing', '');
      frame = requestAnimationFrame(() => { frame = requestAnimationFrame(step); });
    } else {
      html.removeAttribute('data-trodoc-sizing');
    }
  };

  // Measurements made so far no longer hold (a new width, a late stylesheet): measure again when
  // needed, in the same order as a change.
  const remeasure = () => {
    for (const part of list) measured.delete(part);
    if (scale() === '1') return;
    if (!list.length && !painted()) {
      for (const el of descendants(target)) el.removeAttribute(TAG);
      wholeBeforePaint();
    } else {
      update();
    }
  };

  // WebKit runs deferred and asynchronous scripts while the page's stylesheets are still loading (other
  // engines wait), and a sheet may also come after the tag: sizes read then would be the browser's
  // defaults. The check runs in animation frames, the last step before a paint, so the frame that
  // first shows the page's styles carries our sizes too. After the window's load event nothing is
  // pending.
  let waiting = false;
  const whenStyled = (run) => {
    if (waiting) return;
    const check = () => {
      waiting = pending();
      if (waiting) requestAnimationFrame(check);
      else run();
    };
    check();
  };

  // The part holding `node`, or null when the node is outside every part (a new block of the target).
  const partOf = (node) => {
    for (let el = node; el && el !== target.parentNode; el = el.parentNode) if (known.has(el)) return el;
    return null;
  };
  const added = new MutationObserver((records) => {
    if (scale() === '1') {
      list = [];  // found again, with the new content, at the next change
      return;
    }
    if (!list.length) {
      // Still one whole (the page is being parsed): what arrived is measured before it is painted.
      return whenStyled(() => (list.length ? update() : wholeBeforePaint()));
    }
    for (const record of records) {
      const part = partOf(record.target);
      if (part) measured.delete(part);
      else list = [];
    }
    whenStyled(update);
  });
  // A new width can switch the page's media queries; a height change alone (a phone's address bar)
  // cannot change text sizes, and fires far more often.
  const resized = () => {
    if (innerWidth === width) return;
    width = innerWidth;
    requestAnimationFrame(remeasure);
  };
  // A stylesheet that arrived after the first measurement (printed late in <body>, say).
  const loaded = () => sheets !== document.styleSheets.length && remeasure();

  let following = false;
  const changed = () => {
    if (!following) {
      if (scale() === '1') return;
      following = true;
      added.observe(target, { childList: true, subtree: true });
      addEventListener('resize', resized);
      if (document.readyState !== 'complete') addEventListener('load', loaded, { once: true });
    }
    whenStyled(update);
  };
  const watchScale = new MutationObserver(changed);
  watchScale.observe(html, { attributes: true, attributeFilter: [SCALE] });
  changed();

  return () => {
    cancelAnimationFrame(frame);
    watchScale.disconnect();
    added.disconnect();
    removeEventListener('resize', resized);
    removeEventListener('load', loaded);
  };
}
