// The part-1 bar from source (i18n, state, live region, toolbar) wired to createListen() exactly as
// widget/main.js does, so the listen modules can be tested without a build.
import { texts } from '/widget/i18n.js';
import { getState, on, emit, update } from '/widget/state.js';
import { liveRegion } from '/widget/announce.js';
import { renderBar } from '/widget/toolbar.js';
import { createListen } from '/widget/listen/listen.js';

const server = new URL(import.meta.url).searchParams.get('server');
// toolbar.js reads the stylesheet constant the build makes of bar.css.
window.BAR_CSS = await (await fetch('/widget/bar.css')).text();
const target = document.querySelector('#content');
const lang = document.documentElement.lang;
const t = texts(lang);
const live = liveRegion();
let listen;
const buttons = renderBar({
  target, floating: false, lang, t, live,
  buttons: ['listen', 'stop', 'previous', 'next', 'rate'].map((key) => ({
    key, run: () => listen[key === 'listen' ? 'toggle' : key](),
  })),
});
listen = createListen({ buttons, root: target, base: server, lang, t, say: live.say, emit, update });
window.TroDoc = { getState, on, play: listen.play, pause: listen.pause, stop: listen.stop };
