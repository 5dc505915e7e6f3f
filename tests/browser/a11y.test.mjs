// Accessibility: axe finds no violation on the start, question, result, emergency and library
// screens, in English and in Spanish; the diagram works by keyboard alone.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openApp, start, question, result, answerUntilResult, EN, ES, PHONE, TABLET } from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let server;
before(async () => { server = await serve(); });
after(() => server?.stop());

async function axe(page, label) {
  // Open every details element so that hidden content is checked too.
  await page.locator('details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => el.click()));
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

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
        await question(page).waitFor();
        await axe(page, `question ${lang}`);
        await answerUntilResult(page, () => S['answer.no'], { resultName: S['result.title'] });
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
    for (let i = 0; i < 20; i += 1) {
      const finding = await question(page).getAttribute('data-finding');
      if (finding === 'neuro.saddle_numbness') break;
      await question(page).getByRole('button', { name: 'No', exact: true }).click();
    }
    await question(page).getByRole('button', { name: 'Yes', exact: true }).click();
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
    assert.equal(await page.getByRole('button', { name: 'Right groin', exact: true }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('spinbutton', { name: 'Age', exact: true }).fill('30');
    await page.getByRole('radio', { name: 'Female', exact: true }).tap();
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await question(page).getByRole('button', { name: 'No', exact: true }).tap();
    await question(page).waitFor();
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
    await question(page).waitFor();
    // Focus moves to the question; Tab reaches Yes.
    assert.equal(await page.evaluate(() => document.activeElement?.matches('fieldset[data-finding]')), true);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Yes');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
