// End-to-end tests of the import wizard as a newcomer meets it: from the overview's "start with
// my data" to a new workspace, the blocking warning for a workbook whose amount column was not
// recognised, the template that imports with 0 errors, and the dialog's keyboard behaviour.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { appSuite, withApp, screenshot } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();

/** A workbook of 20 customers whose amount column has a header no dictionary knows. */
function ownCsv() {
  const lines = ['客户名称,业务量（万元）,销售区域,是否老客户'];
  for (let i = 1; i <= 20; i++) lines.push(`客户${i}有限公司,${i * 60},华${i % 2 ? '东' : '南'},${i % 3 ? '是' : '否'}`);
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

async function distribution(page) {
  const out = {};
  for (const row of await page.locator('[data-testid=distribution-table] tbody tr').all()) {
    out[await row.getAttribute('data-tier')] = Number(await row.locator('td').first().textContent());
  }
  return out;
}

test('start with my data: the unmapped amount blocks, picking the column fixes it, the demo stays as it was', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'wizard-newcomer', locale: 'zh-CN', hash: '#/overview', consoleClean: true }, async (page) => {
    await page.getByTestId('start-card').waitFor();
    const demoName = await page.getByTestId('ws-name').textContent();
    await page.getByTestId('start-my-data').click();
    await page.getByTestId('import-file').setInputFiles({ name: '我的客户.csv', mimeType: 'text/csv', buffer: ownCsv() });
    await page.getByTestId('import-mapping').waitFor();

    // Nothing feeds 年采购额: a blocking warning naming it, not a confirm button.
    const warning = page.getByTestId('import-key-fields');
    assert.match(await warning.textContent(), /没有任何列对应年采购额/);
    assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
    assert.equal(await page.getByTestId('import-map-1').inputValue(), 'ignore');
    assert.equal(await page.getByTestId('import-map-2').inputValue(), 'region');
    assert.equal(await page.getByTestId('import-map-3').inputValue(), 'repeat_purchase');
    assert.equal(await page.getByTestId('import-how-2').textContent(), '已知表头');

    // Picking the column fixes it; the read values show the unit of the header.
    await page.getByTestId('import-key-pick').selectOption('1');
    await warning.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('import-map-1').inputValue(), 'annual_purchase');
    assert.match(await page.getByTestId('import-read-1').textContent(), /^60 → 600,000 · 120 → 1,200,000$/);
    assert.equal(await page.getByTestId('import-read-3').textContent(), '是 · 是');
    assert.equal(await page.getByTestId('import-read-2').textContent(), '华东 · 华南');
    assert.equal(await page.getByTestId('import-how-1').textContent(), '手动指定');
    assert.equal(await page.getByTestId('import-summary').textContent(), '可导入 20 行；有错误 0 行（不会导入）；跳过空行或合计行 0 行。');
    const stored = await page.locator('[data-testid=import-preview] tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(stored, ['2', '客户1有限公司', '600,000', '华东', '是']);

    // The demo is open, so a new workspace is the default, named after the file.
    assert.equal(await page.getByTestId('import-dest-new').isChecked(), true);
    assert.equal(await page.getByTestId('import-ws-name').inputValue(), '我的客户');
    await screenshot(page, 'wizard-mapping-zh');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('ws-name').textContent(), '我的客户');
    assert.equal(await page.getByTestId('stat-customers').textContent(), '20');

    await page.goto(page.url().replace(/#.*$/, '#/tiering'));
    await page.getByTestId('distribution-table').waitFor();
    const d = await distribution(page);
    assert.equal(Object.values(d).reduce((a, b) => a + b, 0), 20);
    assert.equal(d.strategic, 4, '1,000万 and more: customers 17 to 20');

    // The demo's 250 customers are as they were.
    await page.getByTestId('ws-menu').click();
    await page.locator('[data-testid=ws-item]', { hasText: demoName }).click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=ws-name]')?.textContent === n, demoName);
    assert.deepEqual(await distribution(page), { strategic: 5, value: 10, potential: 75, ordinary: 90, general: 70 });
  });
});

