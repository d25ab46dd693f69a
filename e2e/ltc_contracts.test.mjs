// End-to-end tests of LTC's contracts and collections tab and its per-account tab on the demo
// (reference date 2026-01-15): receivable 5,802,000; overdue by age 196,000 / 909,000 / 876,000
// / 1,910,000 (2 / 1 / 1 / 4 milestones); DSO 57.9 days; four retentions due within 90 days.
// A collection recorded with the keyboard takes an account off the overdue list; a new contract
// starts with the 30/30/30/10 milestones and their due dates; the account tab opens from its
// address and from the customer list.
//
// Run: KAM_DIST=… node --test --test-concurrency=1 e2e/ltc_contracts.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, withApp } from './helpers.mjs';
import { assertTermTip } from './readable.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();
const num = (s) => Number(s.replace(/,/g, ''));

async function withContracts(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/ltc/contracts', consoleClean: true }, async (page) => {
    await page.getByTestId('ltc-contracts').waitFor();
    await fn(page);
  });
}

for (const [locale, dso, days] of [
  ['zh-CN', '应收 5,802,000 ÷ 近 365 天开票 36,601,000 × 365 = 57.9 天', '57.9 天'],
  ['en', 'Receivable 5,802,000 ÷ invoiced in the last 365 days 36,601,000 × 365 = 57.9 days', '57.9 days'],
]) {
  test(`the collections summary shows the demo's ageing, DSO and retentions (${locale})`, { timeout: TEST_TIMEOUT }, async () => {
    await withContracts(`ltc-contracts-summary-${locale}`, locale, async (page) => {
      const amounts = [];
      const counts = [];
      for (let i = 0; i < 4; i += 1) {
        amounts.push(await text(page, `ltc-bucket-${i}-amount`));
        counts.push(await text(page, `ltc-bucket-${i}-count`));
      }
      assert.deepEqual(amounts, ['196,000', '909,000', '876,000', '1,910,000']);
      assert.deepEqual(counts, ['2', '1', '1', '4']);
      assert.equal(await text(page, 'ltc-bucket-total'), '3,891,000');
      assert.equal(await text(page, 'ltc-dso-value'), days);
      assert.equal(await text(page, 'ltc-dso-why'), dso);
      // DSO says what it is on keyboard focus.
      await assertTermTip(page, 'dso', locale === 'en' ? /^Days sales outstanding: / : /^应收账款周转天数：/);
      assert.equal(await text(page, 'ltc-receivable-value'), locale === 'en' ? '5.8M' : '580万');
      assert.match(await text(page, 'ltc-receivable-why'), /= 5,802,000$/);
      assert.equal(await page.getByTestId('ltc-retention-row').count(), 4);
      // The largest overdue account first; seven accounts owe something.
      assert.equal(await page.getByTestId('ltc-top-overdue-row').count(), 7);
      assert.equal(await page.getByTestId('ltc-top-overdue-row').first().getAttribute('data-account'), 'c-0204');
      // Collections against target: January's collections and the company target of 13 M.
      assert.match(await text(page, 'ltc-collections-target'), locale === 'en' ? /13M/ : /1300万/);
      // The list: 25 contracts, at most 50 on a page; overdue only leaves the 7 with an overdue milestone…
      assert.equal(await page.locator('[data-testid=ltc-contracts-table] tbody tr').count(), 25);
      await page.getByTestId('ltc-contracts-overdue-only').check();
      assert.equal(await page.locator('[data-testid=ltc-contracts-table] tbody tr').count(), 7);
      // …sorted by value, largest first, then smallest first.
      await page.getByTestId('ltc-contracts-sort-value').click();
      const first = await page.locator('[data-testid=ltc-contracts-table] tbody tr').first().getAttribute('data-testid');
      await page.getByTestId('ltc-contracts-sort-value').click();
      const last = await page.locator('[data-testid=ltc-contracts-table] tbody tr').last().getAttribute('data-testid');
      assert.equal(first, last);
    });
  });
}

