// @ts-check
// The voice each sentence is read in. The server says, per segment, how natural its voice is (`rank`:
// 1 robotic, 2 natural; from the playlist, then from each prefetched recording's X-Trodoc-Voice-Rank).
// With data-voice="auto" (the default) a robotic sentence is read by the device's own Vietnamese voice
// when it has one better than espeak-ng's, and the server's voice comes back with the first natural
// recording; "server" always plays the recordings, "device" always uses the device's voice when there is one.

import { deviceVoice, synthEngine } from './fallback.js';

const ROBOTIC = 1;

/**
 * An engine of the player's shape that picks, per segment, the server's recordings or the device's voice.
 * @param {any} server the recordings' engine (player.js)
 * @param {string} lang
 * @param {string | undefined} mode data-voice: auto (default), server or device
 * @param {(voice: 'server' | 'device') => void} changed told when the voice changes
 */
export function voiceChooser(server, lang, mode, changed) {
  let device = null, current = server, shown = 'server';
  const pick = (s) => {
    if (mode === 'server') return server;
    if (mode === 'device' ? !deviceVoice(lang) : !(s.rank && s.rank <= ROBOTIC && deviceVoice(lang, true))) {
      return server;
    }
    return device || (device = synthEngine(lang)) || server;
  };
  return {
    start(s, r, done, fail) {
      const next = pick(s);
      if (next !== current) current.stop();
      current = next;
      const voice = next === server ? 'server' : 'device';
      if (voice !== shown) changed((shown = voice));
      return current.start(s, r, done, fail);
    },
    pause: () => current.pause(),
    resume: () => current.resume(),
    stop: () => current.stop(),
    rate(r) { server.rate(r); if (device) device.rate(r); },
  };
}
