// End-to-end tests of the overview: figures of the demo, the tier table, workspace settings
// with validation, duplicate, and reset of the demo data.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, waitForApp, withApp as withAppAt } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

async function withApp(slug, locale, fn) {
  await withAppAt(suite, { slug, locale }, fn);
}

const tierRow = (page, id) => page.locator(`[data-testid=tier-table] tr[data-tier=${id}] td`);

test('the demo tier table shows the source structure: 2 % / 4 % / 30 % / 64 %', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('tier-table', 'zh-CN', async (page) => {
    const counts = {};
    const shares = {};
    for (const id of ['strategic', 'value', 'potential', 'ordinary', 'general']) {
      const cells = await tierRow(page, id).allTextContents();
      counts[id] = Number(cells[0]);
      shares[id] = cells[1];
    }
    assert.deepEqual(counts, { strategic: 5, value: 10, potential: 75, ordinary: 90, general: 70 });
    assert.equal(shares.strategic, '2%');
    assert.equal(shares.value, '4%');
    assert.equal(shares.potential, '30%');
    assert.equal(counts.ordinary + counts.general, 160);
    // Money is written in 万/亿 in Chinese.
    assert.match(await page.getByTestId('stat-purchase').textContent(), /^\d+(\.\d+)?亿$/);
    // The account teams at a glance: 15 accounts, 32 people, 7 to find (SR 4, FR 2, AR 1).
    assert.equal(await page.getByTestId('stat-accounts').textContent(), '15');
    assert.equal(await page.getByTestId('stat-people').textContent(), '32');
    assert.equal(await page.getByTestId('stat-heads-to-find').textContent(), '7');
    // Step 2 of the method opens the iron-triangle tool.
    await page.getByTestId('method-step-2').click();
    await page.getByTestId('team-view').waitFor();
    assert.match(page.url(), /#\/team$/);
  });
});

test('an invalid reference date is refused with a message and keeps what was typed', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('settings-invalid', 'zh-CN', async (page) => {
    await page.getByTestId('setting-today').fill('2026-02-30');
    await page.getByTestId('setting-apply').click();
    await assert.doesNotReject(
      page.getByTestId('setting-error').filter({ hasText: '不是有效日期' }).waitFor(),
    );
    assert.equal(await page.getByTestId('setting-today').inputValue(), '2026-02-30');
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing was applied');
  });
});

test('a new fiscal year is applied, survives a reload, and undo takes it back', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('settings-valid', 'en-US', async (page) => {
    await page.getByTestId('setting-fiscal-year').fill('2027');
    await page.getByTestId('setting-apply').click();
    await page.getByTestId('stat-fiscal-year').filter({ hasText: '2027' }).waitFor();
    await page.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getByTestId('stat-fiscal-year').textContent(), '2027');
    // History does not survive a reload; a new edit and its undo do.
    await page.getByTestId('setting-fiscal-year').fill('2028');
    await page.getByTestId('setting-apply').click();
    await page.getByTestId('stat-fiscal-year').filter({ hasText: '2028' }).waitFor();
    await page.getByTestId('undo').click();
    assert.equal(await page.getByTestId('stat-fiscal-year').textContent(), '2027');
    assert.equal(await page.getByTestId('setting-fiscal-year').inputValue(), '2027');
  });
});

test('duplicate makes an independent copy', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('duplicate', 'zh-CN', async (page) => {
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-duplicate').click();
    assert.equal(await page.getByTestId('ws-name').textContent(), '示例集团（副本）');
    assert.equal(await page.getByTestId('stat-customers').textContent(), '250');
    await page.getByTestId('ws-menu').click();
    const names = await page.getByTestId('ws-item').allTextContents();
    assert.deepEqual(names.sort(), ['示例集团', '示例集团（副本）'].sort());
  });
});

test('reset demo asks first, restores the demo, and can be undone', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('reset-demo', 'zh-CN', async (page) => {
    await page.getByTestId('setting-fiscal-year').fill('2030');
    await page.getByTestId('setting-apply').click();
    await page.getByTestId('stat-fiscal-year').filter({ hasText: '2030' }).waitFor();
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-reset-demo').click();
    await page.getByTestId('dialog-confirm').click();
    assert.equal(await page.getByTestId('stat-fiscal-year').textContent(), '2026');
    await page.getByTestId('undo').click();
    assert.equal(await page.getByTestId('stat-fiscal-year').textContent(), '2030');
  });
});

test('an empty workspace offers no reset of demo data', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('empty-no-reset', 'zh-CN', async (page) => {
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-new-empty').click();
    await page.getByTestId('dialog-confirm').click();
    assert.equal(await page.getByTestId('ws-name').textContent(), '新工作区');
    await page.getByTestId('tiers-empty').waitFor();
    await page.getByTestId('ws-menu').click();
    assert.equal(await page.getByTestId('ws-reset-demo').count(), 0);
  });
});
