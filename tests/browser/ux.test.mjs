// The results a frightened person reads, the answers review, the browser's Back, next steps, the
// clinic tablet, the start screen and the review status (ux-review-1), at phone (390x844), tablet
// (820x1180) and 320 px with 200 % text, in English and Spanish; axe on the new screens; the
// screenshots build/ux-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  serve,
  launch,
  openApp,
  start,
  question,
  questionFor,
  answerScreen,
  answerUntilResult,
  result,
  screenFindings,
  waitReady,
  EN,
  ES,
  ROOT,
  REGIONS,
  fillText,
  kbAges,
  assertNoAxeViolations,
} from './helpers.mjs';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
const NARROW = { width: 320, height: 640 };

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

const axe = assertNoAxeViolations;

const shot = (page, name, fullPage = false) =>
  page.screenshot({ path: path.join(ROOT, 'build', `ux-${name}.png`), fullPage });

async function emergencyResult(page, S = EN) {
  await start(page, { age: 45, sex: 'Male', regions: ['Lower back', 'Left buttock'] });
  await questionFor(page, 'neuro.saddle_numbness').waitFor();
  await questionFor(page, 'neuro.saddle_numbness').getByRole('radio', { name: S['answer.yes'], exact: true }).click();
  await result(page, S['result.title']).waitFor();
}

