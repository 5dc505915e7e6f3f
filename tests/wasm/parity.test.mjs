// Native symcheck and the WebAssembly runner print identical bytes, and fail the same way.
//
// Every case of tests/cases/dev, written and audit goes through the batch mode of both builds (one
// process each, held open for two rounds): assess (also in clinician mode without damping),
// interview (also in clinician mode at 9 screens), next from the case's initial evidence, and next
// once the first screen is answered from the case (yes if present, no if absent, "don't know"
// otherwise). Every reply line must be the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NATIVE, NODE_RUNNER, ROOT, caseFiles } from './helpers.mjs';
import { initialState as initialStateOf } from '../../scripts/case_state.mjs';

function run(argv, runner) {
  const [cmd, args] = runner === 'native' ? [NATIVE, argv] : [process.execPath, [NODE_RUNNER, ...argv]];
  return spawnSync(cmd, args, { encoding: 'utf8' });
}

// A `symcheck batch` process to hold a conversation with: ask() sends lines, resolves with the
// reply lines (the batch mode answers each line as soon as it is read).
function batchProcess(runner) {
  const [cmd, args] = runner === 'native' ? [NATIVE, ['batch']] : [process.execPath, [NODE_RUNNER, 'batch']];
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  let buffer = '';
  let waiting = null;
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    if (waiting && buffer.split('\n').length - 1 >= waiting.count) {
      const lines = buffer.split('\n');
      const replies = lines.slice(0, waiting.count);
      buffer = lines.slice(waiting.count).join('\n');
      const { resolve } = waiting;
      waiting = null;
      resolve(replies);
    }
  });
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return {
    ask(lines) {
      return new Promise((resolve) => {
        waiting = { count: lines.length, resolve };
        child.stdin.write(lines.map((l) => `${l}\n`).join(''));
      });
    },
    close() {
      child.stdin.end();
      return exited;
    },
  };
}

const rules = JSON.parse(readFileSync(path.join(ROOT, 'data/kb/rules.json'), 'utf8'));
const initialState = (c) => initialStateOf(rules, c);

function answered(state, c, items) {
  const next = { ...state, present: [...state.present], absent: [...state.absent], dont_know: [], screens: [items] };
  for (const f of items) {
    if (c.present.includes(f)) next.present.push(f);
    else if ((c.absent ?? []).includes(f)) next.absent.push(f);
    else next.dont_know.push(f);
  }
  return next;
}

const folders = ['dev', 'written', 'audit'];
const cases = folders.flatMap((folder) =>
  caseFiles(path.join(ROOT, 'tests/cases', folder)).map((file) => ({
    name: `${folder}/${path.basename(file, '.json')}`,
    c: JSON.parse(readFileSync(file, 'utf8')),
  })),
);
const clinical = (c) => [...c.present, ...(c.absent ?? [])].some((f) => /^(exam|lab)\./.test(f));
const line = (id, mode, c, options = {}) =>
  JSON.stringify({ id, mode, case: c, options: clinical(c) ? { audience: 'clinician', ...options } : options });

const BAD = [
  'not JSON',
  '',
  JSON.stringify({ id: 'bad-mode', mode: 'diagnose', case: { age: 40, sex: 'male', present: [] } }),
  JSON.stringify({ id: 'bad-age', mode: 'assess', case: { age: 7, sex: 'male', present: [] } }),
  JSON.stringify({ id: 'bad-id', mode: 'interview', case: { age: 40, sex: 'male', present: ['pain.knee'] } }),
  JSON.stringify({
    id: 'bad-both',
    mode: 'next',
    case: { age: 40, sex: 'male', present: ['pain.buttock'], absent: ['pain.buttock'] },
  }),
  JSON.stringify({
    id: 'bad-options',
    mode: 'assess',
    case: { age: 40, sex: 'male', present: [] },
    options: { audience: 'robot' },
  }),
];

test(`every case (${cases.length}, ${folders.join(', ')}): assess, interview and next print identical bytes natively and in WebAssembly, through batch`, async () => {
  const native = batchProcess('native');
  const wasm = batchProcess('wasm');
  const compare = (sent, a, b, what) => {
    assert.equal(a.length, sent.length, `${what}: native answered ${a.length} of ${sent.length}`);
    assert.equal(b.length, sent.length, `${what}: WebAssembly answered ${b.length} of ${sent.length}`);
    const differ = sent.map((_, i) => i).filter((i) => a[i] !== b[i]);
    assert.deepEqual(
      differ.map((i) => JSON.parse(a[i]).id),
      [],
      `${what}: output differs`,
    );
  };

  const first = [];
  const ids = [];
  for (const { name, c } of cases) {
    first.push(line(`${name} assess`, 'assess', c));
    first.push(line(`${name} assess clinician no-damping`, 'assess', c, { audience: 'clinician', damping: false }));
    first.push(line(`${name} interview`, 'interview', c));
    first.push(line(`${name} interview clinician 9`, 'interview', c, { audience: 'clinician', max_screens: 9 }));
    first.push(line(`${name} next start`, 'next', initialState(c)));
    ids.push(name);
  }
  const [a1, b1] = await Promise.all([native.ask([...first, ...BAD]), wasm.ask([...first, ...BAD])]);
  compare([...first, ...BAD], a1, b1, 'assess, interview, next from the start');
  const replies = a1.slice(0, first.length).map((l) => JSON.parse(l));
  for (const r of replies) assert.equal(r.ok, true, `${r.id}: ${r.error}`);
  assert.deepEqual(
    a1.slice(first.length).map((l) => JSON.parse(l).ok),
    BAD.map(() => false),
  );

  // Round two: the first screen answered from the case.
  const second = [];
  cases.forEach(({ name, c }, k) => {
    const start = replies[k * 5 + 4].result;
    if (start.screen === null) return;
    second.push(line(`${name} next after the first screen`, 'next', answered(initialState(c), c, start.screen.items)));
  });
  assert.ok(second.length > cases.length * 0.9, `${second.length} cases have a first screen`);
  const [a2, b2] = await Promise.all([native.ask(second), wasm.ask(second)]);
  compare(second, a2, b2, 'next after the first screen');
  for (const l of a2) assert.equal(JSON.parse(l).ok, true, l.slice(0, 200));

  assert.equal(await native.close(), 0);
  assert.equal(await wasm.close(), 0);
});

test("a batch result is the single command's output, natively and in WebAssembly", () => {
  const file = caseFiles()[0];
  const input = `${JSON.stringify({ id: 1, mode: 'interview', case: JSON.parse(readFileSync(file, 'utf8')) })}\n`;
  for (const runner of ['native', 'wasm']) {
    const [cmd, args] = runner === 'native' ? [NATIVE, ['batch']] : [process.execPath, [NODE_RUNNER, 'batch']];
    const out = spawnSync(cmd, args, { input, encoding: 'utf8' }).stdout;
    assert.equal(out, `{"id":1,"ok":true,"result":${run(['interview', file], runner).stdout.slice(0, -1)}}\n`);
  }
});

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
