// @ts-check
// The listening part's own bundle, loaded by main.js when the reader first reaches for it (most readers
// never listen, and pay nothing for it). It hands createListen to the bundle through an event on the
// bar: no global.

import { createListen } from './listen.js';

const host = document.querySelector('trodoc-bar');
if (host) host.dispatchEvent(new CustomEvent('trodoc:listen', { detail: createListen }));
