// End-to-end tests of the customers view: the demo's 250 customers, search, filters, sort, the
// add form with its field errors, bulk tier overrides (seen on the overview too), undo, deletion
// with confirmation, and a 100,000-customer workspace that stays a few dozen DOM rows.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, newPage, waitForApp, screenshot, withApp as withAppAt } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();

// The demo (示例集团 / Demo Group) is deterministic: 14 customer names contain 医院, five are
// strategic, and the largest annual purchase is 中国移动通信集团广西有限公司's (4573万).
const DEMO_TOTAL = 250;
const DEMO_HOSPITALS = 14;
const DEMO_LARGEST = '中国移动通信集团广西有限公司';

async function withApp(slug, locale, fn, { hash = '#/customers' } = {}) {
  await withAppAt(suite, { slug, locale, hash }, fn);
}

/** [shown, total] from the count text ("显示 1,234 / 100,000 位客户"). */
async function counts(page) {
  const text = await page.getByTestId('customers-count').textContent();
  const numbers = text.match(/\d[\d,]*/g).map((n) => Number(n.replace(/,/g, '')));
  assert.equal(numbers.length, 2, `two numbers in “${text}”`);
  return numbers;
}

/** Waits until the count text shows `shown` (and `total` when given). */
async function waitForCount(page, shown, total) {
  await page.waitForFunction(
    ([shown, total]) => {
      const el = document.querySelector('[data-testid=customers-count]');
      if (!el) return false;
      const n = (el.textContent.match(/\d[\d,]*/g) || []).map((x) => Number(x.replace(/,/g, '')));
      return n[0] === shown && (total === undefined || n[1] === total);
    },
    [shown, total],
  );
  return counts(page);
}

const rows = (page) => page.getByTestId('customer-row');
const names = (page) => page.locator('[data-testid=customer-row] [data-col=name]').allTextContents();
const tierCells = (page) => page.locator('[data-testid=customer-row] [data-col=tier] .cust-tier-name').allTextContents();

async function openCustomers(page) {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customers-count').waitFor();
}

async function strategicOnOverview(page) {
  await page.getByTestId('nav-overview').click();
  const cell = page.locator('[data-testid=tier-table] tr[data-tier=strategic] td').first();
  return Number(await cell.textContent());
}

test('the demo lists 250 customers; search, tier filter and sort work', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('customers-list', 'zh-CN', async (page) => {
    assert.deepEqual(await counts(page), [DEMO_TOTAL, DEMO_TOTAL]);
    assert.match(await page.getByTestId('customers-count').textContent(), /^显示 250 \/ 250 位客户$/);
    await screenshot(page, 'customers-zh');

    await page.getByTestId('customers-search').fill('医院');
    assert.deepEqual(await waitForCount(page, DEMO_HOSPITALS, DEMO_TOTAL), [DEMO_HOSPITALS, DEMO_TOTAL]);
    const found = await names(page);
    assert.equal(found.length, DEMO_HOSPITALS, 'every match is rendered');
    assert.ok(found.every((n) => n.includes('医院')), found.join(', '));
    // Case-insensitive and trimmed; nothing found shows the empty-result note.
    await page.getByTestId('customers-search').fill('  no such customer ');
    await waitForCount(page, 0);
    await page.getByTestId('customers-no-results').waitFor();
    await page.getByTestId('customers-clear-filters').click();
    await waitForCount(page, DEMO_TOTAL);
    assert.equal(await page.getByTestId('customers-search').inputValue(), '');

    await page.getByTestId('customers-filter-tier').selectOption({ label: '战略客户' });
    await waitForCount(page, 5, DEMO_TOTAL);
    assert.deepEqual(await tierCells(page), Array(5).fill('战略客户'));
    await page.getByTestId('customers-clear-filters').click();
    await waitForCount(page, DEMO_TOTAL);
    // The three curses of the demo, as the tiering view counts them: 12 / 66 / 20.
    for (const [label, n] of [['留不住', 20], ['进不来', 12], ['做不大', 66]]) {
      await page.getByTestId('customers-filter-curse').selectOption({ label });
      await waitForCount(page, n, DEMO_TOTAL);
    }
    await page.getByTestId('customers-clear-filters').click();
    await waitForCount(page, DEMO_TOTAL);
    assert.equal(
      await page.getByTestId('customers-filter-tier').inputValue(),
      '',
      'the select shows “all” again after clearing',
    );

    // A figure column sorts largest first on the first click, then the other way.
    const purchaseHeader = page.locator('th.cust-col-purchase');
    await page.getByTestId('sort-purchase').click();
    assert.equal(await purchaseHeader.getAttribute('aria-sort'), 'descending');
    assert.equal((await names(page))[0], DEMO_LARGEST);
    assert.equal(await rows(page).first().locator('[data-col=purchase]').textContent(), '4573万');
    await page.getByTestId('sort-purchase').click();
    assert.equal(await purchaseHeader.getAttribute('aria-sort'), 'ascending');
    assert.notEqual((await names(page))[0], DEMO_LARGEST);
    const values = await page
      .locator('[data-testid=customer-row] [data-col=purchase]')
      .evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
    assert.deepEqual(values, [...values].sort((a, b) => a - b), 'ascending purchases');
    assert.equal(await page.locator('th[aria-sort]').count(), 1, 'one sorted column');
  });
});

