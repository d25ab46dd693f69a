// End-to-end tests of the roles page (Tool 4): the demo's RACI matrix is valid; a second A typed
// with the keyboard is reported on its row and cleared again, undo brings it back; a card edit
// survives a reload and resets to its default; the page in English and on paper.
//
// Run: node --test --test-concurrency=1 e2e/roles.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { activeWorkspaceId, appSuite, readStorage, KEYS, screenshot, storedJson, waitForApp, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

async function withRoles(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/roles', consoleClean: true }, async (page) => {
    await page.getByTestId('raci-table').waitFor();
    await fn(page);
  });
}

const invalidRows = (page) => page.locator('[data-testid=raci-table] tbody tr.is-invalid');
const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? null);

/** Waits until the stored copy of the open workspace contains `text`. */
async function waitStored(page, text) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const id = await activeWorkspaceId(page);
    const stored = storedJson((await readStorage(page))[KEYS.workspace(id)] ?? '');
    if (stored.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`the stored workspace never contained ${text}`);
    await page.waitForTimeout(200);
  }
}

test('a second A typed into a row is reported there; Delete clears it; undo brings it back', { timeout: TEST_TIMEOUT }, async () => {
  await withRoles('roles-raci', 'zh-CN', async (page) => {
    // The demo's matrix: 13 activities, no row in error.
    assert.equal(await page.locator('[data-testid=raci-table] tbody tr').count(), 13);
    assert.equal(await invalidRows(page).count(), 0);
    assert.equal(await page.getByTestId('raci-status').textContent(), '所有活动都有且仅有一个 A，并至少有一个 R。');
    // The counts in words, one line each, so that a newcomer need not know the letters.
    assert.equal(await page.getByTestId('raci-count-AD').innerText(), '执行 0\n批准 6\n咨询 0\n知会 5');
    await screenshot(page, 'roles-zh');

    // Keyboard only: focus the AR's cell of contract signing, move right to the SR, type "a".
    const sr = page.getByTestId('raci-contract-SR');
    await page.getByTestId('raci-contract-AR').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedTestId(page), 'raci-contract-SR');
    assert.equal(await sr.textContent(), 'C');
    assert.equal(await sr.getAttribute('aria-label'), '合同签订 · 解决方案责任人：C 咨询（事前征询）');
    await page.keyboard.press('a');
    await page.locator('[data-testid=raci-row-contract].is-invalid').waitFor();
    assert.equal(await sr.textContent(), 'A');
    assert.equal(
      await page.getByTestId('raci-errors-contract').textContent(),
      '有 2 个 A（系统部部长 / 客户群总监、解决方案责任人）：只能有一个',
    );
    assert.equal(await invalidRows(page).count(), 1);
    assert.equal(await page.getByTestId('raci-status').textContent(), '1 项活动的 RACI 有问题，见标红的行。');
    assert.equal(await page.getByTestId('raci-count-SR').innerText(), '执行 4\n批准 1\n咨询 7\n知会 0');
    // Focus stays on the cell, so typing goes on from there.
    assert.equal(await focusedTestId(page), 'raci-contract-SR');
    await page.getByTestId('raci-row-contract').scrollIntoViewIfNeeded();
    await screenshot(page, 'roles-raci-error');

    // Delete clears the cell: the row is fine again.
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=raci-table] tbody tr.is-invalid').length === 0);
    assert.equal(await sr.textContent(), '—');
    assert.equal(await page.getByTestId('raci-errors-contract').textContent(), '✓');

    // Ctrl+Z undoes the clearing (the error is back), then the A.
    await page.keyboard.press('Control+z');
    await page.locator('[data-testid=raci-row-contract].is-invalid').waitFor();
    assert.equal(await sr.textContent(), 'A');
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=raci-table] tbody tr.is-invalid').length === 0);
    assert.equal(await sr.textContent(), 'C');

    // Adding an activity: no A and no R yet, both said on its row.
    await page.getByTestId('raci-add-submit').click();
    assert.equal(await page.getByTestId('raci-add-error').textContent(), '请至少填写一种语言的名称');
    await page.getByTestId('raci-add-zh').fill('投标复盘');
    await page.getByTestId('raci-add-en').fill('Bid review');
    await page.getByTestId('raci-add-submit').click();
    await page.getByTestId('raci-row-activity-1').waitFor();
    assert.equal(
      await page.getByTestId('raci-errors-activity-1').textContent(),
      '没有 A（批准人）：需要恰好一个没有 R（执行人）：至少需要一个',
    );
    // A click cycles — → R, a second click R → A: the row is complete.
    await page.getByTestId('raci-activity-1-SR').click();
    await page.getByTestId('raci-activity-1-AR').click();
    await page.getByTestId('raci-activity-1-AR').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=raci-table] tbody tr.is-invalid').length === 0);
    assert.equal(await page.getByTestId('raci-activity-1-AR').textContent(), 'A');
    // Moved up one place, then deleted.
    await page.getByTestId('raci-up-activity-1').click();
    const ids = await page.locator('[data-testid=raci-table] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.activity));
    assert.deepEqual(ids.slice(-2), ['activity-1', 'resources']);
    await page.getByTestId('raci-delete-activity-1').click();
    assert.equal(await page.locator('[data-testid=raci-table] tbody tr').count(), 13);

    // Renamed in both languages; Escape leaves a rename without change.
    await page.getByTestId('raci-rename-cash_collection-open').click();
    assert.equal(await page.getByTestId('raci-rename-cash_collection-zh').inputValue(), '回款');
    await page.getByTestId('raci-rename-cash_collection-zh').fill('回款与应收管理');
    await page.getByTestId('raci-rename-cash_collection-en').fill('Cash collection and receivables');
    await page.getByTestId('raci-rename-cash_collection-submit').click();
    const name = page.getByTestId('raci-row-cash_collection').locator('.roles-activity-name');
    assert.equal(await name.textContent(), '回款与应收管理');
    await page.getByTestId('raci-rename-cash_collection-open').click();
    await page.getByTestId('raci-rename-cash_collection-zh').fill('不要这个名字');
    await page.keyboard.press('Escape');
    assert.equal(await name.textContent(), '回款与应收管理');
    assert.equal(
      await page.getByTestId('raci-cash_collection-AR').getAttribute('aria-label'),
      '回款与应收管理 · 客户责任人：R 执行（负责做）',
    );
  });
});

