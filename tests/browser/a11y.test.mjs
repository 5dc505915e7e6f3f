// Accessibility: axe finds no violation on the start, question, result, emergency and library
// screens, in English and in Spanish; the diagram works by keyboard alone.

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
  result,
  answerUntilResult,
  EN,
  ES,
  PHONE,
  TABLET,
  assertNoAxeViolations,
} from './helpers.mjs';

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

const axe = assertNoAxeViolations;

for (const lang of ['en', 'es']) {
  test(`axe: every screen has no violation (${lang})`, async () => {
    const S = lang === 'en' ? EN : ES;
    for (const viewport of [PHONE, TABLET]) {
      const browser = await launch({ viewport });
      try {
        const { page, errors } = await openApp(browser.context, server.origin);
        if (lang === 'es') await page.getByRole('button', { name: 'Español', exact: true }).click();
        await axe(page, `start ${lang}`);
        // Front view and marked regions.
        await page.getByRole('button', { name: S['diagram.view_front'], exact: true }).click();
        await page.getByRole('button', { name: S['region.left_groin'], exact: true }).click();
        await axe(page, `start front ${lang}`);
        await page.getByRole('button', { name: S['diagram.view_back'], exact: true }).click();

        await page.getByRole('spinbutton', { name: S['start.age'] }).fill('15');
        await page.getByRole('radio', { name: S['start.sex.female'], exact: true }).check();
        await page.getByRole('button', { name: S['region.left_buttock'], exact: true }).click();
        await page.getByRole('button', { name: S['start.start'], exact: true }).click();
        await question(page).first().waitFor();
        await axe(page, `question ${lang}`);
        // A screen with answers given, the search open with results and a pick.
        const findings = await screenFindings(page);
        await answerQuestion(page, findings[0], S['answer.no']);
        await answerQuestion(page, findings[1], S['answer.dont_know']);
        await page.getByRole('button', { name: S['search.open'], exact: true }).click();
        await page
          .getByRole('searchbox', { name: S['search.label'], exact: true })
          .fill(lang === 'en' ? 'sitting' : 'sentado');
        await page.locator('[data-finding-option]').first().click();
        await page
          .getByRole('searchbox', { name: S['search.label'], exact: true })
          .fill(lang === 'en' ? 'worse' : 'empeora');
        await axe(page, `question with search ${lang}`);
        await page.getByRole('button', { name: S['question.next'], exact: true }).click();
        await answerUntilResult(page, () => S['answer.no'], {
          resultName: S['result.title'],
          nextName: S['question.next'],
        });
        await axe(page, `result ${lang}`);

        await page.getByRole('button', { name: S['library.open'], exact: true }).click();
        await page.getByRole('searchbox', { name: S['library.search'] }).fill('a');
        await axe(page, `library ${lang}`);
        assert.deepEqual(errors, []);
      } finally {
        await browser.close();
      }
    }
  });
}

test('axe: the emergency screen, clinician wording', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { audience: 'Clinician', age: 50, sex: 'Male', regions: ['Lower back', 'Left buttock'] });
    await questionFor(page, 'neuro.saddle_numbness').waitFor();
    await answerQuestion(page, 'neuro.saddle_numbness', 'Yes');
    await result(page).waitFor();
    assert.equal(await result(page).getAttribute('data-triage'), 'emergency');
    await axe(page, 'emergency');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('touch: tapping marks and unmarks regions and answers questions', async () => {
  const browser = await launch({ viewport: PHONE, hasTouch: true, isMobile: true });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    const region = page.getByRole('button', { name: 'Tailbone', exact: true });
    await region.tap();
    assert.equal(await region.getAttribute('aria-pressed'), 'true');
    await region.tap();
    assert.equal(await region.getAttribute('aria-pressed'), 'false');
    await page.getByRole('button', { name: 'Front', exact: true }).tap();
    await page.getByRole('button', { name: 'Right groin', exact: true }).tap();
    assert.equal(
      await page.getByRole('button', { name: 'Right groin', exact: true }).getAttribute('aria-pressed'),
      'true',
    );
    await page.getByRole('spinbutton', { name: 'Age', exact: true }).fill('30');
    await page.getByRole('radio', { name: 'Female', exact: true }).tap();
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    const findings = await screenFindings(page);
    await questionFor(page, findings[0]).getByRole('radio', { name: 'No', exact: true }).tap();
    assert.ok(await questionFor(page, findings[0]).getByRole('radio', { name: 'No', exact: true }).isChecked());
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    await page.getByText(/^Screen 2 of about \d+$/).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('keyboard only: mark regions, switch view, start and answer', async () => {
  const browser = await launch({ viewport: TABLET });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    const region = page.getByRole('button', { name: 'Left buttock', exact: true });
    await region.focus();
    await page.keyboard.press('Enter');
    assert.equal(await region.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Space');
    assert.equal(await region.getAttribute('aria-pressed'), 'false');
    await page.keyboard.press('Space');
    // The focused region shows a visible focus indicator (outline or thick stroke).
    const focusStyle = await region.evaluate((el) => {
      const shape = el.firstElementChild;
      return { outline: getComputedStyle(el).outlineStyle, stroke: parseFloat(getComputedStyle(shape).strokeWidth) };
    });
    assert.ok(focusStyle.outline !== 'none' || focusStyle.stroke >= 3, JSON.stringify(focusStyle));
    // Every region control is reachable with Tab.
    const tabbable = await page.locator('[data-region]').evaluateAll((els) => els.every((el) => el.tabIndex === 0));
    assert.ok(tabbable);
    await page.getByRole('spinbutton', { name: 'Age', exact: true }).focus();
    await page.keyboard.type('40');
    await page.getByRole('radio', { name: 'Male', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('spinbutton', { name: 'Age', exact: true }).focus();
    await page.keyboard.press('Enter');
    await question(page).first().waitFor();
    // Focus moves to the screen's heading; Tab reaches the first question's Yes, arrows choose.
    assert.equal(await page.evaluate(() => document.activeElement?.matches('h2.question-stem')), true);
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => ({
        label: document.activeElement?.labels?.[0]?.textContent,
        finding: document.activeElement?.closest('[data-finding]')?.dataset.finding,
        checked: document.activeElement?.checked,
      }));
    const findings = await screenFindings(page);
    assert.deepEqual(await focused(), { label: 'Yes', finding: findings[0], checked: false });
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focused(), { label: 'No', finding: findings[0], checked: true });
    // Tab goes on to the next question.
    await page.keyboard.press('Tab');
    assert.equal((await focused()).finding, findings[1]);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
