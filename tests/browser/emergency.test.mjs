// A red flag interrupts the questions at once, at the answer that completes it (before Next): Yes to
// saddle numbness shows the Result region with data-triage="emergency", what to do now and the
// emergency number, causes further down; a rule of two answers fires at the second.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve,
  launch,
  openApp,
  start,
  question,
  questionFor,
  screenFindings,
  answerQuestion,
  answerScreen,
  settled,
  result,
  rankedConditions,
  screenshot,
  EN,
  ES,
  PHONE,
  TABLET,
} from './helpers.mjs';

const SADDLE = 'neuro.saddle_numbness';

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

/**
 * Submits screens with every question No until the screen holding the saddle-numbness question
 * comes, then answers No to the questions before it on that screen. Returns the screens before it.
 */
async function reachSaddleQuestion(page, no = 'No', nextName = 'Next') {
  for (let i = 0; i < 12; i += 1) {
    await question(page).first().waitFor({ timeout: 10000 });
    const findings = await screenFindings(page);
    const at = findings.indexOf(SADDLE);
    if (at >= 0) {
      for (const finding of findings.slice(0, at)) await answerQuestion(page, finding, no);
      return i;
    }
    await answerScreen(page, () => no, { nextName });
  }
  throw new Error('the saddle-numbness question was never asked');
}

