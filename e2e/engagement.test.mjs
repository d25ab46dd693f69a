// End-to-end tests of the 151 programme on the demo (fiscal year 2026, today 2026-01-15): the two
// strategic accounts planted behind target are highlighted with their figures and reasons; an
// action logged through the form changes the completion and undo restores it; both languages.
//
// Run: node --test --test-concurrency=1 e2e/engagement.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

/** Planted behind target in src/domain/engagement/demo.rs. */
const HALF_PLANNED = 'c-0204'; // nothing done in 2026, half planned
const NO_EXECUTIVE = 'c-0048'; // no executive visit planned

async function withEngagement(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/engagement', consoleClean: true }, async (page) => {
    await page.getByTestId('engagement-view').waitFor();
    await page.getByTestId('engagement-accounts').waitFor();
    await fn(page);
  });
}

/** [id, name, counted / target, completion, planned, done + planned] of each highlighted row. */
async function behindRows(page) {
  return page.locator('[data-testid=engagement-accounts] tr.is-behind').evaluateAll((rows) =>
    rows.map((r) => [
      r.dataset.testid.replace('engagement-account-', ''),
      ...[...r.querySelectorAll('th, td')].slice(0, 6).map((c, i) => (i === 1 ? null : c.textContent.trim())),
    ].filter((x) => x !== null)),
  );
}

test('the planted strategic accounts are highlighted behind target with their figures and reasons', { timeout: TEST_TIMEOUT }, async () => {
  await withEngagement('engagement-zh', 'zh-CN', async (page) => {
    assert.equal(await page.getByTestId('engagement-overall').textContent(), '8.8%');
    assert.equal(await page.getByTestId('engagement-done-count').textContent(), '18');
    assert.equal(await page.getByTestId('engagement-planned-count').textContent(), '176');
    assert.equal(await page.getByTestId('engagement-behind-count').textContent(), '2');
    assert.equal(
      await page.getByTestId('engagement-rule').textContent(),
      '落后判定：完成率低于截至 2026-01-15 已过去的财年比例 4.1%；或已完成 + 计划的动作达不到目标的 100%。',
    );
    assert.deepEqual(await behindRows(page), [
      [HALF_PLANNED, '国网广东省电力有限公司', '0 / 19', '0%', '9', '47.4%'],
      [NO_EXECUTIVE, '中国石油天然气股份有限公司佛山销售分公司', '2 / 19', '10.5%', '16', '78.9%'],
    ]);
    assert.deepEqual(
      await page.getByTestId(`engagement-reasons-${HALF_PLANNED}`).locator('li').allTextContents(),
      [
        '完成率 0% 低于已过去的财年比例 4.1%',
        '完成 + 计划仅达 47.4%，低于 100%；缺：参观公司 2 次、参观样板点 2 次、现场会 1 次、技术交流 3 次、高层拜访 2 次',
      ],
    );
    assert.deepEqual(
      await page.getByTestId(`engagement-reasons-${NO_EXECUTIVE}`).locator('li').allTextContents(),
      ['完成 + 计划仅达 78.9%，低于 100%；缺：高层拜访 4 次'],
    );
    assert.equal(await page.getByTestId('engagement-outside').textContent(), '有 16 条记录的日期不在 2026 财年内，不计入。');
    // The other 13 accounts with a target are on track; the tiers and actions add up.
    assert.equal(await page.locator('[data-testid=engagement-accounts] .engagement-badge.is-ok').count(), 13);
    assert.equal(await page.getByTestId('engagement-tier-pct-strategic').textContent(), '8.4%');
    assert.equal(await page.getByTestId('engagement-tier-pct-value').textContent(), '9.1%');
    assert.equal(
      await page.getByTestId('engagement-action-executive_visit').textContent(),
      '高层拜访4000340%',
    );
    await screenshot(page, 'engagement-zh');
    await page.getByTestId('engagement-actions').scrollIntoViewIfNeeded();
    assert.equal(await page.locator('[data-testid=engagement-chart] g[data-testid^=engagement-chart-]').count(), 5);
    await screenshot(page, 'engagement-chart-zh');

    await page.getByTestId('engagement-tab-log').click();
    assert.equal(await page.getByTestId('engagement-log-count').textContent(), '显示 210 / 210 条');
    await page.getByTestId('engagement-filter-account').selectOption(HALF_PLANNED);
    assert.equal(await page.getByTestId('engagement-log-count').textContent(), '显示 11 / 210 条');
    // Its two 2025 actions are listed first and marked as outside the fiscal year.
    const first = page.locator('[data-testid=engagement-log] tbody tr').first();
    assert.match(await first.textContent(), /^2025-11-13不在 2026 财年国网广东省电力有限公司技术交流已完成/);
    await screenshot(page, 'engagement-log-zh');
    await page.getByTestId('engagement-tab-targets').click();
    assert.equal(await page.getByTestId('engagement-target-total-strategic').textContent(), '19');
    assert.equal(await page.getByTestId('engagement-target-total-potential').textContent(), '0');
    await screenshot(page, 'engagement-targets-zh');
  });
});

