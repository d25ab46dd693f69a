// End-to-end tests of printing (README, "Printing"), on the demo workspace in both languages:
// every view and each of its tabs, under print media, shows no button, select, navigation or
// tab bar, carries the print header (workspace name and the workspace's date) and prints to an
// A4 PDF. Tiering prints its rules as text in at most three pages, with the tier names; the
// iron-triangle gap lists print their words and figures (not empty coloured bars).
//
// Run: KAM_DIST=<dist> node --test --test-concurrency=1 e2e/print.test.mjs
// With KAM_PRINT_DIR=<dir>, each PDF is also written there (to render and look at its pages).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { withApp, appSuite, listing } from './helpers.mjs';

const TEST_TIMEOUT = 300_000;
const suite = appSuite();
const PRINT_DIR = process.env.KAM_PRINT_DIR;

const VIEWS = [
  'overview', 'customers', 'tiering', 'concentration', 'portfolio', 'team', 'roles', 'rhythm',
  'engagement', 'ltc', 'mcr', 'kpi', 'talent',
];

/** Tabs with a one-page layout of their own (the market-insight canvas): no print header. */
const OWN_PAGE = new Set(['portfolio-tab-insight']);

const LOCALES = [
  { locale: 'zh-CN', workspace: '示例集团', date: '数据日期 2026-01-15' },
  { locale: 'en', workspace: 'Demo Group', date: 'As of 2026-01-15' },
];

/** Opens a view by its hash and waits until its title is there (tools may load first). */
async function openView(page, view) {
  await page.evaluate((v) => { window.location.hash = `#/${v}`; }, view);
  // The views of the tools module show a note while it loads (src/ui/modules.rs).
  await page.waitForFunction(
    () => document.querySelector('main .view-title, main h2') && !document.querySelector('main .open-tools-note'),
    null,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(300);
}

/** The test ids of the view's tabs (its first tab list; later ones pick an item inside a tab). */
const tabIds = (page) =>
  page.evaluate(() => {
    const list = document.querySelector('main [role=tablist]');
    return list ? [...list.querySelectorAll('[role=tab][data-testid]')].map((t) => t.dataset.testid) : [];
  });

/** Under print media: controls still visible, and the print header's text. */
const printState = (page) =>
  page.evaluate(() => {
    const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const describe = (el) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent || '').trim().slice(0, 40)}"`;
    const controls = [...document.querySelectorAll(
      'button:not(.link-button):not(.print-as-text), select, nav, [role=tablist], .app-header, .banners',
    )].filter(visible).map(describe);
    const header = document.querySelector('[data-testid=print-header]');
    return {
      controls,
      header: header && visible(header) ? header.innerText : '',
      mainText: document.querySelector('main')?.innerText ?? '',
    };
  });