test('a card edited in both languages survives a reload and resets to its default', { timeout: TEST_TIMEOUT }, async () => {
  await withRoles('roles-card', 'zh-CN', async (page) => {
    // The glossary's name of each role, its code after it; no English line under it.
    assert.deepEqual(await page.locator('.roles-card-name').allTextContents(),
      ['系统部部长 / 客户群总监 AD', '客户责任人 AR', '解决方案责任人 SR', '交付履行责任人 FR']);
    assert.doesNotMatch(await page.locator('.roles-card-head').first().textContent(), /Account director/);
    const card = page.getByTestId('card-AR');
    assert.equal(await page.getByTestId('card-reset-AR').count(), 0, 'a default card has nothing to reset');
    await page.getByTestId('card-edit-AR').click();
    await page.getByTestId('card-resp-zh-AR-0').fill('客户关系管理与拓展');
    await page.getByTestId('card-resp-en-AR-0').fill('Customer relationships and their growth');
    await page.getByTestId('card-act-add-AR').click();
    await page.getByTestId('card-act-zh-AR-3').fill('每周回顾商机');
    await page.getByTestId('card-act-en-AR-3').fill('Reviews the opportunities every week');
    await page.getByTestId('card-act-up-AR-3').click();
    // An empty line is dropped on saving.
    await page.getByTestId('card-resp-add-AR').click();
    await page.getByTestId('card-editor-AR').scrollIntoViewIfNeeded();
    await screenshot(page, 'roles-card-edit');
    await page.getByTestId('card-save-AR').click();
    await page.getByTestId('card-editor-AR').waitFor({ state: 'detached' });
    const resp = () => page.getByTestId('card-resp-AR').locator('li').allTextContents();
    const acts = () => page.getByTestId('card-act-AR').locator('li').allTextContents();
    assert.deepEqual(await resp(), ['客户关系管理与拓展', '业务需求管理', '商务谈判', '合同与回款']);
    assert.deepEqual(await acts(), ['每天在客户现场', '发现新的机会点', '每周回顾商机', '在客户界面牵头铁三角']);

    await waitStored(page, 'Reviews the opportunities every week');
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('card-resp-AR').waitFor();
    assert.deepEqual(await resp(), ['客户关系管理与拓展', '业务需求管理', '商务谈判', '合同与回款']);
    assert.equal((await acts())[2], '每周回顾商机');

    // Cancel keeps the card as it is; reset brings back the default.
    await page.getByTestId('card-edit-AR').click();
    await page.getByTestId('card-resp-zh-AR-0').fill('改了又取消');
    await page.getByTestId('card-cancel-AR').click();
    assert.equal((await resp())[0], '客户关系管理与拓展');
    await page.getByTestId('card-reset-AR').click();
    assert.deepEqual(await resp(), ['客户关系管理', '业务需求管理', '商务谈判', '合同与回款']);
    assert.equal((await acts()).length, 3);
    assert.equal(await page.getByTestId('card-reset-AR').count(), 0);
    assert.match(await card.textContent(), /客户界面的第一责任人/);
  });
});

