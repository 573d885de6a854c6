// @ts-check
// The widget's state and its events. Every change goes through update(): it mirrors the settings on
// <html>, saves them and tells listeners. The player keeps playing, segment and rate here too.

import { load, save, mirror } from './store.js';

const state = { ...load(), playing: false, segment: null, rate: 1 };
// One EventTarget behind TroDoc.on: an operator's listener that throws is reported by the browser and
// stops neither ours nor the others.
const events = new EventTarget();
const TYPES = ['change', 'segment', 'error'];

export const getState = () => ({ ...state });

/**
 * Calls `fn(detail)` on each `event` ('change', 'segment' or 'error'); returns the function that stops it.
 * @param {string} event
 * @param {(detail: any) => void} fn
 */
export function on(event, fn) {
  if (!TYPES.includes(event)) throw new TypeError(`TroDoc.on: unknown event "${event}"`);
  const listener = (/** @type {CustomEvent} */ e) => fn(e.detail);
  events.addEventListener(event, /** @type {EventListener} */ (listener));
  return () => events.removeEventListener(event, /** @type {EventListener} */ (listener));
}

/** Tells the listeners of `event`. */
export const emit = (event, detail) => events.dispatchEvent(new CustomEvent(event, { detail }));

export function update(patch) {
  Object.assign(state, patch);
  mirror(state);
  save(state);
  emit('change', getState());
}
