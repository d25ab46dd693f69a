// End-to-end tests of customer import and export: a CSV through the real file input, the
// mapping and preview with a row error, the tier counts after confirming, and the exported CSV
// compared byte for byte with the expected file.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { appSuite, newPage, waitForApp, screenshot, E2E_DIR } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();
const SAMPLE = path.join(E2E_DIR, 'fixtures', 'import-sample.csv');
const EXPECTED = path.join(E2E_DIR, 'fixtures', 'expected-export.csv');

async function counts(page) {
  const out = {};
  for (const row of await page.locator('[data-testid=distribution-table] tbody tr').all()) {
    out[await row.getAttribute('data-tier')] = Number(await row.locator('td').first().textContent());
  }
  return out;
}

test('import a CSV into an empty workspace, see the tiers, export the expected CSV', { timeout: TEST_TIMEOUT }, async () => {
  const s = await newPage(suite.browser, { locale: 'zh-CN' });
  const { page } = s;
  try {
    await page.goto(`${suite.server.url}#/tiering`);
    await waitForApp(page);
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-new-empty').click();
    await page.getByTestId('dialog-input').fill('导入测试');
    await page.getByTestId('dialog-confirm').click();

    await page.getByTestId('customers-import').click();
    await page.getByTestId('import-file').setInputFiles(SAMPLE);
    await page.getByTestId('import-mapping').waitFor();
    // Headers were recognised.
    assert.equal(await page.getByTestId('import-map-1').inputValue(), 'name');
    assert.equal(await page.getByTestId('import-map-5').inputValue(), 'annual_purchase');
    assert.equal(await page.getByTestId('import-map-8').inputValue(), 'repeat_purchase');
    assert.match(await page.getByTestId('import-summary').textContent(), /^可导入 10 行；有错误 1 行/);
    const errors = await page.locator('[data-testid=import-errors] tbody tr').allTextContents();
    assert.equal(errors.length, 2, errors.join(' | '));
    assert.match(errors[0], /^12客户名称.*缺少客户名称/);
    assert.match(errors[1], /^12年采购额abc不是金额/);
    // Nothing has changed before the confirmation.
    assert.equal(await page.locator('[data-testid=distribution-table]').count(), 0);
    await screenshot(page, 'import-preview');

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('distribution-table').waitFor();
    assert.deepEqual(await counts(page), { strategic: 2, value: 2, potential: 2, ordinary: 2, general: 2 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('customers-export').click(),
    ]);
    assert.match(download.suggestedFilename(), /^导入测试-customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const got = await fs.readFile(await download.path());
    if (process.env.KAM_UPDATE_EXPECTED) await fs.writeFile(EXPECTED, got);
    const want = await fs.readFile(EXPECTED);
    assert.equal(got.toString('utf8'), want.toString('utf8'));
    assert.deepEqual([...got.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');

    // Undo takes the whole import back in one step.
    await page.getByTestId('undo').click();
    await page.locator('[data-testid=distribution-table]').waitFor({ state: 'detached' });
    assert.deepEqual(s.pageErrors, []);
  } catch (err) {
    await screenshot(page, 'failed-import').catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
});

test('a file that is not a table gives a clear error and changes nothing', { timeout: TEST_TIMEOUT }, async () => {
  const s = await newPage(suite.browser, { locale: 'en-US' });
  const { page } = s;
  try {
    await page.goto(`${suite.server.url}#/tiering`);
    await waitForApp(page);
    await page.getByTestId('customers-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'old.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    });
    assert.match(await page.getByTestId('import-error').textContent(), /Excel 97-2003 \(\.xls\) workbook/);
    await page.getByTestId('import-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    assert.equal(await page.getByTestId('import-error').textContent(), 'The file is empty: no header row was found.');
    await page.getByTestId('import-cancel').click();
    assert.deepEqual(await counts(page), { strategic: 5, value: 10, potential: 75, ordinary: 90, general: 70 });
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.close();
  }
});
