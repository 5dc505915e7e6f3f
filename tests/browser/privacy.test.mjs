// Privacy: no request leaves the origin (service worker requests included), nothing is stored,
// New patient erases everything, and neither history nor the back-forward cache brings answers back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve,
  launch,
  openApp,
  start,
  answerUntilResult,
  answerScreen,
  result,
  question,
  waitReady,
  waitForServiceWorker,
  PHONE,
} from './helpers.mjs';

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

const AGE = 73;

/** What the browser holds for this origin, outside the page's memory. */
async function stored(page, context) {
  const inPage = await page.evaluate(async () => {
    const out = { local: localStorage.length, session: sessionStorage.length, cookie: document.cookie };
    out.idb = (await indexedDB.databases()).map((d) => d.name);
    out.caches = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out.caches[name] = (await cache.keys()).map((r) => r.url);
    }
    out.url = location.href;
    out.history = history.length;
    return out;
  });
  inPage.cookies = await context.cookies();
  return inPage;
}

async function assertNoAnswersInDom(page) {
  assert.equal(await result(page).count(), 0, 'no result on screen');
  assert.equal(await question(page).count(), 0, 'no question on screen');
  assert.equal(await page.locator('[aria-pressed="true"][data-region]').count(), 0, 'no marked region');
  assert.equal(await page.getByRole('spinbutton', { name: 'Age', exact: true }).inputValue(), '');
  assert.equal(await page.locator('input[type="radio"][name="sex"]:checked').count(), 0);
  const html = await page.content();
  assert.ok(!html.includes(String(AGE)), 'the age is gone from the DOM');
  assert.ok(!/data-condition|data-triage|data-finding/.test(html), 'no result or question hooks in the DOM');
}

test('no off-origin request, no storage, New patient erases, history carries nothing', async () => {
  const browser = await launch({ viewport: PHONE });
  const requests = [];
  browser.context.on('request', (r) => requests.push({ url: r.url(), sw: Boolean(r.serviceWorker()) }));
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await waitForServiceWorker(page);
    const historyLength = await page.evaluate(() => history.length);
    await start(page, { age: AGE, sex: 'Male', regions: ['Left buttock', 'Right groin'] });
    // A search of the questions stays in the page too.
    await page.getByRole('button', { name: 'Add something else', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search symptoms', exact: true }).fill('sitting');
    await page.locator('[data-finding-option]').first().click();
    await answerUntilResult(page, (f, i) => (/^(neuro|systemic)/.test(f) ? 'No' : ['Yes', "Don't know"][i % 2]));
    const before = await stored(page, browser.context);
    assert.equal(before.url, `${server.origin}/`, 'answers never reach the URL');
    assert.equal(before.history, historyLength, 'no history entries');
    await page.getByRole('button', { name: 'New patient', exact: true }).click();
    await waitReady(page);
    await assertNoAnswersInDom(page);

    const after = await stored(page, browser.context);
    assert.deepEqual(after.cookies, []);
    assert.equal(after.cookie, '');
    assert.equal(after.local, 0);
    assert.equal(after.session, 0);
    assert.deepEqual(after.idb, []);
    assert.equal(after.url, `${server.origin}/`);
    assert.equal(after.history, historyLength);
    // The one cache holds the site's files only (no query strings, nothing but static assets).
    const cached = Object.values(after.caches).flat();
    assert.equal(Object.keys(after.caches).length, 1);
    assert.ok(cached.length > 10);
    for (const url of cached) {
      assert.ok(url.startsWith(`${server.origin}/`) && !url.includes('?') && !url.includes('#'), url);
    }

    assert.ok(requests.length > 10);
    assert.ok(
      requests.some((r) => r.sw),
      'service worker requests are recorded too',
    );
    const off = requests.filter(
      (r) => !r.url.startsWith(`${server.origin}/`) && !r.url.startsWith('blob:') && !r.url.startsWith('data:'),
    );
    assert.deepEqual(off, [], 'no request off the origin');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// Leave the page for another one, come back with the Back button: no answer may show.
async function comeBackFromAnotherPage(page) {
  await page.goto('about:blank');
  await page.goBack();
  await waitReady(page);
  await assertNoAnswersInDom(page);
}

test('going back to the page (back-forward cache or reload) shows no answers', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: AGE, sex: 'Female', regions: ['Tailbone'] });
    // "No": the first screen asks about the cauda equina, where a yes ends at the emergency screen.
    await answerScreen(page, () => 'No');
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    await result(page).waitFor();
    await comeBackFromAnotherPage(page);
    // Forward and back again after New patient.
    await start(page, { age: AGE, sex: 'Female', regions: ['Tailbone'] });
    await question(page).first().waitFor();
    await page.getByRole('button', { name: 'New patient', exact: true }).click();
    await comeBackFromAnotherPage(page);
    // A reload starts empty too.
    await start(page, { age: AGE, sex: 'Female', regions: ['Tailbone'] });
    await question(page).first().waitFor();
    await page.reload();
    await waitReady(page);
    await assertNoAnswersInDom(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('kiosk mode erases everything after the idle time', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    // idle=0.02 minutes = 1.2 s for the test; the default is 5 minutes (ui/settings.json).
    const { page, errors } = await openApp(browser.context, server.origin, { url: '/?kiosk=1&idle=0.02' });
    await start(page, { age: AGE, sex: 'Male', regions: ['Left buttock'] });
    await question(page).first().waitFor();
    await page.waitForTimeout(2500);
    await waitReady(page);
    await assertNoAnswersInDom(page);

    // Paused while a clinician views a result.
    await start(page, { age: AGE, sex: 'Male', regions: ['Left buttock'], audience: 'Clinician' });
    await answerScreen(page, () => 'No');
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    await result(page).waitFor();
    await page.waitForTimeout(2500);
    assert.equal(await result(page).count(), 1, 'the clinician still sees the result');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
