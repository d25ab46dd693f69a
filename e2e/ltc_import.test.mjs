// End-to-end tests of LTC's files: a CRM-style opportunity export with one bad row imported
// through the one import wizard (the columns map by themselves, the preview names the bad row,
// its column and why; confirming imports the valid rows as one undoable step), in Chinese and
// English; the templates download and read back with no error; the exports download the demo's
// 60 opportunities and 25 contracts.
//
// Run: KAM_DIST=/tmp/dist-x node --test --test-concurrency=1 e2e/ltc_import.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();

const CRM_ZH = [
  '商机名称,客户名称,阶段,预计金额,预计签单日期,负责人',
  '数据中心扩容二期,贵阳数字政府建设运营有限公司,标前引导,120万,2026/6/30,刘洋',
  '视频专网一期,郑州市公安局,投标,"1,200,000",2026-05-10,陈静',
  '调度系统升级,查无此客户,投标,1.2亿,2026-09-30,刘洋',
  '安全运营服务,华能湖南发电有限公司,商务谈判,80万,2026-03-31,陈静',
].join('\r\n');

const CRM_EN = [
  'Opportunity Name,Account Name,Stage,Amount,Close Date,Opportunity Owner',
  'Data centre expansion phase 2,贵阳数字政府建设运营有限公司,Pre-bid shaping,1.2M,2026/6/30,刘洋',
  'Video private network,郑州市公安局,Bid submitted,"1,200,000",2026-05-10,陈静',
  'Dispatch upgrade,华能湖南发电有限公司,Almost signed,500000,2026-09-30,刘洋',
  'Security operations,华能湖南发电有限公司,Negotiation,800000,2026-03-31,陈静',
].join('\r\n');

/** Clicks `testid` and returns the downloaded file's name and text (BOM removed). */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const text = (await fs.readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '');
  return { name: file.suggestedFilename(), text, bytes: await fs.readFile(await file.path()) };
}

/** The data rows of a CSV text (no quoted line breaks in these files). */
function dataRows(text) {
  return text.trim().split(/\r\n/).slice(1);
}

async function importCrm(page, csv, name) {
  await page.getByTestId('ltc-opportunities-import').click();
  await page.getByTestId('ltc-opportunities-wizard-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('ltc-opportunities-wizard-mapping').waitFor();
  const mapped = [];
  for (let i = 0; i < 6; i++) mapped.push(await page.getByTestId(`ltc-opportunities-wizard-map-${i}`).inputValue());
  assert.deepEqual(mapped, ['name', 'account', 'stage', 'amount', 'close_date', 'owner'], 'no hand work');
}

test('a CRM export with one bad row: the valid rows import, the bad one is reported (zh)', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'ltc-import-crm-zh', locale: 'zh-CN', hash: '#/ltc/board', consoleClean: true }, async (page) => {
    await importCrm(page, CRM_ZH, 'CRM商机导出.csv');
    assert.equal(
      await page.getByTestId('ltc-opportunities-wizard-summary').textContent(),
      '新增 3 个商机，替换 0 个；1 行有错误不导入，0 行空行跳过。',
    );
    const errors = await page.locator('[data-testid=ltc-opportunities-wizard-errors] tbody tr').allTextContents();
    assert.deepEqual(errors, ['4客户名称查无此客户没有这个名称或编号的客户']);
    assert.equal(await page.getByTestId('ltc-opportunities-wizard-confirm').textContent(), '导入 3 个商机');
    await screenshot(page, 'ltc-import-crm-zh');

    await page.getByTestId('ltc-opportunities-wizard-confirm').click();
    await page.getByTestId('ltc-opportunities-wizard-dialog').waitFor({ state: 'detached' });
    const after = dataRows((await download(page, 'ltc-opportunities-export')).text);
    assert.equal(after.length, 63);
    assert.ok(after.some((l) => /^opp-imp-1,数据中心扩容二期,贵阳数字政府建设运营有限公司,标前引导,1200000,2026-06-30,刘洋,/.test(l)), after.slice(-3).join('\n'));
    assert.ok(!after.some((l) => l.includes('调度系统升级')), 'the bad row is not imported');

    // The whole import is one undo step.
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    assert.equal(dataRows((await download(page, 'ltc-opportunities-export')).text).length, 60);
  });
});

