// @ts-check
// The browser's own voice, for when the reading server answers 503 or cannot be reached.

// Sentences of the page's blocks, for when there is no playlist at all: a stop counts only before a space
// or the end, so "1.000.000 đồng" and "12.5" stay whole.
export function sentenceSegments(blocks) {
  const out = [];
  blocks.forEach((b, block) => {
    for (const m of b.text.matchAll(/\S.*?(?:[.!?…]+["”’)\]]*(?=\s|$)|$)/g)) {
      out.push({ block, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  });
  return out;
}

// espeak-ng's voices, which Linux desktops offer through speech-dispatcher: Firefox names them after
// espeak-ng's own voice names ("Vietnamese (Northern)", "Vietnamese (Central)+female1"), Chromium adds
// "espeak". They are the synthesizer of the server's own fallback, so no better voice for a listener. Only
// espeak-ng's region names count: Firefox for Android names the phone's voices "Vietnamese (Vietnam)".
const ESPEAK = /espeak|^(?:vietnamese \((?:northern|central|southern)|english \((?:america|great britain|caribbean|scotland|lancaster|received pronunciation|west midlands)[^)]*)\)(?:\+|$)/i;

/** The language tag the widget's `lang` is spoken in. @param {string} lang */
const tagOf = (lang) => (lang === 'en' ? 'en-US' : 'vi-VN');

/**
 * The device's best voice for `lang`, or null: a voice other than espeak-ng's first, then one tagged with
 * the language itself (vi-VN or vi, en-US or en) before a regional one, then one without a variant. Voices
 * load late in some browsers, so this is asked at each sentence.
 * @param {string} lang
 * @param {boolean} [natural] only a voice other than espeak-ng's
 * @returns {SpeechSynthesisVoice | null}
 */
export function deviceVoice(lang, natural = false) {
  if (!window.speechSynthesis) return null;
  const tag = tagOf(lang).toLowerCase();
  let best = null, top = -1;
  for (const v of speechSynthesis.getVoices()) {
    const l = v.lang.toLowerCase().replace('_', '-');
    if (!l.startsWith(tag.slice(0, 3)) && l !== tag.slice(0, 2)) continue;
    const espeak = ESPEAK.test(v.name);
    if (natural && espeak) continue;
    const score = (espeak ? 0 : 4) + (l === tag || l === tag.slice(0, 2) ? 2 : 0) + (v.name.includes('+') ? 0 : 1);
    if (score > top) { best = v; top = score; }
  }
  return best;
}

// An engine with the audio engine's shape, or null without speechSynthesis. It cannot resume mid-sentence
// reliably across browsers, so pause cancels and resume says the segment again.
export function synthEngine(lang) {
  const ss = window.speechSynthesis;
  if (!ss || !window.SpeechSynthesisUtterance) return null;
  let seg, rate, done, fail, current, silent;
  const say = () => {
    const u = (current = new SpeechSynthesisUtterance(seg.spoken || seg.text));
    // A browser without a speech service accepts the utterance and never starts it: that is a failure,
    // not a reading in progress.
    clearTimeout(silent);
    silent = setTimeout(() => u === current && fail(), 5000);
    u.onstart = () => clearTimeout(silent);
    u.lang = tagOf(lang);
    u.voice = deviceVoice(lang);
    u.rate = rate;
    // cancel() ends the old utterance too: only the current one moves on, or fails.
    u.onend = () => u === current && done();
    u.onerror = (e) => u === current && !/interrupted|canceled/.test(e.error) && fail();
    ss.speak(u);
  };
  const hush = () => { current = null; clearTimeout(silent); ss.cancel(); };
  return {
    start(s, r, d, f) { hush(); seg = s; rate = r; done = d; fail = f; say(); },
    pause: hush,
    resume() { hush(); say(); },
    stop: hush,
    rate(r) { rate = r; if (current) { hush(); say(); } },
  };
}
