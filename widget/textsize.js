// @ts-check
// Text size and text spacing, exact and cheap. Each element of the article (the target, and the title
// when it stands outside it) is tagged with the index of what the page alone gives it (data-trodoc-fs):
// its computed font size, line height, letter and word spacing, and for a paragraph the space after
// it. One generated rule per distinct set scales them, calc(var(--trodoc-scale) * <measured px>):
// whatever unit or !important the page used, the computed px value is what the reader sees, so scaling
// it is exact. A second rule per set gives text spacing (WCAG 1.4.12) as minimums: each value is the
// larger of the page's own, at the current scale, and the WCAG one, so spacing never tightens a page
// that already has more.
//
// A long article is not re-laid out in one go: that costs far more than a frame. It is cut into parts
// (the largest subtrees of at most PART elements, or an element with text of its own), and a change
// of size applies the new scale to the parts on screen at once, then to the others a few per frame,
// nearest first. Each part carries its scale (data-trodoc-s), so a part's sizes change only when its
// turn comes, and nothing moves on screen: the parts above the view are corrected by scroll anchoring
// (or, where the engine has none, by scrolling the same distance). Text spacing applies to the whole
// article at once, as a page rule would: the parts not measured yet are measured together when it is
// turned on.
//
// Nothing is measured while the scale is 100 % and spacing is off: a visitor who never touches the bar
// costs the page no per-element work. Parts are measured just before they are first needed, and again
// when content is added to them, when the width changes (the page's media queries may change sizes:
// resize, rotation) and when a stylesheet arrives late. Every measurement runs before the frame that
// shows it; an element not measured yet matches no rule and keeps the page's own values.

import { STEPS } from './store.js';

const html = document.documentElement;
const TAG = 'data-trodoc-fs';
const PART_SCALE = 'data-trodoc-s';
const SCALE = 'data-trodoc-scale';
const SPACING = 'data-trodoc-spacing';
const SIZING = 'data-trodoc-sizing';
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

/** A length the page gave at 100 %, at the current scale (1 outside the scaled parts). */
const scaled = (px) => `calc(var(--trodoc-scale,1) * ${px})`;

/** The larger of `least` (an em value) and the page's own `px`, which may also be 'normal' or ≤ 0. */
const atLeast = (least, px) => (parseFloat(px) > 0 ? `max(${least}, ${scaled(px)})` : least);

/**
 * What the page alone gives `el`, as one key: font size, line height, letter and word spacing, and for
 * a paragraph its bottom margin (engines lay the page out for that read only when the margin is a
 * percentage or auto). Computed values hold no spaces.
 * @param {Element} el
 */
function readKey(el) {
  const style = getComputedStyle(el);
  const key = `${style.fontSize} ${style.lineHeight} ${style.letterSpacing} ${style.wordSpacing}`;
  return el.localName === 'p' ? `${key} ${style.marginBottom}` : key;
}

/**
 * The rules for one measured key. Size: the page's font size and line height times the scale. Spacing
 * (WCAG 1.4.12): line height 1.5, letter spacing 0.12, word spacing 0.16 and paragraph spacing 2 times
 * the font size at least. The spacing rule is the more specific, so with both on its line height
 * (which already follows the scale) wins. A line height of 'normal' cannot be compared in CSS: text
 * fonts set it below 1.5, so 1.5 is taken.
 * @param {string} key from readKey
 * @param {number} index
 */
