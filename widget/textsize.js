// Text size without a per-element loop on every click. Once, before the scale applies, each element of
// the target is tagged with the index of its computed (font-size, line-height) pair; one generated rule
// per pair sets calc(var(--trodoc-scale) * <measured px>). Whatever unit or !important the page used,
// the computed px value is what the reader sees, so scaling it is exact; a change is then one attribute
// on <html>. The rules sit in the same cascade layer as page.css (see there why a layer).

import { STEPS } from './store.js';

const scaled = 'html:not([data-trodoc-scale="1"]) ';

export function measure(target) {
  const pairs = new Map();
  for (const el of [target, ...target.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    const key = style.fontSize + ' ' + style.lineHeight;
    if (!pairs.has(key)) pairs.set(key, pairs.size);
    el.setAttribute('data-trodoc-fs', pairs.get(key));
  }
  let css = '';
  for (const step of STEPS) css += `html[data-trodoc-scale="${step}"] [data-trodoc-target]{--trodoc-scale:${step}}`;
  for (const [key, index] of pairs) {
    const [size, height] = key.split(' ');
    // Text spacing sets --trodoc-lh to 1.5; otherwise the page's own line height scales with the text.
    const line = height === 'normal' ? 'normal' : `calc(var(--trodoc-scale) * ${height})`;
    css += `${scaled}[data-trodoc-fs="${index}"]{font-size:calc(var(--trodoc-scale) * ${size})!important;`
      + `line-height:var(--trodoc-lh,${line})!important}`;
  }
  return `@layer trodoc{${css}}`;
}
