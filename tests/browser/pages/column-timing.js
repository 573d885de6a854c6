// @ts-check
// column.js straight from its source, on a page without the widget: the cost of its first run, and what
// its stop function stops. ResizeObservers report in the order they were made, so one made before
// followColumn's and one made after it bracket followColumn's first measurement, which comes with its
// observer's first report (after the browser's layout, before the first paint). With `?forced` the
// column is measured at once instead, as a widget without an observer would: that read forces the
// page's first layout, and is the baseline of bench/widget_column.py.
import { followColumn, columnOf } from './column.js';

const target = /** @type {Element} */ (document.querySelector('.entry-content, article'));
const host = document.createElement('trodoc-bar');
host.attachShadow({ mode: 'open' });
target.before(host);
/** @type {Record<string, number>} */
const times = {};
const w = /** @type {any} */ (window);
let start = performance.now();
if (new URLSearchParams(location.search).has('forced')) {
  columnOf(host, target);
  times.first = performance.now() - start;
  w.__times = times;
} else {
  let before = 0;
  const opening = new ResizeObserver(() => { before = performance.now(); opening.disconnect(); });
  opening.observe(target);
  start = performance.now();
  w.__stop = followColumn(host, target);
  times.setup = performance.now() - start;
  const closing = new ResizeObserver(() => {
    times.first = performance.now() - before;
    closing.disconnect();
    start = performance.now();
    columnOf(host, target);
    times.again = performance.now() - start;
    w.__times = times;
  });
  closing.observe(target);
}
