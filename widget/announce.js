// @ts-check
// The bar's polite live region (rendered by toolbar.js inside the shadow root, so nothing is added to the
// host page's own tree).

/**
 * @param {Element} node the region, role=status
 * @returns {(message: string) => void} says `message`
 */
export function speaker(node) {
  let timer;
  return (message) => {
    // Clear first: screen readers ignore a region whose text does not change (same size twice at a limit).
    node.textContent = '';
    clearTimeout(timer);
    timer = setTimeout(() => { node.textContent = message; }, 100);
  };
}
