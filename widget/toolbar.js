// @ts-check
// The bar at rest: real controls in a role=toolbar (one Tab stop, arrow keys between controls) inside an
// open shadow root, so the host's CSS cannot break it, its CSS cannot leak, and assistive technology and
// test tools still reach it. Four groups that show their state: the text size (A- · current % · A+,
// the % resets), spacing (a toggle), the contrast level (− · level · +, the level a spin button) and
// listening, each in one or two words. The loader renders it, in its final size, in the task that runs the tag; the bundle finds
// the controls by their data-key and gives them behaviour.

import { LEVELS } from './store.js';
import { percent, levelText } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
// 24 × 24 icons, drawn in the text colour (also in forced colours).
export const ICONS = {
  contrast: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2v16a8 8 0 0 1 0-16z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zm8 0h4v16h-4z',
  previous: 'M5 5h3v14H5zm4 7 10 7V5z',
  next: 'M16 5h3v14h-3zM5 19l10-7L5 5z',
  stop: 'M5 5h14v14H5z',
};

/** An element with attributes and children. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** One of ICONS, hidden from assistive technology (the control's text names it). */
export function icon(name) {
  const svg = document.createElementNS(NS, 'svg'), path = document.createElementNS(NS, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** A button: `visible` is what it shows, `name` what follows it in its accessible name (WCAG 2.5.3:
 * the name starts with the visible label). */
export function button(key, visible, name = '') {
  return el('button', { type: 'button', tabindex: '-1', 'data-key': key }, ...visible,
    ...(name ? [el('span', { class: 'sr' }, ' ' + name)] : []));
}

/** `b` as a toggle: showState keeps its aria-pressed. */
const pressable = (b) => {
  b.setAttribute('aria-pressed', 'false');
  return b;
};

/**
 * Roving tabindex (WAI-ARIA APG toolbar): only the last focused control is in the Tab order. Keys with
 * modifiers are left alone, for screen readers and for the player's shortcuts.
 * @param {HTMLElement} toolbar
 */
export function rove(toolbar) {
  const items = () => [...toolbar.querySelectorAll('button:not([hidden]), [role=spinbutton]')];
  toolbar.addEventListener('keydown', (event) => {
    const list = items(), index = list.indexOf(/** @type {Element} */ (event.target));
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: list.length - 1 }[event.key];
    if (to === undefined || index < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    /** @type {HTMLElement} */ (list[(to + list.length) % list.length]).focus();
  });
  toolbar.addEventListener('focusin', (event) => {
    for (const item of items()) /** @type {HTMLElement} */ (item).tabIndex = item === event.target ? 0 : -1;
  });
  /** @type {HTMLElement} */ (items()[0]).tabIndex = 0;
}

/**
 * Shows `state` (scale, contrast, spacing) on the rendered bar: the bundle calls it on every change.
 * @param {ShadowRoot} shadow
 * @param {{ scale: number, contrast: string, spacing: boolean }} state
 * @param {Record<string, any>} t labels
 * @param {string} lang
 */
export function showState(shadow, state, t, lang) {
  const q = (key) => /** @type {HTMLElement} */ (shadow.querySelector(`[data-key=${key}]`));
  const level = LEVELS.indexOf(state.contrast);
  // At either end a button stays pressable: it says the level again, and what is shown already tells.
  /** @type {HTMLElement} */ (q('reset').firstChild).textContent = percent(state.scale, lang);
  const spin = q('contrast');
  /** @type {HTMLElement} */ (spin.lastChild).textContent = t.levels[level];
  spin.setAttribute('aria-valuenow', String(level));
  spin.setAttribute('aria-valuetext', levelText(t, level));
  q('spacing').setAttribute('aria-pressed', String(state.spacing));
}

/**
 * Renders the bar, without behaviour, into the shadow root of `host` (the loader does this in the task
 * that runs the tag, so the bar's space is taken before the page is painted).
 * @param {{ host: HTMLElement, lang: string, t: Record<string, any>,
 *   state: { scale: number, contrast: string, spacing: boolean } }} o
 */
export function renderBar({ host, lang, t, state }) {
  const shadow = /** @type {ShadowRoot} */ (host.shadowRoot);
  const group = (label, ...children) => el('div', { role: 'group', 'aria-label': label, class: 'group' }, ...children);
  // Text first (size, spacing), then colour, then listening: two rows on a phone.
  const toolbar = el('div', { role: 'toolbar', 'aria-label': t.bar, id: 'trodoc-bar', class: 'bar' },
    group(t.size, button('smaller', ['A-'], t.smaller), button('reset', [el('span', {})], t.reset),
      button('larger', ['A+'], t.larger)),
    pressable(button('spacing', [t.spacing])),
    group(t.contrast, button('less', ['−'], t.less),
      el('span', { role: 'spinbutton', tabindex: '-1', 'data-key': 'contrast', 'aria-label': t.contrast,
        'aria-valuemin': '0', 'aria-valuemax': String(LEVELS.length - 1), class: 'level' },
      el('span', { class: 'caption', 'aria-hidden': 'true' }, t.contrast), el('span', {})),
      button('more', ['+'], t.more)),
    button('listen', [icon('play'), t.listenShort], t.listenRest));
  rove(toolbar);

  const frame = el('div', { lang, class: 'frame' });
  if (host.getAttribute('data-position') === 'floating') {
    // The toggle comes first in the focus order; the open bar is drawn above it.
    const toggle = el('button', { type: 'button', class: 'toggle', 'data-key': 'open', 'aria-expanded': 'false',
      'aria-controls': 'trodoc-bar' }, t.open);
    toolbar.hidden = true;
    frame.append(toggle, toolbar);
  } else {
    frame.append(toolbar);
  }
  frame.append(el('div', { role: 'status', class: 'sr' }));
  shadow.append(frame);
  showState(shadow, state, t, lang);
}

/** The rendered controls by key. */
export function barButtons(host) {
  return Object.fromEntries([...host.shadowRoot.querySelectorAll('[data-key]')].map((b) => [b.dataset.key, b]));
}