test('a CRM export with one bad row, in English: the reason names the stages', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'ltc-import-crm-en', locale: 'en', hash: '#/ltc/board', consoleClean: true }, async (page) => {
    await importCrm(page, CRM_EN, 'crm-opportunities.csv');
    assert.equal(
      await page.getByTestId('ltc-opportunities-wizard-summary').textContent(),
      '3 new opportunities, 0 replaced; 1 rows with errors are left out, 0 blank rows skipped.',
    );
    const cells = await page.locator('[data-testid=ltc-opportunities-wizard-errors] tbody tr td').allTextContents();
    assert.deepEqual(cells.slice(0, 3), ['4', 'Stage', 'Almost signed']);
    assert.match(cells[3], /^No such stage; write one of: Lead, Opportunity validated, Pre-bid shaping, Bid submitted, Negotiation, Won \/ contract, Lost$/);
    await screenshot(page, 'ltc-import-crm-en');
    await page.getByTestId('ltc-opportunities-wizard-confirm').click();
    await page.getByTestId('ltc-opportunities-wizard-dialog').waitFor({ state: 'detached' });
    const after = dataRows((await download(page, 'ltc-opportunities-export')).text);
    assert.equal(after.length, 63);
    assert.ok(after.some((l) => /^opp-imp-\d,Security operations,华能湖南发电有限公司,Negotiation,800000,/.test(l)));
  });
});

test('the templates download and read back with no error; the exports hold the demo', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'ltc-import-templates', locale: 'zh-CN', hash: '#/ltc/board', consoleClean: true }, async (page) => {
    const opps = await download(page, 'ltc-opportunities-export');
    assert.match(opps.name, /^商机-.*\.csv$/);
    const header = opps.text.split(/\r\n/)[0];
    assert.ok(header.startsWith('编号,商机名称,客户名称,阶段,预计金额,预计签单日期,负责人,'), header);
    assert.ok(header.endsWith(',加权金额,本阶段天数'), header);
    assert.equal(dataRows(opps.text).length, 60);

    for (const [kind, tab, n] of [['opportunities', 'board', 60], ['contracts', 'contracts', 25]]) {
      await page.getByTestId(`ltc-tab-${tab}`).click();
      if (kind === 'contracts') {
        const contracts = await download(page, 'ltc-contracts-export');
        assert.equal(dataRows(contracts.text).length, n);
        assert.ok(contracts.text.split(/\r\n/)[0].endsWith(',未回款,逾期未回款'));
      }
      for (const ext of ['csv', 'xlsx']) {
        await page.getByTestId(`ltc-${kind}-import`).click();
        const t = await download(page, `ltc-${kind}-template-${ext}`);
        assert.match(t.name, new RegExp(`导入模板-.*\\.${ext}$`));
        await page.getByTestId(`ltc-${kind}-wizard-file`).setInputFiles({ name: t.name, mimeType: 'application/octet-stream', buffer: t.bytes });
        await page.getByTestId(`ltc-${kind}-wizard-mapping`).waitFor();
        const unmapped = await page.locator(`[data-testid=ltc-${kind}-wizard-mapping] select`).evaluateAll((s) => s.filter((e) => e.value === 'ignore').length);
        assert.equal(unmapped, 0, `${kind} ${ext}: every template column is recognised`);
        assert.match(await page.getByTestId(`ltc-${kind}-wizard-summary`).textContent(), /^新增 2 .*；0 行有错误/, `${kind} ${ext}`);
        await page.getByTestId(`ltc-${kind}-wizard-cancel`).click();
        await page.getByTestId(`ltc-${kind}-wizard-dialog`).waitFor({ state: 'detached' });
      }
    }
  });
});
