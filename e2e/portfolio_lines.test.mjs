// End-to-end tests of Tool 2's portfolio tab on the demo (20 business lines in 8 industries,
// revenue 384.7 M: core 327 M, growth 49 M, emerging 8.7 M — a mix of 85 / 12.7 / 2.3 % against
// the target 70 / 20 / 10 with a tolerance of 10 points): the grid, the bubble chart and its
// table, the mix and its flag, editing a line, the form's checks, deleting, the target editor.
//
// Run: node --test --test-concurrency=1 e2e/portfolio_lines.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { KEYS, activeWorkspaceId, appSuite, readStorage, screenshot, storedJson, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

/** The demo's oil & gas core line 站场安防 (revenue 9 M, last year 9.5 M, market 60 M). */
const STATION = 'bl-14';

async function withLines(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/portfolio', consoleClean: true }, async (page) => {
    await page.getByTestId('portfolio-lines').waitFor();
    await page.getByTestId('lines-grid').waitFor();
    await fn(page);
  });
}

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();

/** The whitespace cells of a line in the stored copy of the open workspace. */
async function storedCells(page, line) {
  const id = await activeWorkspaceId(page);
  const stored = (await readStorage(page))[KEYS.workspace(id)];
  const { workspace } = JSON.parse(storedJson(stored));
  return workspace.portfolio.whitespace.filter((c) => c.line === line).length;
}

test('the grid, the mix and the bubble chart show the demo portfolio', { timeout: TEST_TIMEOUT }, async () => {
  await withLines('lines-zh', 'zh-CN', async (page) => {
    // Eight industries, largest first, and the overall row.
    assert.equal(await page.locator('[data-testid=lines-grid] tbody tr').count(), 8);
    assert.equal(await text(page, 'lines-grid-0'), '运营商6200万1 条 · 3.3%1400万1 条 · 40%300万1 条 · 100%7900万3 条 · 10.5%');
    assert.equal(await text(page, 'lines-grid-overall-total-revenue'), '3.85亿');
    assert.equal(await text(page, 'lines-grid-overall-total-count'), '20 条');
    assert.equal(await text(page, 'lines-grid-overall-core-revenue'), '3.27亿');
    assert.equal(await text(page, 'lines-grid-overall-growth-revenue'), '4900万');
    assert.equal(await text(page, 'lines-grid-overall-emerging-revenue'), '870万');
    // Oil & gas has no growth or emerging line.
    const oil = page.locator('[data-testid=lines-grid] tbody tr', { hasText: '油气' });
    assert.equal(await oil.locator('td.is-empty').count(), 2);

    // The overall mix: 85 % core against 70 %, 15 points over, beyond the tolerance of 10.
    assert.equal(await text(page, 'lines-mix-overall-core'), '85%');
    assert.equal(await text(page, 'lines-mix-overall-growth'), '12.7%');
    assert.equal(await text(page, 'lines-mix-overall-emerging'), '2.3%');
    assert.equal(await text(page, 'lines-mix-target-core'), '70%');
    assert.equal(await text(page, 'lines-mix-overall-gap'), '核心业务高出目标 15 个百分点');
    assert.equal(await text(page, 'lines-mix-overall-flag'), '超出容差 ±10');
    assert.equal(await page.locator('[data-testid=lines-mix] tbody tr').count(), 9);

    // 20 bubbles, each focusable and named; focusing one shows its figures.
    const bubbles = page.locator('[data-testid=lines-bubble-chart] circle[data-testid^=lines-bubble-bl-]');
    assert.equal(await bubbles.count(), 20);
    assert.equal(await page.getByTestId(`lines-bubble-${STATION}`).getAttribute('tabindex'), '0');
    assert.equal(
      await page.getByTestId(`lines-bubble-${STATION}`).getAttribute('aria-label'),
      '站场安防（油气，核心业务）：市场份额 15%，增长 -5.3%，收入 900万',
    );
    assert.match(await text(page, 'lines-bubble-details'), /把鼠标移到气泡上/);
    await page.getByTestId(`lines-bubble-${STATION}`).focus();
    assert.equal(await text(page, 'lines-details-name'), '站场安防');
    assert.equal(await text(page, 'lines-details-share'), '15%');
    assert.equal(await text(page, 'lines-details-growth'), '-5.3%');
    assert.equal(await text(page, 'lines-details-revenue'), '900万');
    assert.equal(await text(page, 'lines-details-quadrant'), '守住');
    // Hovering another shows that one.
    await page.getByTestId('lines-bubble-bl-17').hover({ force: true });
    assert.equal(await text(page, 'lines-details-name'), 'AI 质检');
    assert.equal(await text(page, 'lines-details-growth'), '233.3%');
    assert.equal(await text(page, 'lines-details-quadrant'), '待发力');
    assert.match(await text(page, 'lines-quadrant-note'), /市场份额 4.2%，增长率 33.3%/);
    for (const q of ['待发力', '领先', '守住', '观察']) {
      assert.equal(await page.locator('[data-testid=lines-bubble-chart] text.bubble-quadrant', { hasText: q }).count(), 1);
    }
    assert.equal(await page.getByTestId('lines-unplotted').count(), 0, 'every demo line can be plotted');
    await page.getByTestId('lines-bubble').scrollIntoViewIfNeeded();
    await screenshot(page, 'portfolio-lines-bubble-zh');

    // The same data as a table.
    await page.getByTestId('lines-view-table').click();
    assert.equal(await page.getByTestId('lines-view-table').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('[data-testid=lines-bubble-table] tbody tr').count(), 20);
    assert.equal(
      await text(page, `lines-bubble-row-${STATION}`),
      '站场安防油气核心业务15%-5.3%900万守住',
    );
    await page.getByTestId('lines-view-chart').click();
    assert.equal(await page.locator('[data-testid=lines-bubble-chart] circle.bubble').count(), 20);
    await page.getByTestId('lines-mix').scrollIntoViewIfNeeded();
    await screenshot(page, 'portfolio-lines-mix-zh');
  });
});

