// End-to-end tests of LTC's pipeline board (商机看板) on the demo (reference date 2026-01-15,
// fiscal year 2026): the columns and their totals (lead 9 · 2887万 · weighted 144万 … won 12 ·
// 1498万, lost 8 · 369万), a keyboard move that updates both columns' totals and undoes in one
// step, a drag and drop move, a move to lost that asks for the reason (one undo step), the team
// scorecard's linked orders figure changing when a deal is won, the editor adding an
// opportunity and refusing a bad amount, the filters reducing the totals, the stage settings
// refusing to remove a stage that holds opportunities.
//
// Run: node --test --test-concurrency=1 e2e/ltc_board.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();
const STAGES = ['lead', 'validated', 'shaping', 'bid', 'negotiation', 'won', 'lost'];

/** The demo's columns: [count, amount, weighted] per stage, as each language writes them. */
const DEMO = {
  'zh-CN': {
    lead: ['9', '2887万', '144万'],
    validated: ['9', '1072万', '107万'],
    shaping: ['8', '3237万', '809万'],
    bid: ['8', '1228万', '614万'],
    negotiation: ['6', '581万', '436万'],
    won: ['12', '1498万', '0'],
    lost: ['8', '369万', '0'],
  },
  en: {
    lead: ['9', '28.9M', '1.44M'],
    validated: ['9', '10.7M', '1.07M'],
    shaping: ['8', '32.4M', '8.09M'],
    bid: ['8', '12.3M', '6.14M'],
    negotiation: ['6', '5.81M', '4.36M'],
    won: ['12', '15M', '0'],
    lost: ['8', '3.69M', '0'],
  },
};

/** 工业互联网平台升级改造 (opp-35): negotiation, 111万, expected to close 2026-03-07, mature account. */
const DEAL = 'opp-35';
/** 网络运维服务年度框架 (opp-30): a bid of 37万. */
const BID = 'opp-30';

async function withBoard(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/ltc/board', consoleClean: true }, async (page) => {
    await page.getByTestId('ltc-board').waitFor();
    await page.getByTestId('ltc-col-lead-count').waitFor();
    await fn(page);
  });
}

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();

async function totals(page, stage) {
  return [
    await text(page, `ltc-col-${stage}-count`),
    await text(page, `ltc-col-${stage}-amount`),
    await text(page, `ltc-col-${stage}-weighted`),
  ];
}

/** Waits until a column's count reads `n`, then returns its three totals. */
async function totalsOnce(page, stage, n) {
  await page.getByTestId(`ltc-col-${stage}-count`).filter({ hasText: new RegExp(`^${n}$`) }).waitFor();
  return totals(page, stage);
}

for (const locale of ['zh-CN', 'en']) {
  test(`the columns and their totals match the demo (${locale})`, { timeout: TEST_TIMEOUT }, async () => {
    await withBoard(`ltc-board-${locale}`, locale, async (page) => {
      for (const s of STAGES) {
        assert.deepEqual(await totals(page, s), DEMO[locale][s], `column ${s}`);
        const cards = await page.locator(`[data-testid=ltc-col-${s}] article.ltc-card`).count();
        assert.equal(String(cards), DEMO[locale][s][0], `cards of ${s}`);
      }
      // Stage headers: probability and lead role.
      assert.equal(await text(page, 'ltc-col-shaping-prob'), locale === 'en' ? 'Win 25%' : '赢率 25%');
      // The aged opportunity of negotiation comes first and says by how much it is over.
      const first = page.locator('[data-testid=ltc-col-negotiation] article.ltc-card').first();
      assert.equal(await first.getAttribute('data-testid'), 'ltc-card-opp-36');
      assert.match(await first.locator('.ltc-aged').textContent(), locale === 'en' ? /^\d+ days over the stage limit$/ : /^超期 \d+ 天$/);
      // The columns region is focusable.
      assert.equal(await page.getByTestId('ltc-board-columns').getAttribute('tabindex'), '0');
      await screenshot(page, `ltc-board-${locale}`);
    });
  });
}

