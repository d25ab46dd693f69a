// End-to-end test of the concentration view on the demo: the figures, the 80 % mark, the
// metric switch and the table view of the curves.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, newPage, waitForApp, screenshot } from './helpers.mjs';
import { assertChartText, assertTermTip } from './readable.mjs';

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

/** How many sampled points of the Pareto curve fall inside the 80 % caption's box, and the caption. */
async function captionOnCurve(page) {
  return page.getByTestId('pareto-chart').evaluate((svg) => {
    const label = svg.querySelector('[data-testid=curve-mark-label]');
    const b = label.getBBox();
    const path = svg.querySelector('path.curve-line');
    const len = path.getTotalLength();
    let hits = 0;
    for (let i = 0; i <= 500; i += 1) {
      const p = path.getPointAtLength((len * i) / 500);
      if (p.x >= b.x - 2 && p.x <= b.x + b.width + 2 && p.y >= b.y - 2 && p.y <= b.y + b.height + 2) hits += 1;
    }
    return { hits, text: label.textContent };
  });
}

for (const [locale, caption, notes, hhi, gini] of [
  ['zh-CN', /^80% · 客户 \d+(\.\d)?%$/, ['基尼系数', 'HHI', '十分位比'], /^赫芬达尔指数：各客户收入占比/, /^衡量贡献分布是否均匀/],
  ['en-US', /^80% · \d+(\.\d)?% of customers$/, ['Gini coefficient', 'HHI', 'Decile ratio'], /^Herfindahl index: the sum/, /^How evenly value is spread/],
]) {
  test(`the curves and the figures read plainly, ${locale}`, { timeout: 120_000 }, async () => {
    const s = await newPage(suite.browser, { locale });
    const { page } = s;
    try {
      await page.goto(`${suite.server.url}#/concentration`);
      await waitForApp(page);
      await page.getByTestId('pareto-chart').waitFor();
      // Tick, axis and mark labels render at 11 px or more from 1024 to 1440 px wide.
      await assertChartText(page, 'svg.share-curve');
      // The 80 % caption sits where the curve is not.
      for (const width of [1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        const { hits, text } = await captionOnCurve(page);
        assert.match(text, caption);
        assert.equal(hits, 0, `the caption "${text}" crosses the curve at ${width} px`);
        // The figures and their explanations stay inside their card, beside the chart.
        const overflow = await page.getByTestId('conc-figures').evaluate((t) => t.getBoundingClientRect().right - t.closest('section').getBoundingClientRect().right);
        assert.ok(overflow <= 0, `the figures table overflows its card by ${overflow} px at ${width} px`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      // HHI and Gini explain themselves on keyboard focus, and again under the table.
      await assertTermTip(page, 'hhi', hhi);
      await assertTermTip(page, 'gini', gini);
      assert.deepEqual(await page.locator('[data-testid=conc-figures] [data-testid=term-notes] dt').allTextContents(), notes);
      assert.match(await page.locator('[data-testid=conc-figures] [data-term-note=hhi] dd').textContent(), hhi);
      assert.equal(await page.locator('#conc-lorenz .term[data-term=lorenz]').count(), 1);
      assert.deepEqual(s.pageErrors, []);
    } catch (err) {
      await screenshot(page, `failed-concentration-readable-${locale}`).catch(() => {});
      throw err;
    } finally {
      await s.close();
    }
  });
}
