// End-to-end tests of the iron-triangle staffing board (#/team) on the demo workspace 示例集团:
// the planted problems are shown with their figures, assigning an FR through the board closes a
// strategic account's gap (and Ctrl+Z brings it back), a triangle type set by hand changes what
// the account requires, and the gaps list leads to the account's row.
//
// Run: node --test --test-concurrency=1 e2e/team.test.mjs   (after `trunk build --release`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { screenshot, withApp, appSuite } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

async function withBoard(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/team', consoleClean: true }, async (page) => {
    await page.getByTestId('board-table').waitFor();
    await fn(page);
  });
}

const gapsCount = async (page) => Number(await page.getByTestId('gaps-count').textContent());
const gapTexts = async (page, kind) =>
  page.locator(`[data-testid=board-gaps] li[data-kind=${kind}]`).allTextContents();
const status = (page, account, role) => page.getByTestId(`cell-${account}-${role}`).getAttribute('data-status');

async function waitForStatus(page, account, role, want) {
  await page.waitForFunction(
    ([id, s]) => document.querySelector(`[data-testid="${id}"]`)?.dataset.status === s,
    [`cell-${account}-${role}`, want],
  );
}

test('the demo board shows the planted problems with their figures', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('team-board-zh', 'zh-CN', async (page) => {
    // Totals: SR pool too small, 3.5 FTE and 4 people short; FR 2 people short.
    assert.equal(await page.getByTestId('total-SR-required').textContent(), '10');
    assert.equal(await page.getByTestId('total-SR-capacity').textContent(), '6.5');
    assert.equal(await page.getByTestId('total-SR-headcount').textContent(), '7');
    assert.equal(await page.getByTestId('total-SR-gap').textContent(), '3.5');
    assert.equal(await page.getByTestId('total-SR-heads').textContent(), '4');
    assert.match(
      await page.getByTestId('total-SR-required').getAttribute('title'),
      /需求 = 各客户模板 FTE 之和：5 家战略客户 × 1 \+ 10 家价值客户 × 0\.5 = 10/,
    );
    assert.match(await page.getByTestId('accounts-per-ar').textContent(), /每名 AR 平均负责 1\.07 家客户（15 家客户 ÷ 14 名 AR）.*周强 2 家/);

    // Gaps list: one over-allocated AR, two strategic accounts without FR, the SR headcount gap.
    assert.deepEqual(await gapTexts(page, 'over_allocated'), ['周强（AR）：负荷 160%，1.6 / 1 FTE，负责 2 家客户']);
    const heads = await gapTexts(page, 'role_gap');
    assert.ok(heads.includes('SR：缺口 3.5 FTE，需补 4 人（需求 10，现有 7 人能力 6.5）'), heads.join('\n'));
    const missing = await gapTexts(page, 'missing');
    assert.equal(missing.filter((t) => /缺 FR/.test(t)).length, 2, missing.join('\n'));
    assert.equal(missing.filter((t) => /缺 SR/.test(t)).length, 4, missing.join('\n'));
    assert.equal(await page.locator('[data-kind=notice]').count(), 0, 'the demo data is clean');

    // The board: in the strategic group, exactly c-0046 and c-0048 miss their FR and are under-staffed.
    const strategic = page.locator('tbody[data-tier=strategic]');
    assert.equal(await strategic.locator('.board-row').count(), 5);
    const noFr = await strategic.locator('[data-testid$=-FR][data-status=missing]').evaluateAll((els) => els.map((e) => e.dataset.testid));
    assert.deepEqual(noFr, ['cell-c-0046-FR', 'cell-c-0048-FR']);
    for (const id of ['c-0046', 'c-0048']) {
      assert.equal(await page.getByTestId(`coverage-${id}`).textContent(), '71.4%');
      assert.equal(await page.getByTestId(`flag-under-${id}`).textContent(), '人手不足');
      assert.equal(await page.getByTestId(`flag-missing-${id}-FR`).textContent(), '缺 FR');
    }
    assert.equal(await page.getByTestId('cell-figure-c-0046-FR').textContent(), '0 / 1');
    // c-0048's type is set by hand, and the row says why.
    assert.match(await page.getByTestId('board-row-c-0048').textContent(), /成长型手工.*手工设定：加油站数字化改造二期已立项/);

    // People's load: 周强 at 160 % in the danger colour, in the chart and in the table view.
    const over = page.locator('.load-bars-row.is-over');
    assert.equal(await over.count(), 1);
    assert.match(await over.textContent(), /周强.*160%/);
    await screenshot(page, 'team-board-zh');
    await page.locator('.board-how summary').click();
    assert.match(await page.locator('.board-how').textContent(), /缺口 = 需求 10 − 能力 6\.5 = 3\.5；需补人数 = 缺口 3\.5 向上取整 = 4 人/);
    await page.locator('.board-how').scrollIntoViewIfNeeded();
    await screenshot(page, 'team-board-how-zh');

    // The gaps list leads to the row.
    await page.locator('[data-kind=missing] button[data-account=c-0048]').click();
    await page.waitForFunction(() => document.activeElement?.id === 'board-c-0048');
    await screenshot(page, 'team-board-row-zh');

    await page.getByTestId('load-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'team-board-chart-zh');
    await page.getByTestId('loads-toggle').click();
    const row = page.locator('[data-testid=loads-table] tr[data-person=p-ar06]');
    assert.deepEqual(await row.locator('th, td').allTextContents(), ['周强', 'AR', '1.6', '1', '160%', '2']);
    await page.getByTestId('loads-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'team-board-loads-zh');
  });
});

test('assigning an FR to a strategic account closes its gap; Ctrl+Z brings it back', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('team-assign', 'zh-CN', async (page) => {
    const before = await gapsCount(page);
    const missingBefore = (await gapTexts(page, 'missing')).length;
    assert.equal(missingBefore, 6);
    assert.equal(await page.getByTestId('total-FR-assigned').textContent(), '8');

    await page.getByTestId('cell-edit-c-0046-FR').click();
    assert.equal(await page.getByTestId('assign-fte').inputValue(), '1', 'the shortfall is offered');
    await page.getByTestId('assign-fte').fill('-1');
    await page.getByTestId('assign-confirm').click();
    assert.equal(await page.getByTestId('assign-error').textContent(), 'FTE 必须大于 0');
    assert.equal(await status(page, 'c-0046', 'FR'), 'missing', 'nothing was assigned');
    await screenshot(page, 'team-board-assign-zh');

    await page.getByTestId('assign-fte').fill('1');
    await page.getByTestId('assign-person').selectOption('p-fr01');
    await page.getByTestId('assign-confirm').click();
    await waitForStatus(page, 'c-0046', 'FR', 'met');
    assert.equal(await page.getByTestId('cell-figure-c-0046-FR').textContent(), '1 / 1');
    assert.match(await page.getByTestId('cell-c-0046-FR').textContent(), /唐亮/);
    assert.equal(await page.getByTestId('flag-missing-c-0046-FR').count(), 0);
    assert.equal(await page.getByTestId('flag-under-c-0046').count(), 0);
    assert.equal(await page.getByTestId('coverage-c-0046').textContent(), '100%');
    assert.equal(await page.getByTestId('total-FR-assigned').textContent(), '9');
    assert.equal((await gapTexts(page, 'missing')).length, missingBefore - 1);
    assert.equal((await gapTexts(page, 'under_staffed')).length, 5);
    // −1 missing, −1 under-staffed, +1 over-allocated (唐亮 now has two full-time accounts).
    assert.equal(await gapsCount(page), before - 1);
    assert.ok((await gapTexts(page, 'over_allocated')).includes('唐亮（FR）：负荷 200%，2 / 1 FTE，负责 2 家客户'));

    await page.keyboard.press('Control+z');
    await waitForStatus(page, 'c-0046', 'FR', 'missing');
    assert.equal(await page.getByTestId('flag-missing-c-0046-FR').textContent(), '缺 FR');
    assert.equal(await gapsCount(page), before);
    assert.equal(await page.getByTestId('total-FR-assigned').textContent(), '8');
  });
});

