// Static checks of the site: the strict CSP, no inline script or style, no HTML built from strings,
// the service worker's one asset list equal to the files of the site, and the web app manifest.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SITE } from './helpers.mjs';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

test('index.html: strict CSP, no inline script or style, an icon, a manifest', () => {
  const html = readFileSync(path.join(ROOT, 'web/index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(csp, 'CSP meta');
  assert.equal(csp[1], CSP);
  assert.ok(!html.includes('unsafe-inline'));
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script');
  assert.ok(!/<style/.test(html), 'no style element');
  assert.ok(!/\sstyle=/.test(html), 'no style attribute');
  assert.ok(!/\son[a-z]+=/.test(html), 'no inline handler');
  assert.match(html, /<link rel="icon" href="icons\/icon.svg"/);
  assert.match(html, /<link rel="manifest" href="manifest.webmanifest">/);
  assert.ok(!/https?:\/\//.test(html.replace(/http-equiv/g, '')), 'no absolute URL (nothing off the origin)');
});

test('scripts never build HTML from strings, never store answers, never call the network off-origin', () => {
  for (const file of files(path.join(ROOT, 'web/js'))) {
    const source = readFileSync(path.join(ROOT, 'web/js', file), 'utf8');
    for (const banned of [
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'document.write',
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'document.cookie',
      'history.replaceState',
      'eval(',
      'new Function',
      'sendBeacon',
    ]) {
      assert.ok(!source.includes(banned), `${file} uses ${banned}`);
    }
    // The browser's Back moves back a screen: one module adds a history entry, whose state is a
    // constant marker (no answers, no URL change).
    const pushes = [...source.matchAll(/pushState\(([^)]*)\)/g)].map((m) => m[1]);
    if (file === 'nav-history.js')
      assert.deepEqual(
        [...new Set(pushes)],
        ["MARKER, ''"],
        `${file}: pushState only of the constant marker, without a URL`,
      );
    else assert.deepEqual(pushes, [], `${file} adds history entries`);
    // Absolute URIs only as identifiers, never fetched: the SVG namespace and FHIR code systems.
    const uris = [...source.matchAll(/https?:\/\/[^'"`\s]+/g)]
      .map((m) => m[0])
      .filter(
        (uri) =>
          uri !== 'http://www.w3.org/2000/svg' &&
          !uri.startsWith('http://terminology.hl7.org/') &&
          !uri.startsWith('http://hl7.org/fhir/'),
      );
    assert.deepEqual(uris, [], `${file} names absolute URLs`);
    for (const m of source.matchAll(/fetch\(([^)]*)\)/g)) assert.ok(!/^['"`]?\w+:/.test(m[1]), `${file}: ${m[0]}`);
    assert.ok(!/setAttribute\('style'/.test(source), `${file} sets a style attribute`);
  }
});

test('the service worker precaches every file of the site, from one list the build writes, in a versioned cache', () => {
  const source = readFileSync(path.join(ROOT, 'web/sw.js'), 'utf8');
  assert.match(source, /const ASSETS = \[\];/, 'web/sw.js holds no hand-written list');
  const sw = readFileSync(path.join(SITE, 'sw.js'), 'utf8');
  assert.match(sw, /const VERSION = '[0-9a-f]{16}';/, 'the build stamps the version');
  assert.match(sw, /const CACHE = `symcheck-\$\{VERSION\}`;/);
  const list = /const ASSETS = \[([\s\S]*?)\];/.exec(sw)[1];
  const assets = [...list.matchAll(/'\.\/([^']*)'/g)]
    .map((m) => m[1])
    .filter(Boolean)
    .sort();
  const site = files(SITE)
    .filter((f) => f !== 'sw.js')
    .sort();
  assert.deepEqual(assets, site, 'ASSETS lists exactly the files of the built site');
  assert.equal(sw.match(/const ASSETS/g).length, 1);
});

test('the knowledge-base manifest names every kb file with its content hash', () => {
  const manifest = JSON.parse(readFileSync(path.join(SITE, 'kb/manifest.json'), 'utf8'));
  const kb = readdirSync(path.join(SITE, 'kb'))
    .filter((f) => f !== 'manifest.json')
    .sort();
  assert.deepEqual(
    manifest.files.map((f) => f.name),
    kb,
  );
  for (const { name, sha256 } of manifest.files) {
    assert.equal(
      sha256,
      createHash('sha256')
        .update(readFileSync(path.join(SITE, 'kb', name)))
        .digest('hex'),
      name,
    );
  }
  // The ages a person may enter: the knowledge base's age bands, first min to last max.
  const bands = JSON.parse(readFileSync(path.join(ROOT, 'data/kb/rules.json'), 'utf8')).model.age_bands;
  assert.deepEqual(manifest.ages, { min: bands[0].min, max: bands.at(-1).max });
  // The page lists no knowledge-base file of its own: it reads the manifest.
  assert.ok(!/findings\.json|conditions\.json/.test(readFileSync(path.join(ROOT, 'web/js/kb.js'), 'utf8')));
});

test('the web app manifest makes the page installable', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'web/manifest.webmanifest'), 'utf8'));
  assert.ok(manifest.name && manifest.short_name);
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size);
    assert.ok(icon, size);
    assert.ok((icon.purpose ?? 'any').split(' ').includes('any'));
    const png = readFileSync(path.join(ROOT, 'web', icon.src));
    assert.equal(png.readUInt32BE(16), Number(size.split('x')[0]), `${icon.src} is ${size}`);
  }
});
