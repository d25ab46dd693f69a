// End-to-end tests of the tiering tool: the demo's diagnostics, rule edits that recalculate at
// once (and undo), score mode, and the migration matrix.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, screenshot, withApp } from './helpers.mjs';
import { assertChartText } from './readable.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

async function withTiering(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/tiering', consoleClean: true }, async (page) => {
    await page.getByTestId('distribution-table').waitFor();
    await fn(page);
  });
}

async function counts(page) {
  const out = {};
  for (const row of await page.locator('[data-testid=distribution-table] tbody tr').all()) {
    out[await row.getAttribute('data-tier')] = Number((await row.locator('td').first().textContent()).replace(/,/g, ''));
  }
  return out;
}

test('the demo diagnostics name the two faults of the source, with their numbers', { timeout: TEST_TIMEOUT }, async () => {
  await withTiering('tiering-diagnostics', 'zh-CN', async (page) => {
    const items = page.locator('[data-testid=diagnostics] li');
    assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.kind)), ['tiers_not_distinct', 'top_too_thin']);
    const [distinct, thin] = await items.allTextContents();
    assert.match(distinct, /^普通客户与一般客户区别不大：年采购额中位数 21\.6万 对 16万，只差 ×1\.35/);
    assert.match(distinct, /建议合并/);
    assert.match(thin, /^战略客户和价值客户合计只占客户数的 6%，低于目标 15%/);
    assert.deepEqual(await counts(page), { strategic: 5, value: 10, potential: 75, ordinary: 90, general: 70 });
    await screenshot(page, 'tiering-zh');
    // The pyramid's tier names and figures render at 11 px or more from 1024 to 1440 px.
    await assertChartText(page, 'svg.pyramid');
  });
});

test('in English the diagnostics speak English', { timeout: TEST_TIMEOUT }, async () => {
  await withTiering('tiering-en', 'en-US', async (page) => {
    const text = (await page.getByTestId('diagnostics').textContent()) ?? '';
    assert.match(text, /Ordinary and General are hardly different/);
    assert.match(text, /Strategic and Value together are only 6% of customers, below their target of 15%/);
    await assertChartText(page, 'svg.pyramid');
    await screenshot(page, 'tiering-en');
  });
});

test('editing a rule recalculates at once, and undo restores it', { timeout: TEST_TIMEOUT }, async () => {
  await withTiering('tiering-edit', 'zh-CN', async (page) => {
    const value = page.getByTestId('cond-value-0-0');
    assert.equal(await value.inputValue(), '1000万');
    await value.fill('500万');
    await value.press('Enter');
    await value.blur();
    await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid=distribution-table] tr[data-tier=strategic] td');
      return row && Number(row.textContent) > 5;
    });
    const after = await counts(page);
    assert.ok(after.strategic > 5, `strategic grew: ${after.strategic}`);
    assert.equal(Object.values(after).reduce((a, b) => a + b, 0), 250, 'every customer still has exactly one tier');
    // The overview shows the same structure.
    await page.getByTestId('undo').click();
    assert.deepEqual(await counts(page), { strategic: 5, value: 10, potential: 75, ordinary: 90, general: 70 });
    assert.equal(await page.getByTestId('cond-value-0-0').inputValue(), '1000万');
  });
});

test('merging ordinary into general removes the not-distinct diagnostic', { timeout: TEST_TIMEOUT }, async () => {
  await withTiering('tiering-merge', 'zh-CN', async (page) => {
    await page.getByTestId('tier-remove-3').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=distribution-table] tbody tr').length === 4);
    const c = await counts(page);
    assert.equal(c.general, 160, 'ordinary customers fall through to general');
    const kinds = await page.locator('[data-testid=diagnostics] li').evaluateAll((els) => els.map((e) => e.dataset.kind));
    assert.deepEqual(kinds, ['top_too_thin']);
  });
});

test('score mode tiers by weighted score; the weights add up to 100 %', { timeout: TEST_TIMEOUT }, async () => {
  await withTiering('tiering-score', 'en-US', async (page) => {
    await page.getByTestId('tiering-mode').selectOption('score');
    await page.getByTestId('weight-total').waitFor();
    assert.equal(await page.getByTestId('weight-total').textContent(), 'Weights add up to 100%');
    const c = await counts(page);
    assert.equal(Object.values(c).reduce((a, b) => a + b, 0), 250);
    await page.getByTestId('dimension-weight-0').fill('50');
    await page.getByTestId('dimension-weight-0').press('Enter');
    await page.getByTestId('score-problems').waitFor();
    assert.match(await page.getByTestId('score-problems').textContent(), /Weights add up to 110%, not 100%/);
    await screenshot(page, 'tiering-score');
  });
});

test('the migration matrix accounts for every customer', { timeout: TEST_TIMEOUT }, async () => {
  await withTiering('tiering-migration', 'zh-CN', async (page) => {
    const cells = await page.locator('[data-testid=migration-matrix] tbody td').allTextContents();
    assert.equal(cells.length, 25);
    assert.equal(cells.reduce((a, t) => a + Number(t.replace(/,/g, '')), 0), 250);
    assert.match(await page.getByTestId('upgraded').textContent(), /升级 \d+ 家/);
  });
});
