// The page behind the production nginx configuration (scripts/nginx): the security headers, the
// content types and caching rules, and a full interview, offline reload included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  openApp,
  start,
  answerUntilResult,
  result,
  rankedConditions,
  waitForServiceWorker,
  copySite,
} from './helpers.mjs';
import { serveWithNginx } from '../../scripts/nginx/serve.mjs';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

let stopNginx;
let origin;
let site;

before(async () => {
  site = copySite(); // other tests rebuild or poison copies; this one serves its own
  ({ origin, stop: stopNginx } = await serveWithNginx(site.dir));
});

after(() => {
  stopNginx?.();
  site?.remove();
});

test('every response carries the security headers', async () => {
  for (const file of ['/', '/index.html', '/sw.js', '/symcheck.wasm', '/symcheck.mjs', '/kb/findings.json', '/nope']) {
    const response = await fetch(origin + file);
    const h = response.headers;
    assert.equal(h.get('content-security-policy'), CSP, file);
    assert.equal(h.get('referrer-policy'), 'no-referrer', file);
    assert.equal(h.get('x-content-type-options'), 'nosniff', file);
    assert.equal(h.get('x-frame-options'), 'DENY', file);
    assert.match(h.get('permissions-policy'), /camera=\(\)/, file);
    assert.equal(h.get('server'), 'nginx', `${file}: no version in the Server header`);
  }
});

test('content types, compression and caching keep the service worker update safe', async () => {
  const types = {
    '/': 'text/html',
    '/symcheck.wasm': 'application/wasm',
    '/symcheck.mjs': 'text/javascript',
    '/sw.js': 'text/javascript',
    '/kb/rules.json': 'application/json',
    '/manifest.webmanifest': 'application/manifest+json',
  };
  for (const [file, type] of Object.entries(types)) {
    const response = await fetch(origin + file, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.status, 200, file);
    assert.equal(response.headers.get('content-type'), type, file);
  }
  const sw = await fetch(`${origin}/sw.js`);
  assert.match(sw.headers.get('cache-control'), /no-store/, 'the worker script is never stored');
  for (const file of ['/', '/symcheck.wasm', '/kb/conditions.json']) {
    const response = await fetch(origin + file);
    assert.equal(response.headers.get('cache-control'), 'no-cache', `${file} is revalidated`);
    assert.ok(response.headers.get('etag'), `${file} has an ETag for cheap revalidation`);
  }
  // Node's fetch decompresses; ask with a raw request to see the encoding.
  const { request } = await import('node:http');
  const encoding = await new Promise((resolve, reject) => {
    request(`${origin}/symcheck.wasm`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      res.resume();
      resolve(res.headers['content-encoding']);
    })
      .on('error', reject)
      .end();
  });
  assert.equal(encoding, 'gzip', 'the module is sent compressed');
});

test('a full interview behind nginx, then offline', async () => {
  const browser = await launch();
  try {
    const requests = [];
    browser.context.on('request', (r) => requests.push(r.url()));
    const { page, errors } = await openApp(browser.context, origin);
    await start(page, { age: 45, sex: 'Male', regions: ['Left buttock', 'Back of left thigh'] });
    await answerUntilResult(page, () => 'No');
    const triage = await result(page).getAttribute('data-triage');
    assert.ok(['self_care', 'routine', 'urgent', 'emergency'].includes(triage));
    assert.ok((await rankedConditions(page)).length >= 3);
    await waitForServiceWorker(page);
    await browser.context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    await start(page, { age: 30, sex: 'Female', regions: ['Right buttock'] });
    await answerUntilResult(page, () => "Don't know");
    assert.ok(await result(page).isVisible());
    assert.deepEqual(errors, [], 'no console error, no CSP violation');
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(origin)),
      [],
      'nothing leaves the origin',
    );
  } finally {
    await browser.close();
  }
});
