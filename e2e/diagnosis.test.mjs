// End-to-end tests of the diagnosis (诊断, `#/diagnosis/<tab>`) on the demo. The demo's three
// respondents (src/domain/diagnosis/demo.rs) give the dimension means (each respondent's mean,
// then the mean of those; figures in tests/diagnosis.rs):
//
//   S (3.0 + 2.6 + 3.2) / 3 = 2.93 → "2.9"; O (4.2 + 3.8 + 4.0) / 3 = "4.0";
//   T (2.6 + 2.2 + 3.2) / 3 = 2.67 → "2.7"; I (2.4 + 2.2 + 2.5) / 3 = 2.37 → "2.4" (weakest).
//
// Respondent rs-1 raising st-16 and st-17 (incentives) from 2 to 5 makes its I mean 3.6, the
// dimension (3.6 + 2.2 + 2.5) / 3 = 2.77 → "2.8", and tactic (2.7) the weakest.
// The ticked symptoms (personal asset, no database, incentives, can't grow) rank MCR first with
// 6 points (3 + 3); ticking "no routine management" (rhythm, 151) puts the 151 programme second
// with 2 + 2 + … = 4 points.
//
// Each test checks that there is no console error, no uncaught error and no request off the
// machine. Screenshots: diagnosis-<tab>-zh.png and diagnosis-<tab>-en.png.
//
// Run: KAM_DIST=/tmp/e2e-dist node --test --test-concurrency=1 e2e/diagnosis.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, listing, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 180_000;
const suite = appSuite();

async function withDiagnosis(slug, hash, fn, locale = 'zh-CN') {
  await withApp(suite, { slug, locale, hash, consoleClean: true }, async (page, s) => {
    await page.getByTestId('diagnosis-view').waitFor();
    await fn(page, s);
    assert.deepEqual(s.foreignRequests, [], listing('requests off the machine', s.foreignRequests));
  });
}

const mean = (page, dim) => page.getByTestId(`diag-score-${dim}`).locator('.diag-mean').innerText();

test('the navigation shows 诊断 right after 总览', { timeout: TEST_TIMEOUT }, async () => {
  await withDiagnosis('diag-nav', '#/diagnosis', async (page) => {
    const links = await page.getByTestId('app-nav').locator('a').evaluateAll((as) => as.map((a) => a.dataset.testid));
    assert.deepEqual(links.slice(0, 2), ['nav-overview', 'nav-diagnosis']);
    assert.equal(await page.getByTestId('nav-diagnosis').innerText(), '诊断');
  });
});

test('the self-assessment shows the demo means, the weakest dimension and its tools', { timeout: TEST_TIMEOUT }, async () => {
  await withDiagnosis('diag-assess', '#/diagnosis/assess', async (page) => {
    assert.equal(await mean(page, 'strategy'), '2.9');
    assert.equal(await mean(page, 'organization'), '4.0');
    assert.equal(await mean(page, 'tactic'), '2.7');
    assert.equal(await mean(page, 'incentives'), '2.4');
    const weakest = page.getByTestId('diag-weakest');
    assert.match(await weakest.innerText(), /最弱维度：人才培养与激励（2\.4）/);
    assert.ok(await weakest.getByTestId('diag-tool-kpi').isVisible());
    assert.ok(await weakest.getByTestId('diag-tool-talent').isVisible());
    // Tactic: respondent means 2.6, 2.2, 3.2 → spread 1.0, flagged.
    assert.match(await page.getByTestId('diag-spread-tactic').innerText(), /1\.0/);
    assert.equal(await page.getByTestId('diag-radar-mean').count(), 1);
    assert.equal(await page.locator('.diag-radar-respondent').count(), 3);
    assert.match(await page.getByTestId('diag-respondent-rs-2').innerText(), /匿名 1/);
    await screenshot(page, 'diagnosis-assess-zh');
  });
});

test('raising two incentive ratings moves the mean and the weakest dimension, and survives a reload', { timeout: TEST_TIMEOUT }, async () => {
  await withDiagnosis('diag-rate', '#/diagnosis/assess', async (page) => {
    await page.getByTestId('diag-rate-rs-1-st-16').selectOption('5');
    await page.getByTestId('diag-rate-rs-1-st-17').selectOption('5');
    await page.waitForFunction(() => document.querySelector('[data-testid=diag-score-incentives] .diag-mean')?.textContent === '2.8');
    assert.match(await page.getByTestId('diag-weakest').innerText(), /打法套路（2\.7）/);
    assert.ok(await page.getByTestId('diag-weakest').getByTestId('diag-tool-mcr').isVisible());
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByTestId('diagnosis-view').waitFor();
    assert.equal(await mean(page, 'incentives'), '2.8');
    assert.equal(await page.getByTestId('diag-rate-rs-1-st-16').inputValue(), '5');
  });
});

