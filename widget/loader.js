// The loader: GET /widget.js, the one tag operators embed. It applies the reader's saved choices in the
// same task that runs the tag (with defer: before DOMContentLoaded), so the page is never painted with the
// default size or colours first; then it loads the versioned bundle with the bar. Stylesheets are constructed, not inline: a strict
// Content-Security-Policy governs <style> elements and style attributes, not adopted sheets.

import { load, mirror } from './store.js';
import { measure } from './textsize.js';

// server/web/widget.py replaces these with the path of the current bundle and its SRI hash.
const BUNDLE = '__TRODOC_BUNDLE__';
const INTEGRITY = '__TRODOC_INTEGRITY__';
const DEFAULT_TARGETS = ['main article', 'article', 'main'];
// Beyond this many elements a target is "long": see page.css for what that changes.
const LONG = 1000;

const me = document.currentScript;

function findTarget(selector) {
  for (const candidate of [selector, ...DEFAULT_TARGETS]) {
    try {
      const el = candidate && document.querySelector(candidate);
      if (el) return el;
    } catch (e) {
      // An invalid data-target selector falls back to the defaults.
    }
  }
  return document.body;
}

function start() {
  const page = new CSSStyleSheet();
  const sizes = new CSSStyleSheet();
  page.replaceSync(PAGE_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, page, sizes];
  mirror(load());
  const boot = () => {
    const target = findTarget(me.dataset.target);
    // Measure before tagging the target: the tag switches on page.css, whose spacing rules change sizes.
    sizes.replaceSync(measure(target));
    target.setAttribute('data-trodoc-target', target.getElementsByTagName('*').length > LONG ? 'long' : '');
    const bundle = document.createElement('script');
    Object.assign(bundle.dataset, me.dataset);  // the bundle reads the operator's data-* from its own tag
    bundle.src = new URL(BUNDLE, me.src).href;
    bundle.integrity = INTEGRITY;
    bundle.crossOrigin = 'anonymous';
    document.head.append(bundle);
  };
  // With defer, async or at the end of <body> the document is parsed now; in <head> the target comes later.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}

// Once per page, even when a page carries the tag twice; and only where constructed stylesheets exist.
if (me && !document.documentElement.hasAttribute('data-trodoc-scale') && 'adoptedStyleSheets' in document) start();