/** Number of pages of a PDF (its page objects). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;

async function printPdf(page, name) {
  // As the print dialog does by default: backgrounds only where print-color-adjust asks.
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000 && pdf.subarray(0, 5).toString() === '%PDF-', `${name}: a PDF`);
  if (PRINT_DIR) {
    fs.mkdirSync(PRINT_DIR, { recursive: true });
    fs.writeFileSync(path.join(PRINT_DIR, `${name}.pdf`), pdf);
  }
  return pdfPages(pdf);
}

for (const { locale, workspace, date } of LOCALES) {
  test(`every view and tab prints without controls, with the header (${locale})`, { timeout: TEST_TIMEOUT }, async () => {
    await withApp(suite, { slug: `print-all-${locale}`, locale, hash: '#/overview' }, async (page) => {
      const pages = [];
      for (const view of VIEWS) {
        await openView(page, view);
        const tabs = await tabIds(page);
        for (const tab of tabs.length ? tabs : [null]) {
          if (tab) {
            await page.getByTestId(tab).click();
            await page.waitForTimeout(200);
          }
          const name = `${locale}-${tab ?? view}`;
          await page.emulateMedia({ media: 'print' });
          try {
            const state = await printState(page);
            assert.deepEqual(state.controls, [], listing(`${name}: controls left in print`, state.controls));
            assert.ok(state.mainText.trim().length > 20, `${name}: the view prints some text`);
            const n = await printPdf(page, name);
            if (OWN_PAGE.has(tab)) {
              assert.equal(n, 1, `${name}: its own one-page layout`);
            } else {
              assert.ok(state.header.includes(workspace), `${name}: header names the workspace: ${state.header}`);
              assert.ok(state.header.includes(date), `${name}: header has the date: ${state.header}`);
            }
            pages.push(`${name}: ${n}`);
          } finally {
            await page.emulateMedia({ media: 'screen' });
          }
        }
      }
      console.log(`pages per view and tab (${locale}):\n  ${pages.join('\n  ')}`);
    });
  });

  test(`tiering prints its rules as text, the structure and the diagnostics (${locale})`, { timeout: TEST_TIMEOUT }, async () => {
    await withApp(suite, { slug: `print-tiering-${locale}`, locale, hash: '#/tiering' }, async (page) => {
      await page.getByTestId('distribution-table').waitFor();
      const tiers = await page.locator('[data-testid=distribution-table] tbody th').allInnerTexts();
      assert.ok(tiers.length >= 3, 'the demo has tiers');
      // A condition of the first tier, as the editor holds it (shown as words in print).
      assert.equal(await page.getByTestId('tiering-rules-text').isVisible(), false, 'the text is for print only');

      await page.emulateMedia({ media: 'print' });
      const text = await page.locator('main').innerText();
      for (const tier of tiers) assert.ok(text.includes(tier.trim()), `print shows tier ${tier}`);
      const rules = await page.getByTestId('tiering-rules-text').innerText();
      assert.ok(await page.getByTestId('tiering-rules-text').isVisible(), 'rules print as text');
      assert.match(rules, locale === 'en' ? /any of: |all of: / : /满足任一条件：|满足全部条件：/);
      assert.match(rules, locale === 'en' ? /catch-all|Catch-all/i : /兜底/);
      assert.equal(await page.locator('main input:visible, main select:visible').count(), 0, 'no editor inputs');
      assert.ok(await page.getByTestId('distribution-table').isVisible(), 'the distribution prints');
      assert.ok(await page.locator('main svg.pyramid').isVisible(), 'the pyramid prints');
      const diagnostics = page.locator('[data-testid=diagnostics], [data-testid=diagnostics-none], [data-testid=data-gaps]');
      assert.ok(await diagnostics.first().isVisible(), 'the diagnostics print');

      const n = await printPdf(page, `${locale}-tiering-check`);
      assert.ok(n >= 1 && n <= 3, `tiering prints on at most 3 pages, not ${n}`);
    });
  });

  test(`the iron-triangle gap lists print their words and figures (${locale})`, { timeout: TEST_TIMEOUT }, async () => {
    await withApp(suite, { slug: `print-gaps-${locale}`, locale, hash: '#/team' }, async (page) => {
      await page.getByTestId('board-table').waitFor();
      const onScreen = await page.locator('[data-testid=board-gaps] li.gap-item').allInnerTexts();
      assert.ok(onScreen.length >= 5, 'the demo has gaps');

      await page.emulateMedia({ media: 'print' });
      const items = await page.locator('[data-testid=board-gaps] li.gap-item').evaluateAll((lis) =>
        lis.map((li) => {
          const s = getComputedStyle(li);
          return { text: li.innerText.trim(), color: s.color, background: s.backgroundColor, visible: li.checkVisibility() };
        }));
      assert.equal(items.length, onScreen.length);
      for (const [i, item] of items.entries()) {
        assert.ok(item.visible, `gap ${i} prints`);
        assert.equal(item.text, onScreen[i].trim(), `gap ${i} prints its words`);
        assert.notEqual(item.color, item.background, `gap ${i}: text colour differs from its background`);
      }
      const all = items.map((i) => i.text).join('\n');
      // The planted over-allocated AR and the SR headcount gap, with their figures.
      assert.match(all, /160%/);
      assert.match(all, /3\.5 FTE/);
      const n = await printPdf(page, `${locale}-team-gaps-check`);
      assert.ok(n >= 1 && n <= 8, `the board prints on a reasonable number of pages, not ${n}`);
    });
  });
}
