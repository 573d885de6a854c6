// @ts-check
// The bar: real <button>s in a role=toolbar (one Tab stop, arrow keys between buttons) inside an open
// shadow root, so the host's CSS cannot break it, its CSS cannot leak, and assistive technology and test
// tools still reach it. The loader has put the shadow host before the target (like the portals' own
// bars) or in a corner (floating, behind a disclosure button), with its stylesheet.

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// Roving tabindex (WAI-ARIA APG toolbar): only the last focused button is in the Tab order. Keys with
// modifiers are left alone, for screen readers and for the player's shortcuts.
function rove(toolbar, shadow) {
  toolbar.addEventListener('keydown', (event) => {
    const items = [...toolbar.querySelectorAll('button:not([hidden])')];
    const index = items.indexOf(shadow.activeElement);
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined || index < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    items[(to + items.length) % items.length].focus();
  });
  toolbar.addEventListener('focusin', (event) => {
    for (const button of toolbar.querySelectorAll('button')) button.tabIndex = button === event.target ? 0 : -1;
  });
}

// The bar's buttons in order: key names the text in i18n.js; short is the visible label (A-, A, A+) that
// starts the accessible name (WCAG 2.5.3); pressed marks a toggle. The listening controls after `listen`
// stay hidden until reading starts.
const BUTTONS = [
  { key: 'smaller', short: 'A-' }, { key: 'reset', short: 'A' }, { key: 'larger', short: 'A+' },
  { key: 'more' }, { key: 'less' }, { key: 'spacing', pressed: true }, { key: 'listen' },
  { key: 'stop', hidden: true }, { key: 'previous', hidden: true }, { key: 'next', hidden: true },
  { key: 'rate', hidden: true },
];

/**
 * Renders the bar, without behaviour, into the shadow root of `host` (the loader does this in the task
 * that runs the tag, so the bar's space is taken before the page is painted). The bundle then finds the
 * buttons by their data-key and the live region by its role.
 * @param {{ host: HTMLElement, lang: string, t: Record<string, string>, spacing: boolean }} o
 */
export function renderBar({ host, lang, t, spacing }) {
  const shadow = /** @type {ShadowRoot} */ (host.shadowRoot);
  const toolbar = el('div', { role: 'toolbar', 'aria-label': t.bar, id: 'trodoc-bar', class: 'bar' });
  for (const { key, short, pressed, hidden } of BUTTONS) {
    const label = short ? [short, el('span', { class: 'sr' }, ' ' + t[key])] : [t[key]];
    const button = el('button', { type: 'button', tabindex: '-1', 'data-key': key }, ...label);
    if (pressed) button.setAttribute('aria-pressed', String(spacing));
    button.hidden = Boolean(hidden);
    toolbar.append(button);
  }
  /** @type {HTMLElement} */ (toolbar.firstChild).tabIndex = 0;
  rove(toolbar, shadow);

  const frame = el('div', { lang, class: 'frame' });
  if (host.getAttribute('data-position') === 'floating') {
    const toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'trodoc-bar' }, t.open);
    const show = (open) => {
      toolbar.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    };
    toggle.addEventListener('click', () => show(toolbar.hidden));
    // Escape closes the open bar only while focus is inside it; the page's own keys are never touched.
    toolbar.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      show(false);
      toggle.focus();
    });
    show(false);
    frame.append(toolbar, toggle);
  } else {
    frame.append(toolbar);
  }
  frame.append(el('div', { role: 'status', class: 'sr' }));
  shadow.append(frame);
}

/** The rendered bar's buttons by key. */
export function barButtons(host) {
  return Object.fromEntries([...host.shadowRoot.querySelectorAll('[data-key]')].map((b) => [b.dataset.key, b]));
}
