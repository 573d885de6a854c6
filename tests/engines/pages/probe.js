// Loaded first by every test page (a same-origin script, as the strict policy allows): records what the
// page reports, for engines whose driver shows no console (tests/engines/drivers.py), and every media
// element that is asked to play (the widget keeps its <audio> out of the DOM). ResizeObserver loops are
// labelled as such, in every engine alike.
(() => {
  const probe = { errors: [], audios: [] };
  window.__probe = probe;
  const text = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  // A ResizeObserver loop (sizes changed again after the observers were told, in the same frame) is
  // reported as an error event right after the callbacks; WPE WebKit 2.38 (Safari 16.0) calls it only
  // "Script error." with no file, as for a cross-origin script's error. Observers are wrapped to tell it.
  let resized = false;
  const Observer = window.ResizeObserver;
  if (Observer) {
    window.ResizeObserver = class extends Observer {
      constructor(callback) {
        super((entries, observer) => {
          resized = true;
          setTimeout(() => { resized = false; });  // the next task: after this frame's loop error, if any
          return callback.call(observer, entries, observer);
        });
      }
    };
  }
  addEventListener('error', (event) => {
    const el = event.target;
    const loop = /^ResizeObserver loop/.test(event.message) || (resized && event.message === 'Script error.' && !event.filename);
    // Capture phase: a failed load (stylesheet, script, image) fires on its element and does not bubble.
    probe.errors.push(el && el !== window ? `failed to load ${el.src || el.href || el.tagName}`
      : `${loop ? 'ResizeObserver loop: ' : ''}${event.message} (${event.filename}:${event.lineno})`);
  }, true);
  addEventListener('unhandledrejection', (event) => probe.errors.push(`unhandled rejection: ${text(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) =>
    probe.errors.push(`CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
  const error = console.error;
  console.error = (...args) => { probe.errors.push(`console.error: ${args.map(text).join(' ')}`); error.apply(console, args); };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (!probe.audios.includes(this)) probe.audios.push(this);
    return play.call(this);
  };
})();
