// End-to-end tests of the people, roles and templates, and purchase-process tabs of the
// iron-triangle page: a people CSV with one bad row imported through the real file chooser
// (the preview names the row and why; confirming adds the others), a template figure refused and
// then changed with the required FTE following, and a purchase stage given a second lead.
//
// Run: node --test --test-concurrency=1 e2e/team_admin.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { REPO_ROOT, appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();
const PEOPLE_CSV = path.join(REPO_ROOT, 'tests/fixtures/import/people-e2e.csv');

async function openTab(page, tab) {
  await page.getByTestId(`team-tab-${tab}`).click();
}

async function peopleNames(page) {
  return page.locator('[data-testid=people-table] tbody th').allTextContents();
}

test('a people CSV with one bad row: the preview shows the error, confirming adds the good rows', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'team-people-import', locale: 'zh-CN', hash: '#/team', consoleClean: true }, async (page) => {
    await openTab(page, 'people');
    await page.getByTestId('people-table').waitFor();
    assert.equal(await page.getByTestId('people-count').textContent(), '32 人');
    assert.equal((await peopleNames(page)).length, 32);

    await page.getByTestId('people-import').click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('people-import-file').click(),
    ]);
    await chooser.setFiles(PEOPLE_CSV);
    await page.getByTestId('people-import-mapping').waitFor();
    // The Chinese headers were recognised.
    assert.equal(await page.getByTestId('people-import-map-0').inputValue(), 'name');
    assert.equal(await page.getByTestId('people-import-map-1').inputValue(), 'role');
    assert.equal(await page.getByTestId('people-import-map-3').inputValue(), 'capacity');
    assert.equal(
      await page.getByTestId('people-import-summary').textContent(),
      '可导入 2 人；有错误 1 行（不会导入）；跳过空行 0 行。',
    );
    const errors = await page.locator('[data-testid=people-import-errors] tbody tr').allTextContents();
    assert.deepEqual(errors, ['3角色销售经理未知角色：请填 AD、AR、SR、FR、其他角色的编号或角色名称']);
    const preview = await page.locator('[data-testid=people-import-preview] tbody tr').allTextContents();
    assert.deepEqual(preview, ['2冯八ARL21 FTE社招', '4楚十SRL30.8 FTE研发转岗']);
    await screenshot(page, 'team-people-import-zh');
    // Nothing has changed before the confirmation.
    assert.equal(await page.getByTestId('people-count').textContent(), '32 人');

    await page.getByTestId('people-import-confirm').click();
    await page.getByTestId('people-import-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('people-count').textContent(), '34 人');
    const names = await peopleNames(page);
    assert.deepEqual(names.slice(-2), ['冯八', '楚十']);
    assert.ok(!names.includes('陈九'));
    const added = await page.getByTestId('person-p-2').locator('td').allTextContents();
    assert.equal(added[0], '解决方案责任人');
    assert.equal(added[2], '0.8');

    // The role filter shows the SRs only: the demo's seven and the new one.
    await page.getByTestId('people-filter-role').selectOption('SR');
    assert.equal((await peopleNames(page)).length, 8);
    await page.getByTestId('people-filter-role').selectOption('');
    await page.getByTestId('person-p-2').scrollIntoViewIfNeeded();
    await screenshot(page, 'team-people-zh');

    // One undo takes the whole import back.
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[data-testid=people-count]')?.textContent === '32 人');

    // The form refuses a person without a name and a capacity out of range, next to the fields.
    await page.getByTestId('people-add').click();
    await page.getByTestId('pf-capacity').fill('2');
    await page.getByTestId('pf-save').click();
    assert.equal(await page.getByTestId('pf-name-error').textContent(), '请填写姓名');
    assert.equal(await page.getByTestId('pf-capacity-error').textContent(), '产能须大于 0 且不超过 1.5 FTE');
    // The focus goes to the first field with a message.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'pf-name');
    await screenshot(page, 'team-person-form-zh');
    await page.getByTestId('pf-name').fill('卫十一');
    await page.getByTestId('pf-role').selectOption('FR');
    await page.getByTestId('pf-capacity').fill('50%');
    await page.getByTestId('pf-save').click();
    await page.getByTestId('person-form').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('people-count').textContent(), '33 人');
    const saved = await page.getByTestId('person-p-1').locator('td').allTextContents();
    assert.deepEqual(saved.slice(0, 3), ['交付履行责任人', '', '0.5']);

    // Deleting a person says how many assignments go with them.
    await page.getByTestId('person-delete-p-ar06').click();
    assert.match(await page.getByTestId('dialog').textContent(), /周强 的 2 项客户分配也将一并删除/);
    await page.getByTestId('dialog-confirm').click();
    assert.equal(await page.getByTestId('people-count').textContent(), '32 人');
  });
});

