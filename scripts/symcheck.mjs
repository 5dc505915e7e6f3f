#!/usr/bin/env node
// symcheck under Node.js: the WebAssembly build of the engine behind the same command line as the
// native binary (FORMAT.md). Its output is byte-identical to the native build's; a bad input gets
// exit status 2 and one line on stderr, like the native build.
//
//   node scripts/symcheck.mjs assess CASE.json [--kb PATH] [--audience patient|clinician]
//   node scripts/symcheck.mjs interview CASE.json [--max-screens N]   (--max-questions N: the same)
//   node scripts/symcheck.mjs next STATE.json
//   node scripts/symcheck.mjs batch [--kb PATH] [--audience A] [--max-screens N] < LINES.jsonl
//
// batch answers each JSON line of stdin ({"id", "mode": assess|interview|next, "case", "options"})
// with one JSON line, through the engine's own batch call, exactly as the native `symcheck batch`.
//
// The module is the Node runner's own (build/wasm/tools, or $SYMCHECK_TOOLS_MODULE): the page's
// module binds only the page's calls (assess, next), this one also whole interviews and batch,
// from the same objects. Build both with `cmake --workflow --preset wasm`.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine } from '../web/js/engine-module.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: symcheck.mjs assess|interview|next CASE.json [--kb PATH] [--audience A] [--max-screens N] [--no-damping]\n' +
  '       symcheck.mjs batch [--kb PATH] [--audience A] [--max-screens N] < JSON lines';

function fail(message) {
  process.stderr.write(`symcheck: ${message}\n`);
  process.exit(2);
}

function parseArguments(argv) {
  const [command, ...rest] = argv;
  if (!['assess', 'interview', 'next', 'batch'].includes(command))
    fail(command ? `unknown command "${command}"` : 'missing command');
  const args = { command, input: null, kb: process.env.SYMCHECK_KB || path.join(root, 'data', 'kb'), options: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      if (i + 1 >= rest.length) fail(`${arg} needs a value`);
      return rest[++i];
    };
    if (arg === '--kb') args.kb = value();
    else if (arg === '--audience') args.options.audience = value();
    else if (arg === '--max-screens' || arg === '--max-questions') {
      const v = value();
      if (!/^-?\d+$/.test(v)) fail(`${arg} needs a whole number, not "${v}"`);
      args.options.max_screens = Number(v);
    } else if (arg === '--no-damping') args.options.damping = false;
    else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (args.input === null) args.input = arg;
    else fail(`unexpected argument "${arg}"`);
  }
  if (args.input === null && command !== 'batch') fail(`${command} needs a case file\n${USAGE}`);
  return args;
}

async function readText(file) {
  try {
    if ((await stat(file)).isDirectory()) fail(`${file}: is a directory, not a file`);
    return await readFile(file, 'utf8');
  } catch (e) {
    fail(`${file}: cannot read (${e.code ?? e.message})`);
  }
}

// The same files, in the same order, as the native CLI reads (cli/kb_files.cc).
async function readKnowledgeBase(kbPath) {
  let files = [kbPath];
  try {
    if ((await stat(kbPath)).isDirectory()) {
      files = (await readdir(kbPath))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(kbPath, f));
      if (files.length === 0) fail(`${kbPath}: no .json files in this folder`);
    }
  } catch (e) {
    fail(`${kbPath}: cannot read (${e.code ?? e.message})`);
  }
  return Promise.all(files.map(async (name) => ({ name, text: await readText(name) })));
}

// One of the build's modules, instantiated under Node. Emscripten 3.1.6 would fetch() a file:// URL
// under Node 20 and fail: it is handed the bytes.
async function instantiate(dir, base) {
  const { default: create } = await import(pathToFileURL(path.join(dir, `${base}.mjs`)).href);
  return create({ wasmBinary: await readFile(path.join(dir, `${base}.wasm`)) });
}

/// The page's module (load, assess, next), as the site serves it.
export async function loadEngine(site = process.env.SYMCHECK_SITE || path.join(root, 'build', 'wasm', 'site')) {
  const Module = await instantiate(site, 'symcheck');
  return { Module, engine: createEngine(Module) };
}

/// The Node runner's module (never part of the site): the page's calls plus whole interviews and the
/// batch mode, from the same objects as the page's module.
export async function loadToolsEngine(
  dir = process.env.SYMCHECK_TOOLS_MODULE || path.join(root, 'build', 'wasm', 'tools'),
) {
  const Module = await instantiate(dir, 'symcheck-tools');
  return { Module, engine: createEngine(Module) };
}

/// The benchmark's own module (never part of the site): the posterior from finding indices.
export async function loadBenchModule(
  dir = process.env.SYMCHECK_BENCH_MODULE || path.join(root, 'build', 'wasm', 'bench'),
) {
  const Module = await instantiate(dir, 'symcheck-bench');
  return { Module, posterior: new Module.PosteriorBench() };
}

// stdin split as the native build splits it (on "\n", a final "\r" dropped, a last line without
// a newline still answered), each line answered by the engine's batch call as soon as it is read.
async function batch(engine, options) {
  const out = [];
  const flush = () => {
    if (out.length === 0) return true;
    const ok = process.stdout.write(out.join(''));
    out.length = 0;
    return ok;
  };
  const answer = (line) => {
    out.push(engine.batch(line.endsWith('\r') ? line.slice(0, -1) : line, options).json, '\n');
  };
  let rest = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    lines.forEach(answer);
    if (!flush()) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  if (rest !== '') answer(rest);
  flush();
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  const documents = await readKnowledgeBase(args.kb);
  let loaded;
  try {
    loaded = await loadToolsEngine();
  } catch (e) {
    fail(`cannot load the WebAssembly module: ${e.message} (build it with: cmake --workflow --preset wasm)`);
  }
  const { engine } = loaded;
  const load = engine.load(JSON.stringify(documents));
  if (!load.ok) fail(load.error);
  const options = JSON.stringify(args.options);
  if (args.command === 'batch') {
    await batch(engine, options);
    return;
  }
  const text = await readText(args.input);
  const response =
    args.command === 'assess'
      ? engine.assess(text, options)
      : args.command === 'interview'
        ? engine.interview(text, options)
        : engine.next(text, options);
  if (!response.ok) fail(`${args.input}: ${response.error}`);
  process.stdout.write(response.json);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
