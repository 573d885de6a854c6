// @ts-check
// Click to listen: a selection (a double-click selects a word) inside the article offers "Nghe từ đây",
// a button in the widget's shadow root placed under the selection. From the keyboard, Alt+Shift+H does
// the same (keys.js).

/**
 * @param {{ roots: Element[], shadow: ShadowRoot, label: string, signal: AbortSignal,
 *   start: (node: Node, offset: number) => void }} o
 */
export function pickToListen({ roots, shadow, label, signal, start }) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'pick';
  b.textContent = label;
  b.hidden = true;
  let at;
  // Keeps the page's selection (and with it the button) alive through the click.
  b.addEventListener('mousedown', (e) => e.preventDefault());
  b.addEventListener('click', () => { b.hidden = true; start(at.startContainer, at.startOffset); });
  document.addEventListener('selectionchange', () => {
    const s = document.getSelection();
    const r = s && s.rangeCount && s.getRangeAt(0);
    b.hidden = !r || r.collapsed || !roots.some((root) => root.contains(r.commonAncestorContainer));
    if (!r || b.hidden) return;
    at = r;
    const box = r.getBoundingClientRect();
    b.style.top = `${Math.min(box.bottom + 6, innerHeight - 50)}px`;
    b.style.left = `${Math.max(4, Math.min(box.left, innerWidth - 160))}px`;
  }, { signal });
  shadow.append(b);
}
