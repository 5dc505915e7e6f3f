// Layout: on a 360 px phone and a 1280 x 800 tablet, portrait and landscape, no screen scrolls
// sideways, every target is at least 44 x 44 px, and text is readable without zoom.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serve,
  launch,
  openApp,
  start,
  question,
  answerUntilResult,
  screenshot,
  result,
  openAllDetails,
} from './helpers.mjs';

const VIEWPORTS = {
  'phone-portrait': { width: 360, height: 740 },
  'phone-landscape': { width: 740, height: 360 },
  'tablet-landscape': { width: 1280, height: 800 },
  'tablet-portrait': { width: 800, height: 1280 },
};

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

async function checkScreen(page, label) {
  const report = await page.evaluate(() => {
    const doc = document.documentElement;
    const targets = [...document.querySelectorAll('button, [role="button"], a[href], input, select, summary')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40) || el.tagName,
          w: r.width,
          h: r.height,
        };
      })
      .filter((t) => t.w < 44 || t.h < 44);
    const fontSize = parseFloat(getComputedStyle(document.body).fontSize);
    const small = [...document.querySelectorAll('p, li, label, legend, button, summary, td')]
      .filter((el) => el.getClientRects().length > 0 && el.textContent.trim())
      .map((el) => parseFloat(getComputedStyle(el).fontSize))
      .filter((size) => size < 14);
    return { overflow: doc.scrollWidth - doc.clientWidth, small: targets, fontSize, tinyText: small.length };
  });
  assert.ok(report.overflow <= 0, `${label}: scrolls sideways by ${report.overflow}px`);
  assert.deepEqual(report.small, [], `${label}: targets under 44 px`);
  assert.ok(report.fontSize >= 16, `${label}: body text ${report.fontSize}px`);
  assert.equal(report.tinyText, 0, `${label}: text under 14 px`);
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`layout ${name}`, async () => {
    const browser = await launch({ viewport });
    try {
      const { page, errors } = await openApp(browser.context, server.origin);
      const meta = await page.locator('meta[name="viewport"]').getAttribute('content');
      assert.ok(!/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/.test(meta), 'zoom is not blocked');
      await checkScreen(page, `${name} start back`);
      await page.getByRole('button', { name: 'Front', exact: true }).click();
      await checkScreen(page, `${name} start front`);
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await page.locator('details.settings > summary').click();
      await checkScreen(page, `${name} start settings`);
      await start(page, { age: 66, sex: 'Female', regions: ['Left buttock', 'Left outer hip'] });
      await question(page).first().waitFor();
      await checkScreen(page, `${name} question`);
      await page.getByRole('button', { name: 'Add something else', exact: true }).click();
      await page.getByRole('searchbox', { name: 'Search symptoms', exact: true }).fill('sitting');
      await page.locator('[data-finding-option]').first().click();
      await checkScreen(page, `${name} question with search`);
      await answerUntilResult(page, () => 'No');
      await openAllDetails(page, result(page));
      await checkScreen(page, `${name} result`);
      if (name === 'phone-landscape' || name === 'tablet-portrait') await screenshot(page, `${name}-result`);
      await page.getByRole('button', { name: 'Conditions library', exact: true }).click();
      await openAllDetails(page);
      await checkScreen(page, `${name} library`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}
