// @ts-check
// The loader: GET /widget.js, the one tag operators embed. In the task that runs the tag it applies the
// reader's saved choices, tags the target and draws the bar in its place, so that neither the saved size
// nor the bar moves the page after it was painted; the versioned bundle that gives the bar its
// behaviour follows when the page is idle, or as soon as the reader reaches for the bar. Text sizes are measured only when the scale is not 100 %
// (textsize.js).

import { load, mirror } from './store.js';
import { styleSheet } from './sheets.js';
import { followSizes } from './textsize.js';
import { language, labels } from './i18n.js';
import { renderBar } from './toolbar.js';
import { followColumn } from './column.js';

// server/web/widget.py replaces these with the paths of the current bundles and stylesheets and the
// bundles' SRI hashes.
const BUNDLE = '__TRODOC_BUNDLE__';
const INTEGRITY = '__TRODOC_INTEGRITY__';
const LISTEN = '__TRODOC_LISTEN__';
const LISTEN_INTEGRITY = '__TRODOC_LISTEN_INTEGRITY__';
const PAGE_CSS_URL = '__TRODOC_PAGE_CSS__';
const BAR_CSS_URL = '__TRODOC_BAR_CSS__';
const DEFAULT_TARGETS = ['main article', 'article', 'main'];

const me = /** @type {HTMLScriptElement | null} */ (document.currentScript);

/** The first of the operator's selector and the defaults that matches, or null. */
function query(selectors) {
  for (const selector of selectors) {
    try {
      const el = selector && document.querySelector(selector);
      if (el) return el;
    } catch {
      // An invalid data-target selector falls back to the defaults.
    }
  }
  return null;
}

/** Calls `found` with the target as early as the tag's placement allows. */
function whenTarget(selector, found) {
  const all = [selector, ...DEFAULT_TARGETS];
  if (document.readyState !== 'loading') return found(query(all) || document.body);
  // The tag runs while the page is parsed (in <head> without defer): the operator's target, or an
  // article in <main>, is looked for in every animation frame (the step just before a paint), so the
  // bar and the sizes are in place in the first frame that shows it; its text is then measured as it
  // is parsed. The other defaults are certain only once the whole page is known (a `main` comes before
  // the `article` it may hold).
  let done = false;
  const take = (el) => {
    done = true;
    found(el);
  };
  const look = () => {
    if (done) return;
    const el = query([selector, DEFAULT_TARGETS[0]]);
    if (el) take(el);
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  document.addEventListener('DOMContentLoaded', () => done || take(query(all) || document.body));
}

// Site headers and menus hold the site's name, not the article's title.
const CHROME = 'nav, [role=banner], [role=navigation], body > header, header.wp-block-template-part, .site-header';

/**
 * The article's title when it stands outside the target: the operator's data-title, or else the
 * nearest main heading before the target (themes print the post title above the post's content).
 */
function titleOf(selector, target) {
  const given = selector && query([selector]);
  if (given) return target.contains(given) || given.contains(target) ? null : given;
  if (target.querySelector('h1')) return null;
  const before = [...document.querySelectorAll('h1')].filter((h) =>
    !h.closest(CHROME) && h.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
  return before.pop() || null;
}

function start(script) {
  const floating = script.dataset.position === 'floating';
  const saved = load();
  const html = document.documentElement;
  mirror(saved);
  if (script.dataset.scope === 'page') html.setAttribute('data-trodoc-scope', 'page');
  // The page's rules come with the first setting that needs them: a visitor who keeps the defaults
  // costs the page no style work at all.
  let page = null;
  const pageSheet = () => page || (page = styleSheet(document, PAGE_CSS, new URL(PAGE_CSS_URL, script.src).href));
  const needed = () => {
    const at = (name) => html.getAttribute(`data-trodoc-${name}`);
    if (at('scale') !== '1' || at('contrast') !== 'normal' || at('spacing')) pageSheet();
  };
  const watch = new MutationObserver(needed);
  watch.observe(html, { attributes: true, attributeFilter: ['data-trodoc-scale', 'data-trodoc-contrast', 'data-trodoc-spacing'] });
  needed();
  const stops = [() => watch.disconnect()];
  // TroDoc.destroy() (or the page itself) sends trodoc:destroy: everything the tag added goes, and a
  // new tag may start again.
  document.addEventListener('trodoc:destroy', () => {
    for (const stop of stops) stop();
    if (page) page.remove();
    for (const el of document.querySelectorAll('[data-trodoc-fs], [data-trodoc-s], [data-trodoc-target], [data-trodoc-title]')) {
      for (const name of ['data-trodoc-fs', 'data-trodoc-s', 'data-trodoc-target', 'data-trodoc-title']) el.removeAttribute(name);
    }
    for (const name of [...html.getAttributeNames()]) if (name.startsWith('data-trodoc-')) html.removeAttribute(name);
  }, { once: true });
  whenTarget(script.dataset.target, (target) => {
    target.setAttribute('data-trodoc-target', '');
    const title = titleOf(script.dataset.title, target);
    if (title) title.setAttribute('data-trodoc-title', '');
    stops.push(followSizes(title ? [title, target] : [target], { set: (rule) => pageSheet().set(rule) }));
    // The bar is drawn now, in its final size, so the page does not move when the bundle brings its
    // behaviour.
    const host = document.createElement('trodoc-bar');
    if (floating) host.setAttribute('data-position', 'floating');
    styleSheet(host.attachShadow({ mode: 'open' }), BAR_CSS, new URL(BAR_CSS_URL, script.src).href);
    const lang = language(script.dataset.lang);
    renderBar({ host, lang, t: labels(lang), state: saved });
    if (floating) document.body.append(host);
    else if (target === document.body) target.prepend(host);
    else target.before(host);
    stops.push(followColumn(host, target), () => host.remove());
    whenWanted(host, () => stops.push(loadBundle(script, host)));
  });
}

/**
 * Calls `load` once: when the page is idle after loading, or at once when the reader reaches for the
 * bar. Reading needs none of the bundle (saved choices are the loader's), so a visitor who never
 * touches the bar pays for it only after the page is ready. A button pressed before the bundle runs
 * is remembered on the bar (data-pending) and pressed again by the bundle.
 */
function whenWanted(host, load) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    load();
  };
  for (const type of ['pointerdown', 'focusin', 'keydown']) host.addEventListener(type, once, { capture: true });
  host.addEventListener('click', (event) => {
    if (host.hasAttribute('data-ready')) return;
    const button = event.composedPath().find((node) => node instanceof HTMLElement && node.dataset.key);
    if (button) host.setAttribute('data-pending', button.dataset.key);
  }, { capture: true });
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(once, { timeout: 2000 }) : setTimeout(once, 100));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

/** Loads the bundle; returns the function that takes its tag away. */
function loadBundle(script, host) {
  const bundle = document.createElement('script');
  // The bundle reads the operator's data-* from its own tag, and where its listening part is.
  Object.assign(bundle.dataset, script.dataset,
    { listen: new URL(LISTEN, script.src).href, listenIntegrity: LISTEN_INTEGRITY });
  bundle.src = new URL(BUNDLE, script.src).href;
  bundle.integrity = INTEGRITY;
  bundle.crossOrigin = 'anonymous';
  // A loader cached from before a release can name a bundle the server no longer has: the saved
  // choices still hold, and the bar leaves rather than offer buttons that do nothing.
  bundle.addEventListener('error', () => host.remove());
  document.head.append(bundle);
  return () => bundle.remove();
}

// Once per page, even when a page carries the tag twice.
if (me && !document.documentElement.hasAttribute('data-trodoc-scale')) start(me);
