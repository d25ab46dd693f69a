// End-to-end tests of Tool 2's diagnostics tab and its files: the demo's planted findings and
// its expansion ranking with each score's inputs, a business-line CSV with one bad row imported
// through the real file chooser (the preview names the row and why; confirming adds one line,
// updates another and clears "no next engine"), and the whitespace template downloaded filled in.
//
// Run: node --test --test-concurrency=1 e2e/portfolio.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { REPO_ROOT, appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();
const LINES_CSV = path.join(REPO_ROOT, 'tests/fixtures/import/lines-e2e.csv');

async function openTab(page, tab) {
  await page.getByTestId(`portfolio-tab-${tab}`).click();
}

test('diagnostics: the demo plants no next engine, a mix off target and a growth line without a control point', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'portfolio-diagnostics', locale: 'zh-CN', hash: '#/portfolio', consoleClean: true }, async (page) => {
    await openTab(page, 'diagnostics');
    await page.getByTestId('diag-findings').waitFor();
    assert.match(
      await page.getByTestId('diag-no_next_engine-油气').textContent(),
      /油气只有核心业务（3500万），没有成长或新兴业务。/,
    );
    assert.match(
      await page.getByTestId('diag-mix_off-all').textContent(),
      /公司整体核心业务占收入 85%，目标 70%/,
    );
    assert.match(await page.getByTestId('diag-mix_off-industries').textContent(), /6 个行业的组合偏离目标超过 10 个百分点：电力核心业务 83.3%、金融/);
    assert.match(
      await page.getByTestId('diag-no_control_point-bl-5').textContent(),
      /电力的成长业务“储能运维”没有写战略控制点。/,
    );
    assert.equal(await page.locator('[data-testid^=diag-no_risk_management]').count(), 0);

    const rows = page.locator('[data-testid=diag-ranking] tbody tr');
    assert.equal(await rows.count(), 8);
    const top = [];
    for (let i = 0; i < 3; i += 1) {
      top.push([
        await rows.nth(i).getByTestId('diag-rank-n').textContent(),
        await rows.nth(i).locator('th').textContent(),
      ]);
    }
    assert.deepEqual(top, [['1', '制造'], ['2', '电力'], ['3', '运营商']]);
    assert.equal(
      await page.getByTestId('diag-rank-制造').getByTestId('diag-rank-why').textContent(),
      '14亿 × (1 + 19.1%) × (1 − 3.4%) = 16.1亿',
    );
    // The customer-selection evidence: 制造 has its two value accounts, no strategic one.
    const manufacturing = await page.getByTestId('diag-rank-制造').locator('td').allTextContents();
    assert.deepEqual(manufacturing.slice(-2), ['0', '2']);
    await screenshot(page, 'portfolio-diagnostics-zh');
  });
});

test('diagnostics in English', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'portfolio-diagnostics-en', locale: 'en', hash: '#/portfolio', consoleClean: true }, async (page) => {
    await openTab(page, 'diagnostics');
    assert.match(
      await page.getByTestId('diag-no_next_engine-Oil & gas').textContent(),
      /Oil & gas has core business only \(35M\), no growth or emerging line\./,
    );
    assert.equal(
      await page.getByTestId('diag-rank-Manufacturing').getByTestId('diag-rank-why').textContent(),
      '1.4B × (1 + 19.1%) × (1 − 3.4%) = 1.61B',
    );
    await screenshot(page, 'portfolio-diagnostics-en');
  });
});

test('a business-line CSV with one bad row: the preview names it; confirming adds one line, updates one and clears "no next engine"', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'portfolio-lines-import', locale: 'zh-CN', hash: '#/portfolio', consoleClean: true }, async (page) => {
    await page.getByTestId('portfolio-lines-import').click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('portfolio-lines-wizard-file').click(),
    ]);
    await chooser.setFiles(LINES_CSV);
    await page.getByTestId('portfolio-lines-wizard-mapping').waitFor();
    assert.equal(await page.getByTestId('portfolio-lines-wizard-map-0').inputValue(), 'industry');
    assert.equal(await page.getByTestId('portfolio-lines-wizard-map-2').inputValue(), 'horizon');
    assert.equal(
      await page.getByTestId('portfolio-lines-wizard-summary').textContent(),
      '新增 1 条，更新 1 条；1 行有错误不导入，0 行空行跳过。',
    );
    const errors = await page.locator('[data-testid=portfolio-lines-wizard-errors] tbody tr').allTextContents();
    assert.deepEqual(errors, ['4业务层次第四层业务层次只能是核心、成长或新兴']);
    await screenshot(page, 'portfolio-lines-import-zh');

    await page.getByTestId('portfolio-lines-wizard-confirm').click();
    await page.getByTestId('portfolio-lines-wizard-dialog').waitFor({ state: 'detached' });

    await openTab(page, 'diagnostics');
    await page.getByTestId('diag-findings').waitFor();
    assert.equal(await page.getByTestId('diag-no_next_engine-油气').count(), 0, '油气 now has a growth line');
    // The new line has no control point: it is listed.
    assert.match(await page.getByTestId('diag-findings').textContent(), /油气的成长业务“管道数字孪生”没有写战略控制点。/);
    // Undo takes the whole import back in one step.
    await page.keyboard.press('Control+z');
    await page.getByTestId('diag-no_next_engine-油气').waitFor();
  });
});

test('the whitespace template comes filled in with every account and line of its industry', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'portfolio-cells-template', locale: 'zh-CN', hash: '#/portfolio', consoleClean: true }, async (page) => {
    await openTab(page, 'whitespace');
    await page.getByTestId('portfolio-cells-import').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('portfolio-cells-template-csv').click(),
    ]);
    const file = await download.path();
    const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r\n/);
    assert.equal(lines[0], '客户,业务线,状态,已成交收入,潜在空间');
    assert.equal(lines.length - 1, 37, 'the 37 pairs of the 15 accounts with their industry’s lines');
    assert.ok(lines.some((l) => /,储能运维,空白,,500\d{4}$/.test(l)), lines.join('\n'));
  });
});
