// Languages: every key of ui/en.json is in ui/es.json and the reverse, non-empty, with the same
// placeholders; the emergency texts come first; in Spanish no English UI string is left on screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  serve,
  launch,
  openApp,
  question,
  questionFor,
  screenFindings,
  answerQuestion,
  answerUntilResult,
  EN,
  ES,
  REGIONS,
  ROOT,
  PHONE,
  openAllDetails,
} from './helpers.mjs';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('en.json and es.json have the same keys, non-empty, same placeholders', () => {
  assert.deepEqual(Object.keys(ES).sort(), Object.keys(EN).sort());
  for (const [key, value] of Object.entries(EN)) {
    assert.equal(typeof value, 'string', key);
    assert.ok(value.trim().length > 0, `en ${key} is empty`);
    assert.ok(ES[key].trim().length > 0, `es ${key} is empty`);
    assert.deepEqual(placeholders(ES[key]), placeholders(value), `placeholders of ${key}`);
  }
});

test('every red-flag rule that points to no single condition names its danger in both languages', () => {
  // The result screen lists what the fired rules point to; a rule with no condition is named by
  // ui danger.<rule id> (an empty line under "What must be ruled out now" was the failure).
  const rules = JSON.parse(readFileSync(path.join(ROOT, 'data/kb/rules.json'), 'utf8')).triage.red_flag_rules;
  const unnamed = rules.filter((rule) => rule.points_to === null && rule.level !== 'routine').map((rule) => rule.id);
  assert.ok(unnamed.length > 0);
  for (const strings of [EN, ES]) {
    assert.deepEqual(
      unnamed.filter((id) => !strings[`danger.${id}`]),
      [],
    );
    // No text for a rule that is gone or now points to a condition.
    const stale = Object.keys(strings)
      .filter((k) => k.startsWith('danger.') && k !== 'danger.unnamed')
      .map((k) => k.slice('danger.'.length))
      .filter((id) => !unnamed.includes(id));
    assert.deepEqual(stale, []);
  }
});

test('the emergency texts come first in both languages', () => {
  for (const strings of [EN, ES]) {
    const keys = Object.keys(strings);
    assert.equal(keys[0], 'safety_net');
    const firstOther = keys.findIndex((k) => !/^(safety_net|triage\.emergency|emergency\.|fallback\.help)/.test(k));
    assert.ok(keys.slice(0, firstOther).includes('triage.emergency.heading'));
  }
  assert.match(EN.safety_net, /^Go to an emergency department now if/);
});

test('every region is named in both languages; English names are those of body-regions.json', () => {
  for (const region of REGIONS) {
    assert.equal(EN[`region.${region.id}`], region.name);
    assert.ok(ES[`region.${region.id}`]);
  }
  // Every key the page's code asks for exists.
  const used = new Set();
  const files = [
    'main.js',
    'ui/start-screen.js',
    'ui/body-diagram.js',
    'ui/question-screen.js',
    'ui/result-screen.js',
    'ui/condition-page.js',
    'ui/library-screen.js',
    'ui/print-summary.js',
  ];
  for (const file of files) {
    const source = readFileSync(path.join(ROOT, 'web/js', file), 'utf8');
    for (const m of source.matchAll(/\bt\('([a-z0-9_.]+)'/g)) used.add(m[1]);
  }
  const html = readFileSync(path.join(ROOT, 'web/index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  assert.deepEqual(
    [...used].filter((k) => !(k in EN)),
    [],
  );
});

test('in Spanish, no English UI string is left on the start, question and result screens', async () => {
  const server = await serve();
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    const english = Object.entries(EN)
      .filter(([key, value]) => value !== ES[key] && value.length >= 4 && !key.startsWith('lang.'))
      .map(([, value]) => value.split('{')[0].trim())
      .filter((value) => value.length >= 4);
    const escape = (value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const check = async (label) => {
      // Citations keep the language they were published in: leave them out.
      const visible = await page.evaluate(() => {
        const cited = [...document.querySelectorAll('.sources, .why-source')];
        cited.forEach((el) => {
          el.hidden = true;
        });
        const text = document.body.innerText;
        cited.forEach((el) => {
          el.hidden = false;
        });
        return text;
      });
      const left = english.filter((value) =>
        new RegExp(`(^|[^\\p{L}])${escape(value)}($|[^\\p{L}])`, 'u').test(visible),
      );
      assert.deepEqual(left, [], `English strings on the ${label} screen`);
    };
    await check('start');
    await page.getByRole('spinbutton', { name: ES['start.age'] }).fill('30');
    await page.getByRole('radio', { name: ES['start.sex.male'], exact: true }).check();
    await page.getByRole('button', { name: ES['start.start'], exact: true }).click();
    await question(page).first().waitFor();
    await page.getByRole('button', { name: ES['search.open'], exact: true }).click();
    await page.getByRole('searchbox', { name: ES['search.label'], exact: true }).fill('sentado');
    await page.locator('[data-finding-option]').first().click();
    await check('question');
    // Switching language mid-screen keeps the answers and rewrites every text.
    const findings = await screenFindings(page);
    await answerQuestion(page, findings[0], ES['answer.no']);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    assert.ok(await questionFor(page, findings[0]).getByRole('radio', { name: 'No', exact: true }).isChecked());
    assert.ok(await page.getByText(/^Screen 1 of about \d+$/).isVisible());
    await page.getByRole('button', { name: 'Español', exact: true }).click();
    await check('question');
    await answerUntilResult(page, () => ES['answer.no'], {
      resultName: ES['result.title'],
      nextName: ES['question.next'],
    });
    await openAllDetails(page);
    await check('result');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
  }
});
