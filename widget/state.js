// The widget's state and its events. Every change goes through update(): it mirrors the settings on
// <html>, saves them and tells listeners. The player (part 2) keeps playing, segment and rate here too.

import { load, save, mirror } from './store.js';

const state = { ...load(), playing: false, segment: null, rate: 1 };
const listeners = { change: [], segment: [], error: [] };

export const getState = () => ({ ...state });

export function on(event, fn) {
  const list = listeners[event];
  if (!list) throw new TypeError(`TroDoc.on: unknown event "${event}"`);
  list.push(fn);
  return () => {
    const index = list.indexOf(fn);
    if (index >= 0) list.splice(index, 1);
  };
}

export function emit(event, detail) {
  for (const fn of listeners[event].slice()) {
    try {
      fn(detail);
    } catch (error) {
      reportError(error);  // an operator's faulty listener must not stop ours, nor hide its own error
    }
  }
}

export function update(patch) {
  Object.assign(state, patch);
  mirror(state);
  save(state);
  emit('change', getState());
}
