// @ts-check
// Lock screen, headset and hardware media keys drive the same controls as the bar. Returns the function
// that keeps the session's playback state in step.

/**
 * @param {string} title
 * @param {Record<string, () => void>} ctl
 * @param {AbortSignal} signal gives the keys back to the page
 */
export function mediaSession(title, ctl, signal) {
  const ms = navigator.mediaSession;
  if (!ms) return () => {};
  ms.metadata = new MediaMetadata({ title, artist: 'Trợ Đọc' });
  const handlers = { play: ctl.play, pause: ctl.pause, stop: ctl.stop, nexttrack: ctl.next, previoustrack: ctl.previous };
  const set = (on) => {
    for (const k in handlers) {
      // Browsers throw for actions they do not know.
      try { ms.setActionHandler(/** @type {MediaSessionAction} */ (k), on ? () => handlers[k]() : null); } catch { /* unsupported */ }
    }
  };
  set(true);
  signal.addEventListener('abort', () => { set(false); ms.metadata = null; });
  return (playing) => { ms.playbackState = playing ? 'playing' : 'paused'; };
}
