// @ts-check
// Nghe bài viết: ties extraction, playlist, player, highlight, media session and fallback to the bar.
// The bar (main.js) owns its buttons, the live region and window.TroDoc's state; this drives the
// player (controls.js) and tells the rest through say, emit and update.

import { readBlocks, blockRange, pointIn } from './extract.js';
import { articleSlug, loadPlaylist } from './playlist.js';
import { audioEngine, createPlayer, READING_RATES } from './player.js';
import { voiceChooser } from './voice.js';
import { renderPlayer } from './controls.js';
import { readingMarker } from './highlight.js';
import { mediaSession } from './media-session.js';
import { sentenceSegments, synthEngine } from './fallback.js';
import { speedText } from '../i18n.js';

/**
 * @typedef {object} ListenOptions
 * @property {HTMLElement} host the bar's shadow host
 * @property {Element[]} roots what is read, in order: the title when it stands outside the target, the target
 * @property {string} base the reading server's origin
 * @property {string} lang
 * @property {Record<string, any>} t every text (i18n.js)
 * @property {(message: string, topic?: string) => void} say the bar's live region (announce.js)
 * @property {(event: string, detail: any) => void} emit window.TroDoc's events
 * @property {(patch: object) => void} update window.TroDoc's state
 * @property {AbortSignal} signal removes every listener added here
 * @property {() => void} onStart called when reading starts
 * @property {string} [voice] data-voice: auto (default), server or device
 * @property {HTMLAudioElement} [audio] the element the recordings play in
 */

