// The WebAssembly engine through its JavaScript API: contract, errors as values, hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseFiles, knowledgeBaseDocuments, loadedEngine, loadedToolsEngine } from './helpers.mjs';
import { loadBenchModule } from '../../scripts/symcheck.mjs';
import { availableCalls, createEngine } from '../../web/js/engine-module.js';

const { Module, engine } = await loadedEngine();
const { Module: Tools, engine: tools } = await loadedToolsEngine();
const vocabulary = JSON.parse(readFileSync(new URL('../cases/vocabulary.json', import.meta.url), 'utf8'));

test('every dev case gets a full, normalised differential and a valid triage', () => {
  for (const file of caseFiles()) {
    const r = engine.assess(readFileSync(file, 'utf8'), '{}');
    assert.equal(r.ok, true, `${file}: ${r.error}`);
    const out = JSON.parse(r.json);
    const ids = out.differential.map((d) => d.condition);
    for (const c of vocabulary.conditions) assert.ok(ids.includes(c.id), `${file}: ${c.id} missing`);
    const sum = out.differential.reduce((s, d) => s + d.probability, 0);
    assert.ok(Math.abs(sum - 1) < 1e-6, `${file}: probabilities sum to ${sum}`);
    assert.ok(['emergency', 'urgent', 'routine', 'self_care'].includes(out.triage));
  }
});

test('interview output lists the screens shown, each of 1 to 6 questions, and why it stopped', () => {
  const stops = ['screen_limit', 'emergency', 'confident', 'nothing_to_change', 'no_questions'];
  for (const file of caseFiles()) {
    const r = tools.interview(readFileSync(file, 'utf8'), '{}');
    assert.equal(r.ok, true, `${file}: ${r.error}`);
    const out = JSON.parse(r.json);
    assert.ok(Array.isArray(out.screens) && out.screens.length > 0, `${file}: screens`);
    for (const screen of out.screens) assert.ok(screen.length >= 1 && screen.length <= 6, `${file}: ${screen}`);
    assert.deepEqual(out.asked, out.screens.flat(), `${file}: asked is the screens in order`);
    assert.ok(stops.includes(out.stop_reason), `${file}: ${out.stop_reason}`);
    assert.ok(Array.isArray(out.unanswered_safety_checks));
    const capped = JSON.parse(tools.interview(readFileSync(file, 'utf8'), '{"max_screens": 1}').json);
    assert.equal(capped.screens.length, 1, `${file}: max_screens 1`);
  }
});

test('next: the opening screens first, then a screen per call until a stop with null', () => {
  const screens = JSON.parse(readFileSync(new URL('../../data/kb/screens.json', import.meta.url), 'utf8')).screens;
  const openings = screens.filter((s) => s.kind === 'opening').map((s) => s.id);
  const state = { age: 40, sex: 'male', present: ['pain.buttock'], absent: [], dont_know: [], screens: [] };
  for (let n = 1; n <= 30; n += 1) {
    const r = engine.next(JSON.stringify(state), '{"audience": "patient"}');
    assert.equal(r.ok, true, r.error);
    const out = JSON.parse(r.json);
    assert.ok(Array.isArray(out.assessment.differential) && out.assessment.differential.length > 0);
    if (out.screen === null) {
      assert.equal(typeof out.stop_reason, 'string');
      assert.ok(n > openings.length, `stopped after ${n - 1} screens: ${out.stop_reason}`);
      return;
    }
    assert.equal(out.stop_reason, null);
    assert.equal(out.number, n);
    assert.ok(out.estimate >= n, `estimate ${out.estimate} for screen ${n}`);
    assert.ok(out.screen.items.length >= 1 && out.screen.items.length <= 6);
    if (n <= openings.length) {
      assert.equal(out.screen.id, openings[n - 1]);
      assert.equal(out.screen.kind, 'opening');
    } else {
      assert.notEqual(out.screen.kind, 'opening');
    }
    for (const id of out.screen.items) {
      assert.ok(!/^(exam|lab)\./.test(id), `no examination for a patient: ${id}`);
      state.absent.push(id);
    }
    state.screens.push(out.screen.items);
  }
  assert.fail('no stop within 30 screens');
});

