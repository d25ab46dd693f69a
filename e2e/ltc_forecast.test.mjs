// End-to-end tests of the LTC forecast and coverage tab (预测与覆盖) on the demo (fiscal year
// 2026, reference date 2026-01-15): the headline figures (weighted pipeline 20.73 M, booked
// 1.28 M, company target 9 M, coverage 2.69× under the 3× threshold), the year by quarter, the
// coverage by tier (potential 1.49× flagged, strategic 3.99×, value 3.76×, their targets summed
// from the account targets), the funnel from the stage history (60, 49, 38, 28, 18, 12
// reached), the win rates (4 won, 3 lost in January), the threshold editor and the targets
// editor (a tier target set, lowered under what is booked, removed).
//
// Run: KAM_DIST=<dist> node --test --test-concurrency=1 e2e/ltc_forecast.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, screenshot, withApp } from './helpers.mjs';
import { assertTermTip } from './readable.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

async function withForecast(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/ltc/forecast', consoleClean: true }, async (page) => {
    await page.getByTestId('ltc-forecast').waitFor();
    await fn(page);
  });
}

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();

/** The test ids of the coverage table's rows, in order. */
const rowIds = (page) =>
  page.locator('[data-testid=fc-coverage-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.testid));

test('the headline figures, quarters, tier coverage, funnel and win rates of the demo (zh)', { timeout: TEST_TIMEOUT }, async () => {
  await withForecast('fc-zh', 'zh-CN', async (page) => {
    assert.equal(await text(page, 'fc-weighted'), '2073万');
    assert.match(await text(page, 'fc-weighted-why'), /共 39 个未关闭商机/);
    assert.equal(await text(page, 'fc-booked'), '128万');
    assert.equal(await text(page, 'fc-booked-why'), '= 2026 年签订的合同 4 份 + 尚无合同的赢单 0 个');
    assert.equal(await text(page, 'fc-target'), '900万');
    assert.match(await text(page, 'fc-target-why'), /2026 年公司订货目标/);
    assert.equal(await text(page, 'fc-coverage'), '2.69×');
    assert.equal(await text(page, 'fc-coverage-flag'), '低于 3× 阈值');
    assert.equal(
      await text(page, 'fc-coverage-why'),
      '覆盖倍数 = 未关闭商机加权金额 2073万 ÷（目标 900万 − 已签 128万）；计入本财年内预计签单的商机 39 个',
    );
    // The jargon explains itself on keyboard focus, and under the coverage and win-rate tables.
    await assertTermTip(page, 'weighted', /^每个在途商机的金额 × 所处阶段的赢率/);
    await assertTermTip(page, 'coverage', /^在途商机的加权金额 ÷ 还差的订货目标/);
    assert.deepEqual(
      await page.locator('[data-testid=fc-coverage-table] [data-testid=term-notes] dt').allTextContents(),
      ['加权商机金额', '商机覆盖倍数'],
    );
    assert.deepEqual(await page.locator('[data-testid=fc-win-table] [data-testid=term-notes] dt').allTextContents(), ['赢单率']);

    // The year by quarter: a quarter of 9 M is 2.25 M.
    assert.equal(await text(page, 'fc-q1-won'), '128万');
    assert.equal(await text(page, 'fc-q1-commit'), '111万');
    assert.equal(await text(page, 'fc-q1-total'), '239万');
    assert.equal(await text(page, 'fc-q1-target'), '225万');
    assert.equal(await text(page, 'fc-q1-gap'), '超出 14万');
    assert.equal(await text(page, 'fc-q2-best'), '1274万');
    assert.equal(await text(page, 'fc-q2-total'), '1744万');
    assert.equal(await text(page, 'fc-q3-gap'), '差 199万');
    assert.equal(await text(page, 'fc-q4-total'), '0');
    assert.equal(await text(page, 'fc-year-total'), '2009万');
    assert.equal(await text(page, 'fc-year-target'), '900万');
    assert.equal(await text(page, 'fc-year-gap'), '超出 1109万');
    assert.equal(await page.locator('[data-testid=fc-quarter-chart] rect').count(), 12);
    await screenshot(page, 'ltc-forecast-zh');

    // Coverage by tier (the default switch): potential flagged and first.
    assert.equal(await page.getByTestId('fc-cov-scope-tier').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await rowIds(page), ['fc-cov-potential', 'fc-cov-strategic', 'fc-cov-value']);
    assert.equal(await text(page, 'fc-cov-potential-coverage'), '1.49×');
    assert.equal(await text(page, 'fc-cov-potential-flag'), '覆盖不足');
    assert.match(await page.getByTestId('fc-cov-potential').getAttribute('class'), /is-flagged/);
    assert.equal(await text(page, 'fc-cov-potential-target'), '269万汇总');
    assert.equal(await text(page, 'fc-cov-potential-won'), '30万');
    assert.equal(await text(page, 'fc-cov-potential-weighted'), '357万');
    assert.equal(await text(page, 'fc-cov-strategic-coverage'), '3.99×');
    assert.equal(await text(page, 'fc-cov-value-coverage'), '3.76×');
    assert.equal(await page.getByTestId('fc-cov-strategic-flag').count(), 0);
    assert.equal(await text(page, 'fc-cov-summary'), '共 3 行，其中 1 行低于 3×');

    // By account: 25 rows, the flagged ones first, each name a link to the account tab.
    await page.getByTestId('fc-cov-scope-account').click();
    const rows = page.locator('[data-testid=fc-coverage-table] tbody tr');
    assert.equal(await rows.count(), 25);
    assert.match(await rows.first().getAttribute('class'), /is-flagged/);
    const link = rows.first().locator('a');
    const name = (await link.textContent()).trim();
    await link.click();
    await page.getByTestId('ltc-tab-account').waitFor();
    assert.equal(await page.getByTestId('ltc-tab-account').getAttribute('aria-selected'), 'true');
    assert.ok(name.length > 0);
  });
});

test('the funnel and win rates (zh)', { timeout: TEST_TIMEOUT }, async () => {
  await withForecast('fc-funnel-zh', 'zh-CN', async (page) => {
    const reached = [];
    for (const s of ['lead', 'validated', 'shaping', 'bid', 'negotiation', 'won']) {
      reached.push(Number(await text(page, `fc-funnel-${s}-reached`)));
    }
    assert.deepEqual(reached, [60, 49, 38, 28, 18, 12]);
    assert.equal(await text(page, 'fc-funnel-lead-conversion'), '81.7% → 机会验证');
    assert.equal(await text(page, 'fc-funnel-negotiation-conversion'), '66.7% → 赢单签约');
    assert.equal(await text(page, 'fc-funnel-won-conversion'), '—');

    assert.equal(await text(page, 'fc-win-company'), '公司整体：57.1%（赢 4，输 3）');
    assert.equal(await text(page, 'fc-win-strategic-rate'), '0%');
    assert.equal(await text(page, 'fc-win-value-rate'), '75%');
    assert.equal(await text(page, 'fc-win-potential-rate'), '50%');
    assert.equal(await text(page, 'fc-win-ordinary-rate'), '暂无已关闭商机');
    await page.getByTestId('fc-win-scope-owner').click();
    assert.ok((await page.locator('[data-testid=fc-win-table] tbody tr').count()) >= 1);
  });
});

test('the same figures in English', { timeout: TEST_TIMEOUT }, async () => {
  await withForecast('fc-en', 'en', async (page) => {
    assert.equal(await text(page, 'fc-weighted'), '20.7M');
    await screenshot(page, 'ltc-forecast-en');
    assert.equal(await text(page, 'fc-booked'), '1.28M');
    assert.equal(await text(page, 'fc-target'), '9M');
    assert.equal(await text(page, 'fc-coverage'), '2.69×');
    assert.equal(await text(page, 'fc-coverage-flag'), 'Under the 3× threshold');
    assert.equal(
      await text(page, 'fc-coverage-why'),
      'Coverage = open weighted pipeline 20.7M ÷ (target 9M − booked 1.28M); 39 open opportunities expected to close this fiscal year',
    );
    assert.equal(await text(page, 'fc-q1-gap'), '140K over');
    assert.equal(await text(page, 'fc-year-total'), '20.1M');
    assert.equal(await text(page, 'fc-cov-potential-coverage'), '1.49×');
    assert.equal(await text(page, 'fc-cov-potential-flag'), 'Under-covered');
    assert.equal(await text(page, 'fc-cov-potential-target'), '2.69Msum');
    assert.equal(await text(page, 'fc-cov-strategic-coverage'), '3.99×');
    assert.equal(await text(page, 'fc-cov-value-coverage'), '3.76×');
    assert.equal(await text(page, 'fc-funnel-lead-reached'), '60');
    assert.equal(await text(page, 'fc-funnel-won-reached'), '12');
    assert.equal(await text(page, 'fc-win-company'), 'Company: 57.1% (4 won, 3 lost)');
    assert.equal(await text(page, 'fc-win-ordinary-rate'), 'No closed deals');
  });
});

test('a threshold of 1.4 removes the potential tier\'s flag', { timeout: TEST_TIMEOUT }, async () => {
  await withForecast('fc-threshold', 'zh-CN', async (page) => {
    assert.equal(await page.getByTestId('fc-cov-potential-flag').count(), 1);
    await page.getByTestId('fc-threshold').fill('1.4');
    await page.getByTestId('fc-threshold').press('Enter');
    await page.getByTestId('fc-cov-potential-flag').waitFor({ state: 'detached' });
    assert.equal(await text(page, 'fc-cov-summary'), '共 3 行，其中 0 行低于 1.4×');
    assert.equal(await text(page, 'fc-coverage-ok'), '达到 1.4× 阈值');
    // Rows fall back to tier order once nothing is flagged.
    assert.deepEqual(await rowIds(page), ['fc-cov-strategic', 'fc-cov-value', 'fc-cov-potential']);
    // Nonsense is refused and explained; the saved threshold stays.
    await page.getByTestId('fc-threshold').fill('-2');
    await page.getByTestId('fc-threshold').press('Enter');
    assert.equal(await page.getByTestId('fc-threshold').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page, 'fc-cov-summary'), '共 3 行，其中 0 行低于 1.4×');
    // One undo step brings back 3× and the flag.
    await page.getByTestId('undo').click();
    await page.getByTestId('fc-cov-potential-flag').waitFor();
    assert.equal(await page.getByTestId('fc-threshold').inputValue(), '3');
    assert.equal(await text(page, 'fc-cov-summary'), '共 3 行，其中 1 行低于 3×');
  });
});