for (const viewport of [PHONE, TABLET]) {
  test(`emergency result: the danger leads, one instruction, no contradicting safety net (${viewport.width}px)`, async () => {
    const browser = await launch({ viewport });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await emergencyResult(page);
      const region = result(page);
      assert.equal(await region.getAttribute('data-triage'), 'emergency');
      const order = await region.evaluate((el) => {
        const pos = (sel) => [...el.querySelectorAll('*')].indexOf(el.querySelector(sel));
        return {
          banner: pos('.triage-banner'),
          must: pos('[data-must-rule-out]'),
          causes: pos('[data-condition]'),
          causesTitle: pos('.causes-title'),
        };
      });
      assert.ok(
        order.banner < order.must && order.must < order.causesTitle && order.causesTitle < order.causes,
        JSON.stringify(order),
      );
      assert.equal(await region.locator('.causes-title').textContent(), EN['result.causes_other']);
      assert.equal(await region.locator('.must-rule-out li').count(), 1);
      assert.equal(await region.locator('.must-rule-out p').textContent(), EN['result.must_rule_out_intro']);
      // One instruction: call now; what not to do; nothing "if you develop".
      const text = await region.innerText();
      assert.ok(!text.includes(EN.safety_net), 'no generic safety net on an emergency');
      assert.ok(!/if you develop|if any of these happen/i.test(text));
      assert.ok(text.includes(EN['next.emergency.not']));
      assert.equal(await region.locator('a[href^="tel:"]').first().isVisible(), true);
      assert.equal(await region.locator('[data-unanswered-safety-checks]').count(), 0);
      await shot(page, viewport === PHONE ? 'emergency' : 'emergency-tablet', true);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

// Several dangers to rule out are introduced in the plural: a red swelling in the buttock crease
// (abscess, pilonidal abscess) and a cancer history at 58 (bone cancer) each name one.
test('several things to rule out read in the plural', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 58, sex: 'Female', regions: ['Tailbone'] });
    const yes = new Set(['local.redness_swelling_warmth', 'local.natal_cleft_swelling_or_sinus', 'history.cancer']);
    await answerUntilResult(page, (f) => (yes.has(f) ? 'Yes' : 'No'));
    const region = result(page);
    assert.ok((await region.locator('.must-rule-out li').count()) > 1);
    assert.equal(await region.locator('.must-rule-out p').textContent(), EN['result.must_rule_out_intro_many']);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

// Starts the page in `lang` as a patient of `age` and `sex` ('female' or 'male') with one region marked.
async function startIn(page, lang, S, { age, sex, region }) {
  if (lang === 'es') await page.getByRole('button', { name: 'Español', exact: true }).click();
  await page.getByRole('radio', { name: S['start.audience.patient'], exact: true }).check();
  await page.getByRole('spinbutton', { name: S['start.age'] }).fill(String(age));
  await page.getByRole('radio', { name: S[`start.sex.${sex}`], exact: true }).check();
  await page.getByRole('button', { name: S[`region.${region}`], exact: true }).click();
  await page.getByRole('button', { name: S['start.start'], exact: true }).click();
}

// A rule that points to no single condition is named in words: new confusion at 88 (S7, a sepsis sign
// without a known infection) once gave an empty line under "What must be ruled out now".
for (const lang of ['en', 'es']) {
  test(`a danger with no single condition is named in words (${lang})`, async () => {
    const S = lang === 'en' ? EN : ES;
    const browser = await launch({ viewport: PHONE });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await startIn(page, lang, S, { age: 88, sex: 'female', region: 'left_buttock' });
      await answerUntilResult(page, (f) => (f === 'systemic.sepsis_red_flag' ? S['answer.yes'] : S['answer.no']), {
        resultName: S['result.title'],
        nextName: S['question.next'],
      });
      const region = result(page, S['result.title']);
      assert.equal(await region.getAttribute('data-triage'), 'emergency');
      const item = region.locator('.must-rule-out li[data-must-rule-out-rule="S7"]');
      assert.equal((await item.textContent()).trim(), S['danger.S7']);
      for (const text of await region.locator('.must-rule-out li').allTextContents()) assert.ok(text.trim().length > 0);
      if (lang === 'en') await shot(page, 'danger-in-words', true);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

for (const lang of ['en', 'es']) {
  test(`self-care result: Why lists what the person said, citations read as citations, plain numbers (${lang})`, async () => {
    const S = lang === 'en' ? EN : ES;
    const browser = await launch({ viewport: PHONE });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      await startIn(page, lang, S, { age: 34, sex: 'female', region: 'right_buttock' });
      await answerUntilResult(page, () => S['answer.no'], {
        resultName: S['result.title'],
        nextName: S['question.next'],
      });
      const region = result(page, S['result.title']);
      const causes = region.locator('ol.causes > [data-condition]');
      assert.ok((await causes.count()) >= 5);
      // Every listed cause has a Why, incl. causes 4 and 5, and a plain "about N in 100".
      for (let i = 0; i < 5; i += 1) {
        const cause = causes.nth(i);
        assert.equal(await cause.locator('details.why').count(), 1, `cause ${i + 1} has a why`);
        assert.match(
          await cause.locator('.probability-plain').textContent(),
          lang === 'en' ? /in 100 people/ : /de cada 100/,
        );
      }
      await page.locator('details.why > summary').evaluateAll((els) => els.forEach((el) => el.click()));
      const why = (await region.locator('details.why').allInnerTexts()).join('\n');
      assert.ok(
        !/not captured|clinical estimate: clinical estimate|Is the pain right in the middle|one side only/i.test(why),
        why,
      );
      assert.ok(why.includes(S['why.marked'].replace(' {regions}.', '')), 'the diagram as You marked');
      // Direction is not red.
      const colour = await region
        .locator('.why-direction')
        .first()
        .evaluate((el) => getComputedStyle(el).color);
      assert.equal(colour, 'rgb(27, 27, 27)');
      // Review status: draft with the content date, not "last reviewed".
      const review = await region.locator('.review').first().textContent();
      assert.ok(
        review.startsWith(lang === 'en' ? 'Draft, not yet reviewed by a clinician; content updated' : 'Borrador'),
        review,
      );
      // Next steps for the level.
      const level = await region.getAttribute('data-triage');
      assert.ok(await region.locator(`[data-next-steps="${level}"]`).isVisible());
      if (lang === 'en') {
        await causes.first().locator('details.why > summary').scrollIntoViewIfNeeded();
        await shot(page, 'selfcare-why', true);
      }
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

test('citations: author (year) title, never placeholders', async () => {
  const { shortSource, citation } = await import('../../web/js/ui/condition-page.js');
  const t = (k) => ({ 'source.kind.research': 'research', 'source.no_year': 'year unknown' })[k] ?? '';
  assert.equal(
    shortSource({ authors: 'Bell DA, Collie D, Statham PF', year: 2007, title: 'Cauda equina syndrome' }),
    'Bell DA, et al. (2007). Cauda equina syndrome.',
  );
  assert.equal(
    shortSource({ authors: 'Authors not captured', year: 2015, title: 'A case report' }),
    '(2015). A case report.',
  );
  const c = citation(
    {
      kind: 'research',
      authors: 'UK review (authors not captured)',
      year: null,
      title: 'T',
      journal: 'abstract only (journal not captured)',
    },
    t,
  );
  assert.ok(!/captured/.test(c), c);
});

/** The answers-review tests' start: a 40-year-old man, left buttock, in `lang`; the first screen's findings. */
async function startAs40Male(page, lang) {
  await startIn(page, lang, lang === 'en' ? EN : ES, { age: 40, sex: 'male', region: 'left_buttock' });
  await question(page).first().waitFor();
  return screenFindings(page);
}

for (const lang of ['en', 'es']) {
  test(`answers review: every answer listed by screen, any one changed, before and after the result (${lang})`, async () => {
    const S = lang === 'en' ? EN : ES;
    const browser = await launch({ viewport: TABLET });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      const first = await startAs40Male(page, lang);
      await answerScreen(page, () => S['answer.no'], { nextName: S['question.next'], resultName: S['result.title'] });
      await question(page).first().waitFor();
      // Before the result.
      await page.getByRole('button', { name: S['review.open'], exact: true }).click();
      const review = page.getByRole('region', { name: S['review.title'], exact: true });
      await review.waitFor();
      for (const f of first)
        assert.ok(await review.locator(`[data-review-finding="${f}"] input[value="no"]`).isChecked(), f);
      await axe(page, `review ${lang}`);
      // Change one answer (Don't know), back to the questions, then to the result and review again.
      const changed = first.find((f) => !/^neuro|^systemic/.test(f)) ?? first.at(-1);
      await review
        .locator(`[data-review-finding="${changed}"]`)
        .getByRole('radio', { name: S['answer.dont_know'], exact: true })
        .check();
      await page.getByRole('button', { name: S['review.to_questions'], exact: true }).click();
      await question(page).first().waitFor();
      await page.getByRole('button', { name: S['question.show_results'], exact: true }).click();
      await result(page, S['result.title']).waitFor();
      await page.getByRole('button', { name: S['review.open'], exact: true }).click();
      await review.waitFor();
      assert.ok(await review.locator(`[data-review-finding="${changed}"] input[value="dont_know"]`).isChecked());
      if (lang === 'en') await shot(page, 'review', true);
      await page.getByRole('button', { name: S['review.to_result'], exact: true }).click();
      await result(page, S['result.title']).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

for (const lang of ['en', 'es']) {
  test(`answers review: a change chooses the questions again; new details keep the answers (${lang})`, async () => {
    const S = lang === 'en' ? EN : ES;
    const browser = await launch({ viewport: PHONE });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      const first = await startAs40Male(page, lang);
      assert.ok(first.includes('neuro.leg_weakness'), String(first));
      await answerScreen(page, () => S['answer.no'], { nextName: S['question.next'], resultName: S['result.title'] });
      await question(page).first().waitFor();
      const second = await screenFindings(page);
      assert.ok(!second.includes('neuro.weakness_progressing'), String(second));
      // A yes given on the review brings its follow-up on the next screen, in place of the screen
      // on show (nothing on it was answered yet).
      await page.getByRole('button', { name: S['review.open'], exact: true }).click();
      const review = page.getByRole('region', { name: S['review.title'], exact: true });
      await review.waitFor();
      await review
        .locator('[data-review-finding="neuro.leg_weakness"]')
        .getByRole('radio', { name: S['answer.yes'], exact: true })
        .check();
      await page.getByRole('button', { name: S['review.to_questions'], exact: true }).click();
      await questionFor(page, 'neuro.weakness_progressing').waitFor();
      // New details from the start screen: the answers carry over and the questions go on.
      await page.getByRole('button', { name: S['review.open'], exact: true }).click();
      await review.waitFor();
      await review.getByRole('button', { name: S['review.edit_start'], exact: true }).click();
      await page.getByRole('spinbutton', { name: S['start.age'] }).fill('41');
      await page.getByRole('button', { name: S['start.start'], exact: true }).click();
      await questionFor(page, 'neuro.weakness_progressing').waitFor();
      await page.getByRole('button', { name: S['review.open'], exact: true }).click();
      await review.waitFor();
      assert.ok(await review.locator('[data-review-finding="neuro.leg_weakness"] input[value="yes"]').isChecked());
      for (const f of first.filter((x) => x !== 'neuro.leg_weakness')) {
        assert.ok(await review.locator(`[data-review-finding="${f}"] input[value="no"]`).isChecked(), f);
      }
      assert.match(await review.textContent(), /41/);
      await axe(page, `review after new details ${lang}`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

test("the browser's Back moves back a screen; history holds no answers; leaving asks first", async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    const length = await page.evaluate(() => history.length);
    await start(page, { age: 61, sex: 'Female', regions: ['Tailbone'] });
    await question(page).first().waitFor();
    await answerScreen(page, () => 'No');
    await page.getByText(/^Screen 2 of about \d+$/).waitFor();
    await page.goBack();
    await page.getByText(/^Screen 1 of about \d+$/).waitFor();
    // The screen's answers are kept.
    const findings = await screenFindings(page);
    assert.ok(await questionFor(page, findings[0]).getByRole('radio', { name: 'No', exact: true }).isChecked());
    const state = await page.evaluate(() => ({
      state: JSON.stringify(history.state),
      url: location.href,
      length: history.length,
    }));
    assert.equal(state.url, `${server.origin}/`);
    assert.ok(!/61|female|neuro|Tailbone|tailbone/i.test(state.state), state.state);
    assert.equal(state.length, length, 'the number of entries never grows');
    // Back from the first screen with answers: a confirm step; Keep stays.
    await page.goBack();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: EN['confirm.keep'], exact: true }).click();
    await page.getByText(/^Screen 1 of about \d+$/).waitFor();
    // New patient on an unfinished interview asks first.
    await page.getByRole('button', { name: 'New patient', exact: true }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: EN['confirm.new_patient.yes'], exact: true }).click();
    await waitReady(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('next steps: deployment services with links for the emergency number in use, nothing fetched', async () => {
  const browser = await launch({ viewport: PHONE });
  const requests = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  try {
    const { page, errors } = await openApp(browser.context, server.origin, { url: '/?emergency=999' });
    await start(page, { age: 34, sex: 'Female', regions: ['Right buttock'] });
    await answerUntilResult(page, () => 'No');
    const steps = result(page).locator('[data-next-steps]');
    assert.ok(await steps.isVisible());
    assert.equal(await steps.locator('a[href="tel:111"]').count(), 1);
    assert.equal(await steps.locator('a[href="https://111.nhs.uk/"]').count(), 1);
    assert.deepEqual(
      requests.filter((u) => !u.startsWith(server.origin)),
      [],
    );
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('clinic tablet: staff long-press, countdown, emergency kept, clinician result reset, top of page after', async () => {
  const browser = await launch({ viewport: TABLET });
  try {
    // Idle 0.3 minutes (18 s): the countdown takes its last quarter (4.5 s).
    let { page, errors } = await openApp(browser.context, server.origin, { url: '/?idle=0.3' });
    // Staff gesture: press and hold the title, then confirm.
    const title = page.locator('.brand');
    const box = await title.boundingBox();
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(2300);
    await page.mouse.up();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: EN['kiosk.turn_on'], exact: true }).click();
    await page.locator('[data-kiosk="on"]').waitFor();
    await axe(page, 'kiosk start');
    // Countdown before the reset (idle 3 s: the warning in the last 0.75 s).
    await start(page, { age: 52, sex: 'Male', regions: ['Left buttock'] });
    await question(page).first().waitFor();
    await page.locator('[data-countdown]').waitFor({ timeout: 20000 });
    await shot(page, 'kiosk-countdown');
    await axe(page, 'kiosk countdown');
    await page.getByRole('button', { name: EN['kiosk.stay'], exact: true }).click();
    assert.equal((await question(page).count()) > 0, true, 'still here keeps the answers');
    assert.deepEqual(errors, []);
    // A short idle time for the rest (3 s, the countdown in its last 0.75 s).
    ({ page, errors } = await openApp(browser.context, server.origin, { url: '/?kiosk=1&idle=0.05' }));
    await start(page, { age: 52, sex: 'Male', regions: ['Left buttock'] });
    await question(page).first().waitFor();
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => !document.querySelector('[data-finding]'), null, { timeout: 8000 });
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'at the top after the reset');
    assert.ok(await page.locator('.lang-switch').isVisible());
    // The emergency screen is never wiped by idleness.
    await emergencyResult(page);
    await page.waitForTimeout(4500);
    assert.equal(await result(page).getAttribute('data-triage'), 'emergency');
    await page.getByRole('button', { name: 'New patient', exact: true }).click();
    await waitReady(page);
    // A clinician result is reset too (after three idle times).
    await start(page, { audience: 'Clinician', age: 52, sex: 'Male', regions: ['Left buttock'] });
    await answerScreen(page, () => 'No');
    await page.getByRole('button', { name: 'Show results', exact: true }).click();
    await result(page).waitFor();
    await result(page).waitFor({ state: 'detached', timeout: 15000 });
    await waitReady(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

for (const lang of ['en', 'es']) {
  test(`start: regions labelled on the diagram, the emergency line, all errors at once (${lang})`, async () => {
    const S = lang === 'en' ? EN : ES;
    const browser = await launch({ viewport: PHONE });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      if (lang === 'es') await page.getByRole('button', { name: 'Español', exact: true }).click();
      for (const view of ['back', 'front']) {
        await page.getByRole('button', { name: S[`diagram.view_${view}`], exact: true }).click();
        for (const r of REGIONS.filter((x) => x.view === view)) {
          const label = await page.locator(`[data-region="${r.id}"] .region-label`);
          assert.ok(await label.isVisible(), r.id);
          assert.equal((await label.textContent()).replace(/\s+/g, ''), S[`region_short.${r.id}`].replace(/\s+/g, ''));
        }
      }
      const startTop = await page
        .getByRole('button', { name: S['start.start'], exact: true })
        .evaluate((el) => el.getBoundingClientRect().top);
      const line = page.locator('.emergency-first');
      assert.ok(await line.evaluate((el, top) => el.getBoundingClientRect().top < top, startTop));
      assert.match(await line.textContent(), /112|999|911/);
      await page.getByRole('button', { name: S['start.start'], exact: true }).click();
      const visibleErrors = await page.locator('.field-error:not([hidden])').allTextContents();
      assert.deepEqual(visibleErrors, [fillText(S['start.error.age'], kbAges()), S['start.error.sex']]);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'age');
      await axe(page, `start errors ${lang}`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

/**
 * The layout at a narrow width, as seen by a reader: the document no wider than the viewport, no
 * visible box past its edges, no element that clips its text, no word that runs out of its box, and
 * no word broken across two lines unless that word alone is wider than its line (a long name or a
 * citation at 200 % text; a break at a hyphen is a normal break). Returns the problems found.
 */
async function narrowLayoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const doc = document.documentElement;
    const width = doc.clientWidth;
    if (doc.scrollWidth > width) problems.push(`document ${doc.scrollWidth} px wide in a ${width} px viewport`);
    const name = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const hidden = (el) =>
      el.closest('[hidden], .visually-hidden, script, style, svg, template') !== null ||
      el.getClientRects().length === 0 ||
      getComputedStyle(el).visibility === 'hidden' ||
      // The content of a closed details element is not shown.
      [...document.querySelectorAll('details:not([open])')].some(
        (d) => d.contains(el) && !d.querySelector(':scope > summary')?.contains(el),
      );
    for (const el of document.body.querySelectorAll('*')) {
      if (hidden(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5)
        problems.push(`${name(el)} reaches ${Math.round(box.left)}..${Math.round(box.right)}`);
      const style = getComputedStyle(el);
      if (
        style.overflowX !== 'visible' &&
        el.clientWidth > 0 &&
        el.scrollWidth > el.clientWidth + 1 &&
        !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
      ) {
        problems.push(`${name(el)} clips its content (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    // The block a text is laid out in.
    const blockOf = (el) => {
      let block = el;
      while (getComputedStyle(block).display === 'inline' && block.parentElement) block = block.parentElement;
      return block;
    };
    // The room a text could take: a box that is sized to its content (an inline-block, a flex or
    // grid item) may shrink below a word only by breaking it, so the room is that of its container.
    const roomOf = (block) => {
      let box = block;
      for (;;) {
        const parent = box.parentElement;
        if (!parent || parent === document.body) return box;
        const shrinks =
          getComputedStyle(box).display.startsWith('inline-') || /flex|grid/.test(getComputedStyle(parent).display);
        if (!shrinks) return box;
        box = parent;
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.data.trim() || hidden(parent)) continue;
      const block = blockOf(parent);
      const blockBox = block.getBoundingClientRect();
      const room = roomOf(block);
      const roomStyle = getComputedStyle(room);
      const contentRight =
        room.getBoundingClientRect().right -
        parseFloat(roomStyle.borderRightWidth) -
        parseFloat(roomStyle.paddingRight);
      range.selectNodeContents(node);
      const lineStart = Math.min(...[...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.left));
      // Words, a hyphen ending its part of a hyphenated word.
      for (const match of node.data.matchAll(/[^\s\u2010-]+[\u2010-]?/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length === 0) continue;
        if (
          rects.some((r) => r.right > Math.min(width, blockBox.right) + 1 || r.left < Math.max(0, blockBox.left) - 1)
        ) {
          problems.push(`"${match[0]}" runs out of ${name(block)}`);
        }
        if (new Set(rects.map((r) => Math.round(r.top))).size > 1) {
          const probe = document.createElement('span');
          const style = getComputedStyle(parent);
          probe.style.cssText = `position:absolute;white-space:nowrap;font:${style.font};letter-spacing:${style.letterSpacing};text-transform:${style.textTransform}`;
          probe.textContent = match[0];
          document.body.append(probe);
          const wordWidth = probe.getBoundingClientRect().width;
          probe.remove();
          if (wordWidth <= contentRight - lineStart + 0.5) {
            problems.push(
              `"${match[0]}" (${Math.round(wordWidth)} px) broken in ${name(block)} with ${Math.round(contentRight - lineStart)} px of room`,
            );
          }
        }
      }
    }
    return [...new Set(problems)];
  });
}

for (const lang of ['en', 'es']) {
  test(`320 px with 200 % text: no sideways scroll, no cut text, whole words on the start, question, result, review and emergency (${lang})`, async () => {
    const S = lang === 'en' ? EN : ES;
    const browser = await launch({ viewport: NARROW });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      const spanish = page.getByRole('button', { name: 'Español', exact: true });
      if (lang === 'es') await spanish.click();
      // 200 % text: the root font size doubled (every size of the page is in rem or em), the
      // viewport unchanged. Kept through the screens (the page does not reload).
      const textSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      const normal = await textSize();
      const zoomText = () =>
        page.evaluate(() => {
          document.documentElement.style.fontSize = '200%';
        });
      await zoomText();
      assert.equal(await textSize(), 2 * normal, 'body text at 200 %');
      const check = async (label) => {
        assert.equal(await textSize(), 2 * normal, `${label}: body text still at 200 %`);
        assert.deepEqual(await narrowLayoutProblems(page), [], `${label} (${lang})`);
      };

      await check('start');
      for (const sel of ['.lang-switch', '#library-button']) {
        const right = await page.locator(sel).evaluate((el) => el.getBoundingClientRect().right);
        assert.ok(right <= 320, `${sel} inside the page: ${right}`);
      }
      if (lang === 'en') await shot(page, '320-start');
      await page.getByRole('spinbutton', { name: S['start.age'] }).fill('34');
      await page.getByRole('radio', { name: S['start.sex.female'], exact: true }).check();
      await page.getByRole('button', { name: S['region.right_buttock'], exact: true }).click();
      await page.getByRole('button', { name: S['start.start'], exact: true }).click();
      await question(page).first().waitFor();
      await check('question');
      if (lang === 'en') await shot(page, '320-question');
      await answerUntilResult(page, () => S['answer.no'], {
        resultName: S['result.title'],
        nextName: S['question.next'],
      });
      const region = result(page, S['result.title']);
      await region.locator('details.why > summary').evaluateAll((els) => els.forEach((el) => el.click()));
      await check('result with Why');
      // Cause cards keep whole words: no name squeezed beside something else.
      const narrowest = await page
        .locator('.cause-name')
        .evaluateAll((els) => Math.min(...els.map((el) => el.getBoundingClientRect().width)));
      assert.ok(narrowest > 150, `cause names have room: ${narrowest}`);
      if (lang === 'en') {
        await region.locator('details.why').first().scrollIntoViewIfNeeded();
        await shot(page, '320-result-why');
        await shot(page, '320-result', true);
      }
      await page.getByRole('button', { name: S['review.open'], exact: true }).click();
      await page.getByRole('region', { name: S['review.title'], exact: true }).waitFor();
      await check('review');
      if (lang === 'en') await shot(page, '320-review');

      // The emergency result, from a fresh start.
      await page.goto(`${server.origin}/`);
      await waitReady(page);
      if (lang === 'es' && (await spanish.getAttribute('aria-pressed')) !== 'true') await spanish.click();
      await zoomText();
      await page.getByRole('spinbutton', { name: S['start.age'] }).fill('45');
      await page.getByRole('radio', { name: S['start.sex.male'], exact: true }).check();
      await page.getByRole('button', { name: S['region.lower_back'], exact: true }).click();
      await page.getByRole('button', { name: S['region.left_buttock'], exact: true }).click();
      await page.getByRole('button', { name: S['start.start'], exact: true }).click();
      await questionFor(page, 'neuro.saddle_numbness')
        .getByRole('radio', { name: S['answer.yes'], exact: true })
        .click();
      await result(page, S['result.title']).waitFor();
      assert.equal(await result(page, S['result.title']).getAttribute('data-triage'), 'emergency');
      await check('emergency result');
      if (lang === 'en') await shot(page, '320-emergency');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

test('library: each condition shows its review state', async () => {
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await page.getByRole('button', { name: 'Conditions library', exact: true }).click();
    const states = await page
      .locator('.library-item [data-review-state]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-review-state')));
    assert.ok(states.length > 10 && states.every((s) => ['draft', 'reviewed', 'approved'].includes(s)), String(states));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