test('a negative or non-numeric purchase is refused next to the field; fixed, the customer is added and survives a reload', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('customers-add', 'zh-CN', async (page) => {
    await page.getByTestId('customers-add').click();
    const form = page.getByTestId('customer-form');
    await page.getByTestId('form-name').fill('测试新能源有限公司');
    await page.getByTestId('form-annual-purchase').fill('-5万');
    await page.getByTestId('form-save').click();
    const error = page.getByTestId('form-annual-purchase-error');
    assert.equal(await error.textContent(), '不能为负数。');
    assert.equal(await page.getByTestId('form-annual-purchase').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.count(), 1, 'the form stays open');
    await screenshot(page, 'customers-form-zh');
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing was dispatched');
    assert.deepEqual(await counts(page), [DEMO_TOTAL, DEMO_TOTAL]);

    await page.getByTestId('form-annual-purchase').fill('一百万');
    await error.filter({ hasText: '“一百万”不是有效金额' }).waitFor();
    await page.getByTestId('form-save').click();
    assert.equal(await form.count(), 1);

    await page.getByTestId('form-annual-purchase').fill('120万');
    assert.equal(await error.count(), 0, 'the message goes as soon as the value is fixed');
    await page.getByTestId('form-industry-line').selectOption({ label: '电力' });
    await page.getByTestId('form-tags').fill('新客户， 储能');
    await page.getByTestId('form-save').click();
    await form.waitFor({ state: 'detached' });
    assert.deepEqual(await waitForCount(page, DEMO_TOTAL + 1, DEMO_TOTAL + 1), [251, 251]);

    await page.getByTestId('customers-search').fill('储能');
    await waitForCount(page, 1);
    const row = rows(page).first();
    assert.equal(await row.locator('[data-col=name]').textContent(), '测试新能源有限公司');
    assert.equal(await row.locator('[data-col=purchase]').textContent(), '120万');
    assert.equal(await row.locator('[data-col=line]').textContent(), '电力');
    assert.match(await row.getAttribute('data-id'), /^c-[0-9a-z]+-[0-9a-z]+$/);

    await page.getByTestId('save-status').filter({ hasText: '已自动保存' }).waitFor();
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('customers-count').waitFor();
    assert.deepEqual(await counts(page), [251, 251]);

    // Editing keeps the id; the form opens with the stored values.
    await page.getByTestId('customers-search').fill('测试新能源');
    await waitForCount(page, 1);
    const id = await rows(page).first().getAttribute('data-id');
    await rows(page).first().getByTestId('customer-edit').click();
    assert.equal(await page.getByTestId('form-annual-purchase').inputValue(), '1,200,000');
    await page.getByTestId('form-annual-purchase').fill('1.2亿');
    await page.getByTestId('form-save').click();
    await form.waitFor({ state: 'detached' });
    assert.equal(await rows(page).first().locator('[data-col=purchase]').textContent(), '1.2亿');
    assert.equal(await rows(page).first().getAttribute('data-id'), id);
    assert.equal(await rows(page).first().locator('[data-col=tier] .cust-tier-name').textContent(), '战略客户');
    assert.deepEqual(await counts(page), [1, 251]);
  });
});