test('an action logged through the form changes the completion; undo restores it', { timeout: TEST_TIMEOUT }, async () => {
  await withEngagement('engagement-edit', 'zh-CN', async (page) => {
    const pct = page.getByTestId(`engagement-account-pct-${HALF_PLANNED}`);
    assert.equal(await pct.textContent(), '0%');
    await page.getByTestId('engagement-tab-log').click();
    // A wrong date is refused next to its field.
    await page.getByTestId('engagement-form-account').selectOption(HALF_PLANNED);
    await page.getByTestId('engagement-form-action').selectOption('company_visit');
    await page.getByTestId('engagement-form-date').fill('2026-1-14');
    await page.getByTestId('engagement-form-save').click();
    assert.equal(
      await page.getByTestId('engagement-form-date-error').textContent(),
      '日期须为 YYYY-MM-DD 格式的真实日期，例如 2026-03-18。',
    );
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing was dispatched');
    await page.getByTestId('engagement-form-date').fill('2026-01-14');
    await page.getByTestId('engagement-form-notes').fill('总部展厅 + 实验室');
    await page.getByTestId('engagement-form-save').click();
    await page.getByTestId('engagement-entry-e-211').waitFor();
    assert.equal(await page.getByTestId('engagement-log-count').textContent(), '显示 211 / 211 条');

    await page.getByTestId('engagement-tab-completion').click();
    // 1 of 19 = 5.3 %, ahead of the 4.1 % pace; done + planned 10 of 19 = 52.6 %: still behind on the plan.
    assert.equal(await pct.textContent(), '5.3%');
    assert.deepEqual(
      await page.getByTestId(`engagement-reasons-${HALF_PLANNED}`).locator('li').allTextContents(),
      ['完成 + 计划仅达 52.6%，低于 100%；缺：参观公司 1 次、参观样板点 2 次、现场会 1 次、技术交流 3 次、高层拜访 2 次'],
    );
    assert.equal(await page.getByTestId('engagement-overall').textContent(), '9.3%');

    await page.getByTestId('undo').click();
    assert.equal(await pct.textContent(), '0%');
    assert.equal(await page.getByTestId('engagement-overall').textContent(), '8.8%');
    assert.equal(await page.getByTestId(`engagement-reasons-${HALF_PLANNED}`).locator('li').count(), 2);
  });
});

test('in English the 151 page speaks English', { timeout: TEST_TIMEOUT }, async () => {
  await withEngagement('engagement-en', 'en-US', async (page) => {
    assert.deepEqual(
      await page.getByTestId(`engagement-reasons-${NO_EXECUTIVE}`).locator('li').allTextContents(),
      ['done + planned reach only 78.9%, below 100%; missing: 4 × Executive visit'],
    );
    assert.equal(
      await page.getByTestId(`engagement-reasons-${HALF_PLANNED}`).locator('li').first().textContent(),
      'completion 0% is below the 4.1% of the year elapsed',
    );
    // Customer names are the demo's Chinese company names; everything else is English.
    for (const part of ['engagement-summary', 'engagement-tiers', 'engagement-actions']) {
      const text = await page.getByTestId(part).textContent();
      assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `no Chinese in ${part}`);
    }
    await screenshot(page, 'engagement-en');
    await page.getByTestId('engagement-tab-targets').click();
    assert.doesNotMatch(await page.getByTestId('engagement-view').textContent(), /[\u4e00-\u9fff]/);
    await screenshot(page, 'engagement-targets-en');
  });
});
