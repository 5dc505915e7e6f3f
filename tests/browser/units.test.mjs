// The page's pure modules under Node: the answers object (back/undo, initial evidence of the
// diagram) and the FHIR Bundle. Both modules are plain ES modules of web/js without imports; Node
// reads web/*.js as CommonJS, so they are loaded through a temporary .mjs copy.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, REGIONS } from './helpers.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'symcheck-units-'));
async function load(name) {
  const target = path.join(dir, name.replace(/\.js$/, '.mjs'));
  copyFileSync(path.join(ROOT, 'web/js', name), target);
  return import(pathToFileURL(target).href);
}
const state = await load('interview-state.js');
const fhir = await load('fhir.js');

const ids = (...names) => names.map((n) => REGIONS.find((r) => r.name === n).id);

test('regions of ui/regions.json are exactly those of body-regions.json', async () => {
  const { existsSync, readFileSync } = await import('node:fs');
  const shared = [path.join(ROOT, '../shared/cases/body-regions.json'), '/work/shared/cases/body-regions.json'].find(existsSync);
  if (!shared) return;
  const expected = JSON.parse(readFileSync(shared, 'utf8')).regions;
  assert.deepEqual(REGIONS.map(({ name, finding, side, view, midline }) => ({ name, finding, side, view, ...(midline ? { midline } : {}) })), expected);
});

test('initial evidence: one side, both sides, midline, nothing marked', () => {
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Left buttock', 'Back of left thigh')),
    { present: ['pain.buttock', 'pain.posterior_thigh', 'side.one_side'], absent: ['side.both_sides'] });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Left buttock', 'Right buttock')),
    { present: ['pain.buttock', 'side.both_sides'], absent: ['side.one_side'] });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Tailbone')),
    { present: ['pain.tailbone', 'side.midline'], absent: [] });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Right groin', 'Around the anus')),
    { present: ['pain.groin', 'pain.perianal', 'side.one_side', 'side.midline'], absent: ['side.both_sides'] });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Lower back')), { present: ['pain.low_back'], absent: [] });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Lower back', 'Left buttock')),
    { present: ['pain.low_back', 'pain.buttock', 'side.one_side'], absent: ['side.both_sides'] });
  assert.deepEqual(state.initialEvidence(REGIONS, []), { present: [], absent: [] });
});

test('answers, undo and the engine state', () => {
  let s = state.createInterview({ age: 40, sex: 'male', audience: 'patient', marked: ids('Left buttock'), regions: REGIONS });
  s = state.answer(s, 'neuro.saddle_numbness', 'no');
  s = state.answer(s, 'worse.sitting', 'yes');
  s = state.answer(s, 'history.cancer', 'dont_know');
  assert.deepEqual(state.toEngineState(s), {
    age: 40,
    sex: 'male',
    present: ['pain.buttock', 'side.one_side', 'worse.sitting'],
    absent: ['side.both_sides', 'neuro.saddle_numbness'],
    dont_know: ['history.cancer'],
    asked: ['neuro.saddle_numbness', 'worse.sitting', 'history.cancer'],
  });
  const back = state.undo(s);
  assert.deepEqual(state.toEngineState(back).asked, ['neuro.saddle_numbness', 'worse.sitting']);
  assert.equal(state.answerFor(back, 'history.cancer'), null);
  assert.equal(state.answerFor(back, 'side.both_sides'), 'no');
  assert.equal(state.undo(state.undo(state.undo(s))).answers.length, 0);
  assert.throws(() => state.answer(s, 'worse.sitting', 'no'));
  assert.throws(() => state.answer(s, 'x.y', 'maybe'));
  assert.ok(Object.isFrozen(s) && Object.isFrozen(s.answers));
});

test('start validation', () => {
  assert.equal(state.validateStart({ age: 34, sex: 'female' }), null);
  assert.equal(state.validateStart({ age: 11, sex: 'female' }), 'start.error.too_young');
  assert.equal(state.validateStart({ age: 111, sex: 'male' }), 'start.error.age');
  assert.equal(state.validateStart({ age: 30.5, sex: 'male' }), 'start.error.age');
  assert.equal(state.validateStart({ age: null, sex: 'male' }), 'start.error.age');
  assert.equal(state.validateStart({ age: 30, sex: null }), 'start.error.sex');
});

test('FHIR bundle: collection with QuestionnaireResponse and RiskAssessment', () => {
  let s = state.createInterview({ age: 52, sex: 'female', audience: 'clinician', marked: ids('Left buttock'), regions: REGIONS });
  s = state.answer(s, 'exam.slr_positive', 'yes');
  s = state.answer(s, 'neuro.saddle_numbness', 'dont_know');
  const assessment = {
    triage: 'routine',
    red_flags: [],
    differential: [{ condition: 'lumbar_radiculopathy', probability: 0.7 }, { condition: 'piriformis_syndrome', probability: 0.3 }],
    unanswered_screen: ['systemic.fever'],
  };
  let n = 0;
  const bundle = fhir.buildFhirBundle({
    interview: s,
    assessment,
    now: new Date('2026-01-02T03:04:05Z'),
    newId: () => `00000000-0000-4000-8000-00000000000${(n += 1)}`,
    describe: {
      language: 'en',
      question: (id) => `Q ${id}`,
      conditionName: (id) => `N ${id}`,
      icd10: (id) => (id === 'lumbar_radiculopathy' ? 'M51.1' : ''),
      regionName: (id) => `R ${id}`,
      answerLabel: (v) => v,
      label: (k) => k,
      triageLabel: (l) => l.toUpperCase(),
      triageAdvice: () => 'advice',
    },
  });
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.type, 'collection');
  const [qr, ra] = bundle.entry.map((e) => e.resource);
  assert.equal(qr.resourceType, 'QuestionnaireResponse');
  assert.equal(qr.status, 'completed');
  const item = (id) => qr.item.find((i) => i.linkId === id);
  assert.equal(item('age').answer[0].valueInteger, 52);
  assert.equal(item('exam.slr_positive').answer[0].valueCoding.code, 'Y');
  assert.equal(item('side.both_sides').answer[0].valueCoding.code, 'N');
  assert.equal(item('neuro.saddle_numbness').answer[0].valueCoding.code, 'asked-unknown');
  assert.equal(ra.resourceType, 'RiskAssessment');
  assert.equal(ra.basis[0].reference, bundle.entry[0].fullUrl);
  assert.deepEqual(ra.prediction.map((p) => p.probabilityDecimal), [0.7, 0.3]);
  assert.equal(ra.prediction[0].outcome.coding[0].code, 'M51.1');
  assert.equal(ra.extension[0].valueCoding.code, 'routine');
  for (const entry of bundle.entry) assert.match(entry.fullUrl, /^urn:uuid:/);
});
