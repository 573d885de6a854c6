// @ts-check
import { readBlocks, blockRange, pointIn } from './extract.js';
import { articleSlug, loadPlaylist } from './playlist.js';
import { createPlayer, READING_RATES } from './player.js';
import { readingMarker } from './highlight.js';
import { mediaSession } from './media-session.js';
import { sentenceSegments, synthEngine } from './fallback.js';
import { listenKeys } from './keys.js';
import { pickToListen } from './pick.js';

// Nghe bài viết: ties extraction, playlist, player, highlight, keys, media session and fallback to the bar.
// The bar (main.js) owns the buttons, the live region and window.TroDoc's state; this drives them.

const TEXT = {
  vi: { sentence: 'Câu', here: 'Nghe từ đây', download: 'Tải bản ghi âm (MP3)',
    fallback: 'Máy chủ chưa phản hồi, đọc bằng giọng của trình duyệt',
    unplayable: 'Trình duyệt này không phát được âm thanh. Đã dừng đọc.' },
  en: { sentence: 'Sentence', here: 'Listen from here', download: 'Download the recording (MP3)',
    fallback: 'The server is not responding: reading with the browser’s voice',
    unplayable: 'This browser cannot play the audio. Reading stopped.' },
};

// o: {buttons (the bar's, by key), root (the target), base (server origin), lang, t (bar texts),
//     say (live region), emit and update (window.TroDoc's events and state)}
export function createListen(o) {
  const t = { ...o.t, ...TEXT[o.lang] };
  const b = o.buttons, bar = b.listen.parentNode;
  const ui = document.createElement('div'), progress = document.createElement('span');
  const slug = articleSlug(o.root);
  let blocks = [], ready, synthOn, tick, session;

  const speed = (r) => `${t.rate} ${o.lang === 'en' ? r : String(r).replace('.', ',')}×`;
  const shadow = /** @type {ShadowRoot} */ (bar.getRootNode());
  const mark = readingMarker(shadow);
  // The progress line and the download link sit under the bar (styled by bar.css).
  ui.className = 'listen';
  bar.after(ui);
  // Stop, previous, next and speed appear once reading has started, and stay so focus never vanishes.
  const extra = () => [b.stop, b.previous, b.next, b.rate].forEach((x) => { x.hidden = false; });
  b.rate.textContent = speed(1);
  if (slug) {
    const a = document.createElement('a');
    a.href = new URL(`/api/v1/articles/${encodeURIComponent(slug)}/audio.mp3`, o.base).href;
    a.download = '';
    a.textContent = t.download;
    ui.append(a);
  }

  const clock = (ms) => { const s = ms / 1000 | 0; return `${s / 60 | 0}:${String(s % 60).padStart(2, '0')}`; };
  const show = () => {
    const s = player.state();
    // Only while reading: an empty line under the bar would be a blank strip.
    if (s.segment < 0) return progress.remove();
    progress.textContent = `${t.sentence} ${s.segment + 1}/${s.total} · ${clock(s.elapsed)}`;
    if (!progress.isConnected) ui.prepend(progress);
  };
  // Switches to the browser's voice and says so; when it is missing or already failed, says that
  // listening is unavailable and returns false.
  const fallback = () => {
    const e = !synthOn && synthEngine(o.lang);
    if (e) { synthOn = true; player.use(e); o.say(t.fallback); return true; }
    o.say(t.unavailable);
    o.emit('error', { type: 'unavailable', message: t.unavailable });
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
      } catch (e) {
        // Unreachable: the server's failure, not the browser's.
      }
    }
    if (!served && fallback()) return;
    player.stop();
    if (served) {
      o.say(t.unplayable);
      o.emit('error', { type: 'unplayable', message: t.unplayable });
    }
  };
  const player = createPlayer((type, d) => {
    if (type === 'segment') {
      const x = blocks[d.block];
      mark(x && d.index >= 0 ? blockRange(x, d.start, d.end) : null);
      show();
      o.update({ segment: d.index < 0 ? null : d.index });
      o.emit('segment', d);
    } else if (type === 'change') {
      clearInterval(tick);
      if (d.playing) tick = setInterval(show, 1000);
      show();
      b.listen.textContent = d.playing ? t.pause : t.listen;
      b.rate.textContent = speed(d.rate);
      if (session) session(d.playing);
      o.update({ playing: d.playing, rate: d.rate });
    } else if (d.failed) failed(d.segment);
    else if (d.blocked) o.emit('error', { type: 'blocked' });
  });
  // Blocks and playlist on first use; without the server, the page's own sentences for the browser's voice.
  const prepare = () => ready || (ready = (async () => {
    blocks = readBlocks(o.root, shadow.host);
    try {
      player.load(await loadPlaylist(o.base, o.root, blocks, o.lang));
    } catch (e) {
      if (!fallback()) throw e;
      player.load(sentenceSegments(blocks));
    }
    extra();
    session = session || mediaSession(blocks.length ? blocks[0].text : document.title, ctl);
  })().catch(() => { ready = null; }));
  const start = (from) => prepare().then(() => ready && player.play(from));

  const ctl = {
    play: () => start(),
    pause: player.pause,
    toggle: () => (player.state().playing ? player.pause() : start()),
    stop: player.stop,
    next: player.next,
    previous: player.prev,
    state: player.state,
    rate() {
      const r = READING_RATES[(READING_RATES.indexOf(player.state().rate) + 1) % READING_RATES.length];
      player.rate(r);
      o.say(speed(r));
    },
  };
  // From a point in the page: the segment that holds it, or the next one.
  pickToListen(o.root, shadow, t.here, () => !bar.hidden, (node, offset) => prepare().then(() => {
    const p = pointIn(blocks, node, offset);
    const i = p ? player.list().findIndex((s) => s.block > p.block || (s.block === p.block && s.end > p.offset)) : -1;
    if (i >= 0) player.play(i);
  }));
  listenKeys(ctl);
  return ctl;
}
