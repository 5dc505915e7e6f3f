// Service-worker updates never take over a tab with answers on screen: with tab A in the middle of
// an interview, a new version deployed (the build's own stamping run on the served folder) and tab
// B opened, the new version installs and waits; tab A keeps its answers and is not reloaded. It
// activates when no tab has answers (tab A's New patient), and then both tabs run it. A kiosk looks
// for a new version at each reset (registration.update()).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  serve,
  launch,
  openApp,
  start,
  question,
  screenFindings,
  answerQuestion,
  waitReady,
  waitForServiceWorker,
  copySite,
  readJson,
  writeJson,
  watchErrors,
  PHONE,
  ROOT,
} from './helpers.mjs';

/** Version two of the site in `dir`: a changed string, stamped as the build does. */
function deploy(dir) {
  const file = path.join(dir, 'ui/en.json');
  const en = readJson(file);
  en['start.title'] = 'Version two';
  writeJson(file, en);
  execFileSync('cmake', [`-DSITE=${dir}`, '-P', path.join(ROOT, 'scripts/stamp_service_worker.cmake')]);
}

async function waitForWaitingVersion(page) {
  for (let i = 0; i < 200; i += 1) {
    const state = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null,
    );
    if (state === 'installed') return;
    await page.waitForTimeout(100);
  }
  throw new Error('the new version never installed');
}

test('an update waits while a tab has answers on screen, and activates once no tab has', async () => {
  const site = copySite();
  const server = await serve(site.dir);
  const browser = await launch({ viewport: PHONE });
  try {
    const { page: a, errors } = await openApp(browser.context, server.origin);
    await waitForServiceWorker(a);
    await start(a, { age: 40, sex: 'Female', regions: ['Left buttock'] });
    await question(a).first().waitFor();
    const [first] = await screenFindings(a);
    await answerQuestion(a, first, 'No');
    await a.evaluate(() => {
      window.tabMarker = 'still here';
    });
    const v1 = await a.evaluate(() => caches.keys());
    assert.equal(v1.length, 1);

    deploy(site.dir);
    const b = await browser.context.newPage();
    const errorsB = watchErrors(b);
    await b.goto(server.origin);
    await waitReady(b);
    await waitForWaitingVersion(b);
    // Tab B is free and offers the switch; the new version asks every tab, A says busy: it waits.
    const deferred = await b.evaluate(
      () =>
        new Promise((resolve) => {
          navigator.serviceWorker.addEventListener('message', (event) => {
            if (event.data?.type === 'switch-deferred') resolve(true);
          });
          navigator.serviceWorker
            .getRegistration()
            .then((r) => r.waiting.postMessage({ type: 'activate-new-version' }));
        }),
    );
    assert.ok(deferred);
    assert.equal(await a.evaluate(() => window.tabMarker), 'still here', 'tab A was not reloaded');
    assert.equal(
      await a.evaluate((f) => document.querySelectorAll(`[data-finding="${f}"] input:checked`).length === 1, first),
      true,
      'tab A keeps its answer',
    );
    assert.equal(await a.getByRole('heading', { name: 'Version two' }).count(), 0);
    const waiting = await a.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: r.waiting?.state ?? null, active: r.active?.state ?? null };
    });
    assert.deepEqual(waiting, { waiting: 'installed', active: 'activated' }, 'the new version waits');

    // Tab A's person is done: New patient. No tab has answers now: the new version takes over and
    // both tabs reload into it.
    await a.getByRole('button', { name: 'New patient', exact: true }).click();
    // New patient asks before it erases an unfinished interview.
    await a.getByRole('button', { name: 'Erase and start again', exact: true }).click();
    await a.getByRole('heading', { name: 'Version two' }).waitFor({ timeout: 20000 });
    await b.getByRole('heading', { name: 'Version two' }).waitFor({ timeout: 20000 });
    assert.equal(await a.evaluate(() => window.tabMarker ?? null), null, 'tab A reloaded into version two');
    const after = await a.evaluate(() => caches.keys());
    assert.equal(after.length, 1);
    assert.notDeepEqual(after, v1, 'the old cache is gone');
    assert.deepEqual([...errors, ...errorsB], []);
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
});

test('a kiosk looks for a new version at each reset and takes it then', async () => {
  const site = copySite();
  const server = await serve(site.dir);
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin, { url: '/?kiosk=1' });
    await waitForServiceWorker(page);
    await start(page, { age: 40, sex: 'Female', regions: ['Left buttock'] });
    await question(page).first().waitFor();
    deploy(site.dir);
    // No navigation happens in a kiosk: the reset itself looks for the new version.
    await page.getByRole('button', { name: 'New patient', exact: true }).click();
    await page.getByRole('heading', { name: 'Version two' }).waitFor({ timeout: 20000 });
    await waitReady(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
});
