// The interview as a person drives it: mark regions, Start, answer by role and name until the
// Result screen by screen, then check the triage hook, the ranked causes against the engine itself,
// the why-lists, the safety net and the notices; Back, Add something else, the open-safety notice.
// Screenshots of every screen, phone and tablet, both languages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  serve,
  launch,
  openApp,
  start,
  fillStart,
  answerUntilResult,
  answerScreen,
  answerQuestion,
  result,
  question,
  questionFor,
  screenFindings,
  rankedConditions,
  screenshot,
  waitReady,
  readJson,
  SITE,
  EN,
  ES,
  PHONE,
  TABLET,
  settled,
  fillText,
  kbAges,
  openAllDetails,
} from './helpers.mjs';
import { nodeEngine } from './engine-node.mjs';

const LEVELS = ['emergency', 'urgent', 'routine', 'self_care'];
const SAFE = /^(neuro|systemic|history\.cancer|local\.buttock_tense|local\.dark_urine|vascular\.leg_cold)/;
const LABEL = { Yes: 'yes', No: 'no', "Don't know": 'dont_know' };

let server;
let engine;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

test('patient interview: diagram, screens of questions, ranked result as the engine says', async () => {
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

    // The first screen: several questions under one heading, progress in words, focus on the heading.
    await question(page).first().waitFor();
    const first = await screenFindings(page);
    assert.ok(first.length > 1 && first.length <= 6, `a screen of 2 to 6 questions: ${first}`);
    await screenshot(page, 'phone-en-question');
    assert.match(await page.getByText(/^Screen 1 of about \d+$/).textContent(), /Screen 1 of about/);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H2');
    // Each question group is named by its text, with Yes / No / Don't know.
    for (const finding of first) {
      const group = questionFor(page, finding);
      const text = await group.locator('legend').textContent();
      assert.equal(await page.getByRole('group', { name: text, exact: true }).getAttribute('data-finding'), finding);
      for (const name of ['Yes', 'No', "Don't know"])
        assert.equal(await group.getByRole('radio', { name, exact: true }).count(), 1);
    }

    const answers = [];
    const choose = (finding, i) => {
      const label = SAFE.test(finding) ? 'No' : ['Yes', 'No', "Don't know", null][i % 4];
      answers.push([finding, label ? LABEL[label] : 'dont_know']);
      return label;
    };
    await answerUntilResult(page, choose);
    const region = result(page);
    const triage = await region.getAttribute('data-triage');
    assert.ok(LEVELS.includes(triage), triage);
    await screenshot(page, 'phone-en-result');

    // The ranked causes are every condition, in the engine's order for these answers (blank = don't know).
    const state = {
      age: 34,
      sex: 'female',
      present: [
        'pain.buttock',
        'pain.posterior_thigh',
        'side.one_side',
        ...answers.filter(([, v]) => v === 'yes').map(([f]) => f),
      ],
      absent: ['side.both_sides', ...answers.filter(([, v]) => v === 'no').map(([f]) => f)],
      dont_know: answers.filter(([, v]) => v === 'dont_know').map(([f]) => f),
    };
    engine ??= await nodeEngine();
    const expected = engine.assess(state);
    assert.equal(triage, expected.triage);
    assert.deepEqual(
      await rankedConditions(page),
      expected.differential.map((d) => d.condition),
    );
    // Every screen was submitted, so no safety question is open and no notice shows.
    assert.equal(await region.getByText(EN['result.incomplete.title']).count(), 0);

    // Why (with sources), the condition page, review status, safety net and notice.
    const top = region.locator('[data-condition]').first();
    await top.getByText(EN['why.title']).click();
    assert.ok((await top.locator('.why-list li').count()) > 0);
    assert.match(await top.locator('.why-list').textContent(), /Source: /);
    await top.locator('details.about > summary').click();
    assert.ok((await top.locator('.condition-page').textContent()).length > 100);
    assert.match(await top.locator('.review').first().textContent(), /Last reviewed|reviewed by/i);
    // The generic safety net shows beside every result but an emergency (whose one instruction it would contradict).
    assert.equal(await region.getByText(EN.safety_net, { exact: true }).isVisible(), triage !== 'emergency');
    assert.ok(await page.getByText(EN['notice.not_diagnosis']).isVisible());
    // Open every details element, then look for engine ids in what a person can read.
    await openAllDetails(page);
    const visible = await page.locator('body').innerText();
    const ids = [...answers.map(([f]) => f), ...state.present, ...expected.differential.map((d) => d.condition)];
    assert.deepEqual(
      ids.filter((id) => /[._]/.test(id) && visible.includes(id)),
      [],
      'no engine ids shown to patients',
    );
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('Back returns to the previous screen with its answers kept', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 52, sex: 'Male', regions: ['Right buttock'] });
    await question(page).first().waitFor();
    const first = await screenFindings(page);
    const given = { [first[0]]: 'No', [first[1]]: "Don't know" };
    await answerScreen(page, given);
    await page.getByText(/^Screen 2 of about \d+$/).waitFor();
    const second = await screenFindings(page);
    assert.ok(!second.some((f) => first.includes(f)), 'a new screen');
    await answerQuestion(page, second[0], 'No');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByText(/^Screen 1 of about \d+$/).waitFor();
    assert.deepEqual(await screenFindings(page), first);
    // The answers given are still chosen; the blank ones are still blank.
    assert.ok(await questionFor(page, first[0]).getByRole('radio', { name: 'No', exact: true }).isChecked());
    assert.ok(await questionFor(page, first[1]).getByRole('radio', { name: "Don't know", exact: true }).isChecked());
    assert.equal(await questionFor(page, first[2]).locator('input:checked').count(), 0);
    // Next again brings the same second screen; Back from the first screen returns to the start, filled in.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText(/^Screen 2 of about \d+$/).waitFor();
    assert.deepEqual(await screenFindings(page), second);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByText(/^Screen 1 of about \d+$/).waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await waitReady(page);
    assert.equal(await page.getByRole('spinbutton', { name: 'Age', exact: true }).inputValue(), '52');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('Add something else: Search symptoms, a pick counts as yes and can be removed', async () => {
  const findings = readJson(path.join(SITE, 'kb/findings.json')).findings;
  const textOf = (id) => findings.find((f) => f.id === id).text.en.patient;
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 41, sex: 'Female', regions: ['Left sitting bone'] });
    await question(page).first().waitFor();
    await page.getByRole('button', { name: 'Add something else', exact: true }).click();
    const search = page.getByRole('searchbox', { name: 'Search symptoms', exact: true });
    await search.fill('sitting');
    const target = 'worse.sitting';
    const pick = page.getByRole('button', { name: textOf(target), exact: true });
    await pick.waitFor();
    // Questions of the screen shown, the diagram's regions and clinician examinations are not offered.
    const offered = await page
      .locator('[data-finding-option]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-finding-option')));
    const onScreen = await screenFindings(page);
    assert.ok(
      !offered.some((f) => onScreen.includes(f) || /^(pain\.sitting_bone|side\.|exam\.|lab\.)/.test(f)),
      offered.join(', '),
    );
    await pick.click();
    const picks = page.locator('.picks');
    assert.match(await picks.textContent(), new RegExp(textOf(target).replace(/[?()]/g, '.')));
    assert.equal(
      await page.getByRole('button', { name: textOf(target), exact: true }).count(),
      0,
      'a pick leaves the results',
    );
    // Nothing found says so.
    await search.fill('zzzz');
    assert.ok(await page.getByText(EN['search.none']).isVisible());
    // Remove and add again; the pick is recorded as a yes (the printed summary lists it).
    await page
      .getByRole('button', { name: EN['search.remove'].replace('{question}', textOf(target)), exact: true })
      .click();
    assert.equal(await picks.locator('li').count(), 0);
    await search.fill('worse sitting');
    await page.getByRole('button', { name: textOf(target), exact: true }).click();
    await answerUntilResult(page, () => 'No');
    await result(page).waitFor();
    // The printed answers, two a line: [question, answer, question, answer].
    const rows = await page.locator('.print-answers tbody tr').evaluateAll((trs) =>
      trs.flatMap((tr) => {
        const c = [...tr.cells].map((cell) => cell.textContent);
        return [
          [c[0], c[1]],
          [c[2], c[3]],
        ];
      }),
    );
    assert.deepEqual(
      rows.filter(([q]) => q === textOf(target)),
      [[textOf(target), 'Yes']],
      'the pick counts as a yes',
    );
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('Show results early names the open safety questions and leads back to them', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 45, sex: 'Male', regions: ['Right sitting bone'] });
    await question(page).first().waitFor();
    const first = await screenFindings(page);
    await answerQuestion(page, first[0], 'No');
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    const region = result(page);
    await region.waitFor();
    const notice = region.locator('.incomplete');
    assert.ok(await region.getByText(EN['result.incomplete.title']).isVisible());
    // The open question of the screen shown is named; the one answered is not.
    const findings = readJson(path.join(SITE, 'kb/findings.json')).findings;
    const textOf = (id) => findings.find((f) => f.id === id).text.en.patient;
    const named = await notice.locator('li').allTextContents();
    assert.ok(named.includes(textOf(first[1])), `${first[1]} is named`);
    assert.ok(!named.includes(textOf(first[0])), `${first[0]} was answered`);
    await region.getByRole('button', { name: EN['result.continue'] }).click();
    await settled(page);
    // Back on the same screen, the answer kept.
    assert.deepEqual(await screenFindings(page), first);
    assert.ok(await questionFor(page, first[0]).getByRole('radio', { name: 'No', exact: true }).isChecked());
    // Once every opening screen is submitted (blanks are "don't know"), no notice.
    for (let i = 0; i < 3; i += 1) await answerScreen(page, () => null);
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    await region.waitFor();
    assert.equal(await region.getByText(EN['result.incomplete.title']).count(), 0);
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
    assert.ok(await page.getByRole('alert').getByText(fillText(EN['start.error.too_young'], kbAges())).isVisible());
    assert.equal(await question(page).count(), 0);
    await page.getByRole('spinbutton', { name: 'Age', exact: true }).fill('14');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await question(page).first().waitFor();
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    await result(page).getByText(EN['result.under16']).waitFor();
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
  for (const [device, viewport] of [
    ['tablet', TABLET],
    ['phone', PHONE],
  ]) {
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
      assert.equal(
        await page.getByRole('button', { name: ES['region.right_buttock'], exact: true }).getAttribute('aria-pressed'),
        'true',
      );
      assert.ok(await page.getByText(ES['notice.not_diagnosis']).isVisible());
      await screenshot(page, `${device}-es-start`);
      await page.getByRole('button', { name: ES['start.start'], exact: true }).click();
      await screenshot(page, `${device}-es-question`);
      await answerUntilResult(page, () => ES['answer.no'], {
        resultName: ES['result.title'],
        nextName: ES['question.next'],
      });
      const region = page.getByRole('region', { name: ES['result.title'], exact: true });
      assert.ok(await region.getByText(ES.safety_net, { exact: true }).isVisible());
      await screenshot(page, `${device}-es-result`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  }
});