test('in English the cards and the matrix speak English', { timeout: TEST_TIMEOUT }, async () => {
  await withRoles('roles-en', 'en-US', async (page) => {
    assert.equal(await page.locator('.roles .view-title').textContent(), 'Roles');
    assert.match(await page.getByTestId('card-name-SR').textContent(), /^Solution responsible/);
    // One name per role, its code a separate word: no Chinese, no run-together "directorAD".
    assert.equal(await page.getByTestId('card-name-AD').textContent(), 'Account director AD');
    assert.deepEqual(await page.locator('.roles-card-name').allTextContents(),
      ['Account director AD', 'Account responsible AR', 'Solution responsible SR', 'Fulfilment responsible FR']);
    assert.match(await page.getByTestId('card-mission-FR').textContent(), /Owns fulfilment from order to acceptance/);
    assert.equal(await page.getByTestId('raci-status').textContent(), 'Every activity has exactly one A and at least one R.');
    assert.equal(await page.getByTestId('raci-count-AD').innerText(), 'Responsible 0\nAccountable 6\nConsulted 0\nInformed 5');
    await page.getByTestId('raci-cash_collection-FR').focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedTestId(page), 'raci-cash_collection-AR');
    await page.keyboard.press('c');
    assert.equal(
      await page.getByTestId('raci-errors-cash_collection').textContent(),
      'No R (responsible): at least one is needed',
    );
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=raci-table] tbody tr.is-invalid').length === 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'roles-en');
  });
});

test('on paper: no app chrome or buttons, cards one per page, black on white', { timeout: TEST_TIMEOUT }, async () => {
  await withRoles('roles-print', 'zh-CN', async (page) => {
    await page.emulateMedia({ media: 'print' });
    for (const id of ['app-title', 'nav-roles', 'roles-print', 'card-edit-AR', 'raci-add']) {
      assert.equal(await page.getByTestId(id).isVisible(), false, `${id} is hidden on paper`);
    }
    const style = await page.getByTestId('card-SR').evaluate((el) => {
      const s = getComputedStyle(el);
      return { breakBefore: s.breakBefore, breakInside: s.breakInside, color: s.color, background: s.backgroundColor };
    });
    assert.deepEqual(style, { breakBefore: 'page', breakInside: 'avoid', color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
    assert.equal(await page.getByTestId('card-AD').evaluate((el) => getComputedStyle(el).breakBefore), 'auto');
    // The matrix prints too, with its letters.
    assert.equal(await page.getByTestId('raci-contract-AD').isVisible(), true);
    await screenshot(page, 'roles-print');
    // Printed to A4: the four cards on a page each, then the matrix on its own page.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    assert.equal(pdf.match(/\/Type\s*\/Page[^s]/g).length, 5);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.getByTestId('roles-print').isVisible(), true);
  });
});