/** @param {ListenOptions} o */
export function createListen({ host, roots, base, lang, t, say, emit, update, signal, onStart, voice, audio }) {
  const shadow = /** @type {ShadowRoot} */ (host.shadowRoot);
  const frame = /** @type {HTMLElement} */ (shadow.querySelector('.frame'));
  const listenButton = /** @type {HTMLElement} */ (shadow.querySelector('[data-key=listen]'));
  const floating = host.getAttribute('data-position') === 'floating';
  const target = roots[roots.length - 1];
  const slug = articleSlug(target);
  const ui = renderPlayer({ frame, t, docked: !floating, download: slug
    ? new URL(`/api/v1/articles/${encodeURIComponent(slug)}/audio.mp3`, base).href : '' });
  let blocks = [], ready, synthOn, tick, session, stand = null, onDevice = false;

  // The viewport less the widget's fixed controls at its bottom: where the sentence being read goes.
  const band = () => {
    const box = (floating ? frame : ui.root).getBoundingClientRect();
    return { top: 0, bottom: box.height ? Math.min(innerHeight, box.top) : innerHeight };
  };
  const mark = readingMarker(shadow, band, signal);
  const speed = (r) => `${t.rate} ${speedText(r, lang)}`;
  /** @type {HTMLElement} */ (ui.keys.rate.lastChild).textContent = speedText(1, lang);

  const clock = (ms) => { const s = ms / 1000 | 0; return `${s / 60 | 0}:${String(s % 60).padStart(2, '0')}`; };
  const show = () => {
    const s = player.state();
    ui.position.textContent = s.segment < 0 ? ''
      : `${t.sentence} ${s.segment + 1}/${s.total} · ${clock(s.elapsed)}${onDevice ? ` · ${t.deviceVoice}` : ''}`;
  };
  // The player replaces the bar's listen button while reading; focus follows when it was on either.
  const open = (on) => {
    if (on === !ui.root.hidden) return;
    const focused = shadow.activeElement;
    ui.show(on);
    listenButton.hidden = on;
    // The bar keeps its Tab stop: a hidden button cannot hold it, so its first control does meanwhile,
    // and gives it back unless the reader moved it.
    if (on && listenButton.tabIndex === 0) {
      listenButton.tabIndex = -1;
      (stand = /** @type {HTMLElement} */ (shadow.querySelector('.bar button:not([hidden])'))).tabIndex = 0;
    } else if (!on && stand) {
      if (stand.tabIndex === 0) [stand.tabIndex, listenButton.tabIndex] = [-1, 0];
      stand = null;
    }
    if (on && focused === listenButton) ui.keys.toggle.focus();
    if (!on && ui.root.contains(focused)) (floating ? /** @type {HTMLElement} */ (shadow.querySelector('.toggle')) : listenButton).focus();
    if (on) onStart();
  };
  // Switches to the browser's voice and says so; when it is missing or already failed, says that
  // listening is unavailable and returns false.
  const fallback = () => {
    const e = !synthOn && synthEngine(lang);
    if (e) { synthOn = true; player.use(e); say(t.fallback, 'voice'); return true; }
    say(t.unavailable, 'voice');
    emit('error', { type: 'unavailable', message: t.unavailable });
    return false;
  };
  // A recording that failed: when the server does serve it, this browser cannot play it (no audio
  // device, no MP3 decoder): say so and stop, rather than read on in another voice nobody hears either.
  // Otherwise the server did not answer: the browser's voice takes over.
  const failed = async (segment) => {
    let served = false;
    if (segment && segment.audio && !synthOn) {
      try {
        const res = await fetch(segment.audio, { method: 'HEAD' });
        served = res.ok && (res.headers.get('Content-Type') || '').startsWith('audio/');
      } catch {
        // Unreachable: the server's failure, not the browser's.
      }
    }
    if (!served && fallback()) return;
    player.stop();
    if (served) {
      say(t.unplayable, 'listen');  // instead of "stopped": it says so, and why
      emit('error', { type: 'unplayable', message: t.unplayable });
    }
  };
  let was = false;
  const voices = voiceChooser(audioEngine(audio), lang, voice, (which) => {
    onDevice = which === 'device';
    say(onDevice ? t.onDevice : t.onServer, 'voice');
    show();
  });
  const player = createPlayer((type, d) => {
    if (type === 'segment') {
      const x = blocks[d.block];
      if (d.index < 0 && !ui.root.hidden) {
        open(false);
        say(d.ended ? t.ended : t.stopped, 'listen');
      }
      mark(x && d.index >= 0 ? blockRange(x, d.start, d.end) : null);
      show();
      update({ segment: d.index < 0 ? null : d.index });
      emit('segment', d);
    } else if (type === 'change') {
      clearInterval(tick);
      if (d.playing) tick = setInterval(show, 1000);
      show();
      // Said on a change of playing only: a new speed, or the next sentence, is not news.
      if (d.playing !== was && d.segment >= 0) say(d.playing ? t.reading : t.paused, 'listen');
      was = d.playing;
      ui.playing(d.playing);
      /** @type {HTMLElement} */ (ui.keys.rate.lastChild).textContent = speedText(d.rate, lang);
      if (session) session(d.playing);
      update({ playing: d.playing, rate: d.rate });
    } else if (d.failed) failed(d.segment);
    else if (d.blocked) emit('error', { type: 'blocked' });
  }, voices);
  // Blocks and playlist on first use; without the server, the page's own sentences for the browser's voice.
  const prepare = () => ready || (ready = (async () => {
    blocks = readBlocks(roots, host);
    try {
      player.load(await loadPlaylist(base, target, blocks, lang));
    } catch (e) {
      if (!fallback()) throw e;
      player.load(sentenceSegments(blocks));
    }
    session = session || mediaSession(blocks.length ? blocks[0].text : document.title, ctl, signal);
  })().catch(() => { ready = null; }));
  const start = (from) => prepare().then(() => {
    if (!ready) return;
    open(true);
    player.play(from);
  });
  // From a point in the page: the segment that holds it, or the next one.
  const fromPoint = (node, offset) => prepare().then(() => {
    const p = pointIn(blocks, node, offset);
    const i = p ? player.list().findIndex((s) => s.block > p.block || (s.block === p.block && s.end > p.offset)) : -1;
    if (i >= 0) start(i);
  });
  // The caret or selection in the article, else the first sentence on screen.
  const here = () => {
    const s = document.getSelection(), r = s && s.rangeCount ? s.getRangeAt(0) : null;
    if (r && roots.some((root) => root.contains(r.startContainer))) return fromPoint(r.startContainer, r.startOffset);
    return prepare().then(() => {
      const i = player.list().findIndex((x) => x.block >= 0
        && blockRange(blocks[x.block], x.start, x.end).getBoundingClientRect().bottom > 0);
      start(Math.max(0, i));
    });
  };

  const ctl = {
    play: () => start(),
    pause: player.pause,
    toggle: () => (player.state().playing ? player.pause() : start()),
    stop: player.stop,
    next: player.next,
    previous: player.prev,
    here,
    from: fromPoint,
    state: player.state,
    rate() {
      const r = READING_RATES[(READING_RATES.indexOf(player.state().rate) + 1) % READING_RATES.length];
      player.rate(r);
      say(speed(r), 'rate');
    },
  };
  for (const [key, fn] of Object.entries({ previous: ctl.previous, toggle: ctl.toggle, next: ctl.next,
    rate: ctl.rate, stop: ctl.stop })) ui.keys[key].addEventListener('click', fn, { signal });
  return ctl;
}
