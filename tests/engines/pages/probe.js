// Loaded first by every test page (a same-origin script, as the strict policy allows): records what the
// page reports, for engines whose driver shows no console (tests/engines/drivers.py), and every media
// element that is asked to play (the widget keeps its <audio> out of the DOM).
(() => {
  const probe = { errors: [], audios: [] };
  window.__probe = probe;
  const text = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  addEventListener('error', (event) => {
    const el = event.target;
    // Capture phase: a failed load (stylesheet, script, image) fires on its element and does not bubble.
    probe.errors.push(el && el !== window ? `failed to load ${el.src || el.href || el.tagName}`
      : `${event.message} (${event.filename}:${event.lineno})`);
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
