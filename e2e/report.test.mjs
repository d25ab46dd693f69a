// End-to-end tests of the plan report (`#/report`, issue 16) on the demo (reference date
// 2026-01-15): opened from the overview's link, its ten sections present with their figures and
// findings, printed as a few A4 pages (page.pdf() with the print media and the CSS page size)
// whose text names the workspace and carries key figures (tier counts, 8 overdue collections),
// and exported as Markdown — in Chinese and English. The PDF is kept as report-<lang>.pdf
// beside the screenshots (pdftoppm renders it); its text is read with poppler's pdftotext when
// installed, else the print-media text of the report stands for it.
//
// Run: KAM_DIST=/tmp/dist-report node --test --test-concurrency=1 e2e/report.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';

import { appSuite, SCREENSHOT_DIR, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 180_000;
const suite = appSuite();

const SECTIONS = ['structure', 'concentration', 'portfolio', 'teams', 'rhythm', 'engagement', 'kpi', 'pipeline', 'relationships', 'diagnosis'];

/** Pages of a PDF: the page objects of its tree (`/Type /Page`, not `/Pages`). */
function pdfPages(buffer) {
  const text = buffer.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The text of a PDF by poppler's pdftotext when the machine has it, else `null`. */
async function pdfText(pdf) {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kam-pdf-')), 'report.pdf');
  await fs.writeFile(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en']]) {
  test(`the plan report from the overview, printed and exported (${lang})`, { timeout: TEST_TIMEOUT }, async () => {
    await withApp(suite, { slug: `report-${lang}`, locale, hash: '#/overview', consoleClean: true }, async (page) => {
      await page.getByTestId('overview-report-link').click();
      await page.getByTestId('report-plan').waitFor();
      const workspace = lang === 'zh' ? '示例集团' : 'Demo Group';
      const title = (await page.getByTestId('report-workspace').textContent()).trim();
      assert.ok(title.startsWith(workspace), title);
      for (const key of SECTIONS) {
        assert.equal(await page.getByTestId(`report-${key}`).count(), 1, key);
      }
      // Tier counts 5 / 10 / 75 / 90 / 70 in the structure's table.
      const counts = await page.locator('[data-testid=report-structure] tbody tr td:nth-child(2)').allTextContents();
      assert.deepEqual(counts, ['5', '10', '75', '90', '70']);
      const overdue = await page.getByTestId('report-fig-overdue_count').textContent();
      assert.match(overdue, /8$/);
      assert.ok((await page.getByTestId('report-finding-missing_role').count()) >= 1);
      assert.equal(await page.locator('[data-testid=report-pipeline] .account-tool-link').getAttribute('href'), '#/ltc');
      await screenshot(page, `report-${lang}`);

      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export').click()]);
      assert.match(file.suggestedFilename(), /\.md$/);
      const md = await fs.readFile(await file.path(), 'utf8');
      assert.ok(md.startsWith(`# ${workspace} · `), md.slice(0, 200));
      assert.match(md, lang === 'zh' ? /逾期回款笔数：8/ : /Overdue collections: 8/);

      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
      await fs.writeFile(path.join(SCREENSHOT_DIR, `report-${lang}.pdf`), pdf);
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1 && pages <= 6, `${pages} pages`);
      const text = (await pdfText(pdf)) ?? (await page.getByTestId('report-plan').innerText());
      assert.ok(text.includes(workspace), 'print names the workspace');
      assert.match(text, lang === 'zh' ? /逾期回款笔数：8/ : /Overdue collections: 8/);
      assert.match(text, lang === 'zh' ? /人才培养与激励/ : /Incentives/);
      assert.match(text, /2026-01-15/);
      // Nothing of the app's chrome prints.
      assert.equal(await page.getByTestId('report-toolbar').isVisible(), false);
      assert.equal(await page.getByTestId('app-nav').isVisible(), false);
    });
  });
}

test('the diagnosis page links to the plan report', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'report-from-diagnosis', hash: '#/diagnosis', consoleClean: true }, async (page) => {
    await page.getByTestId('diagnosis-report-link').click();
    await page.getByTestId('report-plan').waitFor();
    assert.equal(await page.getByTestId('report-diagnosis').count(), 1);
  });
});
