// Native symcheck and the WebAssembly runner print identical bytes, and fail the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NATIVE, NODE_RUNNER, caseFiles } from './helpers.mjs';

function run(argv, runner) {
  const [cmd, args] = runner === 'native' ? [NATIVE, argv] : [process.execPath, [NODE_RUNNER, ...argv]];
  return spawnSync(cmd, args, { encoding: 'utf8' });
}

function same(argv) {
  const native = run(argv, 'native');
  const wasm = run(argv, 'wasm');
  assert.equal(native.status, 0, `native ${argv.join(' ')}: ${native.stderr}`);
  assert.equal(wasm.status, 0, `wasm ${argv.join(' ')}: ${wasm.stderr}`);
  assert.equal(wasm.stdout, native.stdout, `output differs for ${argv.join(' ')}`);
  return native.stdout;
}

for (const file of caseFiles()) {
  const name = path.basename(file, '.json');
  test(`${name}: assess and interview print identical bytes natively and in WebAssembly`, () => {
    same(['assess', file]);
    same(['assess', file, '--audience', 'clinician', '--no-damping']);
    same(['interview', file]);
    // --max-questions: the old name of --max-screens, which both runners take.
    same(['interview', file, '--audience', 'clinician', '--max-questions', '3']);
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'symcheck-bad-'));
const bad = {
  malformed: '{"age": 40, "sex": "female", "present": "pain.buttock"}',
  'unknown id': '{"age": 40, "sex": "female", "present": ["pain.knee"]}',
  'not JSON': 'hello',
  empty: '',
  'present and absent': '{"age": 40, "sex": "male", "present": ["pain.buttock"], "absent": ["pain.buttock"]}',
  'age out of range': '{"age": 7, "sex": "male", "present": []}',
};
const inputs = Object.entries(bad).map(([name, text]) => {
  const file = path.join(dir, `${name.replace(/ /g, '-')}.json`);
  writeFileSync(file, text);
  return [name, file];
});
inputs.push(['missing file', path.join(dir, 'does-not-exist.json')]);

for (const [name, file] of inputs) {
  test(`${name}: exit 2 with one clear line on stderr, natively and under Node`, () => {
    for (const runner of ['native', 'wasm']) {
      for (const command of ['assess', 'interview']) {
        const r = run([command, file], runner);
        assert.equal(r.status, 2, `${runner} ${command}: status ${r.status}`);
        assert.equal(r.stdout, '', `${runner}: nothing on stdout`);
        const lines = r.stderr.trim().split('\n');
        assert.equal(lines.length, 1, `${runner}: ${r.stderr}`);
        assert.match(lines[0], /^symcheck: /);
      }
    }
  });
}

test('bad command-line use is exit 2 too', () => {
  for (const runner of ['native', 'wasm']) {
    assert.equal(run(['diagnose', caseFiles()[0]], runner).status, 2);
    assert.equal(run(['assess'], runner).status, 2);
    assert.equal(run(['assess', caseFiles()[0], '--max-questions', 'many'], runner).status, 2);
    assert.equal(run(['interview', caseFiles()[0], '--strategy', 'fixed'], runner).status, 2);
    assert.equal(run(['assess', caseFiles()[0], '--audience', 'robot'], runner).status, 2);
    assert.equal(run(['assess', caseFiles()[0], '--kb', '/nonexistent'], runner).status, 2);
  }
});
