// @ts-check
// The bundle's entry: the loader has applied the saved settings, tagged the target and rendered the bar;
// this gives the bar its behaviour and adds window.TroDoc, the widget's one global. The listening controls are driven by listen/listen.js.

import { STEPS, LEVELS } from './store.js';
import { language, texts } from './i18n.js';
import { getState, on, emit, update } from './state.js';
import { speaker } from './announce.js';
import { barButtons } from './toolbar.js';
import { createListen } from './listen/listen.js';
import { countUsage } from './usage.js';

const me = document.currentScript;
const target = document.querySelector('[data-trodoc-target]');
const host = document.querySelector('trodoc-bar');

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

function start() {
  const lang = language(me.dataset.lang);
  const t = texts(lang);
  const say = speaker(host.shadowRoot.querySelector('[role=status]'));
  const percent = (scale) => `${t.size} ${(scale * 100).toLocaleString(lang)} %`;
  const size = (direction) => say(percent(setScale(direction ? neighbour(STEPS, getState().scale, direction) : 1)));
  const contrast = (direction) => say(t[setContrast(neighbour(LEVELS, getState().contrast, direction))]);
  const spacing = () => {
    update({ spacing: !getState().spacing });
    say(`${t.spacing}: ${getState().spacing ? t.on : t.off}`);
  };

  const buttons = barButtons(host);
  const actions = {
    smaller: () => size(-1), reset: () => size(0), larger: () => size(1),
    more: () => contrast(1), less: () => contrast(-1), spacing,
    listen: () => listen.toggle(), stop: () => listen.stop(), previous: () => listen.previous(),
    next: () => listen.next(), rate: () => listen.rate(),
  };
  for (const key in actions) buttons[key].addEventListener('click', actions[key]);
  on('change', (state) => buttons.spacing.setAttribute('aria-pressed', String(state.spacing)));
  const base = new URL(me.src).origin;
  const listen = createListen({ buttons, root: target, base, lang, t, say, emit, update });
  countUsage(base, target);

  window.TroDoc = Object.freeze({
    getState,
    setScale,
    setContrast,
    play: listen.play,
    pause: listen.pause,
    stop: listen.stop,
    on,
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
