// End-to-end tests of the account page (`#/account/<id>`, SPEC §3.12) on the demo (reference date
// 2026-01-15). The demo's planted strategic accounts (src/domain/{org,ltc,mcr}/demo.rs):
//
// - c-0204 国网广东省电力有限公司 (S1): the opposed decision maker 尹芳 and overdue collections.
// - MISSING_FR: a named-list strategic account staffed with AD, AR and SR but no FR.
//
// The page is opened from the lists that name an account (customer list, team board), shows the
// blocks with their figures, prints as 1–2 A4 pages (page.pdf() with the print media and the CSS
// page size) whose text names the account, its tier and its gaps, and an empty customer shows
// what would fill each block. Screenshots: account-<lang>.png (screen), account-print-<lang>.png
// (print media); the PDFs are kept as account-<lang>.pdf beside them (pdftoppm renders them).
// The PDF's text is read with poppler's pdftotext when it is installed (Debian: poppler-utils),
// else the print-media text of the page stands for it.
//
// Run: KAM_DIST=/tmp/dist-account node --test --test-concurrency=1 e2e/account.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { execFileSync } from 'node:child_process';
import os from 'node:os';

import { appSuite, SCREENSHOT_DIR, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 180_000;
const suite = appSuite();

const OPPOSED = 'c-0204';
const OPPOSED_NAME = '国网广东省电力有限公司';
const OPPOSED_DM = '尹芳';
const MISSING_FR = process.env.KAM_MISSING_FR ?? 'c-0046';

/** Pages of a PDF: the page objects of its tree (`/Type /Page`, not `/Pages`). */
function pdfPages(buffer) {
  const text = buffer.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The text of a PDF by poppler's pdftotext when the machine has it, else `null`. */
async function pdfText(pdf) {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kam-pdf-')), 'plan.pdf');
  await fs.writeFile(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } catch {
    return null;
  }
}

/** The plan as printed: its PDF (print media, the CSS page size A4) and the PDF's text — or,
 * without pdftotext, the print-media innerText of the plan. */
async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = (await pdfText(pdf)) ?? (await page.getByTestId('account-plan').innerText());
  return { text, pdf };
}

for (const [lang, locale] of [['zh', 'zh-CN'], ['en', 'en']]) {
  test(`the planted strategic account from the customer list (${lang})`, { timeout: TEST_TIMEOUT }, async () => {
    await withApp(suite, { slug: `account-${lang}`, locale, hash: '#/customers', consoleClean: true }, async (page) => {
      await page.getByTestId('customers-search').fill(OPPOSED_NAME);
      await page.locator(`[data-testid=customer-row][data-id=${OPPOSED}] [data-testid=account-link-${OPPOSED}]`).click();
      await page.getByTestId('account-plan').waitFor();
      assert.equal(await page.getByTestId('account-view').getAttribute('data-account'), OPPOSED);
      assert.equal((await page.getByTestId('account-name').textContent()).trim(), OPPOSED_NAME);
      const tier = (await page.getByTestId('account-tier').textContent()).trim();
      assert.equal(tier, lang === 'zh' ? '战略客户' : 'Strategic');
      // The opposed decision maker, by name, in the red flags.
      const against = await page.getByTestId('account-flag-decision_maker_against').textContent();
      assert.ok(against.includes(OPPOSED_DM), against);
      // The overdue collection with its figures.
      const overdue = await page.getByTestId('account-overdue').textContent();
      assert.match(overdue, lang === 'zh' ? /逾期回款 \d+ 笔/ : /Overdue collections: \d+/);
      assert.ok((await page.locator('[data-testid=account-contracts] tbody tr').count()) > 0);
      // Each block links to its tool.
      assert.equal(await page.locator('[data-testid=account-relations] .account-tool-link').getAttribute('href'), `#/mcr/map/${OPPOSED}`);
      assert.equal(await page.locator('[data-testid=account-pipeline] .account-tool-link').getAttribute('href'), `#/ltc/account/${OPPOSED}`);
      assert.equal(await page.getByTestId('account-history-chart').count(), 1);
      assert.equal(await page.getByTestId('account-map-thumb').count(), 1);
      await screenshot(page, `account-${lang}`);

      const { text, pdf } = await printed(page);
      await screenshot(page, `account-print-${lang}`);
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
      await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
      await fs.writeFile(path.join(SCREENSHOT_DIR, `account-${lang}.pdf`), pdf);
      for (const needle of [OPPOSED_NAME, tier, OPPOSED_DM]) assert.ok(text.includes(needle), `print has ${needle}`);
      assert.match(text, lang === 'zh' ? /逾期回款/ : /Overdue collections/);
      // Nothing of the app's chrome prints.
      assert.equal(await page.getByTestId('account-toolbar').isVisible(), false);
      assert.equal(await page.getByTestId('app-nav').isVisible(), false);
    });
  });

  test(`the account without an FR, from the team board (${lang})`, { timeout: TEST_TIMEOUT }, async () => {
    await withApp(suite, { slug: `account-fr-${lang}`, locale, hash: '#/team', consoleClean: true }, async (page) => {
      await page.getByTestId(`account-link-${MISSING_FR}`).click();
      await page.getByTestId('account-plan').waitFor();
      assert.equal(await page.getByTestId('account-view').getAttribute('data-account'), MISSING_FR);
      const missing = await page.getByTestId('account-staff-missing').textContent();
      assert.match(missing, /FR/);
      const { text, pdf } = await printed(page);
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
      assert.match(text, /FR/);
      await screenshot(page, `account-fr-print-${lang}`);
    });
  });
}

test('a customer nobody works on says what would fill each block, and exports Markdown', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'account-empty', hash: '#/account', consoleClean: true }, async (page) => {
    await page.getByTestId('account-none').waitFor();
    // The last customer of the picker: the smallest one outside the account tiers.
    const options = await page.locator('[data-testid=account-pick] option').evaluateAll((os) => os.map((o) => o.value));
    await page.getByTestId('account-pick').selectOption(options[options.length - 1]);
    await page.getByTestId('account-plan').waitFor();
    for (const key of ['not_an_account', 'no_stakeholders', 'no_opportunities', 'no_contracts', 'no_plan_items', 'no_vct']) {
      assert.ok((await page.getByTestId(`account-empty-${key}`).count()) > 0, key);
    }
    const hint = await page.getByTestId('account-empty-no_stakeholders').textContent();
    assert.match(hint, /MCR/);
    await screenshot(page, 'account-empty-zh');

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('account-export').click()]);
    assert.match(file.suggestedFilename(), /\.md$/);
    const md = await fs.readFile(await file.path(), 'utf8');
    assert.match(md, /^# 客户经营计划：/);
    assert.ok(md.includes('还没有记录关键人'), md.slice(0, 400));
  });
});
