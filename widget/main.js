// @ts-check
// The bundle's entry: the loader has applied the saved settings, tagged the target (and the title) and
// rendered the bar; this gives the bar its behaviour and adds window.TroDoc, the widget's one global.
// Listening is driven by listen/listen.js, in a bundle of its own loaded on first use.

import { STEPS, LEVELS } from './store.js';
import { language, texts, percent, levelText } from './i18n.js';
import { getState, on, emit, update } from './state.js';
import { speaker } from './announce.js';
import { barButtons, showState } from './toolbar.js';
import { listenKeys } from './listen/keys.js';
import { pickToListen } from './listen/pick.js';
import { countUsage } from './usage.js';

const me = /** @type {HTMLScriptElement} */ (document.currentScript);
const target = document.querySelector('[data-trodoc-target]');
const host = /** @type {HTMLElement} */ (document.querySelector('trodoc-bar'));

function setScale(n) {
  if (!Number.isFinite(n)) throw new TypeError('TroDoc.setScale: expected a number such as 1.25');
  // Any number is allowed; the nearest step is used, as page.css and the measured rules know only those.
  const scale = STEPS.reduce((best, step) => (Math.abs(step - n) < Math.abs(best - n) ? step : best));
  update({ scale });
  return scale;
}

function setContrast(level) {
  if (!LEVELS.includes(level)) throw new RangeError(`TroDoc.setContrast: one of ${LEVELS.join(', ')}`);
  update({ contrast: level });
  return level;
}

const neighbour = (list, value, direction) =>
  list[Math.min(list.length - 1, Math.max(0, list.indexOf(value) + direction))];

/** The floating bar's toggle: closed means gone (hidden, out of the Tab order); focus goes into the bar
 * when it opens and back to the toggle when it closes. */
function disclosure(toggle, bar, signal) {
  const show = (open, focus) => {
    bar.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (focus) (open ? bar.querySelector('[tabindex="0"]') : toggle).focus();
  };
  toggle.addEventListener('click', () => show(bar.hidden, true), { signal });
  // Escape closes the open bar only while focus is inside it; the page's own keys are never touched.
  bar.addEventListener('keydown', (event) => event.key === 'Escape' && show(false, true), { signal });
  return show;
}

/**
 * The listening part, a bundle of its own loaded on first use (most readers never listen): its controls
 * wait for it; pause, stop and the rest do nothing until it is there.
 * @param {HTMLElement} host
 * @param {DOMStringMap} data the bundle's tag: where the part is, and its SRI hash
 * @param {(create: Function) => Record<string, Function>} create makes the controls once it is loaded
 * @param {() => void} failed
 * @param {() => void} pressed called at once, inside the reader's click or key press, by every control
 * that starts reading
 */
function lazyListen(host, data, create, failed, pressed) {
  let ctl = null, loading = null;
  const load = () => loading || (loading = new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = /** @type {string} */ (data.listen);
    script.integrity = /** @type {string} */ (data.listenIntegrity);
    script.crossOrigin = 'anonymous';
    host.addEventListener('trodoc:listen', (e) => resolve(ctl = create(/** @type {CustomEvent} */ (e).detail)), { once: true });
    script.addEventListener('error', () => {
      script.remove();
      loading = null;
      reject(new Error('listen'));
    });
    document.head.append(script);
  }).catch(failed));
  const later = (name) => (...args) => {
    pressed();
    return ctl ? ctl[name](...args) : load().then((c) => c && c[name](...args));
  };
  const now = (name) => (...args) => ctl && ctl[name](...args);
  return {
    load,
    play: later('play'), toggle: later('toggle'), here: later('here'), from: later('from'),
    pause: now('pause'), stop: now('stop'), next: now('next'), previous: now('previous'),
    state: () => (ctl ? ctl.state() : { playing: false }),
  };
}

