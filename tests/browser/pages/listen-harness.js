// The bar from source (i18n, state, live region, toolbar) wired to createListen() as the loader and
// widget/main.js do, so the listen modules can be tested without a build.
import { texts } from '/widget/i18n.js';
import { getState, on, emit, update } from '/widget/state.js';
import { speaker } from '/widget/announce.js';
import { styleSheet } from '/widget/sheets.js';
import { renderBar, barButtons } from '/widget/toolbar.js';
import { createListen } from '/widget/listen/listen.js';
import { listenKeys } from '/widget/listen/keys.js';
import { pickToListen } from '/widget/listen/pick.js';

const server = new URL(import.meta.url).searchParams.get('server');
const target = document.querySelector('#content');
const lang = document.documentElement.lang;
const t = texts(lang);
const css = async (name) => (await fetch(`/widget/${name}`)).text();
styleSheet(document, await css('page.css'), '/widget/page.css');
target.setAttribute('data-trodoc-target', '');
const host = document.createElement('trodoc-bar');
styleSheet(host.attachShadow({ mode: 'open' }), await css('bar.css'), '/widget/bar.css');
renderBar({ host, lang, t, state: getState() });
target.before(host);
const say = speaker(host.shadowRoot.querySelector('[role=status]'));
const signal = new AbortController().signal;
const listen = createListen({ host, roots: [target], base: server, lang, t, say, emit, update, signal,
  onStart: () => {} });
barButtons(host).listen.addEventListener('click', () => listen.toggle());
pickToListen({ roots: [target], shadow: host.shadowRoot, label: t.here, signal, start: listen.from });
listenKeys(listen, signal);
window.TroDoc = { getState, on, play: listen.play, pause: listen.pause, stop: listen.stop };
