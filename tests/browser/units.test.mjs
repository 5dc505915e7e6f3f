// The page's pure modules under Node: the answers object (screens, Back, picks, initial evidence of
// the diagram) and the FHIR Bundle. Both modules are plain ES modules of web/js without imports; Node
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
  const shared = [path.join(ROOT, '../shared/cases/body-regions.json'), '/work/shared/cases/body-regions.json'].find(
    existsSync,
  );
  if (!shared) return;
  const expected = JSON.parse(readFileSync(shared, 'utf8')).regions;
  assert.deepEqual(
    REGIONS.map(({ name, finding, side, view, midline }) => ({
      name,
      finding,
      side,
      view,
      ...(midline ? { midline } : {}),
    })),
    expected,
  );
});

test('initial evidence: one side, both sides, midline, nothing marked', () => {
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Left buttock', 'Back of left thigh')), {
    present: ['pain.buttock', 'pain.posterior_thigh', 'side.one_side'],
    absent: ['side.both_sides'],
  });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Left buttock', 'Right buttock')), {
    present: ['pain.buttock', 'side.both_sides'],
    absent: ['side.one_side'],
  });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Tailbone')), {
    present: ['pain.tailbone', 'side.midline'],
    absent: [],
  });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Right groin', 'Around the anus')), {
    present: ['pain.groin', 'pain.perianal', 'side.one_side', 'side.midline'],
    absent: ['side.both_sides'],
  });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Lower back')), { present: ['pain.low_back'], absent: [] });
  assert.deepEqual(state.initialEvidence(REGIONS, ids('Lower back', 'Left buttock')), {
    present: ['pain.low_back', 'pain.buttock', 'side.one_side'],
    absent: ['side.both_sides'],
  });
  assert.deepEqual(state.initialEvidence(REGIONS, []), { present: [], absent: [] });
});

test('screens, answers, Back, picks and the engine state', () => {
  let s = state.createInterview({
    age: 40,
    sex: 'male',
    audience: 'patient',
    marked: ids('Left buttock'),
    regions: REGIONS,
  });
  assert.equal(state.currentScreen(s), null);
  s = state.showScreen(s, {
    id: 'opening_nerves',
    kind: 'opening',
    items: ['neuro.saddle_numbness', 'neuro.leg_weakness', 'neuro.bladder_change'],
  });
  s = state.setAnswer(s, 'neuro.saddle_numbness', 'yes');
  s = state.setAnswer(s, 'neuro.saddle_numbness', 'no'); // changed before Next
  s = state.setAnswer(s, 'neuro.leg_weakness', 'dont_know');
  // Open: the blank item is not "don't know" yet.
  assert.deepEqual(state.toEngineState(s), {
    age: 40,
    sex: 'male',
    present: ['pain.buttock', 'side.one_side'],
    absent: ['side.both_sides', 'neuro.saddle_numbness'],
    dont_know: ['neuro.leg_weakness'],
    screens: [['neuro.saddle_numbness', 'neuro.leg_weakness', 'neuro.bladder_change']],
  });
  s = state.submitScreen(s);
  assert.deepEqual(state.toEngineState(s).dont_know, ['neuro.leg_weakness', 'neuro.bladder_change']);
  s = state.showScreen(s, { id: 'diag_sitting', kind: 'diagnostic', items: ['worse.sitting', 'history.cancer'] });
  s = state.setAnswer(s, 'worse.sitting', 'yes');
  s = state.addFinding(s, 'systemic.fever');
  s = state.addFinding(s, 'worse.sitting'); // asked already: no pick
  assert.deepEqual(s.added, ['systemic.fever']);
  assert.deepEqual(state.toCase(s), {
    age: 40,
    sex: 'male',
    present: ['pain.buttock', 'side.one_side', 'worse.sitting', 'systemic.fever'],
    absent: ['side.both_sides', 'neuro.saddle_numbness'],
    dont_know: ['neuro.leg_weakness', 'neuro.bladder_change'],
  });
  assert.deepEqual(state.toEngineState(s).screens, [
    ['neuro.saddle_numbness', 'neuro.leg_weakness', 'neuro.bladder_change'],
    ['worse.sitting', 'history.cancer'],
  ]);
  assert.deepEqual(
    state.givenAnswers(s).map((a) => a.finding),
    ['neuro.saddle_numbness', 'neuro.leg_weakness', 'neuro.bladder_change', 'worse.sitting', 'systemic.fever'],
  );
  // Back: the first screen again, open, its answers kept; the picks stay.
  const back = state.back(s);
  assert.equal(back.screens.length, 1);
  assert.equal(state.currentScreen(back).submitted, false);
  assert.deepEqual(state.currentScreen(back).answers, {
    'neuro.saddle_numbness': 'no',
    'neuro.leg_weakness': 'dont_know',
  });
  assert.deepEqual(back.added, ['systemic.fever']);
  assert.equal(state.answerFor(back, 'worse.sitting'), null);
  assert.equal(state.answerFor(back, 'side.both_sides'), 'no');
  assert.equal(state.answerFor(back, 'systemic.fever'), 'yes');
  assert.deepEqual(state.removeFinding(back, 'systemic.fever').added, []);
  assert.equal(state.back(state.back(back)).screens.length, 0);
  assert.throws(() => state.setAnswer(s, 'neuro.saddle_numbness', 'yes'), /not on the current screen/);
  assert.throws(() => state.setAnswer(s, 'worse.sitting', 'maybe'));
  assert.throws(() => state.showScreen(s, { id: 'x', kind: 'diagnostic', items: ['worse.sitting'] }), /already asked/);
  assert.ok(Object.isFrozen(s) && Object.isFrozen(s.screens) && Object.isFrozen(s.screens[0].answers));
  assert.equal(state.hasAnswers(state.createInterview({ age: 40, sex: 'male', regions: REGIONS })), false);
  assert.equal(state.hasAnswers(s), true);
});

