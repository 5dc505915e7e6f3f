// The WebAssembly engine through its JavaScript API: contract, errors as values, hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseFiles, loadedEngine } from './helpers.mjs';

const { Module, engine } = await loadedEngine();
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
};

for (const [name, input] of Object.entries(hostile)) {
  test(`hostile input (${name}) is an error value and the module keeps answering`, () => {
    for (const method of ['assess', 'interview', 'next']) {
      const r = engine[method](input, '{}');
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
  assert.equal(bad.ok, false);
  assert.match(bad.error, /kb\/x\.json/);
  assert.equal(engine.assess('{"age": 40, "sex": "male", "present": []}', '{}').ok, true);
});

test('a fresh engine without a knowledge base says so', () => {
  const fresh = new Module.Engine();
  const r = fresh.assess('{"age": 40, "sex": "male", "present": []}', '{}');
  assert.equal(r.ok, false);
  assert.equal(r.errorCode, 'not_loaded');
  fresh.delete();
});
