// Hostile data: knowledge-base text holding <script> and <img onerror> is shown as text and never
// runs (a copy of the site with such text in questions, screen stems, condition names, pages and citations).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  serve,
  launch,
  openApp,
  start,
  question,
  result,
  answerUntilResult,
  copySite,
  readJson,
  writeJson,
  PHONE,
  openAllDetails,
} from './helpers.mjs';

const SCRIPT = '<script>window.__pwned = 1; alert(1)</script>';
const IMG = '<img src=x onerror="window.__pwned = 2; alert(2)">';

function poison(dir) {
  const kb = (name) => path.join(dir, 'kb', `${name}.json`);
  const findings = readJson(kb('findings'));
  for (const f of findings.findings) {
    for (const lang of ['en', 'es']) {
      for (const who of ['patient', 'clinician']) f.text[lang][who] = `${f.text[lang][who]} ${SCRIPT}`;
    }
  }
  writeJson(kb('findings'), findings);
  const conditions = readJson(kb('conditions'));
  for (const c of conditions.conditions) {
    for (const lang of ['en', 'es']) {
      for (const who of ['patient', 'clinician']) c.name[lang][who] = `${c.name[lang][who]} ${IMG}`;
    }
  }
  writeJson(kb('conditions'), conditions);
  const pages = readJson(kb('pages'));
  for (const p of pages.pages) {
    for (const lang of ['en', 'es']) p[lang].patient.what = `${IMG} ${SCRIPT} ${p[lang].patient.what}`;
  }
  writeJson(kb('pages'), pages);
  const screens = readJson(kb('screens'));
  for (const screen of screens.screens) {
    for (const lang of ['en', 'es']) {
      for (const who of ['patient', 'clinician']) screen.stem[lang][who] = `${screen.stem[lang][who]} ${IMG}`;
    }
  }
  writeJson(kb('screens'), screens);
  const sources = readJson(kb('sources'));
  for (const s of sources.sources) s.title = `${s.title} ${IMG}`;
  writeJson(kb('sources'), sources);
}

test('knowledge-base text with <script> and <img onerror> shows as text and never runs', async () => {
  const site = copySite(poison);
  const server = await serve(site.dir);
  const browser = await launch({ viewport: PHONE });
  const dialogs = [];
  const requests = [];
  try {
    browser.context.on('request', (r) => requests.push(r.url()));
    const { page, errors } = await openApp(browser.context, server.origin);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await start(page, { age: 40, sex: 'Female', regions: ['Left buttock'] });
    const legend = await question(page).first().locator('legend').textContent();
    assert.ok(legend.includes(SCRIPT), 'the question shows the markup as text');
    assert.ok(
      (await page.locator('h2.question-stem').textContent()).includes('<img src=x onerror='),
      'the screen stem shows the markup as text',
    );
    // The search lists question texts as text too.
    await page.getByRole('button', { name: 'Add something else', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search symptoms', exact: true }).fill('script');
    assert.ok((await page.locator('[data-finding-option]').first().textContent()).includes(SCRIPT));
    await answerUntilResult(page, () => 'No');
    await openAllDetails(page, result(page));
    const text = await result(page).innerText();
    assert.ok(text.includes('<img src=x onerror='), 'condition names and pages show the markup as text');
    assert.ok(text.includes('<script>'), 'pages show the script tag as text');
    await page.getByRole('button', { name: 'Conditions library', exact: true }).click();
    await openAllDetails(page);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#app script, #app img').count(), 0, 'no element made from data');
    assert.equal(await page.evaluate(() => window.__pwned ?? 0), 0, 'nothing ran');
    assert.deepEqual(dialogs, []);
    assert.ok(!requests.some((u) => u.endsWith('/x')), 'no image request made from data');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
});
