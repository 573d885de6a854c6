// The bundle's entry: the loader has applied the saved settings and tagged the target; this adds the bar
// and window.TroDoc, the widget's one global. The listening controls are driven by listen/listen.js.

import { STEPS, LEVELS } from './store.js';
import { language, texts } from './i18n.js';
import { getState, on, emit, update } from './state.js';
import { liveRegion } from './announce.js';
import { renderBar } from './toolbar.js';
import { createListen } from './listen/listen.js';
import { countUsage } from './usage.js';

const me = document.currentScript;
const target = document.querySelector('[data-trodoc-target]');

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
  const live = liveRegion();
  const percent = (scale) => `${t.size} ${(scale * 100).toLocaleString(lang)} %`;
  const size = (direction) => live.say(percent(setScale(direction ? neighbour(STEPS, getState().scale, direction) : 1)));
  const contrast = (direction) => live.say(t[setContrast(neighbour(LEVELS, getState().contrast, direction))]);

  const buttons = renderBar({
    target,
    floating: me.dataset.position === 'floating',
    lang,
    t,
    live,
    buttons: [
      { key: 'smaller', short: 'A-', run: () => size(-1) },
      { key: 'reset', short: 'A', run: () => size(0) },
      { key: 'larger', short: 'A+', run: () => size(1) },
      { key: 'more', run: () => contrast(1) },
      { key: 'less', run: () => contrast(-1) },
      {
        key: 'spacing',
        pressed: getState().spacing,
        run: () => {
          update({ spacing: !getState().spacing });
          live.say(`${t.spacing}: ${getState().spacing ? t.on : t.off}`);
        },
      },
      { key: 'listen', run: () => listen.toggle() },
      ...['stop', 'previous', 'next', 'rate'].map((key) => ({ key, run: () => listen[key]() })),
    ],
  });
  on('change', (state) => buttons.spacing.setAttribute('aria-pressed', String(state.spacing)));
  const base = new URL(me.src).origin;
  const listen = createListen({ buttons, root: target, base, lang, t, say: live.say, emit, update });
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
}

// Loaded by the loader, which tags the target first; a copy of the bundle loaded twice stays quiet.
if (me && target && !window.TroDoc) start();
