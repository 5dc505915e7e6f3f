// Clinician mode: clinical wording, examination findings asked, ICD-10 codes shown, a print
// stylesheet, and a FHIR R4 Bundle (collection: QuestionnaireResponse + RiskAssessment) made in the
// browser and downloaded without any request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  serve,
  launch,
  openApp,
  start,
  answerUntilResult,
  result,
  questionFor,
  rankedConditions,
  screenshot,
  readJson,
  SITE,
  TABLET,
} from './helpers.mjs';

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

test('clinician: exam questions, ICD-10 codes, print summary and FHIR download', async () => {
  const findings = readJson(path.join(SITE, 'kb/findings.json')).findings;
  const conditions = readJson(path.join(SITE, 'kb/conditions.json')).conditions;
  const screens = readJson(path.join(SITE, 'kb/screens.json'));
  const clinicianText = new Map(findings.map((f) => [f.id, f.text.en.clinician]));
  const browser = await launch({ viewport: TABLET });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, {
      audience: 'Clinician',
      age: 42,
      sex: 'Male',
      regions: ['Left buttock', 'Back of left thigh', 'Left lower leg'],
    });
    const texts = [];
    const stems = [];
    // Yes to examinations, the onset, triggers and character of the pain (a picture that calls for an examination).
    const answered = [];
    const choose = (finding) => {
      answered.push(finding);
      return /^(exam|lab|onset|worse|character|local\.tender)\./.test(finding) ? 'Yes' : 'No';
    };
    const asked = await answerUntilResult(page, choose, {
      onScreen: async () => {
        stems.push(await page.locator('h2.question-stem').textContent());
      },
      onQuestion: async (finding) => {
        texts.push([finding, await questionFor(page, finding).locator('legend').textContent()]);
      },
    });
    // Screens are headed by their clinician stems.
    const clinicianStems = new Set([
      ...screens.screens.map((s) => s.stem.en.clinician),
      screens.follow_up_stem.en.clinician,
    ]);
    assert.ok(stems.length > 0 && stems.every((stem) => clinicianStems.has(stem)), stems.join(' | '));
    assert.ok(
      asked.some((f) => /^(exam|lab)\./.test(f)),
      `an examination finding is asked: ${asked.join(', ')}`,
    );
    for (const [finding, text] of texts)
      assert.equal(text, clinicianText.get(finding), `clinician wording of ${finding}`);

    const region = result(page);
    const ranked = await rankedConditions(page);
    const top = conditions.find((c) => c.id === ranked[0]);
    assert.match(
      await region.locator('[data-condition]').first().textContent(),
      new RegExp(`ICD-10 ${top.icd10.replace('.', '\\.')}`),
    );
    await screenshot(page, 'tablet-en-clinician-result');

    // Print: only the summary shows, on one page.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.print-summary').isVisible());
    assert.ok(await region.isHidden());
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, 'the printed summary fits one page');
    await page.emulateMedia({ media: 'screen' });

    // FHIR: a Blob download, no network request.
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Download FHIR record' }).click(),
    ]);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('blob:')),
      [],
    );
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    const resources = bundle.entry.map((e) => e.resource);
    const qr = resources.find((r) => r.resourceType === 'QuestionnaireResponse');
    const ra = resources.find((r) => r.resourceType === 'RiskAssessment');
    assert.ok(qr && ra);
    for (const entry of bundle.entry) assert.match(entry.fullUrl, /^urn:uuid:[0-9a-f-]{36}$/);
    const linkIds = qr.item.map((i) => i.linkId);
    for (const finding of answered)
      assert.ok(linkIds.includes(finding), `answer to ${finding} is in the QuestionnaireResponse`);
    assert.ok(qr.item.every((i) => Array.isArray(i.answer) && i.answer.length > 0));
    assert.deepEqual(
      ra.prediction.map((p) => p.outcome.coding?.[0]?.code),
      ranked.map((id) => conditions.find((c) => c.id === id).icd10),
    );
    const probabilities = ra.prediction.map((p) => p.probabilityDecimal);
    assert.ok(probabilities.every((p, i) => i === 0 || p <= probabilities[i - 1]));
    assert.ok(Math.abs(probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-6);
    assert.equal(ra.extension[0].valueCoding.code, await region.getAttribute('data-triage'));
    assert.equal(ra.basis[0].reference, bundle.entry.find((e) => e.resource === qr).fullUrl);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('patients see no ICD-10 codes and no examination questions', async () => {
  const browser = await launch({ viewport: TABLET });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, {
      audience: 'Patient',
      age: 42,
      sex: 'Male',
      regions: ['Left buttock', 'Back of left thigh', 'Left lower leg'],
    });
    const asked = await answerUntilResult(page, () => 'No');
    assert.ok(!asked.some((f) => /^(exam|lab)\./.test(f)));
    assert.equal(
      await result(page)
        .getByText(/ICD-10/)
        .count(),
      0,
    );
    // The FHIR summary is made on the device for everyone (the patient may take it to a clinician).
    assert.equal(await result(page).getByRole('button', { name: 'Download FHIR record' }).count(), 1);
    assert.ok(await result(page).getByRole('button', { name: 'Print summary' }).isVisible());
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
