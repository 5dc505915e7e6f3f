#!/usr/bin/env node
// The speed and size benchmark: every figure against a baseline measured in the same run.
//
//   node scripts/bench.mjs [--quick] [--no-browser]
//
// Needs the native build (cmake --workflow --preset native), the WebAssembly build
// (cmake --workflow --preset wasm: the page's module and the benchmark's own module in
// build/wasm/bench) and the test tools (scripts/setup.sh). Prints:
//  1. assess, and next screen (the page's call) at three points of an interview, per call: native,
//     WebAssembly under Node, their ratio;
//  2. the same posterior from bayesjs (an exact JavaScript Bayesian-network library) and from a
//     plain hand-written JavaScript loop over the same tables, with ratios to ours and a check that
//     all three agree to 1e-9 (on the model without damping of dependent findings);
//  3. next-screen time on a synthetic knowledge base of 1,000 conditions and 5,000 findings in
//     1,000 screens of 5;
//  4. the module's memory through a whole interview;
//  5. the gzipped size of every file of the page and the budgets;
//  6. in headless Chromium, the site behind nginx: Lighthouse mobile performance (median of three
//     runs) and total blocking time, the longest main-thread task during load and during a whole
//     interview, navigation to first question usable, cold and offline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { loadEngine, loadBenchModule } from './symcheck.mjs';
import { createEngine } from '../web/js/engine-module.js';
import { siteSizes, sizeBudgets, benchModuleSize } from './site_sizes.mjs';
import { serveWithNginx } from './nginx/serve.mjs';
import { lighthouse } from './lighthouse.mjs';
import { initialState as initialStateOf } from './case_state.mjs';
import { CHROME, CHROME_FLAGS } from './chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = process.env.SYMCHECK_SITE || path.join(ROOT, 'build/wasm/site');
const NATIVE_BENCH = path.join(ROOT, 'build/native/tests/symcheck_bench');
const KB_DIR = path.join(ROOT, 'data/kb');
const CASES_DIR = path.join(ROOT, 'tests/cases/dev');
const quick = process.argv.includes('--quick');
const withBrowser = !process.argv.includes('--no-browser');
const require = createRequire(path.join(ROOT, 'tests/package.json'));

const caseFiles = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => path.join(CASES_DIR, f));
const caseTexts = caseFiles.map((f) => readFileSync(f, 'utf8'));
const kbDocuments = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const fmt = (x, digits = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(digits));
const results = {};
// console.log does not pad; this printf does (%-Ns left-aligns, %Ns right-aligns, %s plain).
function printf(format, ...args) {
  let i = 0;
  console.log(
    format.replace(/%(-?)(\d*)([sd])/g, (_, left, width, kind) => {
      let text = String(args[i++]);
      if (kind === 'd') text = String(Math.round(Number(text)));
      const w = Number(width || 0);
      return left ? text.padEnd(w) : text.padStart(w);
    }),
  );
}
const budgets = [];
function budget(name, ok, detail) {
  budgets.push({ name, ok, detail });
}

// Both sides first make WARMUP_ROUNDS unmeasured rounds over the inputs (tests/bench/bench_native.cc
// the same): V8 compiles WebAssembly with its baseline compiler and tiers hot functions up while
// they run, which took about two of the quick mode's twenty rounds here.
const WARMUP_ROUNDS = 5;

