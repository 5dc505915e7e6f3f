// Patient texts are readable: every English patient page field and page at or below US grade 8 (Flesch-Kincaid),
// every English patient question at or below grade 8, every Spanish patient page field and page at
// Fernández-Huerta 70 or more, and the sentences of the result screen in both languages likewise.
// Counting rules and the formulas: ./measure.mjs (`node tests/readability/measure.mjs` prints every score).
//
// Short texts. A question is one short sentence, and in a sentence of a few words one long word moves the grade
// by several points ("Do you feel unwell?" is grade 1; "Do you feel generally unwell?" is grade 5). So:
// - a question of SHORT_WORDS words or more is measured on its own and must be at grade 8 or below;
// - a shorter question is measured together with the other short questions of its kind (`kind` in findings.json:
//   the way short texts are usually scored, as one sample), and that sample must be at grade 8 or below; each
//   short question on its own must still be at or below grade SHORT_CEILING, so that one jargon word fails.
// Spanish questions are scored by kind (all questions of a kind as one sample) at Fernández-Huerta 70 or more.
// Page fields are three to five sentences and are measured on their own, and each whole page as well.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PAGE_FIELDS,
  UI_KEYS,
  fernandezHuerta,
  grade,
  longestSentence,
  pageTexts,
  patientQuestions,
  readJson,
  round1,
} from './measure.mjs';

const MAX_GRADE = 8;
const MIN_FH = 70;
const SHORT_WORDS = 10;
const SHORT_CEILING = 12;

const words = (t) => (t.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
const tooHard = (items) => items.filter((x) => !(x.score <= MAX_GRADE));
const tooHardEs = (items) => items.filter((x) => !(x.score >= MIN_FH));
const lines = (items) =>
  items.map((x) => `  ${x.where}: ${x.score}${x.hint ? ` (longest sentence: "${x.hint}")` : ''}`).join('\n');

/** Every field of each patient page in `lang`, and each whole page, scored by `score`. */
function pageItems(lang, score) {
  const items = [];
  for (const p of pageTexts()) {
    for (const f of PAGE_FIELDS) {
      items.push({
        where: `data/kb/pages.json ${p.condition} ${lang}.patient.${f}`,
        score: round1(score(p[lang][f])),
        hint: longestSentence(p[lang][f]),
      });
    }
    items.push({
      where: `data/kb/pages.json ${p.condition} ${lang}.patient (whole page)`,
      score: round1(score(PAGE_FIELDS.map((f) => p[lang][f]))),
    });
  }
  return items;
}

test('English patient pages: every field and every whole page at Flesch-Kincaid grade 8 or below', () => {
  const items = pageItems('en', grade);
  assert.ok(items.length >= 7 * 24, 'pages found');
  const bad = tooHard(items);
  if (bad.length) assert.fail(`${bad.length} English page texts above grade ${MAX_GRADE}:\n${lines(bad)}`);
});

test('Spanish patient pages: every field and every whole page at Fernández-Huerta 70 or more', () => {
  const items = pageItems('es', fernandezHuerta);
  const bad = tooHardEs(items);
  if (bad.length) assert.fail(`${bad.length} Spanish page texts below Fernández-Huerta ${MIN_FH}:\n${lines(bad)}`);
});

test('English patient questions at grade 8 or below (short ones scored together by kind)', () => {
  const questions = patientQuestions();
  assert.ok(questions.length > 100, 'questions found');
  assert.ok(
    questions.every((q) => q.audience === 'all'),
    'clinician-only findings are left out',
  );
  const items = [];
  const shortByKind = new Map();
  for (const q of questions) {
    const text = q.text.en.patient;
    const score = round1(grade(text));
    const where = `data/kb/findings.json ${q.id} text.en.patient`;
    if (words(text) >= SHORT_WORDS) {
      items.push({ where, score });
    } else {
      if (!(score <= SHORT_CEILING))
        items.push({
          where: `${where} (short question, ceiling ${SHORT_CEILING})`,
          score: `${score} > ${SHORT_CEILING}`,
        });
      shortByKind.set(q.kind, [...(shortByKind.get(q.kind) ?? []), q]);
    }
  }
  for (const [kind, qs] of shortByKind) {
    items.push({
      where: `data/kb/findings.json short questions of kind "${kind}" together (${qs.map((q) => q.id).join(', ')})`,
      score: round1(grade(qs.map((q) => q.text.en.patient))),
    });
  }
  const bad = items.filter((x) => typeof x.score === 'string' || !(x.score <= MAX_GRADE));
  if (bad.length) assert.fail(`${bad.length} English patient questions too hard:\n${lines(bad)}`);
});

test('Spanish patient questions: each kind together at Fernández-Huerta 70 or more', () => {
  const byKind = new Map();
  for (const q of patientQuestions()) byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), q]);
  const items = [...byKind].map(([kind, qs]) => ({
    where: `data/kb/findings.json questions of kind "${kind}" text.es.patient (worst: ${qs
      .map((q) => [q.id, round1(fernandezHuerta(q.text.es.patient))])
      .sort((a, b) => a[1] - b[1])
      .slice(0, 3)
      .map(([id, s]) => `${id} ${s}`)
      .join(', ')})`,
    score: round1(fernandezHuerta(qs.map((q) => q.text.es.patient))),
  }));
  const bad = tooHardEs(items);
  if (bad.length) assert.fail(`${bad.length} kinds of Spanish questions too hard:\n${lines(bad)}`);
});