test('bulk override of two customers to 战略客户 needs a reason, shows on the overview, and undo restores it', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('customers-bulk', 'zh-CN', async (page) => {
    const before = await strategicOnOverview(page);
    assert.equal(before, 5);
    await openCustomers(page);
    await page.getByTestId('customers-filter-tier').selectOption({ label: '普通客户' });
    const [ordinary] = await counts(page);
    assert.ok(ordinary > 2);
    const picked = [];
    for (const i of [0, 1]) {
      const row = rows(page).nth(i);
      picked.push(await row.getAttribute('data-id'));
      await row.getByTestId('customer-select').check();
    }
    assert.equal(await page.getByTestId('customers-selected').textContent(), '已选 2 位客户');
    await page.getByTestId('bulk-tier').selectOption({ label: '战略客户' });
    await page.getByTestId('bulk-apply').click();
    assert.equal(await page.getByTestId('bulk-error').textContent(), '手动指定层级时必须填写原因。');
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing applied without a reason');
    await page.getByTestId('bulk-reason').fill('集团战略合作伙伴');
    await page.getByTestId('bulk-apply').click();
    await waitForCount(page, ordinary - 2);

    await page.getByTestId('customers-filter-tier').selectOption({ label: '战略客户' });
    await waitForCount(page, 7);
    for (const id of picked) {
      const row = page.locator(`[data-testid=customer-row][data-id="${id}"]`);
      assert.equal(await row.locator('.cust-tier-name').textContent(), '战略客户');
      assert.equal(await row.getByTestId('customer-manual').textContent(), '手动');
      assert.equal(await row.locator('[data-col=explanation]').textContent(), '手动指定：集团战略合作伙伴');
    }
    await screenshot(page, 'customers-bulk-zh');
    assert.equal(await strategicOnOverview(page), before + 2);

    await page.getByTestId('undo').click();
    assert.equal(await strategicOnOverview(page), before);
    await openCustomers(page);
    await page.getByTestId('customers-filter-tier').selectOption({ label: '战略客户' });
    await waitForCount(page, 5);
    assert.equal(await page.getByTestId('customer-manual').count(), 0);
  });
});

test('deleting asks first (one row or the selection) and can be undone', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('customers-delete', 'zh-CN', async (page) => {
    await page.getByTestId('customers-search').fill(DEMO_LARGEST);
    await waitForCount(page, 1);
    await rows(page).first().getByTestId('customer-delete').click();
    assert.match(await page.getByTestId('dialog').textContent(), new RegExp(`确定删除“${DEMO_LARGEST}”吗`));
    await page.getByTestId('dialog-cancel').click();
    assert.deepEqual(await counts(page), [1, DEMO_TOTAL], 'cancel keeps it');
    await rows(page).first().getByTestId('customer-delete').click();
    await page.getByTestId('dialog-confirm').click();
    assert.deepEqual(await waitForCount(page, 0, DEMO_TOTAL - 1), [0, 249]);
    await page.getByTestId('undo').click();
    assert.deepEqual(await waitForCount(page, 1, DEMO_TOTAL), [1, DEMO_TOTAL]);

    await page.getByTestId('customers-search').fill('医院');
    await waitForCount(page, DEMO_HOSPITALS);
    await page.getByTestId('customers-select-all').check();
    assert.equal(await page.getByTestId('customers-selected').textContent(), `已选 ${DEMO_HOSPITALS} 位客户`);
    await page.getByTestId('bulk-delete').click();
    assert.match(await page.getByTestId('dialog').textContent(), new RegExp(`选中的 ${DEMO_HOSPITALS} 位客户`));
    await page.getByTestId('dialog-confirm').click();
    await waitForCount(page, 0, DEMO_TOTAL - DEMO_HOSPITALS);
    assert.equal(await page.getByTestId('customers-bulk').count(), 0, 'the selection is gone with them');
    await page.keyboard.press('Control+z');
    await waitForCount(page, DEMO_HOSPITALS, DEMO_TOTAL);
  });
});

