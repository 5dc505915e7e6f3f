// The interview as a person drives it: mark regions, Start, answer by role and name until the
// Result, then check the triage hook, the ranked causes against the engine itself, the why-lists,
// the safety net and the notices. Screenshots of every screen, phone and tablet, both languages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve, launch, openApp, start, fillStart, answerUntilResult, result, question, rankedConditions,
  screenshot, waitReady, EN, ES, PHONE, TABLET,
} from './helpers.mjs';
import { nodeEngine } from './engine-node.mjs';

const LEVELS = ['emergency', 'urgent', 'routine', 'self_care'];
const SAFE = /^(neuro|systemic|history\.cancer|local\.buttock_tense|local\.dark_urine|vascular\.leg_cold)/;
const LABEL = { Yes: 'yes', No: 'no', "Don't know": 'dont_know' };

let server;
let engine;
before(async () => {
  server = await serve();
  engine = await nodeEngine();
});
after(() => server?.stop());

test('patient interview: diagram, questions with Back, ranked result as the engine says', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await screenshot(page, 'phone-en-start');
    await fillStart(page, { age: 34, sex: 'Female', regions: ['Left buttock', 'Back of left thigh'] });
    // The front view's controls are reachable after choosing Front; marking shows in the list.
    await page.getByRole('button', { name: 'Front', exact: true }).click();
    await page.getByRole('button', { name: 'Left outer hip', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    assert.match(await page.locator('.marked-list').textContent(), /Left buttock, Back of left thigh/);
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    // Back returns to the previous question.
    const first = await question(page).getAttribute('data-finding');
    await screenshot(page, 'phone-en-question');
    assert.match(await page.getByText(/Question 1 of up to \d+/).textContent(), /Question 1/);
    await question(page).getByRole('button', { name: 'No', exact: true }).click();
    const second = await question(page).getAttribute('data-finding');
    assert.notEqual(second, first);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    assert.equal(await question(page).getAttribute('data-finding'), first);
    // The question group is named by its text.
    const text = await question(page).locator('legend').textContent();
    assert.equal(await page.getByRole('group', { name: text, exact: true }).getAttribute('data-finding'), first);

    const answers = [];
    const choose = (finding, i) => {
      const label = SAFE.test(finding) ? 'No' : ['Yes', 'No', "Don't know"][i % 3];
      answers.push([finding, LABEL[label]]);
      return label;
    };
    await answerUntilResult(page, choose);
    const region = result(page);
    const triage = await region.getAttribute('data-triage');
    assert.ok(LEVELS.includes(triage), triage);
    await screenshot(page, 'phone-en-result');

    // The ranked causes are every condition, in the engine's order for these answers.
    const state = {
      age: 34, sex: 'female',
      present: ['pain.buttock', 'pain.posterior_thigh', 'side.one_side', ...answers.filter(([, v]) => v === 'yes').map(([f]) => f)],
      absent: ['side.both_sides', ...answers.filter(([, v]) => v === 'no').map(([f]) => f)],
      dont_know: answers.filter(([, v]) => v === 'dont_know').map(([f]) => f),
      asked: answers.map(([f]) => f),
    };
    const expected = engine.next(state);
    assert.equal(expected.question, null, 'the engine had stopped');
    assert.equal(triage, expected.assessment.triage);
    assert.deepEqual(await rankedConditions(page), expected.assessment.differential.map((d) => d.condition));

    // Why (with sources), the condition page, review status, safety net and notice.
    const top = region.locator('[data-condition]').first();
    await top.getByText(EN['why.title']).click();
    assert.ok(await top.locator('.why-list li').count() > 0);
    assert.match(await top.locator('.why-list').textContent(), /Source: /);
    await top.locator('details.about > summary').click();
    assert.ok((await top.locator('.condition-page').textContent()).length > 100);
    assert.match(await top.locator('.review').first().textContent(), /Last reviewed|reviewed by/i);
    assert.ok(await region.getByText(EN.safety_net, { exact: true }).isVisible());
    assert.ok(await page.getByText(EN['notice.not_diagnosis']).isVisible());
    // Open every details element, then look for engine ids in what a person can read.
    await page.locator('details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => el.click()));
    const visible = await page.locator('body').innerText();
    const ids = [...state.asked, ...state.present, ...expected.assessment.differential.map((d) => d.condition)];
    assert.deepEqual(ids.filter((id) => /[._]/.test(id) && visible.includes(id)), [], 'no engine ids shown to patients');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('Show results early says plainly the safety questions were not finished', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 45, sex: 'Male', regions: ['Right sitting bone'] });
    await question(page).getByRole('button', { name: 'No', exact: true }).click();
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    const region = result(page);
    await region.waitFor();
    assert.ok(await region.getByText(EN['result.incomplete.title']).isVisible());
    assert.ok(await region.getByText(EN['result.incomplete.text']).isVisible());
    await region.getByRole('button', { name: EN['result.continue'] }).click();
    await question(page).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('age checks: under 12 refused, under 16 warned', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 10, sex: 'Female', regions: ['Tailbone'] });
    assert.ok(await page.getByRole('alert').getByText(EN['start.error.too_young']).isVisible());
    assert.equal(await question(page).count(), 0);
    await page.getByRole('spinbutton', { name: 'Age', exact: true }).fill('14');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await question(page).getByRole('button', { name: 'No', exact: true }).click();
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    assert.ok(await result(page).getByText(EN['result.under16']).isVisible());
    // New patient erases and returns to the start.
    await page.getByRole('button', { name: 'New patient', exact: true }).click();
    await waitReady(page);
    assert.equal(await page.getByRole('spinbutton', { name: 'Age', exact: true }).inputValue(), '');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('screens in Spanish and on a tablet (screenshots)', async () => {
  for (const [device, viewport] of [['tablet', TABLET], ['phone', PHONE]]) {
    const browser = await launch({ viewport });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      if (device === 'tablet') {
        await screenshot(page, 'tablet-en-start');
        await start(page, { age: 61, sex: 'Male', regions: ['Lower back', 'Right buttock'] });
        await screenshot(page, 'tablet-en-question');
        await answerUntilResult(page, () => 'No');
        await screenshot(page, 'tablet-en-result');
        await page.getByRole('button', { name: 'New patient', exact: true }).click();
        await waitReady(page);
      }
      // What was entered stays when the language changes; every string changes.
      await fillStart(page, { age: 61, sex: 'Male', regions: ['Lower back', 'Right buttock'] });
      await page.getByRole('button', { name: 'Español', exact: true }).click();
      await page.getByRole('button', { name: ES['start.start'], exact: true }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'es');
      assert.equal(await page.getByRole('spinbutton', { name: ES['start.age'] }).inputValue(), '61');
      assert.equal(await page.getByRole('button', { name: ES['region.right_buttock'], exact: true }).getAttribute('aria-pressed'), 'true');
      assert.ok(await page.getByText(ES['notice.not_diagnosis']).isVisible());
      await screenshot(page, `${device}-es-start`);
      await page.getByRole('button', { name: ES['start.start'], exact: true }).click();
      await screenshot(page, `${device}-es-question`);
      await answerUntilResult(page, () => ES['answer.no'], { resultName: ES['result.title'] });
      const region = page.getByRole('region', { name: ES['result.title'], exact: true });
      assert.ok(await region.getByText(ES.safety_net, { exact: true }).isVisible());
      await screenshot(page, `${device}-es-result`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  }
});
