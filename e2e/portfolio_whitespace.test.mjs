// End-to-end tests of the whitespace tab of Tool 2 (空白点) on the demo: 15 accounts (the
// strategic and value customers) × 20 business lines, the open potential planted in energy-storage
// O&M (bl-5) and the industrial internet platform (bl-16); an edited cell moves its line total,
// its account total and the grand total; a wrong amount is refused next to its field; the filters
// narrow rows, columns and totals; the CSV export downloads what the list shows.
//
// Run: KAM_DIST=/tmp/dist-ws node --test e2e/portfolio_whitespace.test.mjs   (after a trunk build)

import fs from 'node:fs/promises';
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

/** Planted in src/domain/portfolio/demo.rs: the two lines holding most of the open potential. */
const STORAGE_OM = 'bl-5'; // 储能运维: 国网广东 500万 + 国网沈阳 500万
const PLATFORM = 'bl-16'; // 工业互联网平台: 长沙汽车 400万 + 湖北重工 600万
const HUBEI = 'c-0199'; // 湖北重工集团有限公司 (value, manufacturing)
const CHANGSHA = 'c-0077'; // 长沙汽车集团有限公司 (value, manufacturing)
const GUANGDONG = 'c-0204'; // 国网广东省电力有限公司 (strategic, power)

async function withWhitespace(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/portfolio', consoleClean: true }, async (page) => {
    await page.getByTestId('portfolio-tab-whitespace').click();
    await page.getByTestId('ws-matrix').waitFor();
    await fn(page);
  });
}

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();
const rowCount = (page) => page.locator('[data-testid=ws-matrix] tbody tr').count();

/** Every line total that is not 0, as { line: text }. */
async function lineTotals(page) {
  const pairs = await page.locator('[data-testid^=ws-total-line-]').evaluateAll((els) =>
    els.map((e) => [e.dataset.testid.replace('ws-total-line-', ''), e.textContent.trim()]),
  );
  return Object.fromEntries(pairs.filter(([, v]) => v !== '0'));
}

/** Opens the editor of a cell, types into the amount field of `status` and saves. */
async function editCell(page, account, line, { status, amount }) {
  await page.getByTestId(`ws-cell-${account}-${line}`).click();
  await page.getByTestId('ws-cell-dialog').waitFor();
  if (status) await page.getByTestId('ws-cell-status').selectOption(status);
  const field = status === 'sold' ? 'ws-cell-revenue' : 'ws-cell-potential';
  await page.getByTestId(field).fill(amount);
  await page.getByTestId('ws-cell-save').click();
}

async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ws-export-csv').click()]);
  const body = await fs.readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), body, lines: body.split('\r\n').filter((l) => l !== '') };
}

