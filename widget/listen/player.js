// One HTMLAudioElement playing the playlist segment by segment, the next two fetched ahead so that the only
// pause between sentences is the one in the recording.

export const READING_RATES = [0.75, 1, 1.25, 1.5, 2];

/**
 * The server's recordings. Engines share one shape: start(segment, rate, done, fail), pause, resume,
 * stop, rate; synthEngine (fallback.js) is the other one.
 * @param {HTMLAudioElement} [a] the element to play in (main.js makes it, to load it during the reader's tap)
 */
export function audioEngine(a = new Audio()) {
  // Same CORS mode as the prefetch, so both share one HTTP cache entry.
  a.crossOrigin = 'anonymous';
  a.preservesPitch = a.webkitPreservesPitch = true;
  const rate = (r) => { a.defaultPlaybackRate = a.playbackRate = r; };
  return {
    start(s, r, done, fail) {
      a.src = s.audio;
      rate(r);
      a.onended = done;
      a.onerror = fail;
      // No source it can play: the element reports it through onerror as well.
      return a.play().catch((e) => { if (e.name !== 'NotSupportedError') throw e; });
    },
    pause: () => a.pause(),
    resume: () => a.play(),
    stop() { a.pause(); a.removeAttribute('src'); },
    rate,
  };
}

// `on(event, detail)` hears 'segment', 'change' and 'error' ({blocked} when the browser refused to play,
// {failed, segment} when the engine could not read a segment; the caller may then switch engines with
// use() or stop). `engine` reads the segments: the recordings by default.
export function createPlayer(on, engine = audioEngine()) {
  const fetched = new Set();
  let list = [], i = -1, playing = false, rate = 1;
  // `loaded`: the segment the engine holds, which next/previous while paused move away from.
  let spent = 0, since = 0, loaded = -1;

  const state = () => ({ playing, segment: i, rate, total: list.length,
    elapsed: spent + (playing ? performance.now() - since : 0) });
  const set = (p) => {
    if (p === playing) return;
    if (p) since = performance.now(); else spent = state().elapsed;
    playing = p;
    on('change', state());
  };
  const prefetch = () => list.slice(i + 1, i + 3).forEach((s) => {
    if (s.audio && !fetched.has(s.audio)) {
      fetched.add(s.audio);
      // The recording says which voice made it (the playlist said which would): the voice may change.
      // A failed prefetch only costs the gap it meant to hide.
      fetch(s.audio).then((res) => { s.rank = Number(res.headers.get('X-Trodoc-Voice-Rank')) || s.rank; })
        .catch(() => fetched.delete(s.audio));
    }
  });
  const go = (n, play) => {
    if (n >= list.length) return stop(true);
    i = Math.max(0, n);
    on('segment', { index: i, ...list[i], total: list.length });
    if (!play) return engine.pause();
    loaded = i;
    set(true);
    prefetch();
    Promise.resolve(engine.start(list[i], rate, () => go(i + 1, true), () => on('error', { failed: true, segment: list[i] }))).catch((e) => {
      // AbortError: a newer start replaced this one. NotAllowedError: no user gesture, so no sound.
      if (e.name === 'NotAllowedError') { set(false); on('error', { blocked: true }); }
    });
  };
  // `ended`: the last segment finished, rather than the reader stopping.
  function stop(ended = false) {
    engine.stop();
    i = loaded = -1;
    set(false);
    spent = 0;
    on('segment', { index: -1, total: list.length, ended });
  }

  return {
    state,
    list: () => list,
    load(segments) { list = segments; i = -1; },
    use(e) { engine.stop(); engine = e; loaded = -1; if (playing) go(i, true); },
    play(from) {
      if (from != null || i < 0 || loaded !== i) return go(from ?? Math.max(i, 0), true);
      set(true);
      Promise.resolve(engine.resume()).catch(() => set(false));
    },
    pause() { engine.pause(); set(false); },
    stop: () => stop(),
    next: () => list.length && go(i + 1, playing),
    prev: () => list.length && go(i - 1, playing),
    rate(r) { rate = r; engine.rate(r); on('change', state()); },
  };
}