function start() {
  const lang = language(me.dataset.lang);
  const t = texts(lang);
  const shadow = /** @type {ShadowRoot} */ (host.shadowRoot);
  const say = speaker(/** @type {Element} */ (shadow.querySelector('[role=status]')));
  // Every listener the bundle adds goes with this signal (TroDoc.destroy).
  const life = new AbortController(), signal = life.signal;
  const size = (direction) => say(`${t.size} ${percent(setScale(direction
    ? neighbour(STEPS, getState().scale, direction) : 1), lang)}`, 'size');
  const contrast = (direction) => {
    const level = setContrast(neighbour(LEVELS, getState().contrast, direction));
    say(levelText(t, LEVELS.indexOf(level)), 'contrast');
  };
  const spacing = () => {
    update({ spacing: !getState().spacing });
    say(`${t.spacing}: ${getState().spacing ? t.on : t.off}`, 'spacing');
  };

  const buttons = barButtons(host);
  const bar = /** @type {HTMLElement} */ (shadow.querySelector('.bar'));
  const open = buttons.open ? disclosure(buttons.open, bar, signal) : null;
  const actions = {
    smaller: () => size(-1), reset: () => size(0), larger: () => size(1),
    less: () => contrast(-1), more: () => contrast(1), spacing,
    listen: () => listen.toggle(),
  };
  for (const key in actions) buttons[key].addEventListener('click', actions[key], { signal });
  // The listening part is fetched as the finger or the focus reaches its button, before the click.
  for (const type of ['pointerdown', 'focus']) buttons.listen.addEventListener(type, () => listen.load(), { signal });
  // The level is a spin button: up and down change it (left and right move along the toolbar).
  buttons.contrast.addEventListener('keydown', (event) => {
    const direction = { ArrowUp: 1, ArrowDown: -1 }[event.key];
    if (!direction) return;
    event.preventDefault();
    contrast(direction);
  }, { signal });
  on('change', (state) => showState(shadow, state, t, lang));
  const base = new URL(me.src).origin;
  const title = document.querySelector('[data-trodoc-title]');
  const roots = title ? [title, target] : [target];
  // Safari plays an <audio> outside a tap only once it was loaded during one, and the listening part
  // and the playlist arrive after the tap: the element they play in is loaded at each press while it
  // holds no recording (a press replayed by the loader, or TroDoc.play(), may not be a tap).
  const audio = new Audio();
  const prime = () => { if (!audio.hasAttribute('src')) audio.load(); };
  const listen = lazyListen(host, me.dataset, (createListen) => createListen({
    host, roots, base, lang, t, say, emit, update, signal, voice: me.dataset.voice, audio,
    // Listening in floating mode closes the bar: the player holds the controls, and the open bar
    // would cover the sentence being read.
    onStart: () => open && open(false, false),
  }), () => {
    say(t.unavailable, 'voice');
    emit('error', { type: 'unavailable', message: t.unavailable });
  }, prime);
  pickToListen({ roots, shadow, label: t.here, signal, start: listen.from });
  listenKeys(listen, signal);
  countUsage(base, target);

  window.TroDoc = Object.freeze({
    getState,
    setScale,
    setContrast,
    play: listen.play,
    pause: listen.pause,
    stop: listen.stop,
    on,
    /** Removes the widget and everything it added, for pages that replace their content in place. */
    destroy() {
      listen.stop();
      life.abort();
      document.dispatchEvent(new Event('trodoc:destroy'));  // the loader's part (see loader.js)
      delete window.TroDoc;
    },
  });
  // Operators' styles and scripts can tell a bar that works from one still waiting for this bundle.
  host.setAttribute('data-ready', '');
  // A button pressed while this bundle was on its way (see the loader).
  const pending = host.getAttribute('data-pending');
  host.removeAttribute('data-pending');
  if (pending && buttons[pending]) buttons[pending].click();
}

// Loaded by the loader, which tags the target first; a copy of the bundle loaded twice stays quiet.
if (me && target && host && host.shadowRoot && !window.TroDoc) start();