test('moving 站场安防 to the growth horizon changes the overall mix; undo restores it', { timeout: TEST_TIMEOUT }, async () => {
  await withLines('lines-edit', 'zh-CN', async (page) => {
    assert.equal(await text(page, 'lines-mix-overall-growth'), '12.7%');
    await page.getByTestId(`lines-edit-${STATION}`).click();
    await page.getByTestId('lines-form').waitFor();
    assert.equal(await page.getByTestId('lines-form-name').inputValue(), '站场安防');
    assert.equal(await page.getByTestId('lines-form-revenue').inputValue(), '9,000,000');
    await page.getByTestId('lines-form-horizon').selectOption('growth');
    await page.getByTestId('lines-save').click();
    await page.getByTestId('lines-form').waitFor({ state: 'detached' });

    // 58 M of 384.7 M is growth now; core 318 M.
    assert.equal(await text(page, 'lines-mix-overall-growth'), '15.1%');
    assert.equal(await text(page, 'lines-mix-overall-core'), '82.7%');
    assert.equal(await text(page, `lines-row-${STATION}-horizon`), '成长业务');
    assert.equal(await text(page, 'lines-grid-overall-growth-revenue'), '5800万');
    // Oil & gas has a growth line now.
    const oil = page.locator('[data-testid=lines-grid] tbody tr', { hasText: '油气' });
    assert.equal(await oil.locator('td.is-empty').count(), 1);
    assert.match(
      await page.getByTestId(`lines-bubble-${STATION}`).getAttribute('class'),
      /bubble-growth/,
    );

    await page.getByTestId('undo').click();
    assert.equal(await text(page, 'lines-mix-overall-growth'), '12.7%');
    assert.equal(await text(page, `lines-row-${STATION}-horizon`), '核心业务');
  });
});