test('result-screen sentences of data/ui: English grade 8 or below, Spanish Fernández-Huerta 70 or more', () => {
  const en = readJson('data/ui/en.json');
  const es = readJson('data/ui/es.json');
  const keys = UI_KEYS(en);
  for (const k of ['safety_net', 'triage.emergency.do', 'triage.self_care.do', 'result.incomplete.text'])
    assert.ok(keys.includes(k), k);
  // The heading, advice and time frame of a triage level are read together as one box (the emergency box with
  // the line under its call button), so each box is one sample; every other sentence is measured on its own.
  const groups = new Map();
  for (const k of keys) {
    const level = /^triage\.([a-z_]+)\./.exec(k)?.[1] ?? (k.startsWith('emergency.') ? 'emergency' : null);
    const name = level ? `triage.${level}.* (box)` : k;
    groups.set(name, [...(groups.get(name) ?? []), k]);
  }
  const items = (ui, lang) =>
    [...groups].map(([name, ks]) => ({
      where: `data/ui/${lang}.json ${name}`,
      score: round1(lang === 'en' ? grade(ks.map((k) => ui[k])) : fernandezHuerta(ks.map((k) => ui[k]))),
      hint: ks.length === 1 ? longestSentence(ui[ks[0]]) : '',
    }));
  const bad = [...tooHard(items(en, 'en')), ...tooHardEs(items(es, 'es'))];
  if (bad.length) assert.fail(`${bad.length} interface sentences too hard:\n${lines(bad)}`);
});

test('the formulas: a plain text passes, a long list sentence fails', () => {
  assert.ok(grade('Keep moving. Get up every half hour. A soft cushion can help.') <= MAX_GRADE);
  assert.ok(
    grade(
      'Go to an emergency department immediately if you develop numbness between your legs, new difficulty passing or controlling urine or stool, progressive weakness in both legs, or fever accompanied by worsening back pain.',
    ) > MAX_GRADE,
  );
  assert.ok(
    fernandezHuerta('Si le duele, pare un rato. Luego siga con lo que hace. No se quede en la cama.') >= MIN_FH,
  );
  assert.ok(
    fernandezHuerta(
      'Acuda inmediatamente a urgencias si presenta adormecimiento entre las piernas, dificultad reciente para iniciar la micción o para controlar la orina o las deposiciones, debilidad progresiva en ambas piernas o fiebre acompañada de empeoramiento del dolor lumbar.',
    ) < MIN_FH,
  );
});