test('review: an unanswered screen is dropped for the engine to choose again; new details keep the answers', () => {
  const regions = REGIONS.map((r) => ({ ...r }));
  const left = regions.find((r) => r.finding === 'pain.buttock' && r.side === 'left');
  const tail = regions.find((r) => r.midline === true);
  let s = state.createInterview({ age: 40, sex: 'male', marked: [left.id], regions });
  s = state.showScreen(s, { id: 'a', kind: 'opening', items: ['neuro.leg_weakness', 'side.midline'] });
  s = state.setAnswer(s, 'neuro.leg_weakness', 'no');
  s = state.setAnswer(s, 'side.midline', 'no');
  s = state.submitScreen(s);
  s = state.showScreen(s, { id: 'b', kind: 'opening', items: ['systemic.fever'] });
  // Nothing answered on the open screen: it goes; answered, it stays; submitted, it stays.
  assert.deepEqual(
    state.dropUnansweredScreen(s).screens.map((x) => x.id),
    ['a'],
  );
  const answered = state.setAnswer(s, 'systemic.fever', 'yes');
  assert.equal(state.dropUnansweredScreen(answered), answered);
  assert.equal(state.dropUnansweredScreen(state.submitScreen(s)).screens.length, 2);
  // New details: age and marks change, answers carry over; a question the new marks answer goes.
  s = state.addFinding(answered, 'history.smoker');
  const fresh = state.createInterview({ age: 41, sex: 'male', marked: [left.id, tail.id], regions });
  const carried = state.carryAnswers(fresh, s);
  assert.equal(carried.age, 41);
  assert.deepEqual(
    carried.screens.map((x) => [x.id, x.items, x.submitted]),
    [
      ['a', ['neuro.leg_weakness'], true],
      ['b', ['systemic.fever'], false],
    ],
  );
  assert.deepEqual(carried.screens[0].answers, { 'neuro.leg_weakness': 'no' });
  assert.deepEqual(carried.added, ['history.smoker']);
  assert.ok(state.toCase(carried).present.includes('side.midline'));
  assert.ok(state.toCase(carried).absent.includes('neuro.leg_weakness'));
});

test('start validation', () => {
  const ages = { min: 12, max: 110 };
  assert.equal(state.validateStart({ age: 34, sex: 'female' }, ages), null);
  assert.equal(state.validateStart({ age: 11, sex: 'female' }, ages), 'start.error.too_young');
  assert.equal(state.validateStart({ age: 111, sex: 'male' }, ages), 'start.error.age');
  assert.equal(state.validateStart({ age: 30.5, sex: 'male' }, ages), 'start.error.age');
  assert.equal(state.validateStart({ age: null, sex: 'male' }, ages), 'start.error.age');
  assert.equal(state.validateStart({ age: 30, sex: null }, ages), 'start.error.sex');
  // The range is the knowledge base's, not the page's.
  assert.equal(state.validateStart({ age: 17, sex: 'male' }, { min: 18, max: 99 }), 'start.error.too_young');
  assert.equal(state.validateStart({ age: 100, sex: 'male' }, { min: 18, max: 99 }), 'start.error.age');
});

test('FHIR bundle: collection with QuestionnaireResponse and RiskAssessment', () => {
  let s = state.createInterview({
    age: 52,
    sex: 'female',
    audience: 'clinician',
    marked: ids('Left buttock'),
    regions: REGIONS,
  });
  s = state.showScreen(s, {
    id: 'clin_safety_neuro',
    kind: 'safety',
    items: ['exam.slr_positive', 'neuro.saddle_numbness'],
  });
  s = state.setAnswer(s, 'exam.slr_positive', 'yes');
  s = state.submitScreen(s);
  const assessment = {
    triage: 'routine',
    red_flags: [],
    differential: [
      { condition: 'lumbar_radiculopathy', probability: 0.7 },
      { condition: 'piriformis_syndrome', probability: 0.3 },
    ],
    unanswered_safety_checks: ['systemic.fever'],
  };
  let n = 0;
  const bundle = fhir.buildFhirBundle({
    interview: s,
    answers: state.givenAnswers(s),
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
  assert.deepEqual(
    ra.prediction.map((p) => p.probabilityDecimal),
    [0.7, 0.3],
  );
  assert.equal(ra.prediction[0].outcome.coding[0].code, 'M51.1');
  assert.equal(ra.extension[0].valueCoding.code, 'routine');
  assert.ok(
    ra.note.some((n) => n.text === 'unanswered_screen Q systemic.fever'),
    'the open safety questions are named',
  );
  for (const entry of bundle.entry) assert.match(entry.fullUrl, /^urn:uuid:/);
});
