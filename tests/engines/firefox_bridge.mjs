// Firefox for the Python tests (tests/engines/drivers.py): puppeteer-core drives Debian's Firefox ESR over
// WebDriver BiDi, and this bridge answers one JSON line on stdout for each JSON line on stdin:
//   {"id": 1, "cmd": "goto", "url": "..."} -> {"id": 1, "value": ...} or {"id": 1, "error": "..."}
// The first line it writes is {"ready": "<browser version>"}. Console errors and uncaught exceptions of the
// current page are kept until the "errors" command takes them.
// Usage: node firefox_bridge.mjs '{"executablePath": "/usr/bin/firefox-esr", "viewport": {...}, "prefs": {...}}'

import readline from 'node:readline';
import puppeteer from 'puppeteer-core';

const options = JSON.parse(process.argv[2]);
const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');

const browser = await puppeteer.launch({
  browser: 'firefox',
  protocol: 'webDriverBiDi',
  executablePath: options.executablePath,
  headless: true,
  extraPrefsFirefox: options.prefs,
});
let context = null;
let page = null;
let errors = [];

// Puppeteer's BiDi keyboard knows the space bar only by its character.
const KEY = { Space: ' ' };

// Each answers undefined (sent as null), except evaluate and errors.
const commands = {
  // A new browser context (its own storage, like a new profile) with one page.
  async fresh() {
    if (context) await context.close();
    context = await browser.createBrowserContext();
    page = await context.newPage();
    await page.setViewport(options.viewport);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  },
  async goto({ url }) {
    await page.goto(url, { waitUntil: 'load' });
  },
  async reload() {
    await page.reload({ waitUntil: 'load' });
  },
  // The expression resolves to a string (drivers.py wraps every function so), returned as it is.
  evaluate: ({ expression }) => page.evaluate(expression),
  async click({ x, y }) {
    await page.mouse.click(x, y);
  },
  async press({ modifiers, key }) {
    for (const modifier of modifiers) await page.keyboard.down(modifier);
    await page.keyboard.press(KEY[key] || key);
    for (const modifier of modifiers.reverse()) await page.keyboard.up(modifier);
  },
  errors: () => errors.splice(0),
};

send({ ready: await browser.version() });
for await (const line of readline.createInterface({ input: process.stdin })) {
  const { id, cmd, ...args } = JSON.parse(line);
  try {
    send({ id, value: (await commands[cmd](args)) ?? null });
  } catch (error) {
    send({ id, error: String((error && error.stack) || error) });
  }
}
await browser.close();
