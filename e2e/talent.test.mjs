// End-to-end tests of the talent tool: the demo's SR hiring plan (4 hires, the gap closes in
// 2027-02 = month 12), its capacity chart against demand with a 24-month table, a share that
// breaks the 100 % sum (the error, the plan cannot be computed) and undo.
//
// Run: node --test --test-concurrency=1 e2e/talent.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

async function withTalent(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/talent', consoleClean: true }, async (page) => {
    await page.getByTestId('talent-view').waitFor();
    await page.getByTestId('talent-role-SR').click();
    await page.getByTestId('sources-table').waitFor();
    await fn(page);
  });
}

/** The chart's two series and the closing-month marker. */
async function chartShape(page) {
  const chart = page.getByTestId('capacity-chart');
  await chart.waitFor();
  const series = await chart.locator('path[data-series]').evaluateAll((els) =>
    els.map((e) => ({ series: e.dataset.series, points: (e.getAttribute('d').match(/[ML]/g) || []).length })),
  );
  const closeLine = await chart.getByTestId('capacity-close-line').count();
  return { series, closeLine };
}

test('the demo SR plan: 4 hires, closes in 2027-02 (month 12), chart and 24-month table', { timeout: TEST_TIMEOUT }, async () => {
  await withTalent('talent-zh', 'zh-CN', async (page) => {
    assert.equal(await page.getByTestId('sources-sum').textContent(), '100%');
    assert.equal(await page.getByTestId('plan-status').textContent(), '补充计划：需补充 4 人，2027-02，第 12 个月补齐。');
    await screenshot(page, 'talent-sources-zh');
    await page.getByTestId('talent-tab-ladder').click();
    assert.equal(await page.locator('[data-testid=ladder-table] tbody tr').count() > 1, true);
    await screenshot(page, 'talent-ladder-zh');
    await page.getByTestId('talent-tab-enablement').click();
    assert.deepEqual(
      await page.locator('[data-testid=enablement-list] input[data-testid^=measure-name-zh]').evaluateAll((els) => els.map((e) => e.value)),
      ['训战结合', '之字形轮岗', '导师制'],
    );
    await screenshot(page, 'talent-enablement-zh');

    await page.getByTestId('talent-tab-plan').click();
    assert.equal(await page.getByTestId('plan-hires-SR').textContent(), '4');
    assert.equal(await page.getByTestId('plan-closes-SR').textContent(), '2027-02，第 12 个月补齐');
    assert.equal(await page.getByTestId('plan-closes-AD').textContent(), '无缺口');
    assert.equal(await page.getByTestId('plan-hires-needed').textContent(), '4');
    assert.equal(await page.getByTestId('plan-demand').textContent(), '10.0');
    assert.equal(await page.getByTestId('plan-existing').textContent(), '6.5');
    // 4 × 50/30/20 % = 2, 1.2, 0.8: floors 2 + 1 + 0, the leftover hire to campus (0.8).
    const intake = await page.locator('[data-testid=intake-table] tbody tr td:nth-child(4)').allTextContents();
    assert.deepEqual(intake.map((t) => t.trim()), ['2', '1', '1 (+1)']);
    assert.match(await page.getByTestId('intake-explain').textContent(), /合计 3 人；余下的 1 人.*校招/);

    const { series, closeLine } = await chartShape(page);
    assert.deepEqual(series, [
      { series: 'demand', points: 24 },
      { series: 'capacity', points: 24 },
    ]);
    assert.equal(closeLine, 1, 'the closing month is marked');
    const rows = page.locator('[data-testid=capacity-table] tbody tr');
    assert.equal(await rows.count(), 24);
    const closing = page.locator('[data-testid=capacity-table] tbody tr.is-close');
    assert.equal(await closing.getAttribute('data-month'), '12');
    assert.match(await closing.textContent(), /^2027-02 · 第 12 个月补齐10\.03\.510\.04$/);
    assert.equal((await rows.nth(11).locator('td').first().textContent()), '9.92');
    await screenshot(page, 'talent-zh');
    await page.getByTestId('plan-detail').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('[data-testid=plan-detail]').scrollIntoView());
    await screenshot(page, 'talent-detail-zh');
    await page.getByTestId('capacity-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'talent-curve-zh');
  });
});

