// @ts-check
// The player that stays in reach while listening: a strip fixed to the bottom of the viewport, in the
// article's column (within thumb reach on phones, and it does not move when the page scrolls to the
// next sentence). Previous, play/pause, next, speed and stop in a toolbar of their own, then the
// position and the article's recording. It follows the bar in the focus order; hidden, it is gone.
// Where popovers exist it is shown in the top layer, so that an ancestor of the bar with a transform,
// a filter or paint containment (which would hold a fixed element) cannot take it off the screen.

import { el, icon, button, rove } from '../toolbar.js';

/**
 * Renders the player (hidden) after the bar in `frame`.
 * @param {{ frame: Element, t: Record<string, any>, download: string, docked: boolean }} o `download`: the
 *   article's MP3, or ''; `docked`: fixed to the viewport (false: inside the floating bar)
 * @returns {{ root: HTMLElement, keys: Record<string, HTMLElement>, position: HTMLElement,
 *   show(on: boolean): void, playing(on: boolean): void }}
 */
export function renderPlayer({ frame, t, download, docked }) {
  // Icons, as in media players; the hidden word after each names the button.
  const labelled = (key, shape, name) => button(key, [icon(shape), el('span', { class: 't' }, name)]);
  const keys = {
    previous: labelled('previous', 'previous', t.previous),
    toggle: labelled('toggle', 'play', t.listen),
    next: labelled('next', 'next', t.next),
    rate: button('rate', [el('span', { class: 't' }, t.rate + ' '), el('span', {})]),
    stop: labelled('stop', 'stop', t.stop),
  };
  const strip = el('div', { role: 'toolbar', 'aria-label': t.player, class: 'keys' }, ...Object.values(keys));
  rove(strip);
  const position = el('span', { class: 'position' });
  const where = el('div', { class: 'where' }, position);
  if (download) where.append(el('a', { href: download, download: '' }, t.download));
  const root = el('div', { class: 'player' }, strip, where);
  root.hidden = true;
  const layer = docked && 'showPopover' in root;
  if (layer) root.popover = 'manual';
  frame.querySelector('[role=status]').before(root);
  return {
    root, keys, position,
    show(on) {
      root.hidden = !on;
      if (layer) root.togglePopover(on);
    },
    playing(on) {
      keys.toggle.replaceChildren(icon(on ? 'pause' : 'play'), el('span', { class: 't' }, on ? t.pause : t.listen));
    },
  };
}
