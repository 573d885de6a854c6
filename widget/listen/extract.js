// Readable blocks of the target, cleaned exactly like the server's clean_text, each with a map from its
// characters back to the DOM so that a segment's [start, end) becomes a Range without touching the page.

// The server's rules, generated from server/speech at build time.
import { BLOCK_TAGS, SKIP_TAGS, SPACE } from '../gen/text-rules.js';

const TOKEN = new RegExp(`([${SPACE}]+)|[^${SPACE}]\\p{M}*`, 'gu');

// Clean `raw` (one unit per UTF-16 code unit) and map every output unit to the raw units it came from.
export function cleanMapped(raw) {
  const from = [], to = [];
  let text = '', m;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(raw))) {
    const a = m.index, b = a + m[0].length;
    if (m[1]) {
      // A whitespace run is one space, dropped at either end (strip).
      if (text && b < raw.length) { text += ' '; from.push(a); to.push(b); }
      continue;
    }
    // NFC per base character and its marks: Vietnamese CMSs often store decomposed tones (a + U+0323).
    const c = m[0].normalize('NFC'), same = c === m[0];
    for (let i = 0; i < c.length; i++) { from.push(same ? a + i : a); to.push(same ? a + i + 1 : b); }
    text += c;
  }
  return { text, from, to };
}

// Hidden for everyone: skipped tags, aside (host pages put their own "related" boxes there), [hidden],
// aria-hidden and display: none (CSS-hidden page chrome).
function isHidden(el, skip) {
  return el === skip || SKIP_TAGS.test(el.tagName) || el.tagName === 'ASIDE' || el.hidden ||
    el.getAttribute('aria-hidden') === 'true' || getComputedStyle(el).display === 'none';
}

// Blocks of `roots` (the title, when it stands outside the target, then the target) in reading order:
// {text, from, to, nodes, offs}; `skip` is the bar's host element.
export function readBlocks(roots, skip) {
  const blocks = [];
  let raw = '', nodes = [], offs = [];
  const flush = () => {
    const b = cleanMapped(raw);
    if (b.text) { b.nodes = nodes; b.offs = offs; blocks.push(b); }
    raw = ''; nodes = []; offs = [];
  };
  const walk = (parent) => {
    for (const n of parent.childNodes) {
      if (n.nodeType === 3) {
        for (let i = 0; i < n.data.length; i++) { nodes.push(n); offs.push(i); }
        raw += n.data;
      } else if (n.tagName === 'BR') {
        // <br> reads as one space; as a unit it spans the element itself within its parent.
        nodes.push(parent); offs.push([].indexOf.call(parent.childNodes, n)); raw += ' ';
      } else if (n.nodeType === 1 && !isHidden(n, skip)) {
        const block = BLOCK_TAGS.test(n.tagName);
        if (block) flush();
        walk(n);
        if (block) flush();
      }
    }
  };
  for (const root of roots) {
    walk(root);
    flush();
  }
  return blocks;
}

// The DOM Range of characters [start, end) of a block.
export function blockRange(b, start, end) {
  const r = document.createRange(), a = b.from[start], z = b.to[end - 1] - 1;
  r.setStart(b.nodes[a], b.offs[a]);
  r.setEnd(b.nodes[z], b.offs[z] + 1);
  return r;
}

// The block and character offset at a DOM point (a selection's start), or null outside the blocks.
export function pointIn(blocks, node, offset) {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    let k = b.nodes.findIndex((n, j) => node.nodeType === 3 ? n === node && b.offs[j] >= offset : node.contains(n));
    // A point after the last character of a text node belongs to that node's block too.
    if (k < 0 && node.nodeType === 3) k = b.nodes.lastIndexOf(node);
    if (k >= 0) {
      const at = b.to.findIndex((t) => t > k);
      return { block: i, offset: at < 0 ? b.text.length : at };
    }
  }
  return null;
}