test('an empty workspace points to “Add customer”; English labels', { timeout: TEST_TIMEOUT }, async () => {
  await withApp('customers-en', 'en-US', async (page) => {
    assert.match(await page.getByTestId('customers-count').textContent(), /^Showing 250 of 250 customers$/);
    assert.equal(await page.getByTestId('sort-purchase').textContent(), 'Annual purchase');
    await page.getByTestId('customers-filter-tier').selectOption({ label: 'Strategic' });
    await waitForCount(page, 5);
    await page.getByTestId('customers-clear-filters').click();
    await waitForCount(page, DEMO_TOTAL);
    await screenshot(page, 'customers-en');
    await page.getByTestId('customers-add').click();
    await page.getByTestId('form-annual-purchase').fill('lots');
    await page.getByTestId('form-save').click();
    assert.match(await page.getByTestId('form-annual-purchase-error').textContent(), /“lots” is not an amount/);
    assert.equal(await page.getByTestId('form-name-error').textContent(), "Enter the customer's name.");
    await screenshot(page, 'customers-form-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('customer-form').waitFor({ state: 'detached' });

    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-new-empty').click();
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('customers-empty').waitFor();
    assert.match(await page.getByTestId('customers-empty').textContent(), /Add customer/);
    assert.equal(await page.locator('tr').count(), 0);
  });
});

test('100,000 customers: a few dozen rows in the DOM, scrolling reaches the last one', { timeout: 240_000 }, async () => {
  const N = 100_000;
  // Chromium's localStorage holds about 5 million characters per origin, so the records are
  // lean: an id and a name each, an annual purchase for every tenth (the rest default to 0).
  const customers = Array.from({ length: N }, (_, i) => {
    const c = { id: `c${i}`, name: `Customer ${String(i).padStart(6, '0')}` };
    if (i % 10 === 0) c.annual_purchase = (i * 7919) % 20_000_000;
    return c;
  });
  const envelope = JSON.stringify({
    format: 'kam-planner',
    schema_version: 1,
    app_version: '0.1.0',
    exported_at: 0,
    workspace: { meta: { id: 'ws-big', name: 'Big' }, customers },
  });
  const index = JSON.stringify({ active: 'ws-big', workspaces: [{ id: 'ws-big', name: 'Big', updated_at: 0 }] });
  const last = `Customer ${String(N - 1).padStart(6, '0')}`;
  assert.ok(envelope.length < 5_000_000, `${envelope.length} characters fit the storage quota`);

  const s = await newPage(suite.browser, { locale: 'en-US' });
  const { page } = s;
  try {
    // Any page of the origin will do to fill its storage before the app first starts.
    await page.goto(`${suite.server.url}/no-such-page`);
    await page.evaluate(
      ([ws, index]) => {
        localStorage.setItem('kam-planner.v1.ws.ws-big', ws);
        localStorage.setItem('kam-planner.v1.index', index);
      },
      [envelope, index],
    );
    const started = Date.now();
    await page.goto(`${suite.server.url}/#/customers`);
    await rows(page).first().waitFor({ timeout: 60_000 });
    const loadMs = Date.now() - started;
    const sinceNavigation = await page.evaluate(() => Math.round(performance.now()));
    console.log(`100k customers: first table render ${loadMs} ms after page.goto (${sinceNavigation} ms by performance.now())`);

    assert.deepEqual(await counts(page), [N, N]);
    assert.equal(await page.getByTestId('ws-name').textContent(), 'Big');
    const trs = await page.locator('tr').count();
    assert.ok(trs < 200, `${trs} tr elements`);

    let t = Date.now();
    await page.getByTestId('sort-name').click();
    await page.locator('th.cust-col-name[aria-sort=ascending]').waitFor();
    console.log(`100k customers: sort by name ${Date.now() - t} ms`);
    assert.equal((await names(page))[0], 'Customer 000000');

    // Keyboard: the list is a focusable scroll region, so End goes to the bottom.
    t = Date.now();
    await page.getByTestId('customers-scroll').focus();
    await page.keyboard.press('End');
    const lastRow = page.locator('[data-testid=customer-row] [data-col=name]', { hasText: last });
    await lastRow.waitFor();
    console.log(`100k customers: scroll to the bottom ${Date.now() - t} ms`);
    assert.ok(await lastRow.isVisible(), 'the last customer is in view');
    const box = await lastRow.boundingBox();
    const view = await page.getByTestId('customers-scroll').boundingBox();
    assert.ok(box.y + box.height <= view.y + view.height + 1, 'the last row is not cut off');
    assert.ok((await page.locator('tr').count()) < 200);
    assert.equal(await page.getByTestId('customers-table').getAttribute('aria-rowcount'), String(N + 1));
    await screenshot(page, 'customers-100k');

    t = Date.now();
    // Every word must occur: 099990–099999, and 009999.
    await page.getByTestId('customers-search').fill('customer 09999');
    await waitForCount(page, 11, N);
    console.log(`100k customers: first search ${Date.now() - t} ms`);
    assert.ok((await names(page)).every((n) => n.includes('09999')));
    assert.deepEqual(await s.pageErrors, []);
  } catch (err) {
    await screenshot(page, 'failed-customers-100k').catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
});