test('a collection recorded with the keyboard takes the account off the overdue list', { timeout: TEST_TIMEOUT }, async () => {
  await withContracts('ltc-contracts-collect', 'zh-CN', async (page) => {
    // The overdue accounts with a single overdue milestone, from the list's overdue rows.
    await page.getByTestId('ltc-contracts-overdue-only').check();
    const rows = page.locator('[data-testid=ltc-contracts-table] tbody tr');
    const byAccount = new Map();
    for (let i = 0; i < (await rows.count()); i += 1) {
      const row = rows.nth(i);
      const account = await row.getAttribute('data-account');
      const id = (await row.getAttribute('data-testid')).replace('ltc-contract-row-', '');
      const n = Number(await row.locator('[data-count]').getAttribute('data-count'));
      const e = byAccount.get(account) ?? { n: 0, ids: [] };
      byAccount.set(account, { n: e.n + n, ids: [...e.ids, id] });
    }
    const top = page.getByTestId('ltc-top-overdue-row');
    const order = [];
    for (let i = 0; i < (await top.count()); i += 1) order.push(await top.nth(i).getAttribute('data-account'));
    const account = order.find((a) => byAccount.get(a)?.n === 1);
    assert.ok(account, 'an overdue account with one overdue milestone');
    const contract = byAccount.get(account).ids[0];
    const amountText = await page
      .locator(`[data-testid=ltc-top-overdue-row][data-account="${account}"] td`)
      .first()
      .textContent();
    const owed = num(amountText.trim());
    const totalBefore = num(await text(page, 'ltc-bucket-total'));

    // Keyboard: focus "登记回款", Enter opens the dialog on the amount (the whole outstanding),
    // Enter records it.
    await page.getByTestId(`ltc-contract-collect-${contract}`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('ltc-collect').waitFor();
    assert.equal(num(await page.getByTestId('ltc-collect-amount').inputValue()), owed);
    assert.equal(await page.getByTestId('ltc-collect-date').inputValue(), '2026-01-15');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'ltc-collect-amount');
    await page.keyboard.press('Enter');
    await page.getByTestId('ltc-collect').waitFor({ state: 'detached' });

    assert.equal(await page.locator(`[data-testid=ltc-top-overdue-row][data-account="${account}"]`).count(), 0);
    assert.equal(await page.getByTestId('ltc-top-overdue-row').count(), order.length - 1);
    assert.equal(num(await text(page, 'ltc-bucket-total')), totalBefore - owed);
    assert.equal(await page.locator(`[data-testid=ltc-contract-row-${contract}]`).count(), 0, 'no longer overdue');

    // One undo step brings it back.
    await page.keyboard.press('Control+z');
    await page.locator(`[data-testid=ltc-top-overdue-row][data-account="${account}"]`).waitFor();
    assert.equal(num(await text(page, 'ltc-bucket-total')), totalBefore);
  });
});

