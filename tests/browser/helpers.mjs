// Shared helpers of the browser tests: a static server on loopback, Debian's Chromium through
// playwright-core, and the page driven by roles and accessible names (shared/cases/UI.md).

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { CHROME, CHROME_FLAGS } from '../../scripts/chromium.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SITE = process.env.SYMCHECK_SITE ?? path.join(ROOT, 'build/wasm/site');
export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');
export { CHROME };
export const FLAGS = ['--headless', ...CHROME_FLAGS];
export const PHONE = { width: 360, height: 740 };
export const TABLET = { width: 1280, height: 800 };

export const REGIONS = JSON.parse(readFileSync(path.join(ROOT, 'data/ui/regions.json'), 'utf8')).regions;
export const EN = JSON.parse(readFileSync(path.join(ROOT, 'data/ui/en.json'), 'utf8'));
export const ES = JSON.parse(readFileSync(path.join(ROOT, 'data/ui/es.json'), 'utf8'));

// Static servers never outlive the test process, even when a test fails before its cleanup.
const servers = new Set();
process.once('exit', () => {
  for (const proc of servers) proc.kill();
});

/**
 * Serves `site` with python3 http.server on a random loopback port. The default site is served
 * from a private copy, so that a rebuild of build/wasm/site during the run changes nothing.
 */
export async function serve(site = SITE) {
  if (!existsSync(path.join(site, 'index.html'))) {
    throw new Error(`no site at ${site}: build it with cmake --preset wasm && cmake --build --preset wasm`);
  }
  if (site === SITE) {
    const copy = copySite();
    const server = await serve(copy.dir);
    return {
      ...server,
      site: SITE,
      stop: () => {
        server.stop();
        copy.remove();
      },
    };
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], {
      stdio: 'ignore',
    });
    servers.add(proc);
    proc.once('exit', () => servers.delete(proc));
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i += 1) {
      if (proc.exitCode !== null) break;
      try {
        const response = await fetch(`${origin}/`);
        if (response.ok) {
          return { origin, site, stop: () => proc.kill() };
        }
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    proc.kill();
  }
  throw new Error('the static server did not start');
}