test('next: a yes with a follow-up brings the follow-up screen', () => {
  const findings = JSON.parse(readFileSync(new URL('../../data/kb/findings.json', import.meta.url), 'utf8')).findings;
  const followUp = findings.find((f) => f.follow_up_of);
  assert.ok(followUp, 'the knowledge base has a follow-up');
  const parent = followUp.follow_up_of;
  const state = { age: 40, sex: 'male', present: ['pain.buttock', parent], absent: [], screens: [[parent]] };
  const out = JSON.parse(engine.next(JSON.stringify(state), '{}').json);
  assert.ok(out.screen === null || out.screen.kind === 'follow_up', JSON.stringify(out.screen));
  if (out.screen !== null) {
    assert.equal(out.screen.id, 'follow_up');
    assert.ok(out.screen.items.includes(followUp.id));
    assert.equal(out.number, 2);
  } else {
    assert.equal(out.stop_reason, 'emergency');
  }
});

const hostile = {
  'not JSON': 'this is not json',
  empty: '',
  truncated: '{"age": 40, "sex": "female", "present": ["pain.buttock"',
  'wrong types': '{"age": "forty", "sex": 1, "present": {}}',
  'unknown id': '{"age": 40, "sex": "male", "present": ["pain.elbow"]}',
  'present and absent': '{"age": 40, "sex": "male", "present": ["pain.buttock"], "absent": ["pain.buttock"]}',
  'deeply nested': '['.repeat(200000) + ']'.repeat(200000),
  huge: JSON.stringify({ age: 40, sex: 'male', present: Array(200000).fill('pain.buttock') }).replace(']', ',"x.y"]'),
  'invalid UTF-8 escape': '{"age": 40, "sex": "male", "present": ["\\ud800"]}',
  'number beyond a double': '{"age": 1e999, "sex": "male", "present": []}',
};

for (const [name, input] of Object.entries(hostile)) {
  test(`hostile input (${name}) is an error value and the module keeps answering`, () => {
    for (const [method, module] of [
      ['assess', engine],
      ['next', engine],
      ['interview', tools],
    ]) {
      const r = module[method](input, '{}');
      assert.equal(r.ok, false, `${method} accepted ${name}`);
      assert.ok(r.error.length > 0 && !r.error.includes('\n'), `${method}: one-line message`);
      assert.ok(r.errorCode.length > 0);
    }
    const again = engine.assess('{"age": 40, "sex": "male", "present": ["pain.buttock"]}', '{}');
    assert.equal(again.ok, true, again.error);
  });
}

test('bad options and a bad knowledge base are error values too', () => {
  assert.equal(engine.assess('{"age": 40, "sex": "male", "present": []}', '{"audience": 3}').ok, false);
  assert.equal(engine.next('{"age": 40, "sex": "male", "present": []}', 'nope').ok, false);
  const bad = engine.load(JSON.stringify([{ name: 'kb/x.json', text: '{"findings": [' }]));
  assert.equal(engine.load(JSON.stringify([{ name: 'kb/y.json', text: '9e899' }])).ok, false);
  assert.equal(bad.ok, false);
  assert.match(bad.error, /kb\/x\.json/);
  assert.equal(engine.assess('{"age": 40, "sex": "male", "present": []}', '{}').ok, true);
});

test('a fresh engine without a knowledge base says so', () => {
  const fresh = createEngine(Module);
  const r = fresh.assess('{"age": 40, "sex": "male", "present": []}', '{}');
  assert.equal(r.ok, false);
  assert.equal(r.errorCode, 'not_loaded');
  fresh.delete();
});

test("the page's module offers only what the page calls; the Node runner's adds interview and batch", () => {
  assert.deepEqual(availableCalls(Module), ['load', 'assess', 'next']);
  assert.deepEqual(availableCalls(Tools), ['load', 'assess', 'next', 'interview', 'batch']);
  assert.equal(Module._symcheck_interview, undefined);
  assert.throws(() => createEngine(Module, ['interview']), /no call interview/);
  assert.equal(Module.PosteriorBench, undefined, 'the benchmark module is separate');
});

