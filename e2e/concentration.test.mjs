// End-to-end test of the concentration view on the demo: the figures, the 80 % mark, the
// metric switch and the table view of the curves.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, newPage, waitForApp, screenshot } from './helpers.mjs';

const suite = appSuite();

test('concentration figures of the demo, by revenue and by annual purchase', { timeout: 90_000 }, async () => {
  const s = await newPage(suite.browser, { locale: 'zh-CN' });
  const { page } = s;
  try {
    await page.goto(`${suite.server.url}#/concentration`);
    await waitForApp(page);
    const figure = (id) => page.locator(`[data-testid=conc-figures] tr[data-figure=${id}] td`).first().textContent();
    const tops = await page.locator('[data-testid=conc-figures] tr[data-figure=top] td').allTextContents();
    const shares = tops.map((t) => Number(t.replace('%', '')));
    assert.equal(shares.length, 3);
    assert.ok(shares[0] <= shares[1] && shares[1] <= shares[2], `monotone: ${shares}`);
    assert.ok(shares[2] >= 60 && shares[2] <= 80, `top 20 % holds ${shares[2]} %`);
    assert.match(await figure('pareto-80'), /^\d+ 家（占客户数 \d+(\.\d)?%）$/);
    const gini = Number(await figure('gini'));
    assert.ok(gini > 0.5 && gini < 0.9, `gini ${gini}`);
    assert.equal(await page.locator('[data-testid=conc-curve-table] tbody tr').count(), 10);
    assert.equal(await page.locator('[data-testid=pareto-chart] path').count(), 1);
    await screenshot(page, 'concentration-zh');
    assert.match(await page.locator('.concentration .muted').first().textContent(), /合计 3\.15亿/);
    await page.getByTestId('conc-metric').selectOption('annual_purchase');
    await page.locator('.concentration .muted').first().filter({ hasText: '合计 3.44亿' }).waitFor();
    assert.deepEqual(s.pageErrors, []);
  } catch (err) {
    await screenshot(page, 'failed-concentration').catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
});