test('a line with an amount that does not read is refused next to its field; a good one is added', { timeout: TEST_TIMEOUT }, async () => {
  await withLines('lines-add', 'zh-CN', async (page) => {
    assert.equal(await text(page, 'lines-count'), '共 20 条');
    await page.getByTestId('lines-add').click();
    await page.getByTestId('lines-form').waitFor();
    // Saving an empty form names the required fields.
    await page.getByTestId('lines-save').click();
    assert.equal(await text(page, 'lines-form-industry-error'), '请填写行业。');
    assert.equal(await text(page, 'lines-form-name-error'), '请填写业务线。');
    assert.equal(await text(page, 'lines-form-revenue-error'), '请填写本年收入。');

    await page.getByTestId('lines-form-industry').fill('电力');
    await page.getByTestId('lines-form-name').fill('配网自动化');
    await page.getByTestId('lines-form-revenue').fill('12 万元');
    await page.getByTestId('lines-form-market').fill('-3亿');
    await page.getByTestId('lines-save').click();
    assert.equal(
      await text(page, 'lines-form-revenue-error'),
      '本年收入“12 万元”不是金额：可写 1.2亿、3,000万、12M 或 120000。',
    );
    assert.equal(await text(page, 'lines-form-market-error'), '市场规模不能为负数。');
    assert.equal(await page.getByTestId('lines-form-name-error').count(), 0);
    assert.equal(await page.getByTestId('lines-form-revenue').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page, 'lines-form-errors'), '请修改标红的字段，尚未保存。');
    await screenshot(page, 'portfolio-lines-form-zh');
    await page.getByTestId('lines-form-cancel').click();
    assert.equal(await page.getByTestId('lines-form').count(), 0);
    assert.equal(await text(page, 'lines-count'), '共 20 条', 'nothing was saved');
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing was dispatched');

    // A good one, with compact amounts.
    await page.getByTestId('lines-add').click();
    await page.getByTestId('lines-form-industry').fill('电力');
    await page.getByTestId('lines-form-name').fill('配网自动化');
    await page.getByTestId('lines-form-horizon').selectOption('growth');
    await page.getByTestId('lines-form-revenue').fill('3,000万');
    await page.getByTestId('lines-form-last-year').fill('0.2亿');
    await page.getByTestId('lines-form-market').fill('600M');
    await page.getByTestId('lines-save').click();
    await page.getByTestId('lines-row-bl-21').waitFor();
    assert.equal(await text(page, 'lines-count'), '共 21 条');
    assert.equal(await text(page, 'lines-row-bl-21-revenue'), '3000万');
    assert.equal(await text(page, 'lines-row-bl-21-growth'), '50%');
    // 414.7 M in all; growth 79 M of it.
    assert.equal(await text(page, 'lines-grid-overall-total-revenue'), '4.15亿');
    assert.equal(await text(page, 'lines-mix-overall-growth'), '19%');
    assert.equal(await page.locator('[data-testid=lines-bubble-chart] circle.bubble').count(), 21);
  });
});

test('deleting a line asks first, then removes it', { timeout: TEST_TIMEOUT }, async () => {
  await withLines('lines-delete', 'zh-CN', async (page) => {
    await page.getByTestId(`lines-delete-${STATION}`).click();
    assert.equal(await page.locator('#dialog-title').textContent(), '删除业务线“站场安防”？');
    await page.getByTestId('dialog-cancel').click();
    assert.equal(await page.getByTestId(`lines-row-${STATION}`).count(), 1);
    await page.getByTestId(`lines-delete-${STATION}`).click();
    const body = await page.locator('[data-testid=dialog] .dialog-body').textContent();
    const n = Number(body.match(/^它在空白点中的 (\d+) 个单元格也会一并删除。删除后可以撤销。$/)?.[1]);
    assert.ok(n > 0, `the dialog counts the line's whitespace cells: ${body}`);
    assert.equal(await storedCells(page, STATION), n);
    await page.getByTestId('dialog-confirm').click();
    assert.equal(await page.getByTestId(`lines-row-${STATION}`).count(), 0);
    // The line's whitespace cells went with it (the copy in storage is written shortly after).
    for (let i = 0; i < 50 && (await storedCells(page, STATION)) !== 0; i++) await page.waitForTimeout(100);
    assert.equal(await storedCells(page, STATION), 0);
    assert.equal(await text(page, 'lines-count'), '共 19 条');
    assert.equal(await text(page, 'lines-grid-overall-total-revenue'), '3.76亿');
  });
});

test('the target mix must add up to 100 before it is saved', { timeout: TEST_TIMEOUT }, async () => {
  await withLines('lines-target', 'zh-CN', async (page) => {
    assert.equal(await page.getByTestId('lines-target-core').inputValue(), '70');
    await page.getByTestId('lines-target-core').fill('60');
    assert.equal(await text(page, 'lines-target-sum'), '三项合计 90%');
    await page.getByTestId('lines-target-save').click();
    assert.equal(
      await text(page, 'lines-target-error'),
      '核心、成长、新兴三项目标之和须为 100%，现在是 90%，未保存。',
    );
    assert.equal(await text(page, 'lines-mix-target-core'), '70%', 'nothing was saved');
    assert.equal(await page.getByTestId('undo').isDisabled(), true);

    await page.getByTestId('lines-target-growth').fill('30');
    await page.getByTestId('lines-target-tolerance').fill('abc');
    await page.getByTestId('lines-target-save').click();
    assert.equal(await text(page, 'lines-target-error'), '容差（百分点）须为 0 到 100 之间的数字，未保存。');
    assert.equal(await text(page, 'lines-mix-target-core'), '70%');

    // 60 / 30 / 10 with a tolerance of 30 points: the overall mix is within it.
    await page.getByTestId('lines-target-tolerance').fill('30');
    await page.getByTestId('lines-target-save').click();
    assert.equal(await text(page, 'lines-target-error'), '');
    assert.equal(await text(page, 'lines-mix-target-core'), '60%');
    assert.equal(await text(page, 'lines-mix-target-growth'), '30%');
    assert.equal(await text(page, 'lines-mix-overall-gap'), '核心业务高出目标 25 个百分点');
    assert.equal(await page.getByTestId('lines-mix-overall-flag').count(), 0);
    assert.equal(await text(page, 'lines-mix-overall-ok'), '在容差内');
    // Undo brings back the saved target into the editor.
    await page.getByTestId('undo').click();
    assert.equal(await page.getByTestId('lines-target-core').inputValue(), '70');
    assert.equal(await text(page, 'lines-mix-overall-flag'), '超出容差 ±10');
  });
});

