// @ts-check
// The bar's polite live region (rendered by toolbar.js inside the shadow root, so nothing is added to the
// host page's own tree).

/**
 * @param {Element} node the region, role=status
 * @returns {(message: string, topic?: string) => void} says `message`. What is said within 100 ms is
 *   said together, the last message of each topic only: three quick A+ say the size reached, while
 *   "reading" and "with the browser's voice" are both heard.
 */
export function speaker(node) {
  let timer, queued = new Map();
  return (message, topic = message) => {
    // Clear first: screen readers ignore a region whose text does not change (same size twice at a limit).
    node.textContent = '';
    clearTimeout(timer);
    queued.delete(topic);
    queued.set(topic, message);
    timer = setTimeout(() => {
      node.textContent = [...queued.values()].join(' ');
      queued = new Map();
    }, 100);
  };
}