function keyRules(key, index) {
  const [size, line, letters, words, after] = key.split(' ');
  const tag = `[${TAG}="${index}"]`;
  return `[${PART_SCALE}]${tag},[${PART_SCALE}] ${tag}{font-size:${scaled(size)}!important;`
    + `line-height:${line === 'normal' ? 'normal' : scaled(line)}!important}`
    + `html[${SPACING}="on"] ${tag}{line-height:${atLeast('1.5em', line)}!important;`
    + `letter-spacing:${atLeast('.12em', letters)}!important;word-spacing:${atLeast('.16em', words)}!important`
    + (after ? `;margin-bottom:${atLeast('2em', after)}!important}` : '}');
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

/** `el` and every element in it. */
const descendants = (el) => [el, ...el.getElementsByTagName('*')];

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
 * Keeps the text of `roots` at the scale on <html> (data-trodoc-scale) and, with data-trodoc-spacing,
 * at the WCAG text spacing, whenever either is not the default. The roots share one registry of keys
 * and one generated rule set (`sheet.set` replaces the whole rule).
 * @param {Element[]} roots the article (tagged data-trodoc-target), after its title when that stands
 *   outside it (data-trodoc-title); never one inside another
 * @param {{ set(rule: string): void }} sheet where the generated rules go (see sheets.js)
 * @returns {() => void} stops following
 */
export function followSizes(roots, sheet) {
  roots = [...roots].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const keys = new Map();
  let rules = '';
  let list = [];                     // the parts, in document order ([] until needed)
  let known = new WeakSet();         // the same, to find the part of an element
  let resplit = false;               // content came outside every part: cut again at the next update
  const measured = new WeakSet();    // parts whose elements carry current tags
  let frame = 0, width = innerWidth, sheets = 0;

  const scale = () => html.getAttribute(SCALE) || '1';
  const spacing = () => html.getAttribute(SPACING) === 'on';
  const needed = () => scale() !== '1' || spacing();
  const everything = () => roots.flatMap(descendants);
  const split = () => {
    list = roots.flatMap(parts);
    known = new WeakSet(list);
    resplit = false;
  };

  // What the page alone gives `elements`: the scale of `within` (parts, or units of the roots) is
  // taken off for the reads, and so is text spacing, then both are given back in the same task, so
  // nothing is painted. All reads come before all writes: one style recalculation.
  const measure = (within, elements) => {
    if (!elements.length) return;
    const own = within.map((el) => el.getAttribute(PART_SCALE)), spaced = html.getAttribute(SPACING);
    within.forEach((el, i) => own[i] && el.removeAttribute(PART_SCALE));
    if (spaced) html.removeAttribute(SPACING);
    const read = elements.map(readKey);
    within.forEach((el, i) => own[i] && el.setAttribute(PART_SCALE, /** @type {string} */ (own[i])));
    if (spaced) html.setAttribute(SPACING, spaced);
    const before = keys.size;
    elements.forEach((el, i) => {
      let index = keys.get(read[i]);
      if (index === undefined) {
        keys.set(read[i], (index = keys.size));
        rules += keyRules(read[i], index);
      }
      if (el.getAttribute(TAG) !== String(index)) el.setAttribute(TAG, String(index));
    });
    if (keys.size !== before) sheet.set(`@layer trodoc{${STEP_RULES}${rules}}`);
  };
  const measureParts = (fresh) => {
    measure(fresh, fresh.flatMap(descendants));
    fresh.forEach((part) => measured.add(part));
  };
  const setScale = (el, want) => {
    if (want === '1') el.removeAttribute(PART_SCALE);
    else if (el.getAttribute(PART_SCALE) !== want) el.setAttribute(PART_SCALE, want);
  };

  // Parts to the current scale, measured first where needed.
  const apply = (batch) => {
    const want = scale();
    const live = batch.filter((part) => part.isConnected);
    if (want !== '1') measureParts(live.filter((part) => !measured.has(part)));
    live.forEach((part) => setScale(part, want));
  };
  const size = (part) => part.getElementsByTagName('*').length + 1;
  // A part that the current settings have not reached yet.
  const behind = (part) => (part.getAttribute(PART_SCALE) || '1') !== scale()
    || (scale() !== '1' && !measured.has(part));

  // Before the first paint (a saved setting, the tag in <head>) the roots' children take the scale all
  // at once: the page's first layout is then made at that size. What the parser adds later is measured
  // in the next animation frame, the step just before a paint, in one go; a unit that is still being
  // parsed has its scale taken off for the reads, no other.
  let queued = false, wholly = false;
  const untagged = () => everything().filter((el) => !el.hasAttribute(TAG));
  // A root with text of its own is one unit, as it is one part.
  const units = () => roots.flatMap((root) => (ownText(root) ? [root] : [...root.children]));
  const whole = (elements) => {
    const all = units();
    if (needed()) {
      const set = new Set(all);
      const unitOf = (el) => {
        while (el && !set.has(el)) el = el.parentElement;
        return el;
      };
      const growing = new Set(elements.map(unitOf));
      measure([...growing].filter((unit) => unit && unit.hasAttribute(PART_SCALE)), elements);
    }
    for (const unit of all) setScale(unit, scale());
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
  // From the units scaled before the first paint to the parts, at the scale they had: the same sizes,
  // nothing re-laid out. A part whose elements are all tagged keeps its measurements (tags made
  // before the first paint are removed when they stop holding).
  const fromWhole = () => {
    wholly = false;
    const before = units();
    const had = before.length ? before[0].getAttribute(PART_SCALE) : null;
    for (const unit of before) unit.removeAttribute(PART_SCALE);
    split();
    for (const part of list) {
      if (had) part.setAttribute(PART_SCALE, had);
      if (descendants(part).every((el) => el.hasAttribute(TAG))) measured.add(part);
    }
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
    return { near: list.slice(first, Math.max(first, last)), rest: rest.filter(behind), anchor };
  };

  // Where the engine has no scroll anchoring (Safari), parts growing above the view would push the
  // text being read down: scroll by as much as the first part in view moved.
  const steady = (anchor, run) => {
    if (anchored || !anchor) return run();
    const top = anchor.getBoundingClientRect().top;
    run();
    scrollBy(0, anchor.getBoundingClientRect().top - top);
  };

  // After the first paint: text spacing needs every part measured, at once. The scale goes now to the
  // parts in view, then to the others a few per frame from the next frame on, so that the frame
  // showing the change stays light. While it catches up, <html> carries data-trodoc-sizing (for tests
  // and for operators' scripts).
  const update = () => {
    cancelAnimationFrame(frame);
    sheets = document.styleSheets.length;
    if (!list.length && !painted()) return whole(untagged());
    if (!list.length && wholly) fromWhole();
    if (!list.length || resplit) split();
    if (spacing()) measureParts(list.filter((part) => part.isConnected && !measured.has(part)));
    if (!list.some(behind)) return html.removeAttribute(SIZING);
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
      else html.removeAttribute(SIZING);
    };
    if (rest.length) {
      html.setAttribute(SIZING, '');
      frame = requestAnimationFrame(() => { frame = requestAnimationFrame(step); });
    } else {
      html.removeAttribute(SIZING);
    }
  };

  // Measurements made so far no longer hold (a new width, a late stylesheet): measure again when
  // needed, in the same order as a change. Before the parts exist the tags are all there is to forget.
  const remeasure = () => {
    for (const part of list) measured.delete(part);
    if (!list.length) for (const el of everything()) el.removeAttribute(TAG);
    if (!needed()) return;
    if (!list.length && !painted()) wholeBeforePaint();
    else update();
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

  // The part holding `node`, or null when the node is outside every part (a new block of a root).
  const partOf = (node) => {
    for (let el = node; el; el = el.parentNode) if (known.has(el)) return el;
    return null;
  };
  const added = new MutationObserver((records) => {
    if (!list.length) {
      // Still one whole (the page is being parsed): what arrived is measured before it is painted.
      if (needed()) whenStyled(() => (list.length ? update() : wholeBeforePaint()));
      return;
    }
    for (const record of records) {
      const part = partOf(record.target);
      if (part) measured.delete(part);
      else resplit = true;
    }
    if (needed()) whenStyled(update);
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

  // The settings as last handled: measuring takes text spacing off and gives it back, which the
  // observer below also sees.
  let following = false, settings = '';
  const changed = () => {
    const now = `${scale()} ${spacing()}`;
    if (now === settings) return;
    settings = now;
    if (!following) {
      if (!needed()) return;
      following = true;
      for (const root of roots) added.observe(root, { childList: true, subtree: true });
      addEventListener('resize', resized);
      if (document.readyState !== 'complete') addEventListener('load', loaded, { once: true });
    }
    whenStyled(update);
  };
  const watch = new MutationObserver(changed);
  watch.observe(html, { attributes: true, attributeFilter: [SCALE, SPACING] });
  changed();

  return () => {
    cancelAnimationFrame(frame);
    watch.disconnect();
    added.disconnect();
    removeEventListener('resize', resized);
    removeEventListener('load', loaded);
  };
}
