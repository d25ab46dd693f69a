// End-to-end tests of hostile files through the customer import's real file input: zip bombs
// (built here, a few MB each, inflating to GiBs), a lying zip header, a ratio bomb, a line of
// 2.6 million commas, a renamed PNG and a UTF-8 file with one bad byte and its "read anyway".
// Each limit message must appear within 5 s, and the page must still answer afterwards.
//
// Run: node --test --test-concurrency=1 e2e/hostile_import.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, withApp } from './helpers.mjs';
import { MIB, XLSX_MIME, bomb, workbook } from './zipfiles.mjs';

const TEST_TIMEOUT = 120_000;
const LIMIT_MS = 5_000;
const suite = appSuite();

const XLSX = XLSX_MIME;
const CASES = [
  {
    what: 'one shared string of 3 GiB',
    file: () => workbook(null, bomb('xl/sharedStrings.xml', Buffer.alloc(MIB, 'a'), 3 * 1024)),
    en: /This workbook unpacks to more than 256\.0 MB \(a zip bomb or a huge sheet\)/,
    zh: /这个工作簿解压后超过 256\.0 MB（可能是压缩炸弹或超大表）/,
  },
  {
    what: '150 M empty shared strings',
    file: () => workbook(null, bomb('xl/sharedStrings.xml', Buffer.from('<si/>'.repeat(200_000)), 750)),
    en: /unpacks to more than 256\.0 MB/,
  },
  {
    what: '4 GiB of empty cells',
    file: () => workbook(bomb('xl/worksheets/sheet1.xml', Buffer.from('<c/>'.repeat(256 * 1024)), 4095)),
    en: /unpacks to more than 256\.0 MB/,
  },
  {
    what: 'a header that declares 1 KB and inflates to 100 MB',
    file: () => workbook(bomb('xl/worksheets/sheet1.xml', Buffer.alloc(MIB, ' '), 100, 1000)),
    en: /The workbook part xl\/worksheets\/sheet1\.xml declares 1000 bytes but holds a different amount/,
    zh: /声明大小为 1000 字节，实际内容不符/,
  },
  {
    what: 'a ratio bomb under the size cap',
    file: () => workbook(bomb('xl/worksheets/sheet1.xml', Buffer.from('<c/>'.repeat(256 * 1024)), 200)),
    en: /compressed more than 100:1, like a zip bomb/,
    zh: /压缩比超过 100:1，像是压缩炸弹/,
  },
  {
    what: 'a CSV line with 2.6 million commas',
    name: 'wide.csv',
    mime: 'text/csv',
    file: () => Buffer.from(`客户名称,行业\r\n华远通信,通信\r\n江南${','.repeat(2_600_000)}\r\n`),
    en: /Row 3 has 2600001 columns; at most 1000 are supported/,
    zh: /第 3 行有 2600001 列，最多支持 1000 列/,
  },
  {
    what: 'a PNG renamed to .xlsx',
    file: () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]),
    en: /This is not a spreadsheet but a PNG file/,
    zh: /不是表格文件：这是一个 PNG 文件/,
  },
];

/** Feeds `buffer` to the customer import and returns the error text once it shows, within 5 s. */
async function importError(page, { name = 'bomb.xlsx', mime = XLSX, buffer }) {
  await page.getByTestId('customers-import').click();
  const started = Date.now();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: mime, buffer });
  const error = page.getByTestId('import-error');
  await error.waitFor({ timeout: LIMIT_MS });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < LIMIT_MS, `the message took ${elapsed} ms`);
  return error.textContent();
}

/** The page still answers: cancelling closes the dialog at once. */
async function stillAnswers(page) {
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: LIMIT_MS });
}

for (const lang of ['en', 'zh']) {
  for (const c of CASES.filter((c) => c[lang])) {
    test(`${lang}: ${c.what} gives its limit message at once`, { timeout: TEST_TIMEOUT }, async () => {
      const locale = lang === 'en' ? 'en-US' : 'zh-CN';
      await withApp(suite, { slug: `hostile-${lang}-${c.what.replace(/\W+/g, '-')}`, locale, hash: '#/tiering' }, async (page) => {
        const buffer = c.file();
        assert.ok(buffer.length < 20 * MIB, `${c.what}: a small file (${buffer.length} bytes)`);
        const text = await importError(page, { name: c.name, mime: c.mime, buffer });
        assert.match(text, c[lang]);
        await stillAnswers(page);
      });
    });
  }
}

test('the page still switches language after a bomb', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'hostile-lang-after-bomb', locale: 'zh-CN', hash: '#/tiering' }, async (page) => {
    await importError(page, { buffer: CASES[0].file() });
    await stillAnswers(page);
    await page.locator('select[data-testid=lang-switch]').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: LIMIT_MS });
    assert.equal(await page.getByTestId('customers-import').textContent(), 'Import customers…');
  });
});

test('a UTF-8 file with one bad byte names the line and reads anyway with �', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'hostile-bad-byte', locale: 'en-US', hash: '#/tiering' }, async (page) => {
    const buffer = Buffer.concat([
      Buffer.from('客户名称,行业\r\n华远通信,通信\r\n江南新能源,新'),
      Buffer.from([0xff]),
      Buffer.from('能源\r\n'),
    ]);
    const text = await importError(page, { name: 'bad.csv', mime: 'text/csv', buffer });
    assert.match(text, /Line 3 has bytes that are not valid UTF-8/);
    const anyway = page.getByTestId('import-read-anyway');
    assert.equal(await anyway.textContent(), 'Read anyway (replace unreadable bytes with �)');
    await anyway.click();
    await page.getByTestId('import-mapping').waitFor({ timeout: LIMIT_MS });
    assert.match(await page.getByTestId('import-mapping').textContent(), /新\uFFFD能源/);
    assert.match(await page.getByTestId('import-summary').textContent(), /^2 rows can be imported/);
  });
});

test('cells right of the header are named, not dropped silently', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'hostile-beyond-header', locale: 'zh-CN', hash: '#/tiering' }, async (page) => {
    await page.getByTestId('customers-import').click();
    await page.getByTestId('import-file').setInputFiles({
      name: 'extra.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('客户名称,行业\r\n华远通信,通信,备忘\r\n江南新能源,新能源\r\n'),
    });
    const note = page.getByTestId('import-beyond-header');
    await note.waitFor({ timeout: LIMIT_MS });
    assert.equal(
      await note.textContent(),
      '表头右侧还有 1 个非空单元格（第一个在第 2 行第 3 列），它们没有列名，不会导入；如需导入，请先补上表头。',
    );
  });
});
