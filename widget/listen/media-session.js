// Lock screen, headset and hardware media keys drive the same controls as the bar. Returns the function
// that keeps the session's playback state in step.
export function mediaSession(title, ctl) {
  const ms = navigator.mediaSession;
  if (!ms) return () => {};
  ms.metadata = new MediaMetadata({ title, artist: 'Trợ Đọc' });
  const handlers = { play: ctl.play, pause: ctl.pause, stop: ctl.stop, nexttrack: ctl.next, previoustrack: ctl.previous };
  for (const k in handlers) {
    // Browsers throw for actions they do not know.
    try { ms.setActionHandler(k, () => handlers[k]()); } catch (e) { /* unsupported action */ }
  }
  return (playing) => { ms.playbackState = playing ? 'playing' : 'paused'; };
}
