// Lighthouse accessibility 1 and best practices 1, and installability as Chromium itself judges it
// (CDP Page.getInstallabilityErrors returns none), on the site served as in production: nginx with
// the configuration of scripts/nginx (gzip, the caching rules, the security headers).
//
// No wall-time gate: Lighthouse's performance score depends on the machine's load, so it is
// measured by the benchmark (node scripts/bench.mjs), not asserted here. Accessibility and best
// practices do not vary from run to run, so one run decides.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, waitForServiceWorker, copySite, ROOT } from './helpers.mjs';
import { serveWithNginx } from '../../scripts/nginx/serve.mjs';
import { lighthouse, failingAudits } from '../../scripts/lighthouse.mjs';

let site;
let server;
before(async () => {
  site = copySite(); // a rebuild of build/wasm/site during the run changes nothing
  server = await serveWithNginx(site.dir);
});
after(() => {
  server?.stop();
  site?.remove();
});

test('lighthouse: accessibility 1, best practices 1 (behind nginx)', async () => {
  const report = await lighthouse(
    `${server.origin}/`,
    ['accessibility', 'best-practices'],
    path.join(ROOT, 'build/lighthouse/report'),
  );
  for (const category of ['accessibility', 'best-practices']) {
    assert.equal(report.categories[category].score, 1, `${category}: ${failingAudits(report, category).join(', ')}`);
  }
});

test('installable: no installability errors (behind nginx)', async () => {
  const browser = await launch();
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await waitForServiceWorker(page);
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