test('a tier target set, lowered under what is booked and removed changes its coverage', { timeout: TEST_TIMEOUT }, async () => {
  await withForecast('fc-targets', 'zh-CN', async (page) => {
    // The potential tier's target is the sum of its accounts' targets, listed as such.
    assert.match(await text(page, 'fc-derived-tier-potential'), /潜力客户：269万/);

    // Set it: 300万 − booked 30万 leaves 270万 for 357万 weighted.
    await page.getByTestId('fc-target-add-scope').selectOption('tier');
    await page.getByTestId('fc-target-add-key').selectOption('potential');
    await page.getByTestId('fc-target-add-orders').fill('300万');
    await page.getByTestId('fc-target-add-save').click();
    await page.getByTestId('fc-target-tier-potential').waitFor();
    assert.equal(await page.getByTestId('fc-target-tier-potential-orders').inputValue(), '300万');
    assert.match(await text(page, 'fc-target-tier-potential'), /客户目标合计 269万/);
    assert.equal(await page.getByTestId('fc-derived-tier-potential').count(), 0);
    assert.equal(await text(page, 'fc-cov-potential-target'), '300万');
    assert.equal(await page.getByTestId('fc-cov-potential-derived').count(), 0);
    assert.equal(await text(page, 'fc-cov-potential-coverage'), '1.32×');

    // An amount that does not read is refused and explained.
    await page.getByTestId('fc-target-tier-potential-orders').fill('三百万');
    await page.getByTestId('fc-target-tier-potential-orders').press('Enter');
    assert.equal(await page.getByTestId('fc-target-tier-potential-orders').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page, 'fc-cov-potential-coverage'), '1.32×');

    // Lower than booked (30万): the target is met.
    await page.getByTestId('fc-target-tier-potential-orders').fill('20万');
    await page.getByTestId('fc-target-tier-potential-orders').press('Enter');
    await page.getByText('已达成').first().waitFor();
    assert.equal(await text(page, 'fc-cov-potential-coverage'), '已达成');
    assert.equal(await page.getByTestId('fc-cov-potential-flag').count(), 0);

    // 1.2亿 reads as 120 M: the coverage drops far under.
    await page.getByTestId('fc-target-tier-potential-orders').fill('1.2亿');
    await page.getByTestId('fc-target-tier-potential-orders').press('Enter');
    await page.getByTestId('fc-cov-potential-flag').waitFor();
    assert.equal(await text(page, 'fc-cov-potential-target'), '1.2亿');

    // Removed: back to the sum of the accounts.
    await page.getByTestId('fc-target-tier-potential-remove').click();
    await page.getByTestId('fc-target-tier-potential').waitFor({ state: 'detached' });
    assert.equal(await text(page, 'fc-cov-potential-coverage'), '1.49×');
    assert.equal(await text(page, 'fc-cov-potential-target'), '269万汇总');
  });
});

test('the company target lowered under what is booked shows the target met', { timeout: TEST_TIMEOUT }, async () => {
  await withForecast('fc-company', 'zh-CN', async (page) => {
    await page.getByTestId('fc-target-company-orders').fill('100万');
    await page.getByTestId('fc-target-company-orders').press('Enter');
    await page.getByTestId('fc-coverage').filter({ hasText: '已达成' }).waitFor();
    assert.equal(await text(page, 'fc-coverage-why'), '已签 128万 已达到目标 100万');
    assert.equal(await text(page, 'fc-q1-target'), '25万');
  });
});