test('the page opens on the role with the most hires to make; the role tabs say which roles have a gap', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'talent-open', locale: 'zh-CN', hash: '#/talent', consoleClean: true }, async (page) => {
    await page.getByTestId('talent-view').waitFor();
    // AD has no gap (2.5 FTE needed, 2.5 there); AR needs 1 hire, SR 4, FR 2: SR opens.
    const selected = await page.locator('.talent-roles [role=tab][aria-selected=true]').getAttribute('data-testid');
    assert.equal(selected, 'talent-role-SR');
    assert.equal(await page.getByTestId('talent-role-gap-AD').count(), 0);
    const badges = {};
    for (const role of ['AR', 'SR', 'FR']) {
      badges[role] = (await page.getByTestId(`talent-role-gap-${role}`).locator('[aria-hidden=true]').textContent()).trim();
    }
    assert.deepEqual(badges, { AR: '1', SR: '4', FR: '2' });
    // The accessible name of the tab includes the gap.
    const sr = page.getByRole('tab', { name: /SR.*需补充 4 人/ });
    assert.equal(await sr.count(), 1);
    await page.getByTestId('talent-tab-plan').click();
    assert.equal(await page.getByTestId('plan-hires-needed').textContent(), '4');
    assert.equal(await page.getByTestId('plan-select-SR').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('talent-role-AR').click();
    assert.equal(await page.getByTestId('plan-hires-needed').textContent(), '1');
  });
});

test('in English the plan speaks English', { timeout: TEST_TIMEOUT }, async () => {
  await withTalent('talent-en', 'en-US', async (page) => {
    assert.equal(await page.getByTestId('plan-status').textContent(), 'Hiring plan: 4 hires, closes in 2027-02, month 12.');
    await page.getByTestId('talent-tab-plan').click();
    assert.equal(await page.getByTestId('plan-closes').textContent(), 'closes in 2027-02, month 12');
    assert.match(await page.getByTestId('intake-explain').textContent(), /^4 hires split by the source shares \(largest remainder\)/);
    const text = await page.getByTestId('talent-view').textContent();
    assert.doesNotMatch(text.replace(/[万亿]/g, ''), /[\u4e00-\u9fff]/, 'no Chinese on the English page');
    await screenshot(page, 'talent-en');
    await page.getByTestId('talent-tab-ladder').click();
    await screenshot(page, 'talent-ladder-en');
    await page.getByTestId('talent-tab-plan').click();
    await page.getByTestId('talent-role-AR').click();
    await page.getByTestId('capacity-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'talent-curve-en');
  });
});

test('a share that breaks the 100 % sum shows the error; undo restores the plan', { timeout: TEST_TIMEOUT }, async () => {
  await withTalent('talent-edit', 'zh-CN', async (page) => {
    const share = page.getByTestId('source-share-0');
    assert.equal(await share.inputValue(), '50');
    await share.fill('40');
    await share.press('Enter');
    await share.blur();
    await page.getByTestId('sources-error').waitFor();
    assert.equal(await page.getByTestId('sources-error').textContent(), '各来源份额合计为 90%，应为 100%。请调整份额。');
    assert.equal(await page.getByTestId('sources-sum').textContent(), '90%');
    assert.match(await page.getByTestId('plan-status').textContent(), /^无法计算补充计划：各来源份额合计为 90%/);
    await screenshot(page, 'talent-error-zh');

    // A wrong entry is refused next to the input and changes nothing.
    const lead = page.getByTestId('source-lead-1');
    await lead.fill('-1');
    await lead.press('Enter');
    await lead.blur();
    assert.equal(await page.getByTestId('source-lead-1-error').textContent(), '不能为负数');

    await page.getByTestId('undo').click();
    await page.getByTestId('sources-error').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('sources-sum').textContent(), '100%');
    assert.equal(await share.inputValue(), '50');
    await page.getByTestId('talent-tab-plan').click();
    assert.equal(await page.getByTestId('plan-closes-SR').textContent(), '2027-02，第 12 个月补齐');
  });
});
