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
    assert.equal(await page.getByTestId('engagement-pager-range').textContent(), '第 1–11 条，共 11 条');
    assert.equal(await page.getByTestId('engagement-pager-next').count(), 0, 'one page: no page buttons');
    // Its 2026 actions come first; its two 2025 actions after them, under a heading, marked as
    // outside the fiscal year.
    const dates = await logDates(page);
    assert.equal(dates.length, 11);
    assert.ok(dates.slice(0, 9).every((d) => d.startsWith('2026-')), dates.join(' '));
    assert.equal(
      await page.getByTestId('engagement-outside-group').textContent(),
      '不在 2026 财年的记录（2 条，不计入完成度）',
    );
    const last = page.locator('[data-testid=engagement-log] tbody tr[data-testid^=engagement-entry-]').nth(9);
    assert.match(await last.textContent(), /^2025-11-13不在 2026 财年国网广东省电力有限公司技术交流已完成/);
    await screenshot(page, 'engagement-log-zh');
    await page.getByTestId('engagement-tab-targets').click();
    assert.equal(await page.getByTestId('engagement-target-total-strategic').textContent(), '19');
    assert.equal(await page.getByTestId('engagement-target-total-potential').textContent(), '0');
    await screenshot(page, 'engagement-targets-zh');
  });
});

/** The dates of the log rows shown. */
async function logDates(page) {
  return page
    .locator('[data-testid=engagement-log] tbody tr[data-testid^=engagement-entry-] td:first-child')
    .evaluateAll((cells) => cells.map((c) => c.firstChild.textContent.trim()));
}

test('the 151 log pages by 50, the fiscal year first; sorting and filtering go back to page 1', { timeout: TEST_TIMEOUT }, async () => {
  await withEngagement('engagement-pager', 'zh-CN', async (page) => {
    await page.getByTestId('engagement-tab-log').click();
    const range = page.getByTestId('engagement-pager-range');
    assert.equal(await page.getByTestId('engagement-log-count').textContent(), '显示 210 / 210 条');
    assert.equal(await range.textContent(), '第 1–50 条，共 210 条');
    let dates = await logDates(page);
    assert.equal(dates.length, 50);
    assert.ok(dates.every((d) => d.startsWith('2026-')), 'the first page is the fiscal year');
    assert.deepEqual([...dates].sort(), dates, 'oldest first');
    assert.equal(await page.getByTestId('engagement-pager-page-1').getAttribute('aria-current'), 'page');
    assert.equal(await page.getByTestId('engagement-pager-page-2').getAttribute('aria-label'), '第 2 页');
    assert.equal(await page.getByTestId('engagement-pager-prev').getAttribute('aria-disabled'), 'true');

    await page.getByTestId('engagement-pager-next').click();
    assert.equal(await range.textContent(), '第 51–100 条，共 210 条');
    assert.equal(await page.getByTestId('engagement-pager-page-2').getAttribute('aria-current'), 'page');
    // 194 entries in 2026, then the 16 outside it: the heading is on page 4, page 5 is all outside.
    await page.getByTestId('engagement-pager-page-4').click();
    assert.equal(await range.textContent(), '第 151–200 条，共 210 条');
    assert.equal(
      await page.getByTestId('engagement-outside-group').textContent(),
      '不在 2026 财年的记录（16 条，不计入完成度）',
    );
    // The keyboard: focus stays on "next" at the last page.
    await page.getByTestId('engagement-pager-next').focus();
    await page.keyboard.press('Enter');
    assert.equal(await range.textContent(), '第 201–210 条，共 210 条');
    dates = await logDates(page);
    assert.equal(dates.length, 10);
    assert.ok(dates.every((d) => !d.startsWith('2026-')), dates.join(' '));
    assert.equal(await page.locator('[data-testid=engagement-log] tr.is-outside').count(), 10);
    assert.equal(await page.getByTestId('engagement-pager-next').getAttribute('aria-disabled'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(await range.textContent(), '第 201–210 条，共 210 条');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'engagement-pager-next');

    // Deleting on the last page keeps the page; the count follows.
    await page.locator('[data-testid=engagement-log] button[data-testid^=engagement-delete-]').first().click();
    assert.equal(await range.textContent(), '第 201–209 条，共 209 条');
    assert.equal(await page.getByTestId('engagement-log-count').textContent(), '显示 209 / 209 条');
    await page.getByTestId('undo').click();
    assert.equal(await range.textContent(), '第 201–210 条，共 210 条');

    // Sorting goes back to page 1, newest of the fiscal year first.
    await page.getByTestId('engagement-sort-date').click();
    assert.equal(await range.textContent(), '第 1–50 条，共 210 条');
    dates = await logDates(page);
    assert.ok(dates.every((d) => d.startsWith('2026-')));
    assert.deepEqual([...dates].sort().reverse(), dates, 'newest first');
    await page.getByTestId('engagement-pager-page-3').click();
    await page.getByTestId('engagement-filter-status').selectOption('done');
    assert.equal(await range.textContent(), '第 1–34 条，共 34 条');
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
