// GET /embed: the options form updates the embed tag, the WordPress snippet and the preview as the operator
// types; the preview can take a phone's width; "Sao chép / Copy" puts the tag on the clipboard. An external
// file: the page's CSP allows no inline script. Without script the form still works (it submits to /embed,
// which renders the same).
(() => {
  'use strict';
  const form = document.getElementById('embed-options');
  if (!form) return;
  const code = document.getElementById('embed-tag');
  const frame = document.getElementById('embed-preview');
  const target = form.elements.target;
  const targetError = document.getElementById('target-error');
  const status = document.getElementById('copy-status');
  const copyButton = document.getElementById('copy-tag');
  // The server builds the tag and the WordPress entries for each language and position; the selector is
  // filled in here, where the server's rule for it is checked too.
  const { tags, php, targetSlot, notInSelector } = form.dataset;
  const tagFor = JSON.parse(tags), phpFor = JSON.parse(php), forbidden = new RegExp(notInSelector);

  // As server/web/embed.py: only & and " need references inside a double-quoted attribute.
  const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

  // The server checks length and characters; the browser can also check the selector's syntax.
  const validSelector = (value) => {
    if (!value || value.length > target.maxLength || forbidden.test(value)) return false;
    try {
      document.createDocumentFragment().querySelector(value);
      return true;
    } catch (error) {
      return false;
    }
  };

  const options = () => ({
    target: target.value.trim(),
    lang: form.elements.lang.value || 'vi',
    position: form.elements.position.value || 'before-target',
  });

  let timer = 0;
  let shown = frame.src;

  function update(now) {
    const o = options();
    const valid = validSelector(o.target);
    target.setAttribute('aria-invalid', String(!valid));
    targetError.hidden = valid;
    if (!valid) return;
    const variant = `${o.lang} ${o.position}`;
    code.textContent = tagFor[variant].replace(targetSlot, () => attr(o.target));
    document.querySelectorAll('[data-embed-php]').forEach((el) => {
      el.textContent = phpFor[variant];
    });
    const query = new URLSearchParams(o).toString();
    history.replaceState(null, '', `${location.pathname}?${query}`);
    const url = new URL(`${form.dataset.preview}?${query}`, location.href).href;
    clearTimeout(timer);
    const load = () => {
      if (url !== shown) {
        shown = url;
        frame.src = url;
      }
    };
    // Typing a selector reloads the preview once the operator pauses, not on every key.
    if (now) load();
    else timer = setTimeout(load, 400);
  }

  form.addEventListener('input', (event) => update(event.target !== target));
  form.addEventListener('change', () => update(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });

  // The preview's size: the column's full width, or a phone's (390 px). Shown only with script (without it
  // the choice could do nothing) and kept nowhere: not in the address, not in the tag.
  const sizes = document.getElementById('preview-size');
  if (sizes) {
    const showSize = () => frame.classList.toggle('phone', sizes.querySelector(':checked').value === 'phone');
    sizes.addEventListener('change', showSize);
    showSize();
    sizes.hidden = false;
  }

  function say(message) {
    // Cleared first so that the same message is announced again on a second copy.
    status.textContent = '';
    setTimeout(() => { status.textContent = message; }, 50);
  }

  function selectCode() {
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  copyButton.addEventListener('click', async () => {
    const text = code.textContent;
    try {
      await navigator.clipboard.writeText(text);
      say('Đã sao chép / Copied');
      return;
    } catch (error) {
      // No clipboard permission (or no secure context): select the tag so Ctrl+C copies it.
    }
    selectCode();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (error) {
      copied = false;
    }
    say(copied ? 'Đã sao chép / Copied'
      : 'Đã chọn thẻ nhúng: nhấn Ctrl+C để sao chép / The tag is selected: press Ctrl+C to copy');
  });
})();