test('the downloaded template opens in the wizard with 0 errors (Excel and CSV)', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'wizard-template', locale: 'zh-CN', hash: '#/customers', consoleClean: true }, async (page) => {
    for (const kind of ['xlsx', 'csv']) {
      await page.getByTestId('customers-import').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`import-template-${kind}`).click(),
      ]);
      assert.equal(download.suggestedFilename(), `客户导入模板.${kind}`);
      const bytes = await fs.readFile(await download.path());
      await page.getByTestId('import-file').setInputFiles({ name: `客户导入模板.${kind}`, mimeType: 'application/octet-stream', buffer: bytes });
      await page.getByTestId('import-mapping').waitFor();
      assert.equal(await page.getByTestId('import-summary').textContent(), '可导入 2 行；有错误 0 行（不会导入）；跳过空行或合计行 0 行。', kind);
      const unmapped = await page.locator('[data-testid=import-mapping] select').evaluateAll((s) => s.filter((e) => e.value === 'ignore').length);
      assert.equal(unmapped, 0, `every template column is recognised (${kind})`);
      assert.equal(await page.getByTestId('import-key-fields').count(), 0);
      assert.equal(await page.getByTestId('import-confirm').isDisabled(), false);
      assert.equal(await page.getByTestId('import-confirm').textContent(), '导入 2 个客户');
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    }
  });
});

test('the wizard is a real modal: focus moves in, stays in, Esc closes, focus returns', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'wizard-keyboard', locale: 'en-US', hash: '#/customers', consoleClean: true }, async (page) => {
    const opener = page.getByTestId('customers-import');
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('import-dialog').waitFor();
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=import-dialog]'));
    assert.equal(await inside(), true, 'focus moved into the dialog');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      assert.equal(await inside(), true, `Tab ${i + 1} stays inside`);
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      assert.equal(await inside(), true, `Shift+Tab ${i + 1} stays inside`);
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'customers-import', 'focus returned to the opener');

    // The same in the mapping step.
    await opener.click();
    await page.getByTestId('import-file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Annual purchase\nA,1\n') });
    await page.getByTestId('import-mapping').waitFor();
    assert.equal(await inside(), true);
    for (let i = 0; i < 20; i++) await page.keyboard.press('Tab');
    assert.equal(await inside(), true);
    assert.equal(await page.getByTestId('import-map-0').getAttribute('aria-label'), 'Import column "Name" as');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  });
});

test('KPI actuals go through the same wizard: indicators by name, row errors, a rescored person', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'wizard-kpi', locale: 'zh-CN', hash: '#/kpi', consoleClean: true }, async (page) => {
    await page.getByTestId('kpi-view').waitFor();
    await page.getByTestId('kpi-tab-people').click();
    await page.getByTestId('kpi-people-role-AR').click();
    assert.equal(await page.getByTestId('kpi-person-total-p-ar03').textContent(), '36.6');
    await page.getByTestId('kpi-import').click();
    const csv = '姓名,订货达成率,备注\n杨帆,120%,达成挑战值\n无此人,90,\n';
    await page.getByTestId('kpi-import-file').setInputFiles({ name: 'actuals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('kpi-import-mapping').waitFor();
    assert.equal(await page.getByTestId('kpi-import-map-0').inputValue(), 'person');
    assert.equal(await page.getByTestId('kpi-import-map-1').inputValue(), '订货达成率');
    assert.equal(await page.getByTestId('kpi-import-map-2').inputValue(), 'ignore');
    assert.equal(await page.getByTestId('kpi-import-read-1').textContent(), '120% → 120 · 90');
    assert.equal(await page.getByTestId('kpi-import-summary').textContent(), '可导入 1 个数值，1 处错误。');
    const errors = await page.locator('[data-testid=kpi-import-errors] tbody tr').allTextContents();
    assert.deepEqual(errors, ['3姓名无此人没有这个姓名或编号的人员']);
    await page.getByTestId('kpi-import-confirm').click();
    await page.getByTestId('kpi-import-dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid=kpi-person-total-p-ar03]')?.textContent !== '36.6');
    assert.ok(Number(await page.getByTestId('kpi-person-total-p-ar03').textContent()) > 36.6);
  });
});