for (const [device, viewport] of [
  ['phone', PHONE],
  ['tablet', TABLET],
]) {
  test(`Yes to saddle numbness interrupts with the emergency result (${device})`, async () => {
    const browser = await launch({ viewport, locale: 'en-GB' });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await start(page, { age: 44, sex: 'Male', regions: ['Lower back', 'Left buttock', 'Back of left thigh'] });
      const before = await reachSaddleQuestion(page);
      assert.equal(before, 0, 'the opening screen asks it');
      await answerQuestion(page, SADDLE, 'Yes');

      // At once, at this answer (no Next): the questions give way to the Result region, which says
      // emergency. "At once" is counted in answers, not milliseconds (speed lives in scripts/bench.mjs).
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
      // One instruction: no generic "go to an emergency department if you develop …" beside it.
      assert.equal(await region.getByText(EN.safety_net, { exact: true }).count(), 0);
      assert.ok(await region.getByText(EN['next.emergency.not'], { exact: true }).isVisible());
      // The red flag is named in plain words (the question text, not the id).
      const flags = await region.locator('.red-flags li').allTextContents();
      assert.ok(flags.length >= 1 && !flags.some((f) => f.includes(SADDLE)));
      await screenshot(page, `${device}-en-emergency`);

      // Change answers goes back to the screen, the Yes kept; changing it to No goes on with the questions.
      await region.getByRole('button', { name: EN['result.change_last'] }).click();
      assert.ok(await questionFor(page, SADDLE).getByRole('radio', { name: 'Yes', exact: true }).isChecked());
      await answerQuestion(page, SADDLE, 'No');
      assert.equal(await result(page).count(), 0);
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText(/^Screen 2 of about \d+$/).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

test('emergency screen in Spanish, number by locale (es-ES: 112), advice first', async () => {
  for (const [device, viewport] of [
    ['phone', PHONE],
    ['tablet', TABLET],
  ]) {
    const browser = await launch({ viewport, locale: 'es-ES' });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await page.getByRole('button', { name: 'Español', exact: true }).click();
      await page.getByRole('radio', { name: ES['start.sex.female'], exact: true }).check();
      await page.getByRole('spinbutton', { name: ES['start.age'] }).fill('38');
      await page.getByRole('button', { name: ES['region.tailbone'], exact: true }).click();
      await page.getByRole('button', { name: ES['start.start'], exact: true }).click();
      await reachSaddleQuestion(page, ES['answer.no'], ES['question.next']);
      await answerQuestion(page, SADDLE, ES['answer.yes']);
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

test('a rule of two answers interrupts at the second, not the first', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 44, sex: 'Male', regions: ['Lower back', 'Left buttock'] });
    const FALL = 'onset.after_fall_or_trauma';
    const STAND = 'function.cannot_bear_weight';
    for (let i = 0; i < 4 && (await questionFor(page, FALL).count()) === 0; i += 1)
      await answerScreen(page, () => 'No');
    await answerQuestion(page, FALL, 'Yes');
    assert.equal(await result(page).count(), 0, 'a fall alone is not an emergency');
    assert.ok(await questionFor(page, STAND).isVisible());
    await answerQuestion(page, STAND, 'Yes');
    const region = result(page);
    await region.waitFor({ timeout: 10000 });
    assert.equal(await region.getAttribute('data-triage'), 'emergency');
    assert.equal(await question(page).count(), 0);
    assert.ok(
      (await region.locator('[data-must-rule-out], [data-must-rule-out-rule]').count()) > 0,
      'what must be ruled out is named',
    );
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// E7 (cancer and a weak leg) holds unless the pain has lasted more than three months. A Yes to
// cancer does not interrupt: the engine first asks how long, on a confirmation screen after the
// cancer card; No there shows the emergency, Yes lets the questions go on.
for (const [duration, emergency] of [
  ['No', true],
  ['Yes', false],
]) {
  test(`an emergency that waits on how long it has lasted: ${duration} to more than three months`, async () => {
    const browser = await launch({ viewport: PHONE });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await start(page, { age: 72, sex: 'Male', regions: ['Left buttock'] });
      const yes = new Set(['neuro.leg_weakness', 'history.cancer']);
      const screens = [];
      let confirmation = null;
      for (let i = 0; i < 12; i += 1) {
        if (await result(page).isVisible()) break;
        const findings = await screenFindings(page);
        screens.push(findings);
        if (findings.includes('duration.over_3_months')) {
          confirmation = findings;
          assert.equal(await result(page).count(), 0, 'no result while the engine asks how long');
          await answerQuestion(page, 'duration.over_3_months', duration);
          if (!emergency) await page.getByRole('button', { name: 'Next', exact: true }).click();
          break;
        }
        const { interrupted } = await answerScreen(page, (f) => (yes.has(f) ? 'Yes' : 'No'));
        assert.ok(!interrupted, `interrupted on ${findings.join(', ')}`);
      }
      assert.deepEqual(confirmation, ['duration.over_3_months'], `screens: ${JSON.stringify(screens)}`);
      const cancerCard = screens.findIndex((s) => s.includes('history.cancer'));
      assert.equal(screens.indexOf(confirmation), cancerCard + 1, 'asked right after the cancer card');
      if (emergency) {
        const region = result(page);
        await region.waitFor({ timeout: 10000 });
        assert.equal(await region.getAttribute('data-triage'), 'emergency');
      } else {
        await question(page).first().waitFor({ timeout: 10000 });
        assert.equal(await result(page).count(), 0, 'the questions go on');
      }
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

// The same emergency completed on the answers review: a Yes to leg weakness given there, after a Yes
// to cancer, shows no result while the review is open; closing it brings the confirmation screen.
test('an emergency completed on the answers review waits on how long it has lasted too', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 72, sex: 'Male', regions: ['Left buttock'] });
    const screens = [];
    for (let i = 0; i < 12 && !screens.flat().includes('history.cancer'); i += 1) {
      await question(page).first().waitFor({ timeout: 10000 });
      screens.push(await screenFindings(page));
      const { interrupted } = await answerScreen(page, (f) => (f === 'history.cancer' ? 'Yes' : 'No'));
      assert.ok(!interrupted, `interrupted on ${screens.at(-1).join(', ')}`);
    }
    assert.ok(screens.flat().includes('neuro.leg_weakness'), JSON.stringify(screens));
    await question(page).first().waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: EN['review.open'], exact: true }).click();
    const review = page.getByRole('region', { name: EN['review.title'], exact: true });
    await review.waitFor();
    await review
      .locator('[data-review-finding="neuro.leg_weakness"]')
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await settled(page);
    assert.equal(await result(page).count(), 0, 'no result while the engine asks how long');
    await page.getByRole('button', { name: EN['review.to_questions'], exact: true }).click();
    await questionFor(page, 'duration.over_3_months').waitFor({ timeout: 10000 });
    await answerQuestion(page, 'duration.over_3_months', 'No');
    const region = result(page);
    await region.waitFor({ timeout: 10000 });
    assert.equal(await region.getAttribute('data-triage'), 'emergency');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
