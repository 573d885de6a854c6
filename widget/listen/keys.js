// @ts-check
// Alt+Shift+N play/pause, Alt+Shift+→/← next/previous sentence, Alt+Shift+H read from here (the caret or
// the selection in the article, else the first sentence on screen), Esc stop while playing. Screen
// readers keep their own modifiers (Insert/Caps Lock for NVDA and JAWS, Ctrl+Option for VoiceOver), so
// these are free.

/**
 * @param {{ toggle(): void, next(): void, previous(): void, here(): void, stop(): void,
 *   state(): { playing: boolean } }} ctl
 * @param {AbortSignal} signal removes the listener
 */
export function listenKeys(ctl, signal) {
  document.addEventListener('keydown', (e) => {
    // composedPath()[0] is the real target, also inside shadow roots.
    const t = /** @type {HTMLElement} */ (e.composedPath()[0]);
    if (e.defaultPrevented || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    // Escape is not swallowed: the page's own dialogs still close on it.
    if (e.key === 'Escape') return ctl.state().playing && ctl.stop();
    const act = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey &&
      { KeyN: ctl.toggle, ArrowRight: ctl.next, ArrowLeft: ctl.previous, KeyH: ctl.here }[e.code];
    if (act) { e.preventDefault(); act(); }
  }, { signal });
}
