// A polite live region inside the bar's shadow root, so nothing is added to the host page's own tree.

export function liveRegion() {
  const node = document.createElement('div');
  node.setAttribute('role', 'status');
  node.className = 'sr';
  let timer;
  const say = (message) => {
    // Clear first: screen readers ignore a region whose text does not change (same size twice at a limit).
    node.textContent = '';
    clearTimeout(timer);
    timer = setTimeout(() => { node.textContent = message; }, 100);
  };
  return { node, say };
}
