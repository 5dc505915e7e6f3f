// A red flag interrupts the questions at once: Yes to saddle numbness shows the Result region with
// data-triage="emergency", what to do now and the emergency number, causes further down.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, launch, openApp, start, question, result, rankedConditions, screenshot, EN, ES, PHONE, TABLET,
} from './helpers.mjs';

const SADDLE = 'neuro.saddle_numbness';

let server;
before(async () => { server = await serve(); });
after(() => server?.stop());

/** Answers No until the saddle-numbness question comes, then Yes. */
async function reachSaddleQuestion(page, no = 'No') {
  for (let i = 0; i < 20; i += 1) {
    const q = question(page);
    await q.waitFor({ timeout: 10000 });
    if (await q.getAttribute('data-finding') === SADDLE) return i;
    await q.getByRole('button', { name: no, exact: true }).click();
  }
  throw new Error('the saddle-numbness question was never asked');
}

for (const [device, viewport] of [['phone', PHONE], ['tablet', TABLET]]) {
  test(`Yes to saddle numbness interrupts with the emergency result (${device})`, async () => {
    const browser = await launch({ viewport, locale: 'en-GB' });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await start(page, { age: 44, sex: 'Male', regions: ['Lower back', 'Left buttock', 'Back of left thigh'] });
      const before = await reachSaddleQuestion(page);
      assert.ok(before < 8, 'the red-flag screen comes early');
      await question(page).getByRole('button', { name: 'Yes', exact: true }).click();

      // At once: no further question, the Result region says emergency. "At once" is counted in
      // questions, not milliseconds (the wait is only generous; speed lives in scripts/bench.mjs).
      const region = result(page);
      await region.waitFor({ timeout: 10000 });
      assert.equal(await question(page).count(), 0);
      assert.equal(await region.getAttribute('data-triage'), 'emergency');
      // What to do now comes first, with the number of the person's region (en-GB: 999).
      const banner = region.locator('.triage-banner');
      assert.match(await banner.textContent(), /999/);
      assert.ok(await region.getByRole('link', { name: 'Call 999' }).isVisible());
      assert.equal(await region.getByRole('link', { name: 'Call 999' }).getAttribute('href'), 'tel:999');
      const order = await region.evaluate((el) => {
        const bannerEl = el.querySelector('.triage-banner');
        const firstCause = el.querySelector('[data-condition]');
        return Boolean(bannerEl.compareDocumentPosition(firstCause) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(order, 'ranked causes come after the emergency advice');
      assert.ok((await rankedConditions(page)).length > 1);
      assert.ok(await region.getByText(EN.safety_net, { exact: true }).isVisible());
      // The red flag is named in plain words (the question text, not the id).
      const flags = await region.locator('.red-flags li').allTextContents();
      assert.ok(flags.length >= 1 && !flags.some((f) => f.includes(SADDLE)));
      await screenshot(page, `${device}-en-emergency`);

      // Change last answer goes back to the question.
      await region.getByRole('button', { name: EN['result.change_last'] }).click();
      assert.equal(await question(page).getAttribute('data-finding'), SADDLE);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

test('emergency screen in Spanish, number by locale (es-ES: 112), advice first', async () => {
  for (const [device, viewport] of [['phone', PHONE], ['tablet', TABLET]]) {
    const browser = await launch({ viewport, locale: 'es-ES' });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await page.getByRole('button', { name: 'Español', exact: true }).click();
      await page.getByRole('radio', { name: ES['start.sex.female'], exact: true }).check();
      await page.getByRole('spinbutton', { name: ES['start.age'] }).fill('38');
      await page.getByRole('button', { name: ES['region.tailbone'], exact: true }).click();
      await page.getByRole('button', { name: ES['start.start'], exact: true }).click();
      await reachSaddleQuestion(page, ES['answer.no']);
      await question(page).getByRole('button', { name: ES['answer.yes'], exact: true }).click();
      const region = page.getByRole('region', { name: ES['result.title'], exact: true });
      await region.waitFor({ timeout: 10000 });
      assert.equal(await question(page).count(), 0, 'no further question');
      assert.equal(await region.getAttribute('data-triage'), 'emergency');
      const texts = await region.locator('h2, h3, p').allTextContents();
      assert.equal(texts[0], ES['result.title']);
      assert.equal(texts.findIndex((x) => x.includes('112')) <= 3, true, 'the emergency advice comes first');
      assert.ok(await region.getByText(ES['triage.emergency.heading'].replace('{number}', '112')).isVisible());
      await screenshot(page, `${device}-es-emergency`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  }
});
