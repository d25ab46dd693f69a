// End-to-end test of a workbook without figures: a newcomer imports a CSV with customer names
// only. The tiering page must say which rules cannot be evaluated (not that the structure is
// wrong), the curses must say there is no purchase history (not show zeros), the figures without
// a column must show "—" with a reason (not 0 and 0 %), and the per-tier controls must say which
// tier they belong to.
//
// Run: node --test --test-concurrency=1 e2e/absent_data.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { appSuite, withApp, screenshot, E2E_DIR } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();
const NAMES_ONLY = path.join(E2E_DIR, 'fixtures', 'names-only.csv');

/** A new empty workspace with the five customers of names-only.csv imported. */
async function importNamesOnly(page) {
  await page.getByTestId('ws-menu').click();
  await page.getByTestId('ws-new-empty').click();
  await page.getByTestId('dialog-input').fill('新人的客户表');
  await page.getByTestId('dialog-confirm').click();
  await page.getByTestId('customers-import').click();
  await page.getByTestId('import-file').setInputFiles(NAMES_ONLY);
  await page.getByTestId('import-mapping').waitFor();
  assert.equal(await page.getByTestId('import-map-0').inputValue(), 'name');
  // No column feeds the annual purchase: the wizard blocks until the user says so explicitly.
  await page.getByTestId('import-key-fields').waitFor();
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
  await page.getByTestId('import-without').check();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('distribution-table').waitFor();
}

test('names only: the tiering page names the rules it cannot evaluate instead of diagnosing the structure', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'absent-data-zh', hash: '#/tiering', consoleClean: true }, async (page) => {
    await importNamesOnly(page);
    const general = page.locator('[data-testid=distribution-table] tr[data-tier=general] td');
    assert.equal(await general.first().textContent(), '5');

    const gaps = page.getByTestId('data-gaps');
    const text = await gaps.textContent();
    assert.match(text, /没有年采购额数据：战略客户、价值客户、潜力客户、普通客户的规则无法判断。/);
    assert.match(text, /所有客户都落入一般客户。请导入含年采购额的列/);
    // No false structure finding, and no "no problem found" either.
    assert.equal(await page.locator('[data-kind=top_too_thin]').count(), 0);
    assert.equal(await page.locator('[data-testid=diagnostics] li').count(), 0);
    assert.equal(await page.getByTestId('diagnostics-none').count(), 0);

    // The curses: no history, no table of zeros.
    assert.match(await page.getByTestId('curses-no-history').textContent(), /^没有采购历史：.*至少需要上一年（2025）的数据/);
    assert.match(await page.getByTestId('curses-no-purchase').textContent(), /没有年采购额数据/);
    assert.equal(await page.getByTestId('curse-table').count(), 0);

    // Revenue and its share: a dash with the reason, not 0 and 0 %.
    const cells = await general.allTextContents();
    const dash = page.locator('[data-testid=distribution-table] tr[data-tier=general] .no-data');
    assert.equal(await dash.count(), 4, cells.join(' | '));
    assert.equal(await dash.first().getAttribute('title'), '没有收入数据');
    assert.equal(await dash.nth(2).getAttribute('title'), '没有年采购额数据');
    assert.ok(!cells.slice(3).some((c) => /^0%?$/.test(c)), cells.join(' | '));
    assert.match(await page.getByTestId('distribution-no-data').textContent(), /没有收入数据、没有年采购额数据/);

    // Every control of a tier card says which tier it belongs to, and no two share a name.
    assert.equal(await page.getByTestId('tier-remove-0').getAttribute('aria-label'), '删除层级 战略客户');
    assert.equal(await page.getByTestId('cond-field-1-0').getAttribute('aria-label'), '价值客户 条件 1 的字段');
    const labels = await page.locator('.tiers-editor [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(labels.length > 30, `${labels.length} labelled controls`);
    const repeated = labels.filter((l, i) => labels.indexOf(l) !== i);
    assert.deepEqual(repeated, []);
    await screenshot(page, 'absent-data-tiering-zh');

    // The overview: revenue "—" with its reason, not 0.
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('stat-revenue').waitFor();
    assert.equal((await page.getByTestId('stat-revenue').textContent()).trim(), '—');
    assert.equal(await page.getByTestId('stat-revenue-note').textContent(), '没有收入数据');
    assert.equal((await page.getByTestId('stat-purchase').textContent()).trim(), '—');
    const share = page.locator('[data-testid=tier-table] tr[data-tier=general] td .no-data').first();
    assert.equal(await share.getAttribute('title'), '没有收入数据');
    assert.equal(await page.getByTestId('stat-customers').textContent(), '5');
    assert.match(await page.getByTestId('tiers-gaps').textContent(), /^没有年采购额数据，分层规则无法判断/);
  });
});

test('names only, in English: the same warning in English', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'absent-data-en', locale: 'en-US', hash: '#/tiering', consoleClean: true }, async (page) => {
    await importNamesOnly(page);
    const text = await page.getByTestId('data-gaps').textContent();
    assert.match(text, /No data for Annual purchase: the rules of Strategic, Value, Potential, Ordinary cannot be evaluated\./);
    assert.match(text, /Every customer falls into General\./);
    assert.match(await page.getByTestId('curses-no-history').textContent(), /^No purchase history/);
    assert.equal(await page.getByTestId('tier-remove-0').getAttribute('aria-label'), 'Remove tier Strategic');
  });
});
