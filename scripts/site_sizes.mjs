#!/usr/bin/env node
// Gzipped sizes of the built site and its three download budgets, shared by the benchmark
// (scripts/bench.mjs) and the test script, which fails when a budget is exceeded: sizes are
// deterministic, so unlike timings they can gate a change. The benchmark's own module
// (build/wasm/bench) is reported beside them and must never be in the site.
//
//   node scripts/site_sizes.mjs [--check] [--first-screen] [SITE_DIR]   (default build/wasm/site)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlib } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Budgets restated for growth (issue #15), all gated by --check (scripts/test.sh). "Everything the
// first screen needs" is the files the page fetches before the start screen is usable: the start
// screen renders from the UI strings, the regions and the settings, and the engine (the module and
// the knowledge base, in a Web Worker) loads after it. firstScreenFiles() derives that list from
// the site; tests/browser/first-screen.test.mjs measures it in Chromium (every request made before
// the start form is usable, with the engine held back) and fails when the two differ.
export const SIZE_BUDGETS = {
  module_gzip: { limit: 100 * 1024, gated: true, name: '.wasm plus loader at most 100 KB gzipped' },
  first_screen_gzip: {
    limit: 150 * 1024,
    gated: true,
    name: 'everything the first screen needs at most 150 KB gzipped',
  },
  total_gzip: { limit: 350 * 1024, gated: true, name: 'everything precached for offline at most 350 KB gzipped' },
};

// What boot() in web/js/main.js fetches before it renders the start screen, besides the UI string
// catalogs (one per language of ui/settings.json): the knowledge base's manifest gives the ages.
const FIRST_SCREEN_DATA = ['ui/settings.json', 'ui/regions.json', 'kb/manifest.json'];

/// The files of the site the page fetches before its start screen is usable, sorted: index.html,
/// what index.html links (stylesheets, icons, preloaded modules, the page script, images), the
/// static import graph of those scripts, the settings, the regions and the string catalogs.
export function firstScreenFiles(site) {
  const out = new Set(['index.html']);
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  const scripts = [];
  for (const tag of html.match(/<(link|script|img)\b[^>]*>/g) ?? []) {
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? '';
    const url = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    // Chromium does not fetch the apple-touch-icon (it does fetch the manifest).
    if (rel === 'apple-touch-icon') continue;
    out.add(url);
    if (tag.startsWith('<script') || rel === 'modulepreload') scripts.push(url);
  }
  for (let i = 0; i < scripts.length; i += 1) {
    const source = readFileSync(path.join(site, scripts[i]), 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\b[^'"`]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'/gm)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(scripts[i]), m[1] ?? m[2]));
      if (!out.has(target)) {
        out.add(target);
        scripts.push(target);
      } else if (!scripts.includes(target)) {
        scripts.push(target);
      }
    }
  }
  const settings = JSON.parse(readFileSync(path.join(site, 'ui/settings.json'), 'utf8'));
  for (const f of FIRST_SCREEN_DATA) out.add(f);
  for (const lang of settings.languages ?? ['en', 'es']) out.add(`ui/${lang}.json`);
  return [...out].sort();
}

/// Every file of the site with its raw and gzipped (level 9) size, the module (wasm + loader), what
/// the first screen needs and everything precached (the service worker precaches every file).
export function siteSizes(site) {
  const files = {};
  (function walk(dir) {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) {
        walk(full);
      } else {
        const gzip = gzipSync(readFileSync(full), { level: zlib.Z_BEST_COMPRESSION }).length;
        files[path.relative(site, full).split(path.sep).join('/')] = { raw: stat.size, gzip };
      }
    }
  })(site);
  const total = Object.values(files).reduce((sum, f) => sum + f.gzip, 0);
  const firstScreen = firstScreenFiles(site);
  const missing = firstScreen.filter((name) => !files[name]);
  if (missing.length) throw new Error(`the first screen names files the site does not hold: ${missing.join(', ')}`);
  return {
    files,
    module_gzip: files['symcheck.wasm'].gzip + files['symcheck.mjs'].gzip,
    first_screen_files: firstScreen,
    first_screen_gzip: firstScreen.reduce((sum, name) => sum + files[name].gzip, 0),
    total_gzip: total,
  };
}

/// [{name, ok, gated, detail}] for the size budgets, and that the site holds no benchmark module.
export function sizeBudgets(sizes) {
  const benchFiles = Object.keys(sizes.files).filter((f) => path.basename(f).startsWith('symcheck-bench.'));
  return [
    ...Object.entries(SIZE_BUDGETS).map(([key, { limit, gated, name }]) => ({
      name,
      ok: sizes[key] <= limit,
      gated,
      detail: `${(sizes[key] / 1024).toFixed(1)} KB`,
    })),
    {
      name: 'the site carries no benchmark module',
      ok: benchFiles.length === 0,
      gated: true,
      detail: benchFiles.join(', ') || 'none',
    },
  ];
}

/// The benchmark's own module (scripts/bench.mjs; never shipped): gzipped .wasm plus loader, or
/// null when it is not built.
export function benchModuleSize(dir = path.join(ROOT, 'build/wasm/bench')) {
  const files = ['symcheck-bench.wasm', 'symcheck-bench.mjs'].map((f) => path.join(dir, f));
  if (!files.every((f) => existsSync(f))) return null;
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: zlib.Z_BEST_COMPRESSION }).length, 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const site = args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'build/wasm/site');
  const sizes = siteSizes(site);
  const results = sizeBudgets(sizes);
  if (args.includes('--first-screen'))
    console.log(
      sizes.first_screen_files.map((f) => `        ${f} ${(sizes.files[f].gzip / 1024).toFixed(1)} KB`).join('\n'),
    );
  for (const b of results) console.log(`${b.ok ? 'met    ' : 'MISSED '} ${b.name}: ${b.detail}`);
  const bench = benchModuleSize();
  if (bench !== null)
    console.log(
      `        the benchmark's own module (build/wasm/bench, not shipped): ${(bench / 1024).toFixed(1)} KB gzipped`,
    );
  if (args.includes('--check') && results.some((b) => b.gated && !b.ok)) process.exit(1);
}