/** A browser with a fresh profile (persistent context, so the service worker works as in life). */
export async function launch(options = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'symcheck-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME,
    headless: true,
    args: FLAGS,
    viewport: PHONE,
    acceptDownloads: true,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and page errors of a page (a clean console is required). */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function openApp(context, origin, { url = '/' } = {}) {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(origin + url);
  await waitReady(page);
  return { page, errors };
}

export async function waitReady(page) {
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor({ timeout: 20000 });
}

export function regionByName(name) {
  const region = REGIONS.find((r) => r.name === name);
  if (!region) throw new Error(`no region ${name}`);
  return region;
}

/** Fills the start screen. regions: names as in body-regions.json. */
export async function fillStart(page, { audience = 'Patient', age = 34, sex = 'Female', regions = [] } = {}) {
  await page.getByRole('radio', { name: audience, exact: true }).check();
  await page.getByRole('spinbutton', { name: 'Age', exact: true }).fill(String(age));
  await page.getByRole('radio', { name: sex, exact: true }).check();
  for (const name of regions) {
    const view = regionByName(name).view === 'front' ? 'Front' : 'Back';
    const viewButton = page.getByRole('button', { name: view, exact: true });
    if ((await viewButton.getAttribute('aria-pressed')) !== 'true') await viewButton.click();
    const control = page.getByRole('button', { name, exact: true });
    await control.click();
    if ((await control.getAttribute('aria-pressed')) !== 'true') throw new Error(`${name} did not mark`);
  }
}

export async function start(page, options) {
  await fillStart(page, options);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
}

export const result = (page, name = 'Result') => page.getByRole('region', { name, exact: true });
/** Every question group on the screen shown (a screen holds one to six). */
export const question = (page) => page.locator('fieldset[data-finding], [role="group"][data-finding]');
/** The question group of one finding. */
export const questionFor = (page, finding) =>
  page.locator(`fieldset[data-finding="${finding}"], [role="group"][data-finding="${finding}"]`);

/** The finding ids of the screen shown, in order. */
export async function screenFindings(page) {
  // The engine answers in a worker: wait until the screen it chose is on the page.
  await settled(page);
  await question(page).first().waitFor();
  return question(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-finding')));
}

/** Waits for a screen of questions or the Result; true when the Result shows. */
export async function waitScreenOrResult(page, resultName = 'Result') {
  const done = result(page, resultName);
  await Promise.race([question(page).first().waitFor({ timeout: 10000 }), done.waitFor({ timeout: 10000 })]);
  return done.isVisible();
}

/**
 * Answers one question by its finding id: label 'Yes' | 'No' | "Don't know" (or the Spanish ones).
 * A click, not check(): the answer that completes an emergency takes the question off the page.
 */
export async function answerQuestion(page, finding, label) {
  await questionFor(page, finding).getByRole('radio', { name: label, exact: true }).click();
  await settled(page);
}

/**
 * Waits until the page has the engine's answer to the last action: the engine runs in a worker,
 * and #app is aria-busy from the action (set in its click handler) until the screen it brings.
 */
export async function settled(page) {
  await page.locator('#app:not([aria-busy])').waitFor({ state: 'attached', timeout: 20000 });
}

/**
 * Answers the screen shown: choose(findingId, index) gives the label, or null to leave it blank
 * (blank counts as "don't know"), then presses Next. `answers` may instead map finding ids to labels
 * (unlisted items left blank). Stops early, returning {interrupted: true}, when an answer brings
 * the Result (an emergency interrupts at the answer that completes it).
 */
export async function answerScreen(
  page,
  choose = () => 'No',
  { nextName = 'Next', resultName = 'Result', index = 0 } = {},
) {
  const pick = typeof choose === 'function' ? choose : (finding) => choose[finding] ?? null;
  const findings = await screenFindings(page);
  const answered = [];
  for (const [i, finding] of findings.entries()) {
    const label = pick(finding, index + i);
    if (!label) continue;
    await answerQuestion(page, finding, label);
    answered.push([finding, label]);
    if (await result(page, resultName).isVisible()) return { findings, answered, interrupted: true };
  }
  await page.getByRole('button', { name: nextName, exact: true }).click();
  await settled(page);
  return { findings, answered, interrupted: false };
}

/**
 * Answers screens until the Result region shows. choose(findingId, i) returns 'Yes' | 'No' |
 * "Don't know" or null for blank (default: No to everything). Returns the finding ids asked, in
 * order (every item of every screen shown).
 */
export async function answerUntilResult(
  page,
  choose = () => 'No',
  { max = 40, onQuestion, onScreen, resultName = 'Result', nextName = 'Next' } = {},
) {
  const asked = [];
  for (let screen = 0; screen < max; screen += 1) {
    if (await waitScreenOrResult(page, resultName)) return asked;
    const findings = await screenFindings(page);
    if (onScreen) await onScreen(findings, screen);
    if (onQuestion) for (const [i, finding] of findings.entries()) await onQuestion(finding, asked.length + i);
    const { interrupted } = await answerScreen(page, choose, { nextName, resultName, index: asked.length });
    asked.push(...findings);
    if (interrupted) return asked;
  }
  throw new Error(`no result after ${max} screens: ${asked.join(', ')}`);
}

/** Ranked condition ids in the Result region, in document order. */
export async function rankedConditions(page) {
  return result(page)
    .locator('[data-condition]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-condition')));
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A temporary copy of the site; mutate(dir) may change files. Returns {dir, remove}. */
export function copySite(mutate, site = SITE) {
  const dir = mkdtempSync(path.join(tmpdir(), 'symcheck-site-'));
  cpSync(site, dir, { recursive: true });
  mutate?.(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
}

/** The service worker is active and controls the page. */
export async function waitForServiceWorker(page, timeout = 20000) {
  // A synchronous predicate: waitForFunction polls it (a promise would count as truthy at once).
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Opens every closed details element in `scope` (default: the page) and waits for what opening
 * builds: the result's condition pages are made when first opened.
 */
export async function openAllDetails(page, scope = page) {
  await scope.locator('details:not([open]) > summary').evaluateAll((els) => els.forEach((el) => el.click()));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('details.about')].every((d) => !d.open || d.querySelector('.condition-page')),
  );
}

/** Axe on the page as it is, with every details element opened so that hidden content is checked too. */
export async function assertNoAxeViolations(page, label) {
  await openAllDetails(page);
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

/** A UI string with its {placeholders} filled, as the page's t() fills them. */
export function fillText(text, params) {
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** The ages a person may enter, as the build wrote them from the knowledge base into kb/manifest.json. */
export function kbAges(site = SITE) {
  return JSON.parse(readFileSync(path.join(site, 'kb/manifest.json'), 'utf8')).ages;
}