test('a template figure that is not allowed is refused next to it; a good one updates the required FTE', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'team-templates', locale: 'en-US', hash: '#/team', consoleClean: true }, async (page) => {
    await openTab(page, 'templates');
    await page.getByTestId('template-grid').waitFor();
    assert.equal(await page.getByTestId('required-SR').textContent(), '10');
    assert.equal(await page.getByTestId('fte-strategic.expansion-FR').inputValue(), '0.5');
    assert.match(await page.getByTestId('template-strategic.expansion').textContent(), /Account responsible doubles as Fulfilment responsible/);

    const cell = page.getByTestId('fte-value.mature-SR');
    await cell.fill('-1');
    await cell.press('Enter');
    assert.equal(await page.getByTestId('fte-value.mature-SR-error').textContent(), 'Must not be negative');
    assert.equal(await page.getByTestId('required-SR').textContent(), '10');

    for (const row of ['value.expansion', 'value.growth', 'value.mature']) {
      const input = page.getByTestId(`fte-${row}-SR`);
      await input.fill('0.25');
      await input.press('Enter');
    }
    await page.waitForFunction(() => document.querySelector('[data-testid=required-SR]')?.textContent === '7.5');
    assert.equal(await page.getByTestId('fte-value.mature-SR-error').count(), 0);

    // A built-in role cannot be deleted; a custom one in use says what uses it.
    assert.equal(await page.getByTestId('role-delete-AR').count(), 0);
    await page.getByTestId('role-new-id').fill('PM');
    await page.getByTestId('role-new-zh').fill('项目经理');
    await page.getByTestId('role-new-en').fill('Project manager');
    await page.getByTestId('role-add').click();
    await page.getByTestId('role-PM').waitFor();
    await page.getByTestId('fte-strategic.mature-PM').fill('0.5');
    await page.getByTestId('fte-strategic.mature-PM').press('Enter');
    await page.getByTestId('role-delete-PM').click();
    assert.equal(
      await page.getByTestId('roles-message').textContent(),
      'Role “PM” cannot be deleted: it is still used (template rows: 1). Change these first.',
    );
    await page.getByTestId('fte-strategic.mature-PM').fill('0');
    await page.getByTestId('fte-strategic.mature-PM').press('Enter');
    await page.getByTestId('role-delete-PM').click();
    await page.getByTestId('role-PM').waitFor({ state: 'detached' });
    await page.getByTestId('template-required').scrollIntoViewIfNeeded();
    await screenshot(page, 'team-templates-en');
  });
});

test('a purchase stage given a second lead shows the error on its row; fixing it clears it', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'team-process', locale: 'zh-CN', hash: '#/team', consoleClean: true }, async (page) => {
    await openTab(page, 'process');
    await page.getByTestId('process-table').waitFor();
    assert.equal(await page.getByTestId('process-status').textContent(), '每个阶段都有且只有一个主导角色');
    assert.equal(await page.getByTestId('part-tender-SR').inputValue(), 'lead');
    assert.equal(await page.getByTestId('stage-error-tender').count(), 0);

    // Keyboard: focus the AR cell of the tender stage and pick "lead".
    await page.getByTestId('part-tender-AR').focus();
    await page.getByTestId('part-tender-AR').selectOption('lead');
    await page.getByTestId('stage-error-tender').waitFor();
    assert.equal(
      await page.getByTestId('stage-error-tender').textContent(),
      '这个阶段有 2 个主导角色（客户责任人、解决方案责任人）：只能有一个角色主导。',
    );
    assert.equal(await page.getByTestId('process-status').textContent(), '1 处问题');
    await screenshot(page, 'team-process-zh');

    await page.getByTestId('part-tender-SR').selectOption('participate');
    await page.getByTestId('stage-error-tender').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('process-status').textContent(), '每个阶段都有且只有一个主导角色');

    // A new stage has no lead until one is chosen; it can be moved up.
    await page.getByTestId('stage-add').click();
    assert.equal(await page.getByTestId('stage-error-stage-1').textContent(), '这个阶段没有主导角色：请指定一个角色主导。');
    await page.getByTestId('part-stage-1-FR').selectOption('lead');
    await page.getByTestId('stage-error-stage-1').waitFor({ state: 'detached' });
    await page.getByTestId('stage-up-stage-1').click();
    const order = await page.locator('[data-testid=process-table] tbody tr[data-testid^=stage-]').evaluateAll(
      (rows) => rows.map((r) => r.dataset.testid),
    );
    assert.deepEqual(order.slice(-2), ['stage-stage-1', 'stage-delivery_acceptance']);
  });
});
