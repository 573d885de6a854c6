// The bar: real <button>s in a role=toolbar (one Tab stop, arrow keys between buttons) inside an open
// shadow root, so the host's CSS cannot break it, its CSS cannot leak, and assistive technology and test
// tools still reach it. Placed before the target like the portals' own bars, or floating in a corner
// behind a disclosure button.

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

// buttons: [{key, short, pressed, run}] in order; key names the text in i18n.js, short is the visible
// label (A-, A, A+) that starts the accessible name (WCAG 2.5.3). Returns the buttons by key so their
// labels, pressed state and visibility can follow the state.
export function renderBar({ target, floating, lang, t, buttons, live }) {
  const host = document.createElement('trodoc-bar');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(BAR_CSS);
  shadow.adoptedStyleSheets = [sheet];

  const toolbar = el('div', { role: 'toolbar', 'aria-label': t.bar, id: 'trodoc-bar', class: 'bar' });
  const byKey = {};
  for (const { key, short, pressed, run } of buttons) {
    const label = short ? [short, el('span', { class: 'sr' }, ' ' + t[key])] : [t[key]];
    const button = el('button', { type: 'button', tabindex: '-1' }, ...label);
    if (pressed !== undefined) button.setAttribute('aria-pressed', String(pressed));
    button.addEventListener('click', run);
    toolbar.append(button);
    byKey[key] = button;
  }
  toolbar.firstChild.tabIndex = 0;
  rove(toolbar, shadow);

  const frame = el('div', { lang, class: 'frame' });
  if (floating) {
    host.setAttribute('data-position', 'floating');
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
  frame.append(live.node);
  shadow.append(frame);

  if (floating) document.body.append(host);
  else if (target === document.body) target.prepend(host);
  else target.before(host);
  return byKey;
}