test('a new contract starts with 30/30/30/10 and the due dates of its terms', { timeout: TEST_TIMEOUT }, async () => {
  await withContracts('ltc-contracts-new', 'zh-CN', async (page) => {
    await page.getByTestId('ltc-contract-add').click();
    const form = page.getByTestId('ltc-contract-form');
    await form.waitFor();
    const shares = [];
    for (let i = 0; i < 4; i += 1) shares.push(await page.getByTestId(`ltc-m-${i}-share`).inputValue());
    assert.deepEqual(shares, ['30', '30', '30', '10']);
    assert.equal(await text(page, 'ltc-form-share-sum'), '比例合计 100%');

    // Saving empty names every missing field and saves nothing.
    await page.getByTestId('ltc-form-save').click();
    assert.match(await text(page, 'ltc-form-errors'), /请填写客户。/);
    assert.match(await text(page, 'ltc-form-errors'), /请填写合同名称。/);

    await page.getByTestId('ltc-form-account').selectOption('c-0204');
    await page.getByTestId('ltc-form-name').fill('储能运维三期');
    await page.getByTestId('ltc-form-signed').fill('2026-01-10');
    await page.getByTestId('ltc-form-value').fill('120万');
    assert.equal(await text(page, 'ltc-m-0-due'), '2026-02-09');
    assert.equal(await text(page, 'ltc-m-1-due'), '待到货后确定');
    assert.equal(await text(page, 'ltc-m-2-due'), '待验收后确定');
    assert.equal(await text(page, 'ltc-m-3-due'), '待验收后确定');
    await page.getByTestId('ltc-form-delivered').fill('2026-03-31');
    await page.getByTestId('ltc-form-accepted').fill('2026-05-31');
    assert.equal(await text(page, 'ltc-m-1-due'), '2026-04-30');
    assert.equal(await text(page, 'ltc-m-2-due'), '2026-06-30');
    assert.equal(await text(page, 'ltc-m-3-due'), '2027-05-31');
    // A share off 100 is pointed out, not refused.
    await page.getByTestId('ltc-m-3-share').fill('5');
    assert.equal(await text(page, 'ltc-form-share-sum'), '比例合计 95%，不等于 100%，请核对付款条件');
    await page.getByTestId('ltc-m-3-share').fill('10');
    await page.getByTestId('ltc-form-save').click();
    await form.waitFor({ state: 'detached' });

    assert.equal(await text(page, 'ltc-contracts-count'), '显示 26 / 共 26 份合同');
    await page.getByTestId('ltc-contracts-filter').fill('');
    await page.getByTestId('ltc-contracts-sort-signed').click();
    const row = page.locator('[data-testid=ltc-contracts-table] tbody tr', { hasText: '储能运维三期' });
    assert.match(await row.textContent(), /120万/);
    assert.match(await row.textContent(), /2026-02-09预付款/);
  });
});

test('the account tab shows an account from its address and from the customer list', { timeout: TEST_TIMEOUT }, async () => {
  for (const locale of ['zh-CN', 'en']) {
    await withApp(suite, { slug: `ltc-account-${locale}`, locale, hash: '#/ltc/account/c-0204', consoleClean: true }, async (page) => {
      await page.getByTestId('ltc-account').waitFor();
      assert.equal(await page.getByTestId('ltc-account').getAttribute('data-account'), 'c-0204');
      const name = await text(page, 'ltc-account-name');
      assert.ok(name.length > 0);
      assert.ok((await page.getByTestId('ltc-account-opp').count()) > 0, 'its opportunities');
      assert.ok((await page.locator('[data-testid=ltc-account-contract][data-id=ct-19]').count()) === 1, 'its contract ct-19');
      assert.equal(await page.locator('[data-testid=ltc-account-m-ct-19-2].is-overdue').count(), 1);

      // From the customer list: find it, follow its name.
      await page.goto(`${suite.server.url}#/customers`);
      await page.getByTestId('customers-search').fill(name);
      const link = page.locator('[data-testid=customer-row][data-id=c-0204] [data-testid=customer-ltc-link]');
      await link.click();
      await page.getByTestId('ltc-account').waitFor();
      assert.equal(await page.getByTestId('ltc-account').getAttribute('data-account'), 'c-0204');
      assert.equal(await text(page, 'ltc-account-name'), name);
      assert.ok((await page.getByTestId('ltc-account-contract').count()) > 0, 'its contracts');

      // From the iron-triangle board: the account's name leads to the same view.
      await page.goto(`${suite.server.url}#/team`);
      await page.getByTestId('board-ltc-link-c-0204').click();
      await page.getByTestId('ltc-account').waitFor();
      assert.equal(await page.getByTestId('ltc-account').getAttribute('data-account'), 'c-0204');
    });
  }
});
