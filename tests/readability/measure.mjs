// Readability of the patient texts: the counting behind tests/readability/readability.test.mjs.
// English: Flesch-Kincaid grade (`flesch-kincaid`) over `syllable`'s syllable counts.
// Spanish: Fernández-Huerta ease over `silabea`'s syllable division,
//   FH = 206.84 - 0.60 * (syllables per 100 words) - 1.02 * (words per sentence).
//
// Counting rules (the same for every text, so scores compare):
// - a sentence ends at . ! ? or … followed by a space or the end of the text; colons and semicolons do not end
//   one (as in the original formulas); a text with no end mark is one sentence;
// - a word is a run of letters or digits, joined by an apostrophe or a hyphen ("step-by-step", "don't");
// - a number counts one syllable per digit ("20" = 2, "6" = 1), a rough stand-in for its spoken form;
// - a word of two or more capitals ("GP", "MRI", "RM") counts one syllable per letter, as it is spelt out;
// - placeholders such as {number} in the interface strings are replaced by a sample value first.
//
// Run `node tests/readability/measure.mjs` from the repository root for the full table, worst first.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import silabea from 'silabea';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const readJson = (rel) => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8'));

export const PAGE_FIELDS = ['what', 'causes', 'diagnosis', 'treatment', 'self_care', 'seek_care'];

const SAMPLE = { number: '911', percent: '12 %', n: '3', max: '15', reviewed: '0', total: '32', date: '26 Nov 2026' };
const fill = (text) => text.replace(/\{(\w+)\}/g, (_, k) => SAMPLE[k] ?? 'this');

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function sentences(text) {
  return fill(text)
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => (s.match(WORD) ?? []).length > 0);
}

function syllablesEs(word) {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/gu, '');
  return w ? silabea.getSilabas(w).numeroSilaba : 0;
}

function wordSyllables(word, lang) {
  if (/^\p{N}+$/u.test(word)) return word.length;
  if (/^\p{Lu}{2,}$/u.test(word)) return word.length;
  if (lang === 'es') {
    return Math.max(
      1,
      word.split(/['’-]/u).reduce((n, part) => n + syllablesEs(part), 0),
    );
  }
  return Math.max(1, syllable(word));
}

// Counts of a text (or of several texts taken together).
export function counts(texts, lang) {
  const list = Array.isArray(texts) ? texts : [texts];
  let sentence = 0;
  let word = 0;
  let syl = 0;
  for (const text of list) {
    for (const s of sentences(text)) {
      sentence += 1;
      for (const w of s.match(WORD) ?? []) {
        word += 1;
        syl += wordSyllables(w, lang);
      }
    }
  }
  return { sentence, word, syllable: syl };
}

export const grade = (texts) => fleschKincaid(counts(texts, 'en'));

export function fernandezHuerta(texts) {
  const c = counts(texts, 'es');
  return 206.84 - 60 * (c.syllable / c.word) - 1.02 * (c.word / c.sentence);
}

export const round1 = (x) => Math.round(x * 10) / 10;

// The longest sentence of a text, to point at in a failure message.
export function longestSentence(text) {
  return sentences(text).reduce((a, b) => ((b.match(WORD) ?? []).length > (a.match(WORD) ?? []).length ? b : a), '');
}

// ---------- what is measured ----------

export function pageTexts() {
  const { pages } = readJson('data/kb/pages.json');
  return pages.map((p) => ({ condition: p.condition, en: p.en.patient, es: p.es.patient }));
}

export function patientQuestions() {
  return readJson('data/kb/findings.json').findings.filter((f) => f.audience === 'all');
}

// Interface strings a patient reads on the result screen that are sentences: the safety net, the triage advice,
// the emergency screen and the result notes. Gated by the test.
const isSentence = (text) => /[.!?]$/.test(text.trim()) && (text.match(WORD) ?? []).length >= 4;
export const UI_KEYS = (ui) =>
  Object.keys(ui).filter(
    (k) =>
      (k === 'safety_net' ||
        k === 'safety_net.call' ||
        /^triage\.[a-z_]+\.(heading|do|when)$/.test(k) ||
        /^emergency\./.test(k) ||
        /^result\./.test(k) ||
        k === 'why.none') &&
      isSentence(ui[k]),
  );
// Reported only: the help texts of the start-up fallback, whose English is also written into web/index.html.
export const UI_REPORT_KEYS = (ui) => [
  ...UI_KEYS(ui),
  ...Object.keys(ui).filter((k) => /^fallback\.help/.test(k) && isSentence(ui[k])),
];

// ---------- the report ----------

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = [];
  for (const p of pageTexts()) {
    rows.push(['page en', p.condition, '(whole)', grade(PAGE_FIELDS.map((f) => p.en[f]))]);
    for (const f of PAGE_FIELDS) rows.push(['page en', p.condition, f, grade(p.en[f])]);
    rows.push(['page es FH', p.condition, '(whole)', fernandezHuerta(PAGE_FIELDS.map((f) => p.es[f]))]);
    for (const f of PAGE_FIELDS) rows.push(['page es FH', p.condition, f, fernandezHuerta(p.es[f])]);
  }
  for (const q of patientQuestions()) {
    const t = q.text.en.patient;
    rows.push(['question en', q.id, `${q.kind} ${(t.match(WORD) ?? []).length}w`, grade(t)]);
    rows.push(['question es FH', q.id, q.kind, fernandezHuerta(q.text.es.patient)]);
  }
  for (const lang of ['en', 'es']) {
    const ui = readJson(`data/ui/${lang}.json`);
    for (const k of UI_REPORT_KEYS(ui)) {
      rows.push([lang === 'en' ? 'ui en' : 'ui es FH', k, '', lang === 'en' ? grade(ui[k]) : fernandezHuerta(ui[k])]);
    }
  }
  const worstFirst = (a, b) => (a[0].includes('FH') ? a[3] - b[3] : b[3] - a[3]);
  for (const kind of [...new Set(rows.map((r) => r[0]))]) {
    const mine = rows.filter((r) => r[0] === kind).sort(worstFirst);
    console.log(`\n== ${kind} (${mine.length})`);
    for (const r of mine.slice(0, Number(process.env.TOP ?? 15)))
      console.log(`${round1(r[3]).toFixed(1).padStart(6)}  ${r[1]} ${r[2]}`);
  }
}
