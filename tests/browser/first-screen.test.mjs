// The start screen comes before the engine: the files fetched before the start form is usable are
// exactly those scripts/site_sizes.mjs counts for the first-screen budget (measured here with the
// engine worker held back); Start pressed before the engine is ready says "Getting ready…" and
// goes on once it is; the engine runs in a worker, never on the page's main thread. The longest
// main-thread task during load and a whole interview is reported (never asserted: no test depends
// on timing; scripts/bench.mjs carries the figure and its budget).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve,
  launch,
  waitReady,
  fillStart,
  question,
  answerUntilResult,
  result,
  watchErrors,
  start,
  EN,
  PHONE,
  SITE,
} from './helpers.mjs';
import { firstScreenFiles } from '../../scripts/site_sizes.mjs';

const pathOf = (origin, url) => {
  const u = new URL(url);
  if (u.origin !== origin) return u.href;
  const p = u.pathname.replace(/^\//, '');
  return p === '' ? 'index.html' : p;
};

test('the start screen is usable before the engine loads, from exactly the files site_sizes counts', async () => {
  const server = await serve();
  const browser = await launch({ viewport: PHONE });
  let release;
  try {
    const page = browser.context.pages()[0];
    const errors = watchErrors(page);
    const requests = [];
    browser.context.on('request', (r) => requests.push(r.url()));
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await browser.context.route('**/js/engine-worker.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.origin);
    await waitReady(page);
    await fillStart(page, { age: 40, sex: 'Female', regions: ['Left buttock'] });
    const before = [...new Set(requests.map((url) => pathOf(server.origin, url)))]
      .filter((p) => p !== 'js/engine-worker.js')
      .sort();
    assert.deepEqual(before, firstScreenFiles(SITE), 'what the page fetched before the start form was usable');
    // The knowledge base's manifest (its file names and the ages a person may enter) but not the
    // knowledge base itself, and not the module.
    assert.ok(
      !before.some((p) => (p.startsWith('kb/') && p !== 'kb/manifest.json') || p.startsWith('symcheck.')),
      'no module, no knowledge base',
    );

    // Start before the engine is ready: a status says so, and the interview begins once it is.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: EN['engine.getting_ready'] });
    await status.waitFor();
    assert.equal(await question(page).count(), 0);
    release();
    await question(page).first().waitFor({ timeout: 20000 });
    assert.equal(await page.locator('#engine-status').textContent(), '', 'the status clears');
    assert.deepEqual(errors, []);
  } finally {
    release?.();
    await browser.close();
    server.stop();
  }
});

test('the engine runs in a worker; the longest main-thread task during load and an interview is reported', async (t) => {
  const server = await serve();
  const browser = await launch({ viewport: PHONE });
  try {
    await browser.context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      // Any WebAssembly compiled on the page's own thread is counted.
      window.__pageWasm = 0;
      for (const name of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
        const original = WebAssembly[name];
        if (typeof original === 'function') {
          WebAssembly[name] = function counted(...args) {
            window.__pageWasm += 1;
            return original.apply(this, args);
          };
        }
      }
    });
    const page = browser.context.pages()[0];
    const errors = watchErrors(page);
    await page.goto(server.origin);
    await waitReady(page);
    await page.waitForFunction(() => performance.getEntriesByName('symcheck-engine-ready').length > 0, null, {
      timeout: 20000,
    });
    const atLoad = await page.evaluate(() => window.__longTasks.slice());
    await start(page, { age: 44, sex: 'Male', regions: ['Lower back', 'Left buttock', 'Back of left thigh'] });
    const asked = await answerUntilResult(page, () => 'No');
    await result(page).waitFor();
    const all = await page.evaluate(() => window.__longTasks.slice());
    const longest = (list) => Math.round(Math.max(0, ...list));
    t.diagnostic(
      `longest main-thread task: ${longest(atLoad)} ms during load, ${longest(all.slice(atLoad.length))} ms during the interview (${asked.length} questions; only tasks >= 50 ms are reported)`,
    );
    assert.ok(
      page.workers().some((w) => w.url().endsWith('/js/engine-worker.js')),
      'the engine worker runs',
    );
    assert.equal(await page.evaluate(() => window.__pageWasm), 0, 'no WebAssembly on the main thread');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
  }
});