test('a triangle type set by hand changes what the account requires, and can be cleared', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('team-override', 'zh-CN', async (page) => {
    await page.getByTestId('triangle-edit-c-0046').click();
    await page.getByTestId('override-type').selectOption('expansion');
    await page.getByTestId('override-save').click();
    assert.match(await page.getByTestId('override-error').textContent(), /请填写原因/);
    await page.getByTestId('override-reason').fill('新业务线刚刚进入');
    await page.getByTestId('override-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=triangle-c-0046]')?.textContent.startsWith('拓展型'));
    // Strategic expansion: FR 0.5 (the AR doubles as FR), so 3 FTE required in all.
    assert.equal(await page.getByTestId('cell-figure-c-0046-FR').textContent(), '0 / 0.5');
    assert.equal(await page.getByTestId('total-FR-required').textContent(), '9.5');
    assert.match(await page.getByTestId('board-row-c-0046').textContent(), /手工设定：新业务线刚刚进入/);

    await page.getByTestId('triangle-edit-c-0046').click();
    await page.getByTestId('override-clear').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=cell-figure-c-0046-FR]')?.textContent === '0 / 1');
    assert.equal(await page.getByTestId('total-FR-required').textContent(), '10');
  });
});

test('in English the board speaks English', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('team-board-en', 'en-US', async (page) => {
    assert.equal(await page.locator('[data-testid=board-accounts] .card-title').textContent(), 'Account staffing board');
    assert.deepEqual(await gapTexts(page, 'over_allocated'), ['周强 (AR): load 160%, 1.6 of 1 FTE on 2 customers']);
    assert.ok((await gapTexts(page, 'role_gap')).includes('SR: gap 3.5 FTE, 4 people to find (required 10, capacity 6.5 of 7 people)'));
    assert.equal(await page.getByTestId('flag-missing-c-0046-FR').textContent(), 'No FR');
    assert.equal(await page.getByTestId('flag-under-c-0048').textContent(), 'Under-staffed');
    assert.match(await page.getByTestId('board-row-c-0046').textContent(), /Mature/);
    // The demo's reason "中文 / English" in English only, the Chinese as the tooltip.
    const row48 = await page.getByTestId('board-row-c-0048').textContent();
    assert.match(row48, /phase 2 of the fuel-station digitalisation is approved/);
    assert.doesNotMatch(row48, /加油站/);
    await screenshot(page, 'team-board-en');
    await page.locator('[data-kind=under_staffed] button[data-account=c-0046]').click();
    await page.waitForFunction(() => document.activeElement?.id === 'board-c-0046');
    await screenshot(page, 'team-board-row-en');
  });
});