test('a keyboard move updates both columns, keeps the focus and undoes in one step', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('ltc-board-keys', 'zh-CN', async (page) => {
    assert.match(await text(page, 'ltc-board-hint'), /Alt\+→/);
    const card = page.getByTestId(`ltc-card-${DEAL}`);
    await card.focus();
    await page.keyboard.press('Alt+ArrowRight');
    // 581万 − 111万 = 470万; weighted 436万 − 83.25万 = 352.5万; won 1498万 + 111万.
    assert.deepEqual(await totalsOnce(page, 'negotiation', 5), ['5', '470万', '353万']);
    assert.deepEqual(await totals(page, 'won'), ['13', '1609万', '0']);
    assert.equal(await page.locator(`[data-testid=ltc-col-won] [data-testid=ltc-card-${DEAL}]`).count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement?.id), `ltc-card-${DEAL}`);
    // Back with Alt+← (the card still has the focus), then forward again and Undo.
    await page.keyboard.press('Alt+ArrowLeft');
    assert.deepEqual(await totalsOnce(page, 'negotiation', 6), DEMO['zh-CN'].negotiation);
    await page.getByTestId(`ltc-card-${DEAL}`).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await totalsOnce(page, 'won', 13);
    await page.getByTestId('undo').click();
    assert.deepEqual(await totalsOnce(page, 'negotiation', 6), DEMO['zh-CN'].negotiation);
    assert.deepEqual(await totals(page, 'won'), DEMO['zh-CN'].won);

    // The "move to" list works from the keyboard too.
    const select = page.getByTestId(`ltc-card-${DEAL}-move`);
    await select.focus();
    await select.selectOption('bid');
    assert.deepEqual(await totalsOnce(page, 'bid', 9), ['9', '1339万', '670万']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), `ltc-card-${DEAL}`);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await totalsOnce(page, 'bid', 8), DEMO['zh-CN'].bid);
  });
});

test('a card dragged onto another column moves there', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('ltc-board-drag', 'zh-CN', async (page) => {
    // Both columns in view first: a scroll during the drag would move another card under the pointer.
    await page.getByTestId('ltc-board-columns').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await page.getByTestId(`ltc-card-${BID}`).dragTo(page.getByTestId('ltc-col-negotiation'), { targetPosition: { x: 30, y: 20 } });
    // bid 1228万 − 37万, weighted 614万 − 18.5万; negotiation 581万 + 37万, weighted 436万 + 27.75万.
    assert.deepEqual(await totalsOnce(page, 'negotiation', 7), ['7', '618万', '464万']);
    assert.deepEqual(await totals(page, 'bid'), ['7', '1191万', '596万']);
  });
});

test('a move to lost asks for the reason and is one undo step', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('ltc-board-lost', 'zh-CN', async (page) => {
    await page.getByTestId(`ltc-card-${BID}-move`).selectOption('lost');
    await page.getByTestId('dialog').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'dialog-input');
    await page.getByTestId('dialog-confirm').click();
    assert.equal((await page.locator('#dialog-error').textContent()).trim(), '请填写丢单原因。');
    await page.getByTestId('dialog-input').fill('客户改为自建运维团队');
    await page.getByTestId('dialog-confirm').click();
    assert.deepEqual(await totalsOnce(page, 'lost', 9), ['9', '406万', '0']);
    assert.equal(await page.evaluate(() => document.activeElement?.id), `ltc-card-${BID}`);
    assert.deepEqual(await totals(page, 'bid'), ['7', '1191万', '596万']);
    // The reason was saved with the move.
    await page.getByTestId(`ltc-card-${BID}`).click({ position: { x: 4, y: 4 } });
    assert.equal(await page.getByTestId('ltc-opp-lost-reason').inputValue(), '客户改为自建运维团队');
    await page.getByTestId('ltc-opp-cancel').click();
    await page.getByTestId('undo').click();
    assert.deepEqual(await totalsOnce(page, 'lost', 8), DEMO['zh-CN'].lost);
    assert.deepEqual(await totals(page, 'bid'), DEMO['zh-CN'].bid);
  });
});

