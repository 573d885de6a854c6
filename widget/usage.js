// Anonymous usage counts for the portal's operator: listening started/finished and the settings chosen.
// Only the event, its value and the article are sent: no identifier, no cookie (credentials: 'omit');
// the server keeps counts per day, origin and article, nothing else.

import { getState, on } from './state.js';

const SETTINGS = ['scale', 'contrast', 'spacing'];

export function countUsage(base, target) {
  const tagged = target.closest('[data-trodoc-article]');
  const article = tagged ? tagged.dataset.trodocArticle : location.pathname.slice(0, 200);
  // `segment` (listen_start only) names where the run starts: the server stamps the recordings from there
  // on as played, also those the web server hands out from disk without asking the app.
  const send = (event, value = '', segment) => fetch(base + '/api/v1/events', {
    method: 'POST', keepalive: true, credentials: 'omit',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ event, value, article, segment }),
  }).catch(() => {});

  // One listening run lasts from the first sound to the stop (or the end, which stops too). The player
  // names the segment before it starts playing it, so `at` is where a run starts.
  let running = false, finished = false, at;
  on('segment', ({ index, total, id }) => {
    at = id;
    if (index < 0) running = false;
    // Reaching the last sentence counts as finishing: stopping there means the article was heard.
    else if (running && index === total - 1 && !finished) { finished = true; send('listen_finish'); }
  });

  // A setting is counted once it has rested a moment, so A+ A+ A+ counts the size the reader settled on.
  const timers = {};
  let previous = getState();
  on('change', (state) => {
    if (state.playing && !running) { running = true; finished = false; send('listen_start', '', at); }
    for (const key of SETTINGS) {
      if (state[key] === previous[key]) continue;
      clearTimeout(timers[key]);
      const value = key === 'spacing' ? (state.spacing ? 'on' : 'off') : String(state[key]);
      timers[key] = setTimeout(() => send(key, value), 1500);
    }
    previous = state;
  });
}
