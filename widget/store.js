// Settings: the three reader choices, mirrored on <html> (for page.css, operators and tests) and kept in
// localStorage, which is per site, so a choice made on one article holds on every page of the portal.
// Shared by the loader (to apply them before first paint) and the bundle (to change them).

export const STEPS = [0.8, 0.9, 1, 1.125, 1.25, 1.5, 1.75, 2];
export const LEVELS = ['low', 'normal', 'high', 'max'];
const KEY = 'trodoc';
const root = document.documentElement;

export function load() {
  let saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(KEY));
  } catch {
    // Storage blocked (privacy mode, sandboxed frame) or damaged: start from the defaults.
  }
  saved = saved || {};
  return {
    scale: STEPS.includes(saved.scale) ? saved.scale : 1,
    // Until the reader picks a level, follow the system's "more contrast" setting.
    contrast: LEVELS.includes(saved.contrast) ? saved.contrast
      : matchMedia('(prefers-contrast: more)').matches ? 'high' : 'normal',
    spacing: saved.spacing === true,
  };
}

export function save(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ scale: state.scale, contrast: state.contrast, spacing: state.spacing }));
  } catch {
    // Without storage the choice lasts for this page only.
  }
}

export function mirror(state) {
  // Only what changed: every attribute written on <html> makes the engine check the whole page's styles.
  const set = (name, value) => {
    if (root.getAttribute(name) === value) return;
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  };
  set('data-trodoc-scale', String(state.scale));
  set('data-trodoc-contrast', state.contrast);
  set('data-trodoc-spacing', state.spacing ? 'on' : null);
}