test('the demo matrix: 15 accounts, the open potential in storage O&M and the platform, totals as rendered', { timeout: TEST_TIMEOUT }, async () => {
  await withWhitespace('whitespace-zh', 'zh-CN', async (page) => {
    assert.equal(await rowCount(page), 15);
    assert.equal(await page.locator('[data-testid=ws-matrix] thead tr:nth-child(2) th').count(), 20);
    assert.equal(await text(page, `ws-line-${STORAGE_OM}`), '储能运维成长业务');
    assert.equal(await text(page, `ws-line-${PLATFORM}`), '工业互联网平台成长业务');
    // 2,000万 of the 2,580万 open potential is in the two planted lines.
    assert.deepEqual(await lineTotals(page), {
      'bl-2': '140万',
      [STORAGE_OM]: '1000万',
      'bl-6': '160万',
      'bl-8': '80万',
      'bl-10': '60万',
      'bl-12': '80万',
      [PLATFORM]: '1000万',
      'bl-20': '60万',
    });
    assert.equal(await text(page, 'ws-total'), '2580万');
    assert.equal(await text(page, 'ws-total-corner'), '2580万');
    assert.equal(await text(page, 'ws-total-pursuit'), '320万');
    assert.equal(await text(page, 'ws-total-sold'), '1.13亿');
    assert.equal(await text(page, `ws-total-account-${HUBEI}`), '600万');
    assert.equal(await text(page, `ws-total-account-${GUANGDONG}`), '580万');
    assert.equal(await text(page, `ws-total-sold-bl-1`), '成交 4110万');
    // Each cell shows its status as a class and its figure.
    const cell = page.getByTestId(`ws-cell-${HUBEI}-${PLATFORM}`);
    // (print-as-text: on paper the cell prints as its figure, styles/print.css.)
    const classes = (await cell.getAttribute('class')).split(' ').filter((c) => c !== 'print-as-text');
    assert.deepEqual(classes, ['ws-cell', 'ws-open']);
    assert.equal(await cell.textContent(), '600万');
    assert.equal(await cell.getAttribute('aria-label'), '湖北重工集团有限公司 × 工业互联网平台：空白 600万，点击修改');
    assert.match(await page.getByTestId('ws-cell-c-0052-bl-1').getAttribute('class'), /ws-sold/);
    assert.match(await page.getByTestId(`ws-cell-${HUBEI}-bl-1`).getAttribute('class'), /ws-not_relevant is-default/);
    assert.deepEqual(await page.getByTestId('ws-legend').locator('li').allTextContents(), ['已成交', '跟进中', '空白', '不相关']);
    // The matrix scrolls in a region that takes focus, and its account column stays in view.
    const region = page.locator('.ws-scroll');
    assert.equal(await region.getAttribute('role'), 'region');
    assert.equal(await region.getAttribute('tabindex'), '0');
    assert.match(await region.getAttribute('aria-label'), /空白点矩阵/);
    assert.equal(await page.locator('.ws-matrix tbody th.ws-account').first().evaluate((e) => getComputedStyle(e).position), 'sticky');
    await screenshot(page, 'portfolio-whitespace-zh');
  });
  await withWhitespace('whitespace-en', 'en', async (page) => {
    assert.equal(await rowCount(page), 15);
    assert.equal(await text(page, `ws-line-${STORAGE_OM}`), 'Energy-storage O&MGrowth');
    assert.equal(await text(page, `ws-total-line-${STORAGE_OM}`), '10M');
    assert.equal(await text(page, `ws-total-line-${PLATFORM}`), '10M');
    assert.equal(await text(page, 'ws-total'), '25.8M');
    assert.equal(await text(page, 'ws-total-sold-bl-1'), 'sold 41.1M');
    await screenshot(page, 'portfolio-whitespace-en');
  });
});