test('an empty workspace says why the board is empty and where to go', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'team-empty', locale: 'zh-CN', hash: '#/team', consoleClean: true }, async (page) => {
    await page.getByTestId('board-table').waitFor();
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-new-empty').click();
    await page.getByTestId('dialog-input').fill('空白工作区');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('board-no-accounts').waitFor();
    assert.match(
      await page.getByTestId('board-no-accounts').textContent(),
      /大客户层级（战略客户、价值客户、潜力客户）中没有客户（共 0 家客户），看板为空/,
    );
    assert.match(await page.getByTestId('board-no-people').textContent(), /还没有人员/);
    assert.equal(await page.getByTestId('board-table').count(), 0);
    assert.equal(await page.getByTestId('board-loads').count(), 0);
    assert.equal(await page.getByTestId('gaps-none').textContent(), '还没有大客户，暂无可计算的缺口。');
    await screenshot(page, 'team-board-empty');
    await page.getByTestId('board-go-templates').click();
    await page.locator('[data-testid=team-tab-templates][aria-selected=true]').waitFor();
  });
});

test('an assignment’s FTE is changed and removed in its cell', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('team-edit', 'zh-CN', async (page) => {
    // 周强's second account: c-0141, AR 0.6 (assignment as-26).
    await page.getByTestId('cell-edit-c-0141-AR').click();
    const fte = page.getByTestId('holder-fte-as-26');
    assert.equal(await fte.inputValue(), '0.6');
    await fte.fill('x');
    await fte.press('Tab');
    assert.equal(await page.getByTestId('holder-error-as-26').textContent(), '请输入数字，如 0.5');
    assert.equal(await page.getByTestId('cell-figure-c-0141-AR').textContent(), '0.6 / 1', 'nothing changed');

    await page.getByTestId('holder-fte-as-26').fill('0.2');
    await page.getByTestId('holder-fte-as-26').press('Tab');
    await page.waitForFunction(() => document.querySelector('[data-testid=cell-figure-c-0141-AR]')?.textContent === '0.2 / 1');
    assert.deepEqual(await gapTexts(page, 'over_allocated'), ['周强（AR）：负荷 120%，1.2 / 1 FTE，负责 2 家客户']);

    await page.getByTestId('holder-remove-as-26').click();
    await waitForStatus(page, 'c-0141', 'AR', 'missing');
    assert.deepEqual(await gapTexts(page, 'over_allocated'), []);
    assert.equal(await page.getByTestId('flag-missing-c-0141-AR').textContent(), '缺 AR');
    assert.equal(await page.getByTestId('total-AR-assigned').textContent(), '14');
  });
});