// The parity check runs through the Node runner's module (batch); the page's module answers the
// page's calls with the same bytes, for every case and every state of its interview.
test("the page's module and the Node runner's answer assess and next with the same bytes", () => {
  let states = 0;
  for (const file of caseFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const options of ['{}', '{"audience": "clinician"}']) {
      assert.equal(engine.assess(text, options).json, tools.assess(text, options).json, file);
      const interview = JSON.parse(tools.interview(text, options).json);
      const c = JSON.parse(text);
      for (let shown = 0; shown <= interview.screens.length; shown += 1) {
        const screens = interview.screens.slice(0, shown);
        const state = JSON.stringify({
          age: c.age,
          sex: c.sex,
          present: c.present,
          absent: c.absent ?? [],
          dont_know: [],
          screens,
        });
        const a = engine.next(state, options);
        const b = tools.next(state, options);
        assert.equal(a.ok, b.ok, `${file} next ${shown}`);
        assert.equal(a.json, b.json, `${file} next ${shown}`);
        states += 1;
      }
    }
  }
  assert.ok(states > 100, String(states));
});

test('bench module: finding indices in, the undamped posterior out, bad input gives 0', async () => {
  const { Module: Bench, posterior } = await loadBenchModule();
  assert.equal(posterior.load(JSON.stringify(knowledgeBaseDocuments())), '');
  const findings = JSON.parse(readFileSync(new URL('../../data/kb/findings.json', import.meta.url), 'utf8')).findings;
  const conditions = JSON.parse(
    readFileSync(new URL('../../data/kb/conditions.json', import.meta.url), 'utf8'),
  ).conditions;
  const index = new Map(findings.map((f, i) => [f.id, i]));
  const offset = posterior.input(findings.length * 2);
  for (const file of caseFiles().slice(0, 5)) {
    const kase = JSON.parse(readFileSync(file, 'utf8'));
    const input = new Int32Array(Bench.HEAP32.buffer, offset, findings.length * 2);
    input.set(kase.present.map((id) => index.get(id)));
    input.set(
      kase.absent.map((id) => index.get(id)),
      kase.present.length,
    );
    const at = posterior.at(kase.age, kase.sex === 'female', kase.present.length, kase.absent.length, false);
    assert.notEqual(at, 0);
    const p = Array.from(new Float64Array(Bench.HEAPF64.buffer, at, conditions.length));
    const out = JSON.parse(engine.assess(JSON.stringify(kase), '{"damping": false}').json);
    for (const d of out.differential) {
      const c = conditions.findIndex((x) => x.id === d.condition);
      assert.ok(Math.abs(p[c] - d.probability) <= 5e-10, `${file}: ${d.condition}`);
    }
  }
  const input = new Int32Array(Bench.HEAP32.buffer, offset, 2);
  input.set([99999]);
  assert.equal(posterior.at(40, true, 1, 0, false), 0, 'unknown index');
  assert.equal(posterior.at(9, true, 0, 0, false), 0, 'age below 12');
  assert.equal(posterior.at(40, true, findings.length * 3, 0, false), 0, 'more than the buffer holds');
  assert.match(posterior.load('[]'), /knowledge base/, 'a bad knowledge base is an error message');
  posterior.delete();
});

// Text crosses the C interface as UTF-8 bytes with a length (web/js/engine-module.js): characters
// beyond ASCII arrive whole both ways, and an empty text is a text, not a missing one.
test('text crosses to the module and back as UTF-8, empty text included', () => {
  const accented = engine.assess('{"age": 40, "sex": "male", "present": ["dolor.glúteo"]}', '{}');
  assert.equal(accented.ok, false);
  assert.match(accented.error, /dolor\.glúteo/);
  assert.equal(accented.errorCode, 'unknown_finding');
  const empty = engine.assess('', '{}');
  assert.equal(empty.ok, false);
  assert.equal(empty.errorCode, 'invalid_json');
  assert.match(empty.error, /empty input/);
});
