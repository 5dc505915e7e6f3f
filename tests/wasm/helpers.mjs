// Shared by the Node tests of the WebAssembly build: paths, the module, the knowledge base.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine, loadToolsEngine } from '../../scripts/symcheck.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NATIVE = process.env.SYMCHECK_NATIVE || path.join(ROOT, 'build/native/engine/symcheck');
export const NODE_RUNNER = path.join(ROOT, 'scripts/symcheck.mjs');
export const CASES_DIR = path.join(ROOT, 'tests/cases/dev');
export const KB_DIR = path.join(ROOT, 'data/kb');

export function caseFiles(dir = CASES_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function knowledgeBaseDocuments(dir = KB_DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `kb/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** The page's module (assess, next) with the project's knowledge base loaded. */
export async function loadedEngine() {
  const { Module, engine } = await loadEngine();
  const load = engine.load(JSON.stringify(knowledgeBaseDocuments()));
  if (!load.ok) throw new Error(load.error);
  return { Module, engine };
}

/** The Node runner's module (also interview, batch) with the project's knowledge base loaded. */
export async function loadedToolsEngine() {
  const { Module, engine } = await loadToolsEngine();
  const load = engine.load(JSON.stringify(knowledgeBaseDocuments()));
  if (!load.ok) throw new Error(load.error);
  return { Module, engine };
}