test('editing a cell updates its line total, its account total and the grand total; reset restores the default', { timeout: TEST_TIMEOUT }, async () => {
  await withWhitespace('whitespace-edit', 'zh-CN', async (page) => {
    // Open 600万 → sold for 450万.
    await editCell(page, HUBEI, PLATFORM, { status: 'sold', amount: '450万' });
    await page.getByTestId('ws-cell-dialog').waitFor({ state: 'detached' });
    const cell = page.getByTestId(`ws-cell-${HUBEI}-${PLATFORM}`);
    assert.equal(await cell.getAttribute('data-status'), 'sold');
    assert.equal(await cell.textContent(), '450万');
    assert.equal(await text(page, `ws-total-line-${PLATFORM}`), '400万');
    assert.equal(await text(page, `ws-total-sold-${PLATFORM}`), '成交 450万');
    assert.equal(await text(page, `ws-total-account-${HUBEI}`), '0');
    assert.equal(await text(page, 'ws-total'), '1980万');
    assert.equal(await page.getByTestId('undo').isDisabled(), false);

    // A potential typed as 1.2亿 (the field shows the stored 400万 first).
    await page.getByTestId(`ws-cell-${CHANGSHA}-${PLATFORM}`).click();
    assert.equal(await page.getByTestId('ws-cell-potential').inputValue(), '400万');
    await page.getByTestId('ws-cell-potential').fill('1.2亿');
    await page.getByTestId('ws-cell-save').click();
    await page.getByTestId('ws-cell-dialog').waitFor({ state: 'detached' });
    assert.equal(await text(page, `ws-total-line-${PLATFORM}`), '1.2亿');
    assert.equal(await text(page, `ws-total-account-${CHANGSHA}`), '1.2亿');
    assert.equal(await text(page, 'ws-total'), '1.36亿');

    // Cells are buttons: Enter opens the editor, Esc closes it without a change.
    await page.getByTestId(`ws-cell-${GUANGDONG}-${STORAGE_OM}`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('ws-cell-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('ws-cell-dialog').waitFor({ state: 'detached' });
    assert.equal(await text(page, `ws-total-line-${STORAGE_OM}`), '1000万');

    // Reset removes the cell: the pair is open again with no figure.
    await cell.click();
    await page.getByTestId('ws-cell-reset').click();
    await page.getByTestId('ws-cell-dialog').waitFor({ state: 'detached' });
    assert.equal(await cell.getAttribute('data-status'), 'open');
    assert.equal(await cell.textContent(), '—');
    assert.equal(await page.getByTestId(`ws-total-sold-${PLATFORM}`).count(), 0);
    assert.equal(await text(page, `ws-total-line-${PLATFORM}`), '1.2亿');
    assert.equal(await text(page, `ws-total-account-${HUBEI}`), '0');
    await cell.click();
    assert.match(await text(page, 'ws-cell-note'), /尚未填写/);
    assert.equal(await page.getByTestId('ws-cell-reset').count(), 0, 'nothing to reset');
    await page.getByTestId('ws-cell-cancel').click();
  });
});

test('an invalid amount shows an error naming the field and saves nothing', { timeout: TEST_TIMEOUT }, async () => {
  await withWhitespace('whitespace-invalid', 'zh-CN', async (page) => {
    await editCell(page, GUANGDONG, STORAGE_OM, { amount: 'abc' });
    assert.equal(
      await text(page, 'ws-cell-potential-error'),
      '年潜力无法识别：请填写数字，例如 300万、1.2亿 或 3000000。',
    );
    assert.equal(await page.getByTestId('ws-cell-potential').getAttribute('aria-invalid'), 'true');
    await page.getByTestId('ws-cell-potential').fill('-5万');
    await page.getByTestId('ws-cell-save').click();
    assert.equal(await text(page, 'ws-cell-potential-error'), '年潜力不能为负数。');
    assert.equal(await page.getByTestId('ws-cell-dialog').count(), 1, 'the dialog stays open');
    await page.getByTestId('ws-cell-cancel').click();
    assert.equal(await text(page, `ws-total-line-${STORAGE_OM}`), '1000万');
    assert.equal(await text(page, 'ws-total'), '2580万');
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing was saved');
  });
  await withWhitespace('whitespace-invalid-en', 'en', async (page) => {
    await editCell(page, HUBEI, PLATFORM, { status: 'sold', amount: '12 apples' });
    assert.equal(
      await text(page, 'ws-cell-revenue-error'),
      'Revenue a year is not an amount: write a number such as 3M, 1.2B or 3000000.',
    );
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('undo').isDisabled(), true);
  });
});

test('the tier and industry filters reduce rows, columns and totals', { timeout: TEST_TIMEOUT }, async () => {
  await withWhitespace('whitespace-filters', 'zh-CN', async (page) => {
    const lineColumns = () => page.locator('[data-testid=ws-matrix] thead tr:nth-child(2) th').count();
    await page.getByTestId('ws-filter-tier').selectOption('strategic');
    assert.equal(await rowCount(page), 5);
    assert.equal(await lineColumns(), 20);
    assert.equal(await text(page, 'ws-total'), '720万');
    assert.equal(await text(page, `ws-total-line-${STORAGE_OM}`), '500万');
    assert.equal(await text(page, `ws-total-line-${PLATFORM}`), '0');
    assert.equal(await text(page, 'ws-shown'), '显示 5 / 15 个大客户 × 20 / 20 条业务线');
    // Only the lines a strategic account could buy.
    await page.getByTestId('ws-hide-irrelevant').check();
    assert.equal(await lineColumns(), 12);
    assert.equal(await page.getByTestId(`ws-line-${PLATFORM}`).count(), 0);
    assert.equal(await text(page, 'ws-total'), '720万');
    await page.getByTestId('ws-hide-irrelevant').uncheck();

    await page.getByTestId('ws-filter-tier').selectOption('');
    await page.getByTestId('ws-filter-industry').selectOption('电力');
    assert.equal(await rowCount(page), 2);
    assert.equal(await lineColumns(), 3);
    assert.equal(await text(page, 'ws-total'), '1160万');
    assert.equal(await text(page, `ws-total-account-${GUANGDONG}`), '580万');

    await page.getByTestId('ws-filter-tier').selectOption('value');
    assert.equal(await rowCount(page), 1);
    assert.equal(await text(page, 'ws-total'), '580万');
    await page.getByTestId('ws-filter-industry').selectOption('油气');
    assert.equal(await text(page, 'ws-total'), '0');
    assert.equal(await text(page, 'ws-total-sold'), '342万');
  });
});

test('the list and the CSV export hold the shown pairs, largest potential first', { timeout: TEST_TIMEOUT }, async () => {
  await withWhitespace('whitespace-export', 'zh-CN', async (page) => {
    const all = await download(page);
    assert.match(all.name, /^示例集团-whitespace-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.equal(all.body.charCodeAt(0), 0xfeff, 'UTF-8 with a byte-order mark');
    assert.equal(all.lines[0].slice(1), '客户,层级,行业,业务线,业务层次,状态,年收入（元）,年潜力（元）');
    // Every pair of an account with a line of its industry: 20 open or in pursuit, 17 sold.
    assert.equal(all.lines.length - 1, 37);
    assert.equal(all.lines[1], '湖北重工集团有限公司,价值客户,制造,工业互联网平台,成长业务,空白,0,6000000');
    assert.equal(all.lines.filter((l) => l.includes(',已成交,')).length, 17);
    assert.ok(all.lines.includes('中国移动通信集团广西有限公司,战略客户,运营商,网络运维服务,核心业务,已成交,36590000,0'));

    await page.getByTestId('ws-view-table').click();
    assert.equal(await page.locator('[data-testid=ws-list] tbody tr').count(), 37);
    assert.equal(
      await page.locator('[data-testid=ws-list] tbody tr').first().getAttribute('data-testid'),
      `ws-list-${HUBEI}-${PLATFORM}`,
    );
    await screenshot(page, 'portfolio-whitespace-table-zh');
    // A row's edit button opens the same editor.
    await page.getByTestId(`ws-row-edit-${HUBEI}-${PLATFORM}`).click();
    await page.getByTestId('ws-cell-dialog').waitFor();
    await page.getByTestId('ws-cell-cancel').click();

    await page.getByTestId('ws-filter-industry').selectOption('电力');
    assert.equal(await page.locator('[data-testid=ws-list] tbody tr').count(), 6);
    const power = await download(page);
    assert.equal(power.lines.length - 1, 6);
    assert.ok(power.lines.slice(1).every((l) => l.split(',')[2] === '电力'));
  });
  await withWhitespace('whitespace-export-en', 'en', async (page) => {
    const all = await download(page);
    assert.equal(
      all.lines[0].slice(1),
      'Account,Tier,Industry,Business line,Horizon,Status,Revenue a year (yuan),Potential a year (yuan)',
    );
    assert.equal(all.lines.length - 1, 37);
    assert.match(all.lines[1], /,Growth,Open,0,6000000$/);
  });
});

test('without account tiers the tab points to the iron-triangle settings', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'whitespace-no-accounts', locale: 'zh-CN', hash: '#/team', consoleClean: true }, async (page) => {
    await page.getByTestId('team-tab-templates').click();
    for (const tier of ['strategic', 'value']) await page.getByTestId(`account-tier-${tier}`).uncheck();
    await page.goto(`${suite.server.url}#/portfolio`);
    await page.getByTestId('portfolio-tab-whitespace').click();
    assert.equal(
      await text(page, 'ws-no-accounts'),
      '还没有大客户。空白点只看配置铁三角的层级里的客户：在“铁三角配置”的“角色与配置模板”页签选择这些层级。',
    );
    assert.equal(await page.getByTestId('ws-matrix').count(), 0);
    await page.getByTestId('ws-go-team').click();
    await page.getByTestId('team-tab-templates').waitFor();
  });
});