test('an anonymous respondent is added and a statement is added and renamed', { timeout: TEST_TIMEOUT }, async () => {
  await withDiagnosis('diag-edit', '#/diagnosis/assess', async (page) => {
    await page.getByTestId('diag-add-respondent').click();
    await page.getByTestId('diag-respondent-rs-4').waitFor();
    assert.match(await page.getByTestId('diag-respondent-rs-4').innerText(), /匿名 2/);
    await page.getByTestId('diag-rate-rs-4-st-1').selectOption('1');
    // S: (3.0 + 2.6 + 3.2 + 1.0) / 4 = 2.45 in binary just under 2.45 → "2.4"; four respondents.
    await page.waitForFunction(() => document.querySelector('[data-testid=diag-score-strategy] td:nth-of-type(2)')?.textContent === '4');
    await page.getByTestId('diag-edit-statements').click();
    await page.getByTestId('diag-add-statement-strategy').click();
    const row = page.getByTestId('diag-edit-st-21');
    await row.waitFor();
    await row.locator('input').first().fill('我们每季度复盘一次战略客户名单');
    await row.locator('input').first().press('Tab');
    await page.getByTestId('diag-edit-statements').click();
    const st = page.getByTestId('diag-statement-st-21');
    await st.waitFor();
    assert.match(await st.innerText(), /每季度复盘/);
    // Six strategy statements now, five of them rated.
    assert.equal(await page.getByTestId('diag-score-strategy').locator('td').nth(4).innerText(), '5 / 6');
  });
});

test('ticking a symptom and editing a mapping re-rank the tools', { timeout: TEST_TIMEOUT }, async () => {
  await withDiagnosis('diag-symptoms', '#/diagnosis/symptoms', async (page) => {
    const ranking = page.getByTestId('diag-ranking');
    const order = () => ranking.locator('li').evaluateAll((lis) => lis.map((li) => li.dataset.testid.replace('diag-rank-', '')));
    assert.deepEqual(await order(), ['mcr', 'portfolio', 'kpi', 'team', 'engagement', 'ltc', 'talent', 'tiering']);
    assert.match(await ranking.innerText(), /已勾选 4 个症状/);
    await page.getByTestId('diag-tick-sy-no-routine').check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=diag-ranking] li').length === 9);
    const after = await order();
    assert.deepEqual(after.slice(0, 2), ['mcr', 'engagement']);
    // Untick MCR from "accounts held as personal assets": MCR keeps 3 points (no database).
    await page.getByTestId('diag-map-sy-personal-asset').click();
    await page.getByTestId('diag-tool-sy-personal-asset-mcr').uncheck();
    await page.waitForFunction(() => document.querySelector('[data-testid=diag-ranking] li')?.dataset.testid === 'diag-rank-engagement');
    assert.match(await page.getByTestId('diag-rank-mcr').innerText(), /3 分/);
    await screenshot(page, 'diagnosis-symptoms-zh');
  });
});

test('the evidence tab sets each dimension beside the data', { timeout: TEST_TIMEOUT }, async () => {
  await withDiagnosis('diag-evidence', '#/diagnosis/evidence', async (page) => {
    for (const dim of ['strategy', 'organization', 'tactic', 'incentives']) {
      assert.ok(await page.getByTestId(`diag-dim-${dim}`).isVisible(), dim);
    }
    assert.match(await page.getByTestId('diag-verdict-organization').innerText(), /组织阵型自评 4\.0/);
    await screenshot(page, 'diagnosis-evidence-zh');
  });
});

test('the three tabs in English', { timeout: TEST_TIMEOUT }, async () => {
  await withDiagnosis('diag-en', '#/diagnosis/assess', async (page) => {
    assert.match(await page.getByTestId('diag-weakest').innerText(), /Weakest dimension: Incentives \(2\.4\)/);
    assert.match(await page.getByTestId('diag-statement-st-1').innerText(), /clear definition of key accounts/);
    await screenshot(page, 'diagnosis-assess-en');
    await page.getByTestId('diagnosis-tab-symptoms').click();
    await page.getByTestId('diag-symptoms').waitFor();
    assert.match(await page.getByTestId('diag-ranking').innerText(), /4 symptoms ticked/);
    await screenshot(page, 'diagnosis-symptoms-en');
    await page.getByTestId('diagnosis-tab-evidence').click();
    await page.getByTestId('diag-evidence').waitFor();
    assert.match(await page.getByTestId('diag-verdict-organization').innerText(), /Organization rated 4\.0/);
    await screenshot(page, 'diagnosis-evidence-en');
  }, 'en-US');
});