test('winning a deal changes the linked orders figure of the team scorecard', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'ltc-board-kpi', locale: 'zh-CN', hash: '#/kpi', consoleClean: true }, async (page) => {
    await page.getByTestId('kpi-view').waitFor();
    await page.getByTestId('kpi-card-org-expansion').click();
    // Indicator 2 of the expansion card is 订货达成率, linked: booked 128万 ÷ the company target 900万.
    const linked = page.getByTestId('kpi-ind-2-linked-value');
    assert.equal((await linked.textContent()).trim(), 'LTC 实际 14.2%');
    await page.evaluate(() => { window.location.hash = '#/ltc/board'; });
    await page.getByTestId(`ltc-card-${DEAL}`).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await totalsOnce(page, 'won', 13);
    await page.evaluate(() => { window.location.hash = '#/kpi'; });
    await page.getByTestId('kpi-card-org-expansion').click();
    // + 111万 ÷ 900万 = + 12.33 points: 26.56 %, shown in the indicator's unit to one decimal.
    await page.getByTestId('kpi-ind-2-linked-value').filter({ hasText: 'LTC 实际 26.6%' }).waitFor();
  });
});

test('the editor adds an opportunity and refuses a bad amount', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('ltc-board-editor', 'zh-CN', async (page) => {
    await page.getByTestId('ltc-opp-add').click();
    await page.getByTestId('ltc-opp-form').waitFor();
    await page.getByTestId('ltc-opp-account').selectOption({ index: 1 });
    await page.getByTestId('ltc-opp-name').fill('智慧园区一期');
    await page.getByTestId('ltc-opp-amount').fill('一百万');
    await page.getByTestId('ltc-opp-save').click();
    assert.equal(
      await text(page, 'ltc-opp-amount-error'),
      '金额“一百万”无法识别，可写作 1,200,000、120万 或 1.2亿（不能为负数）。',
    );
    assert.equal(await page.getByTestId('ltc-opp-form').count(), 1);
    await screenshot(page, 'ltc-board-editor-zh');
    await page.getByTestId('ltc-opp-amount').fill('120万');
    await page.getByTestId('ltc-opp-close').fill('2026-05-20');
    await page.getByTestId('ltc-opp-save').click();
    await page.getByTestId('ltc-opp-form').waitFor({ state: 'detached' });
    // Lead: 2887万 + 120万; weighted + 6万.
    assert.deepEqual(await totalsOnce(page, 'lead', 10), ['10', '3007万', '150万']);
    const added = page.locator('[data-testid=ltc-col-lead] article', { hasText: '智慧园区一期' });
    assert.equal(await added.count(), 1);
    assert.equal(await added.locator('.ltc-card-amount').textContent(), '120万');
  });
});

test('filters reduce the totals', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('ltc-board-filter', 'zh-CN', async (page) => {
    await page.getByTestId('ltc-filter-tier').selectOption('strategic');
    assert.deepEqual(await totalsOnce(page, 'lead', 5), ['5', '2465万', '123万']);
    assert.deepEqual(await totals(page, 'won'), ['4', '1172万', '0']);
    assert.deepEqual(await totals(page, 'negotiation'), ['0', '0', '0']);
    await page.getByTestId('ltc-filter-clear').click();
    await totalsOnce(page, 'lead', 9);
    await page.getByTestId('ltc-filter-quarter').selectOption('1');
    assert.deepEqual(await totalsOnce(page, 'lead', 0), ['0', '0', '0']);
    assert.deepEqual(await totals(page, 'negotiation'), ['1', '111万', '83.3万']);
    assert.deepEqual(await totals(page, 'won'), ['4', '128万', '0']);
  });
});

test('the stage settings refuse to remove a stage that holds opportunities', { timeout: TEST_TIMEOUT }, async () => {
  await withBoard('ltc-board-stages', 'en', async (page) => {
    await page.getByTestId('ltc-stages-toggle').click();
    await page.getByTestId('ltc-stage-bid-remove').click();
    assert.equal(
      await text(page, 'ltc-stages-message'),
      'This stage still holds 8 opportunities and cannot be removed; move them to another stage first.',
    );
    assert.equal(await page.getByTestId('ltc-stage-won-remove').count(), 0);
    assert.equal(await page.getByTestId('ltc-stage-won-prob').isDisabled(), true);
    // A probability changed shows in the column header once saved.
    await page.getByTestId('ltc-stage-bid-prob').fill('60');
    await page.getByTestId('ltc-stages-save').click();
    await page.getByTestId('ltc-col-bid-prob').filter({ hasText: 'Win 60%' }).waitFor();
    // 12.28M × 60 %.
    assert.equal(await text(page, 'ltc-col-bid-weighted'), '7.37M');
  });
});
