// Offline use and its failures: after one visit the page works offline (reload included); a new
// version replaces the old one whole; without WebAssembly, or without the engine, the page says so
// plainly and tells where to get help.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  serve,
  launch,
  openApp,
  start,
  answerUntilResult,
  result,
  waitReady,
  waitForServiceWorker,
  copySite,
  watchErrors,
  EN,
  PHONE,
  SITE,
} from './helpers.mjs';

const fallback = (page) => page.locator('#fallback');

test('after one visit the page works offline, reload included, and an interview completes', async () => {
  const server = await serve();
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await waitForServiceWorker(page);
    assert.ok(await fallback(page).isHidden(), 'the fallback hides once the engine runs');
    await browser.context.setOffline(true);
    server.stop();
    await page.reload();
    await waitReady(page);
    await start(page, { age: 29, sex: 'Female', regions: ['Right sitting bone'] });
    await answerUntilResult(page, () => 'No');
    assert.ok(await result(page).getAttribute('data-triage'));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
  }
});

test('a new version is installed whole, then replaces the old one (no mixing)', async () => {
  const site = copySite();
  const server = await serve(site.dir);
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await waitForServiceWorker(page);
    const before = await page.evaluate(() => caches.keys());
    assert.equal(before.length, 1);

    // Publish version 2: a changed string and a new service worker version.
    const swPath = path.join(site.dir, 'sw.js');
    writeFileSync(
      swPath,
      readFileSync(swPath, 'utf8').replace(/const VERSION = '[^']*';/, "const VERSION = 'test-v2';"),
    );
    const en = JSON.parse(readFileSync(path.join(site.dir, 'ui/en.json'), 'utf8'));
    en['start.title'] = 'Version two';
    writeFileSync(path.join(site.dir, 'ui/en.json'), JSON.stringify(en));

    // The page still runs version 1 after a reload (cache-first), while version 2 installs; on the
    // start screen with no answers the page switches over and reloads into version 2.
    await page.reload();
    await page.getByRole('heading', { name: 'Version two' }).waitFor({ timeout: 20000 });
    await waitReady(page);
    const after = await page.evaluate(() => caches.keys());
    assert.deepEqual(after, ['symcheck-test-v2'], 'the old cache is gone');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
});

test('without WebAssembly the page says so and where to get help', async () => {
  const server = await serve();
  const browser = await launch({ viewport: PHONE });
  try {
    const page = browser.context.pages()[0];
    await page.addInitScript(() => {
      delete globalThis.WebAssembly;
    });
    await page.goto(server.origin);
    await page.locator('#fallback.failed').waitFor({ timeout: 10000 });
    assert.ok(await fallback(page).isVisible());
    assert.match(await fallback(page).textContent(), /WebAssembly/);
    assert.ok(await page.getByText(EN['fallback.help_emergency']).isVisible());
    assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).count(), 0);
  } finally {
    await browser.close();
    server.stop();
  }
});

test('if the engine cannot be fetched the fallback stays, and with no script at all it shows', async () => {
  const server = await serve();
  const browser = await launch({ viewport: PHONE });
  try {
    const page = browser.context.pages()[0];
    watchErrors(page);
    await page.route('**/symcheck.wasm', (route) => route.abort());
    await page.goto(server.origin);
    await page.locator('#fallback.failed').waitFor({ timeout: 15000 });
    assert.ok(await page.getByText(EN['fallback.failed_title']).isVisible());
    assert.ok(await page.getByText(EN['fallback.help_other']).isVisible());
    assert.equal(await page.getByRole('button', { name: 'Start', exact: true }).count(), 0);
  } finally {
    await browser.close();
  }
  const noScript = await launch({ viewport: PHONE, javaScriptEnabled: false });
  try {
    const page = noScript.context.pages()[0];
    await page.goto(server.origin);
    assert.ok(await fallback(page).isVisible());
    assert.ok(await page.getByText('call your local emergency number').isVisible());
  } finally {
    await noScript.close();
    server.stop();
  }
  // The static HTML itself carries the fallback text.
  const html = readFileSync(path.join(SITE, 'index.html'), 'utf8');
  assert.match(html, /id="fallback"/);
  assert.match(html, /emergency department/);
});