function timePerCall(inputs, repeat, call) {
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const input of inputs) call(input);
  const samples = [];
  for (let r = 0; r < repeat; r++) {
    for (const input of inputs) {
      const t0 = process.hrtime.bigint();
      call(input);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  return median(samples);
}

function nativeTimes(kbDir, files, repeat) {
  return JSON.parse(execFileSync(NATIVE_BENCH, [kbDir, ...files, '--repeat', String(repeat)], { encoding: 'utf8' }));
}

// ---- 1. engine per call, native vs WebAssembly ------------------------------------------------
const repeat = quick ? 20 : 200;
const native = nativeTimes(KB_DIR, caseFiles, repeat);
const { Module, engine } = await loadEngine(SITE);
const loaded = engine.load(JSON.stringify(kbDocuments(KB_DIR)));
if (!loaded.ok) throw new Error(loaded.error);
const wasmAssess = timePerCall(caseTexts, repeat, (c) => engine.assess(c, '{}'));
const wasmAssessParsed = timePerCall(caseTexts, repeat, (c) => JSON.parse(engine.assess(c, '{}').json));

// The page's call, `next`: the interview state {age, sex, present, absent, dont_know, screens} in,
// {screen: {id, kind, items} | null, stop_reason, number, estimate, assessment} out. Timed at three
// points of each dev case's interview, played the way `symcheck interview` plays it (yes if the
// case lists the finding present, no if absent, "don't know" otherwise): the start (initial
// evidence only), right after the opening screens, and mid-interview (half the screens it shows).
const rulesJson = JSON.parse(readFileSync(path.join(KB_DIR, 'rules.json'), 'utf8'));
const initialState = (c) => initialStateOf(rulesJson, c);
function answerScreen(state, c, items) {
  const next = {
    ...state,
    present: [...state.present],
    absent: [...state.absent],
    dont_know: [...state.dont_know],
    screens: [...state.screens, items],
  };
  for (const f of items) {
    if (c.present.includes(f)) next.present.push(f);
    else if ((c.absent ?? []).includes(f)) next.absent.push(f);
    else next.dont_know.push(f);
  }
  return next;
}
// Every state of a case's interview, with the kind of screen each one's reply shows.
function interviewStates(c) {
  const states = [];
  let state = initialState(c);
  for (;;) {
    const reply = JSON.parse(engine.next(JSON.stringify(state), '{}').json);
    states.push({ state, kind: reply.screen?.kind ?? null });
    if (!reply.screen) return states;
    state = answerScreen(state, c, reply.screen.items);
  }
}
const POINTS = {
  start: 'start (initial evidence)',
  after_openings: 'after the opening screens',
  mid: 'mid-interview (half its screens)',
};
const pointStates = { start: [], after_openings: [], mid: [] };
for (const text of caseTexts) {
  const states = interviewStates(JSON.parse(text));
  pointStates.start.push(states[0].state);
  const afterOpenings = states.find((s) => s.kind !== 'opening') ?? states[states.length - 1];
  pointStates.after_openings.push(afterOpenings.state);
  pointStates.mid.push(states[Math.floor((states.length - 1) / 2)].state);
}
const stateDir = mkdtempSync(path.join(tmpdir(), 'symcheck-states-'));
const nextRepeat = quick ? 5 : 40;
const nextTimes = {};
for (const [point, states] of Object.entries(pointStates)) {
  const texts = states.map((st) => JSON.stringify(st));
  const files = texts.map((t, i) => {
    const file = path.join(stateDir, `${point}-${i}.json`);
    writeFileSync(file, t);
    return file;
  });
  const nativeNext = JSON.parse(
    execFileSync(NATIVE_BENCH, [KB_DIR, ...files, '--repeat', String(nextRepeat), '--next-only'], { encoding: 'utf8' }),
  ).next_us;
  const wasmNext = timePerCall(texts, nextRepeat, (t) => engine.next(t, '{}'));
  nextTimes[point] = { native_us: nativeNext, wasm_us: wasmNext, ratio: wasmNext / nativeNext, states: texts.length };
}
rmSync(stateDir, { recursive: true, force: true });
const nextWorst = Object.values(nextTimes).reduce((a, b) => (b.wasm_us > a.wasm_us ? b : a));
results.engine = {
  native,
  wasm: { assess_us: wasmAssess, assess_with_parse_us: wasmAssessParsed },
  next_screen: nextTimes,
};
results.next_screen_ms_native = nextWorst.native_us / 1000;
results.next_screen_ms_wasm = nextWorst.wasm_us / 1000;
results.next_screen_ratio = nextWorst.ratio;
printf('\n1. Engine per call (median; assess over %d calls, dev cases)', caseTexts.length * repeat);
printf('   %-40s %10s %10s %8s', '', 'native', 'wasm/node', 'ratio');
printf(
  '   %-40s %8s µs %8s µs %7s×',
  'assess (JSON in, JSON out)',
  fmt(native.assess_us),
  fmt(wasmAssess),
  (wasmAssess / native.assess_us).toFixed(2),
);
for (const [point, t] of Object.entries(nextTimes)) {
  printf(
    '   %-40s %8s ms %8s ms %7s×',
    `next screen, ${POINTS[point]}`,
    (t.native_us / 1000).toFixed(2),
    (t.wasm_us / 1000).toFixed(2),
    t.ratio.toFixed(2),
  );
}
printf('   %-40s %11s %8s µs', 'assess + JSON.parse in JavaScript', '', fmt(wasmAssessParsed));
printf('   (next screen: %d states per point, %d rounds each)', caseTexts.length, nextRepeat);
budget(
  'WebAssembly at most 2x native per call (assess)',
  wasmAssess <= 2 * native.assess_us,
  `${(wasmAssess / native.assess_us).toFixed(2)}×`,
);
budget(
  'WebAssembly at most 2x native per call (next screen, slowest point)',
  nextWorst.ratio <= 2,
  `${nextWorst.ratio.toFixed(2)}×`,
);
budget(
  'whole assess call through the JavaScript API within 100 µs',
  wasmAssessParsed <= 100,
  `${fmt(wasmAssessParsed)} µs`,
);
budget(
  'next screen under 5 ms in WebAssembly (slowest interview point)',
  nextWorst.wasm_us <= 5000,
  `${(nextWorst.wasm_us / 1000).toFixed(2)} ms`,
);

// ---- 2. the same posterior: ours, hand-written JavaScript, bayesjs ----------------------------
// The tables, read the way the engine reads them: clamped probabilities, the finding's default for
// unlisted pairs, prior x age-band factor x sex factor.
const kbJson = Object.assign({}, ...kbDocuments(KB_DIR).map((d) => JSON.parse(d.text)));
const { conditions, findings, model } = kbJson;
const clamp = (p) => Math.min(model.clamp.max, Math.max(model.clamp.min, p));
const findingIndex = new Map(findings.map((f, i) => [f.id, i]));
const band = (age) => model.age_bands.find((b) => age >= b.min && age <= b.max).id;
function priors(age, sex) {
  return conditions.map(
    (c) =>
      c.prior.p * c.age_factors.by_band[band(age)] * (sex === 'female' ? c.sex_factors.female : c.sex_factors.male),
  );
}
const logP = conditions.map((c) => findings.map((f) => Math.log(clamp(c.likelihoods[f.id]?.p ?? f.default.p))));
const log1mP = conditions.map((c) => findings.map((f) => Math.log(1 - clamp(c.likelihoods[f.id]?.p ?? f.default.p))));
// A "no" counts at the model's weight of its log-likelihood ratio (model.no_answer_weight); the
// finding's default rate divides every condition alike, so the weighted log(1 - p) is enough here.
const noWeight = model.no_answer_weight.weight;

// The floor WebAssembly must beat: log-space sums over the same tables, written plainly. Both
// sides get the same input: age, sex and the answered findings as index arrays.
function handWrittenPosterior(k) {
  const prior = priors(k.age, k.sex);
  const score = prior.map((p, c) => {
    let s = Math.log(p);
    for (const f of k.presentIndex) s += logP[c][f];
    for (const f of k.absentIndex) s += noWeight * log1mP[c][f];
    return s;
  });
  const top = Math.max(...score);
  const w = score.map((s) => Math.exp(s - top));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}
const cases = caseTexts.map((t) => {
  const k = JSON.parse(t);
  k.presentIndex = Int32Array.from(k.present, (id) => findingIndex.get(id));
  k.absentIndex = Int32Array.from(k.absent ?? [], (id) => findingIndex.get(id));
  return k;
});
// Ours through the benchmark module's buffer API (the same core objects as the page's module,
// built without JSON on either side): indices written into the module's memory, probabilities
// read back.
const benchModule = await loadBenchModule();
const benchLoad = benchModule.posterior.load(JSON.stringify(kbDocuments(KB_DIR)));
if (benchLoad) throw new Error(benchLoad);
const inputOffset = benchModule.posterior.input(findings.length * 2);
function ourPosterior(k) {
  const { Module: M, posterior } = benchModule;
  const input = new Int32Array(M.HEAP32.buffer, inputOffset, findings.length * 2);
  input.set(k.presentIndex);
  input.set(k.absentIndex, k.presentIndex.length);
  const at = posterior.at(k.age, k.sex === 'female', k.presentIndex.length, k.absentIndex.length, false);
  return new Float64Array(M.HEAPF64.buffer, at, conditions.length);
}
const handTime = timePerCall(cases, repeat * 5, handWrittenPosterior);
const ourPosteriorTime = timePerCall(cases, repeat * 5, ourPosterior);
const ourUndamped = (k) => Array.from(ourPosterior(k));
let maxDiffHand = 0;
cases.forEach((k) => {
  const a = handWrittenPosterior(k);
  const b = ourUndamped(k);
  a.forEach((x, c) => {
    maxDiffHand = Math.max(maxDiffHand, Math.abs(x - b[c]));
  });
});

// bayesjs: one cause node (every condition a state), one binary child per finding.
const bayes = require('bayesjs');
function bayesNetwork(kase) {
  const prior = priors(kase.age, kase.sex);
  const total = prior.reduce((a, b) => a + b, 0);
  const network = {
    cause: {
      id: 'cause',
      states: conditions.map((c) => c.id),
      parents: [],
      cpt: Object.fromEntries(conditions.map((c, i) => [c.id, prior[i] / total])),
    },
  };
  // One child per finding of the knowledge base, as a developer would build it (unobserved ones
  // sum out, but the library still carries them). A finding answered "no" weighs (1 - p) to the
  // model's weight of a "no": its child's F is (1 - p)^weight and T the rest, so the observed F
  // carries the engine's weighted ratio and every row still sums to 1.
  const answeredNo = new Set(kase.absent ?? []);
  for (const [f, { id }] of findings.entries()) {
    const weight = answeredNo.has(id) ? noWeight : 1;
    network[id] = {
      id,
      states: ['T', 'F'],
      parents: ['cause'],
      cpt: conditions.map((c, ci) => {
        const no = Math.exp(weight * log1mP[ci][f]);
        return { when: { cause: c.id }, then: { T: 1 - no, F: no } };
      }),
    };
  }
  return network;
}
function bayesPosterior(kase) {
  const network = bayesNetwork(kase);
  const evidence = Object.fromEntries([
    ...kase.present.map((id) => [id, 'T']),
    ...(kase.absent ?? []).map((id) => [id, 'F']),
  ]);
  return conditions.map((c) => bayes.infer(network, { cause: c.id }, evidence));
}
// One case: with one child per finding the library takes about a minute per posterior here.
const bayesCases = cases.slice(0, 1);
const bayesSamples = [];
let maxDiffBayes = 0;
for (const k of bayesCases) {
  const t0 = process.hrtime.bigint();
  const post = bayesPosterior(k);
  bayesSamples.push(Number(process.hrtime.bigint() - t0) / 1000);
  const ours = ourUndamped(k);
  post.forEach((x, c) => {
    maxDiffBayes = Math.max(maxDiffBayes, Math.abs(x - ours[c]));
  });
}
const bayesTime = median(bayesSamples);
results.peers = {
  ours_posterior_us: ourPosteriorTime,
  hand_written_js_us: handTime,
  bayesjs_us: bayesTime,
  max_diff_hand: maxDiffHand,
  max_diff_bayesjs: maxDiffBayes,
};
printf(
  '\n2. One full posterior over %d conditions, model without damping: finding indices in, probabilities out',
  conditions.length,
);
printf('   %-52s %10s µs', 'ours (WebAssembly, the bench module)', fmt(ourPosteriorTime, 2));
printf(
  '   %-52s %10s µs   %s× ours',
  'hand-written JavaScript (log-space sums)',
  fmt(handTime, 2),
  (handTime / ourPosteriorTime).toFixed(2),
);
printf(
  '   %-52s %10s µs   %s× ours (%d cases)',
  'bayesjs 0.6.5 (exact inference, one child per finding)',
  fmt(bayesTime),
  (bayesTime / ourPosteriorTime).toFixed(0),
  bayesCases.length,
);
printf(
  '   largest difference from ours: hand-written %s, bayesjs %s',
  maxDiffHand.toExponential(2),
  maxDiffBayes.toExponential(2),
);
budget(
  'posteriors agree with bayesjs and hand-written JavaScript to 1e-9',
  maxDiffHand <= 1e-9 && maxDiffBayes <= 1e-9,
  `${maxDiffHand.toExponential(1)}, ${maxDiffBayes.toExponential(1)}`,
);
budget(
  'faster than the hand-written JavaScript floor',
  ourPosteriorTime < handTime,
  `${fmt(ourPosteriorTime, 2)} vs ${fmt(handTime, 2)} µs`,
);

// ---- 3. a synthetic knowledge base of 1,000 conditions and 5,000 findings -------------------
function syntheticKnowledgeBase(nConditions, nFindings, perCondition, nScreens, perScreen) {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const basis = { estimate: 'synthetic' };
  const text = (s) => ({ en: { patient: s, clinician: s }, es: { patient: s, clinician: s } });
  const syntheticFindings = Array.from({ length: nFindings }, (_, i) => ({
    id: `syn.f${i}`,
    kind: i < 10 ? 'location' : 'trigger',
    audience: 'all',
    text: text(`Question ${i}?`),
    default: { p: 0.05 + 0.2 * random(), ...basis },
  }));
  const levels = ['self_care', 'routine', 'urgent', 'emergency'];
  const bands = { '12-110': 1 };
  const syntheticConditions = Array.from({ length: nConditions }, (_, i) => {
    const likelihoods = {};
    while (Object.keys(likelihoods).length < perCondition) {
      likelihoods[`syn.f${Math.floor(random() * nFindings)}`] = { p: 0.05 + 0.9 * random(), ...basis };
    }
    return {
      id: `syn_c${i}`,
      icd10: 'R52',
      triage: levels[i % 4],
      name: text(`Condition ${i}`),
      prior: { p: 0.0001 + random() / nConditions, ...basis },
      age_factors: { by_band: bands, ...basis },
      sex_factors: { female: 1, male: 1, ...basis },
      review: { status: 'draft', last_reviewed: '2026-11-26', reviewer: null },
      likelihoods,
    };
  });
  return [
    {
      name: 'sources.json',
      text: JSON.stringify({
        sources: [{ id: 'synthetic', kind: 'research', authors: 'none', year: 2026, title: 'synthetic' }],
      }),
    },
    { name: 'findings.json', text: JSON.stringify({ findings: syntheticFindings }) },
    { name: 'conditions.json', text: JSON.stringify({ conditions: syntheticConditions }) },
    {
      name: 'rules.json',
      text: JSON.stringify({
        model: {
          age_bands: [{ id: '12-110', min: 12, max: 110 }],
          clamp: { min: 0.005, max: 0.995, ...basis },
          no_answer_weight: { weight: 0.7, ...basis },
        },
        triage: {
          probability_thresholds: [{ level: 'emergency', min_probability: { p: 0.05, ...basis } }],
          definitions: { any_pain: { present: 'syn.f0' } },
          red_flag_rules: [
            {
              id: 'S1',
              level: 'emergency',
              points_to: 'syn_c3',
              when: { all: [{ present: 'syn.f11' }, { present: 'syn.f12' }] },
              ...basis,
            },
          ],
        },
        interview: {
          max_screens: 15,
          stop: {
            leading_probability: { p: 0.9, ...basis },
            min_screens: 3,
            change_probability: { p: 0.01, ...basis },
            top3_margin: { ratio: 1.5, ...basis },
            emergency_probability: { p: 0.01, ...basis },
          },
          emergency_first: { p: 0.003, ...basis },
          dont_know_probability: { p: 0.15, ...basis },
          triage_weights: { self_care: 0, routine: 0.2, urgent: 1, emergency: 3, ...basis },
          urgency_information: { weight: 2, ...basis },
          information_tempering: { exponent: 0.7, ...basis },
          diagram_findings: ['syn.f0', 'syn.f1'],
          side_findings: { one_side: 'syn.f2', both_sides: 'syn.f3', midline: 'syn.f4' },
        },
      }),
    },
    {
      // The findings in screens of `perScreen` (the diagram's two are never asked), the first two
      // screens opening ones: the next-screen choice measures every screen at every step.
      name: 'screens.json',
      text: JSON.stringify({
        screens: Array.from({ length: nScreens }, (_, s) => ({
          id: `syn_s${s}`,
          kind: s < 2 ? 'opening' : 'diagnostic',
          audience: 'all',
          stem: text(`Screen ${s}`),
          items: Array.from({ length: perScreen }, (__, j) => `syn.f${2 + s * perScreen + j}`),
        })),
        follow_up_stem: text('More about what you just told us'),
      }),
    },
  ];
}
const synthDir = mkdtempSync(path.join(tmpdir(), 'symcheck-synthetic-'));
// 5,002 findings: the body diagram's two plus 1,000 screens of 5.
const synthetic = syntheticKnowledgeBase(1000, 5002, 50, 1000, 5);
for (const d of synthetic) writeFileSync(path.join(synthDir, d.name), d.text);
const synthCase = JSON.stringify({
  age: 40,
  sex: 'female',
  present: ['syn.f0', 'syn.f20', 'syn.f33'],
  absent: ['syn.f40'],
  dont_know: [],
  screens: [],
});
// Outside the knowledge-base folder, whose every .json file the native loader reads as a section.
const synthCaseDir = mkdtempSync(path.join(tmpdir(), 'symcheck-synthetic-state-'));
const synthCaseFile = path.join(synthCaseDir, 'state.json');
writeFileSync(synthCaseFile, synthCase);
const synthRepeat = quick ? 3 : 10;
const synthNative = JSON.parse(
  execFileSync(NATIVE_BENCH, [synthDir, synthCaseFile, '--repeat', String(synthRepeat), '--next-only'], {
    encoding: 'utf8',
  }),
);
const synthEngine = createEngine(Module);
const synthLoad = synthEngine.load(JSON.stringify(synthetic));
if (!synthLoad.ok) throw new Error(synthLoad.error);
const synthReply = synthEngine.next(synthCase, '{}');
if (!synthReply.ok) throw new Error(synthReply.error);
const synthWasm = timePerCall([synthCase], synthRepeat, (c) => synthEngine.next(c, '{}'));
synthEngine.delete();
rmSync(synthDir, { recursive: true, force: true });
rmSync(synthCaseDir, { recursive: true, force: true });
results.synthetic = {
  native_next_us: synthNative.next_us,
  wasm_next_us: synthWasm,
  load_ms_native: synthNative.load_ms,
};
results.next_screen_synthetic_ms = synthWasm / 1000;
results.next_screen_synthetic_ms_native = synthNative.next_us / 1000;
console.log(
  '\n3. Next screen on a synthetic knowledge base (1,000 conditions, 5,002 findings, 50 per condition, 1,000 screens of 5)',
);
printf(
  '   native %s ms, WebAssembly %s ms, ratio %s×',
  (synthNative.next_us / 1000).toFixed(1),
  (synthWasm / 1000).toFixed(1),
  (synthWasm / synthNative.next_us).toFixed(2),
);
budget(
  'next screen under 200 ms on the synthetic knowledge base (WebAssembly)',
  synthWasm <= 200000,
  `${(synthWasm / 1000).toFixed(1)} ms`,
);

// ---- 4. memory through a whole interview -----------------------------------------------------
// A fresh module, so that the synthetic knowledge base above does not count.
const fresh = await loadEngine(SITE);
const memoryModule = fresh.Module;
const memoryEngine = fresh.engine;
if (!memoryEngine.load(JSON.stringify(kbDocuments(KB_DIR))).ok) throw new Error('knowledge base did not load');
const heapBefore = process.memoryUsage().heapUsed;
let peakModule = memoryModule.HEAP8.buffer.byteLength;
for (const text of caseTexts) {
  const full = JSON.parse(text);
  let state = initialState(full);
  for (;;) {
    const step = JSON.parse(memoryEngine.next(JSON.stringify(state), '{}').json);
    peakModule = Math.max(peakModule, memoryModule.HEAP8.buffer.byteLength);
    if (!step.screen) break;
    state = answerScreen(state, full, step.screen.items);
  }
}
const heapAfter = process.memoryUsage().heapUsed;
results.memory = { module_peak_bytes: peakModule, node_js_heap_delta_bytes: heapAfter - heapBefore };
printf(
  '\n4. Memory through 24 whole interviews: WebAssembly memory peak %s MiB; Node JavaScript heap change %s MiB',
  (peakModule / 1048576).toFixed(1),
  ((heapAfter - heapBefore) / 1048576).toFixed(1),
);
budget(
  'module memory within 16 MiB through a whole interview',
  peakModule <= 16 * 1048576,
  `${(peakModule / 1048576).toFixed(1)} MiB`,
);

// ---- 5. sizes ---------------------------------------------------------------------------------
console.log('\n5. Page files, gzipped (level 9)');
const sizes = siteSizes(SITE);
for (const [file, { raw, gzip }] of Object.entries(sizes.files)) {
  printf('   %-40s %8s B raw %8s B gzip', file, raw, gzip);
}
printf('   %-40s %26s B gzip', 'everything (first load incl. precache)', sizes.total_gzip);
sizes.bench_module_gzip = benchModuleSize();
printf('   %-40s %26s B gzip', "benchmark's own module (not shipped)", sizes.bench_module_gzip);
results.sizes = sizes;
for (const b of sizeBudgets(sizes)) budget(b.name, b.ok, b.detail);

// ---- 6. Chromium: Lighthouse, long tasks, navigation to first question usable -----------------
// The site served as in production (nginx with scripts/nginx: gzip, caching rules). These are
// wall-time figures of a shared machine, so they live here and never gate a test.
if (withBrowser) {
  const { launch, openApp, start, answerUntilResult } = await import('../tests/browser/helpers.mjs');
  const server = await serveWithNginx(SITE);
  const origin = `${server.origin}/`;

  // Lighthouse's default run: a mobile device, simulated throttling. The score moves with load on
  // the machine, so the median of three runs counts (Lighthouse's own advice); total blocking time
  // is the median of the same runs.
  const lighthouseRuns = [];
  for (let run = 0; run < (quick ? 1 : 3); run++) {
    try {
      const report = await lighthouse(origin, ['performance'], path.join(ROOT, `build/lighthouse/bench-${run + 1}`));
      lighthouseRuns.push({
        performance: report.categories.performance.score,
        total_blocking_time_ms: report.audits['total-blocking-time'].numericValue,
      });
    } catch (e) {
      printf('   Lighthouse run %d failed: %s', run + 1, e.message.split('\n')[0]);
    }
  }
  const lighthousePerformance = lighthouseRuns.length ? median(lighthouseRuns.map((r) => r.performance)) : null;
  const totalBlockingTime = lighthouseRuns.length ? median(lighthouseRuns.map((r) => r.total_blocking_time_ms)) : null;

  // Long main-thread tasks, observed in the page itself: a PerformanceObserver for 'longtask'
  // installed before any page script runs. The browser reports only tasks of 50 ms or more, so 0
  // means none that long.
  const browser = await launch();
  await browser.context.addInitScript(() => {
    window.__symcheckLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__symcheckLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const longTasks = (page) => page.evaluate(() => window.__symcheckLongTasks.slice());
  const longest = (durations) => Math.round(Math.max(0, ...durations));
  let longestTask = null;
  let interviewQuestions = null;
  try {
    const { page } = await openApp(browser.context, origin.slice(0, -1));
    // Load ends when the engine (in its worker, after the start screen) has loaded too.
    await page.waitForFunction(() => performance.getEntriesByName('symcheck-engine-ready').length > 0, null, {
      timeout: 30000,
    });
    const atReady = await longTasks(page);
    await start(page, { age: 44, sex: 'Male', regions: ['Lower back', 'Left buttock', 'Back of left thigh'] });
    interviewQuestions = (await answerUntilResult(page, () => 'No')).length;
    const atResult = await longTasks(page);
    longestTask = { load: longest(atReady), interview: longest(atResult.slice(atReady.length)) };
  } catch (e) {
    printf('   long-task measurement failed: %s', e.message.split('\n')[0]);
  }
  await browser.close();

  // Navigation to a usable start screen (the page marks it; the engine loads after it, in its
  // worker), then the Start click to the first question on screen (waiting for the engine if it is
  // not ready yet). The typing in between is a person's time, not the page's, and is left out.
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'symcheck-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    headless: true,
    args: ['--headless', ...CHROME_FLAGS],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  async function firstQuestion() {
    await page.goto(origin);
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    const ready = await page.evaluate(() => performance.getEntriesByName('symcheck-ready')[0]?.startTime ?? null);
    await page.getByRole('spinbutton', { name: 'Age', exact: true }).fill('40');
    await page.getByRole('radio', { name: 'Female', exact: true }).check();
    await page.getByRole('button', { name: 'Left buttock', exact: true }).click();
    const before = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('[data-finding]').first().waitFor();
    const after = await page.evaluate(() => performance.now());
    return Math.round(ready + (after - before));
  }
  let cold = null;
  let offline = null;
  try {
    cold = await firstQuestion();
    await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.active, null, {
      timeout: 10000,
    });
    await context.setOffline(true);
    offline = await firstQuestion();
  } catch (e) {
    printf('   browser measurement failed: %s', e.message.split('\n')[0]);
  }
  const jsHeap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null).catch(() => null);
  await context.close();
  server.stop();
  rmSync(profile, { recursive: true, force: true });
  results.browser = {
    served_by: 'nginx (scripts/nginx)',
    cold_ms: cold,
    offline_ms: offline,
    js_heap_bytes: jsHeap,
    lighthouse_performance: lighthousePerformance,
    total_blocking_time_ms: totalBlockingTime,
    lighthouse_runs: lighthouseRuns,
    longest_task_ms: longestTask,
    interview_questions: interviewQuestions,
  };
  printf('\n6. Headless Chromium, the site behind nginx (gzip, production caching)');
  printf(
    '   Lighthouse mobile performance %s (median of %d runs: %s), total blocking time %s ms',
    lighthousePerformance,
    lighthouseRuns.length,
    lighthouseRuns.map((r) => r.performance).join(', '),
    totalBlockingTime === null ? '?' : fmt(totalBlockingTime, 0),
  );
  printf(
    '   longest main-thread task: %s ms during load, %s ms during a whole interview (%s questions; only tasks >= 50 ms are reported, 0 = none)',
    longestTask?.load ?? '?',
    longestTask?.interview ?? '?',
    interviewQuestions ?? '?',
  );
  printf('   navigation to a usable start screen plus Start to the first question (typing excluded):');
  printf(
    '   cold %s ms, offline (service worker) %s ms, tab JavaScript heap %s MiB',
    cold,
    offline,
    jsHeap ? (jsHeap / 1048576).toFixed(1) : '?',
  );
  budget(
    'Lighthouse mobile performance at least 0.95 (median)',
    lighthousePerformance !== null && lighthousePerformance >= 0.95,
    `${lighthousePerformance}`,
  );
  budget(
    'no main-thread task of 50 ms or more during load (start screen and engine)',
    longestTask !== null && longestTask.load === 0,
    `${longestTask?.load ?? '?'} ms`,
  );
  budget(
    'no main-thread task of 50 ms or more during a whole interview',
    longestTask !== null && longestTask.interview === 0,
    `${longestTask?.interview ?? '?'} ms`,
  );
  budget('first question usable within 500 ms on localhost (cold)', cold !== null && cold <= 500, `${cold} ms`);
}

console.log('\nBudgets');
for (const b of budgets) printf('   %s %-70s %s', b.ok ? 'met    ' : 'MISSED ', b.name, b.detail);
mkdirSync(path.join(ROOT, 'build'), { recursive: true });
writeFileSync(path.join(ROOT, 'build/bench.json'), JSON.stringify({ results, budgets }, null, 2));
console.log('\n(written to build/bench.json)');