test('an empty workspace says so; a line without a market size is listed under the chart with why', { timeout: TEST_TIMEOUT }, async () => {
  await withLines('lines-empty', 'zh-CN', async (page) => {
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-new-empty').click();
    await page.getByTestId('dialog-input').fill('空白组合');
    await page.getByTestId('dialog-confirm').click();
    await page.evaluate(() => { location.hash = '#/portfolio'; });
    await page.getByTestId('lines-empty').waitFor();
    assert.match(await text(page, 'lines-empty'), /还没有业务线。/);
    assert.equal(await page.getByTestId('lines-grid').count(), 0);
    await screenshot(page, 'portfolio-lines-empty-zh');

    await page.getByTestId('lines-add').click();
    await page.getByTestId('lines-form-industry').fill('新能源');
    await page.getByTestId('lines-form-name').fill('储能集成');
    await page.getByTestId('lines-form-revenue').fill('1.2亿');
    await page.getByTestId('lines-save').click();
    await page.getByTestId('lines-row-bl-1').waitFor();
    assert.equal(await page.locator('[data-testid=lines-grid] tbody tr').count(), 1);
    assert.equal(await text(page, 'lines-grid-overall-total-revenue'), '1.2亿');
    assert.equal(await text(page, 'lines-grid-overall-total-growth'), '—');
    assert.equal(
      await page.getByTestId('lines-grid-overall-total-growth').getAttribute('title'),
      '没有上年收入，无法计算增长',
    );
    assert.equal(await text(page, 'lines-bubble-none'), '没有可绘制的业务线：每条业务线都需要市场规模和上年收入。');
    assert.equal(await text(page, 'lines-unplotted-bl-1'), '储能集成（新能源）：没有市场规模和上年收入');
    assert.equal(await text(page, 'lines-mix-overall-core'), '100%');
  });
});

test('in English the portfolio tab speaks English', { timeout: TEST_TIMEOUT }, async () => {
  await withLines('lines-en', 'en-US', async (page) => {
    assert.equal(await text(page, 'lines-grid-overall-total-revenue'), '385M');
    assert.equal(await text(page, 'lines-grid-overall-core-revenue'), '327M');
    assert.equal(await text(page, 'lines-grid-overall-growth-revenue'), '49M');
    assert.equal(await text(page, 'lines-grid-overall-emerging-revenue'), '8.7M');
    assert.equal(await text(page, 'lines-grid-overall-total-count'), '20 lines');
    assert.equal(await text(page, 'lines-mix-overall-gap'), 'Core 15 points over target');
    assert.equal(await text(page, 'lines-mix-overall-flag'), 'Beyond ±10');
    await page.getByTestId(`lines-bubble-${STATION}`).focus();
    assert.equal(await text(page, 'lines-details-name'), 'Station security');
    assert.equal(await text(page, 'lines-details-quadrant'), 'Defend');
    // Owners are the demo's Chinese names; everything else is English.
    for (const part of ['lines-grid-card', 'lines-bubble', 'lines-mix', 'lines-target']) {
      assert.doesNotMatch(await text(page, part), /[\u4e00-\u9fff]/, `no Chinese in ${part}`);
    }
    await screenshot(page, 'portfolio-lines-en');
    await page.getByTestId('lines-add').click();
    await page.getByTestId('lines-form-name').fill('Grid analytics');
    await page.getByTestId('lines-form-industry').fill('Power');
    await page.getByTestId('lines-form-revenue').fill('twelve');
    await page.getByTestId('lines-save').click();
    assert.equal(
      await text(page, 'lines-form-revenue-error'),
      'Revenue this year: “twelve” is not an amount; write e.g. 12M, 1.2亿, 3,000万 or 120000.',
    );
  });
});
