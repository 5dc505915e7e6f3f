// The render error boundary: a screen whose renderer throws is replaced by a minimal screen that
// always shows the emergency numbers (ui/settings.json), the emergency help text and a reload
// button. The throwing renderer is injected into a copy of the site.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { serve, launch, openApp, start, copySite, readJson, EN, PHONE, ROOT } from './helpers.mjs';

const SETTINGS = readJson(path.join(ROOT, 'data/ui/settings.json'));

function throwIn(file, declaration) {
  return (dir) => {
    const full = path.join(dir, file);
    const source = readFileSync(full, 'utf8');
    assert.ok(source.includes(declaration), `${file} declares ${declaration}`);
    writeFileSync(full, source.replace(declaration, `${declaration}\nthrow new Error('test: this renderer throws');`));
  };
}

test('a renderer that throws leaves the emergency numbers, the emergency help and a reload button', async () => {
  const site = copySite(throwIn('js/ui/question-screen.js', 'export function renderQuestionScreen(ctx) {'));
  const server = await serve(site.dir);
  const browser = await launch({ viewport: PHONE });
  try {
    const { page, errors } = await openApp(browser.context, server.origin);
    await start(page, { age: 40, sex: 'Female', regions: ['Left buttock'] });
    const failed = page.locator('[data-render-error]');
    await failed.waitFor({ timeout: 20000 });
    assert.ok(await failed.getByText(EN['fallback.help_emergency']).isVisible(), 'the emergency help shows');
    for (const number of SETTINGS.emergency_numbers.choices) {
      assert.ok(await failed.getByRole('link', { name: number, exact: true }).isVisible(), `${number} shows`);
    }
    assert.equal(await page.getByRole('heading', { name: EN['error.title'] }).count(), 1);
    await page.getByRole('button', { name: EN['error.reload'], exact: true }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor({ timeout: 20000 });
    assert.deepEqual(errors, [], 'the failure is caught (no page error)');
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
});

test('a start screen that throws still leaves the emergency numbers', async () => {
  const site = copySite(throwIn('js/ui/start-screen.js', 'export function renderStartScreen(ctx) {'));
  const server = await serve(site.dir);
  const browser = await launch({ viewport: PHONE });
  try {
    const page = browser.context.pages()[0];
    await page.goto(server.origin);
    const failed = page.locator('[data-render-error]');
    await failed.waitFor({ timeout: 20000 });
    assert.ok(await failed.getByText(EN['fallback.help_emergency']).isVisible());
    for (const number of SETTINGS.emergency_numbers.choices) {
      assert.ok(await failed.getByRole('link', { name: number, exact: true }).isVisible(), `${number} shows`);
    }
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
});
