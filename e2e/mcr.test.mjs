// End-to-end tests of MCR (客户关系 · MCR, `#/mcr/<tab>/<account id>`) on the demo (reference date
// 2026-01-15). The demo's 15 key accounts and what is planted in them (src/domain/mcr/demo.rs,
// figures from src/domain/mcr/calc.rs):
//
// - c-0204 国网广东省电力有限公司 (S1, strategic): the deputy head 尹芳 (sh-62, decision maker,
//   influence 4) at support −1. Σ support·influence = 48, Σ influence = 51 → 48/51/3×100 = 31.4
//   → "+31", coverage 2 / 3; raised to support 1: (48 + 2·4)/51/3×100 = 36.6 → "+37", 3 / 3.
//   Its executive-exchange plan item (plan-5) is overdue; its VCT trust answer falls 4 → 3 → 2.
// - c-0223 中国工商银行股份有限公司南宁分行 (S2, strategic): no coach; 39/41/3×100 = 31.7 → "+32".
//   A coach added at support 3, influence 3: (39 + 9)/(41 + 3)/3×100 = 36.4 → "+36".
// - c-0052 中国移动通信集团广西有限公司 (S0): 60 stakeholders.
// - c-0239 中国石油天然气股份有限公司甘肃销售分公司 (V2): single-threaded through 周强; its plan item
//   plan-15 is overdue.
// - Decision makers over all 15 accounts: 45, 44 at support ≥ 1 → 97.78 %; the demo's linked KPI
//   indicator (the expansion team card's 关键人覆盖率, indicator 1) takes that pooled figure (no key
//   account is of the expansion type, so the team falls back to every account's figure); with
//   尹芳 at support 1 it is 45/45 = 100.
//
// Every expected score and coverage is also recomputed in the test from the stakeholder export
// (the CSV of the transfer buttons), by the formula of calc.rs, so a number here that stops
// matching the demo fails with both figures in the message.
//
// Each test checks that there is no console error, no uncaught error and no request off the
// machine. Screenshots: mcr-<tab>-zh.png and mcr-<tab>-en.png of the four tabs, mcr-map-large-zh,
// mcr-import-zh.
//
// Run: KAM_DIST=/tmp/e2e-dist node --test --test-concurrency=1 e2e/mcr.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { appSuite, listing, SCREENSHOT_DIR, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 180_000;
const suite = appSuite();

const OPPOSED = 'c-0204';
const OPPOSED_NAME = '国网广东省电力有限公司';
const OPPOSED_DM = 'sh-62';
const NO_COACH = 'c-0223';
const NO_COACH_NAME = '中国工商银行股份有限公司南宁分行';
const LARGE = 'c-0052';
const SINGLE_THREAD = 'c-0239';

/** The demo's key accounts in the default order of the across-accounts tab (tier, then accounts
 * without a coach, then the lowest score), with the score each shows. */
const PRIORITY = [
  ['c-0223', '+32'], ['c-0204', '+31'], ['c-0046', '+37'], ['c-0052', '+38'], ['c-0048', '+41'],
  ['c-0141', '+38'], ['c-0228', '+39'], ['c-0155', '+44'], ['c-0199', '+44'], ['c-0153', '+46'],
  ['c-0077', '+47'], ['c-0215', '+47'], ['c-0198', '+51'], ['c-0239', '+52'], ['c-0095', '+58'],
];
const STRATEGIC = PRIORITY.slice(0, 5).map(([id]) => id);

/** The demo's MCR plan items per account (src/domain/mcr/demo.rs, PLAN) and the overdue ones. */
const PLAN_ITEMS = {
  'c-0052': ['plan-1', 'plan-2', 'plan-3'],
  'c-0204': ['plan-4', 'plan-5', 'plan-6'],
  'c-0223': ['plan-7', 'plan-8'],
  'c-0046': ['plan-9', 'plan-10'],
  'c-0048': ['plan-11', 'plan-12'],
  'c-0095': ['plan-13', 'plan-14'],
  'c-0239': ['plan-15', 'plan-16', 'plan-17'],
};
const OVERDUE = { 'c-0204': ['plan-5'], 'c-0239': ['plan-15'] };

const TABS = ['map', 'power', 'accounts', 'plan'];

// ---- helpers ------------------------------------------------------------------------------

/** Opens the app at `hash` and runs `fn`; no console error, page error or foreign request. */
async function withMcr(slug, hash, fn, locale = 'zh-CN') {
  await withApp(suite, { slug, locale, hash, consoleClean: true }, async (page, s) => {
    await page.getByTestId('mcr-view').waitFor();
    await fn(page, s);
    assert.deepEqual(s.foreignRequests, [], listing('requests off the machine', s.foreignRequests));
  });
}

const text = async (page, id) => (await page.getByTestId(id).textContent()).trim();

/** Waits until `[data-testid=id]` reads exactly `want`; on a timeout fails showing what it read. */
async function waitForText(page, id, want, timeout = 10_000) {
  await page
    .waitForFunction(([sel, w]) => document.querySelector(sel)?.textContent.trim() === w, [`[data-testid=${id}]`, want], { timeout })
    .catch(async () => {
      const actual = await page.getByTestId(id).textContent({ timeout: 1000 }).catch(() => '<missing>');
      assert.equal(actual?.trim(), want, `text of ${id}`);
    });
}

/** Clicks a tab and waits for its content. */
async function openTab(page, tab) {
  await page.getByTestId(`mcr-tab-${tab}`).click();
  const marker = { map: 'mcr-add', power: 'mcr-power', accounts: 'mcr-accounts', plan: 'mcr-plan' }[tab];
  await page.getByTestId(marker).waitFor();
}

/** Picks an account in the account select and waits until the hash names it. */
async function pickAccount(page, id) {
  await page.getByTestId('mcr-account').selectOption(id);
  await page.waitForFunction((a) => window.location.hash.endsWith(`/${a}`), id);
}

/** A minimal CSV reader (quotes, doubled quotes, CRLF). */
function parseCsv(textIn) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const t = textIn.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...data] = rows;
  return data.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The stakeholders of the whole workspace, through the transfer's export button (zh headers). */
async function exportStakeholders(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mcr-stakeholders-export').click()]);
  const rows = parseCsv(await fs.readFile(await file.path(), 'utf8'));
  return rows.map((r) => ({
    account: r['客户'],
    name: r['姓名'],
    role: r['决策角色'],
    support: Number(r['支持度']),
    influence: Number(r['影响力']),
  }));
}

/** calc.rs `score`, as the UI writes it (power.rs `score_text`): Σ s·i / Σ i, below 0 × 100,
 * above 0 ÷ 3 × 100, rounded, with a sign. */
function scoreText(list) {
  const total = list.reduce((a, s) => a + s.influence, 0);
  if (!total) return '—';
  const s = list.reduce((a, x) => a + x.support * x.influence, 0) / total;
  const v = s < 0 ? Math.max(s * 100, -100) : Math.min((s / 3) * 100, 100);
  const r = Math.round(Math.abs(v));
  return v > 0 ? `+${r}` : v < 0 ? `−${r}` : '0';
}

/** Decision makers and those at support ≥ 1. */
function coverage(list) {
  const dms = list.filter((s) => s.role === '决策者');
  return { covered: dms.filter((s) => s.support >= 1).length, total: dms.length };
}

/** The chips of the power map, by test id, with the cell each sits in. */
async function chipCells(page) {
  return page.locator('[data-testid^=mcr-chip-]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.testid, e.closest('td')?.dataset.testid])),
  );
}

// ---- a. the opposed decision maker ----------------------------------------------------------

test('raising the opposed decision maker’s support clears the flag and changes the score', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-opposed', `#/mcr/map/${OPPOSED}`, async (page) => {
    // The expected figures, from the demo data by the formula.
    const all = await exportStakeholders(page);
    const mine = all.filter((s) => s.account === OPPOSED_NAME);
    assert.equal(mine.length, 20);
    const dm = mine.find((s) => s.name === '尹芳');
    assert.deepEqual([dm.role, dm.support, dm.influence], ['决策者', -1, 4], 'the planted decision maker');
    const before = scoreText(mine);
    const after = scoreText(mine.map((s) => (s === dm ? { ...s, support: 1 } : s)));
    assert.deepEqual([before, after], ['+31', '+37'], '48/51 → 56/51 of 3, in percent');

    await openTab(page, 'power');
    assert.equal(await page.getByTestId('mcr-account').inputValue(), OPPOSED);
    assert.equal(await text(page, 'mcr-flag-decision_maker_against'), '决策者不支持我们（支持度 ≤ 0）：尹芳。');
    assert.equal(await text(page, 'mcr-score-value'), before);
    assert.equal(await text(page, 'mcr-coverage-value'), '2 / 3 · 66.7%');
    assert.equal((await chipCells(page))[`mcr-chip-${OPPOSED_DM}`], 'mcr-cell-4-m1', 'influence 4, opposed: the danger corner');
    assert.match(await page.getByTestId('mcr-cell-4-m1').getAttribute('class'), /is-danger/);

    // Open her from her chip; the panel shows her support; set it to 1 and save.
    await page.getByTestId(`mcr-chip-${OPPOSED_DM}`).click();
    await page.getByTestId('mcr-panel').waitFor();
    assert.equal(await page.getByTestId('mcr-f-name').inputValue(), '尹芳');
    assert.equal(await page.getByTestId('mcr-f-support').inputValue(), '-1');
    assert.equal(await page.getByTestId('mcr-f-role').inputValue(), 'decision_maker');
    await page.getByTestId('mcr-f-support').selectOption('1');
    await page.getByTestId('mcr-save').click();

    await waitForText(page, 'mcr-score-value', after);
    assert.equal(await page.getByTestId('mcr-flag-decision_maker_against').count(), 0, 'the flag is gone');
    assert.equal(await text(page, 'mcr-coverage-value'), '3 / 3 · 100%');
    assert.equal((await chipCells(page))[`mcr-chip-${OPPOSED_DM}`], 'mcr-cell-4-1', 'moved to support 1');
    // It was her only flag; the account now shows none.
    assert.equal(await page.getByTestId('mcr-no-flags').count(), 1);

    // One undo step brings everything back.
    await page.getByTestId('undo').click();
    await waitForText(page, 'mcr-score-value', before);
    assert.equal(await page.getByTestId('mcr-flag-decision_maker_against').count(), 1);
  });
});

// The same from the relationship map: the decision maker's card opens the panel.
test('the opposed decision maker opened from her card on the map', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-opposed-map', `#/mcr/map/${OPPOSED}`, async (page) => {
    const node = page.getByTestId(`mcr-node-${OPPOSED_DM}`);
    assert.match(await node.getAttribute('class'), /mcr-support-m1/);
    assert.match(await node.getAttribute('class'), /is-dm/);
    assert.match(await node.locator('desc').textContent(), /^尹芳，副总经理；决策者；支持度：反对；影响力 4；/);
    // Keyboard: focus and Enter.
    await node.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('mcr-panel').waitFor();
    assert.equal(await page.getByTestId('mcr-f-name').inputValue(), '尹芳');
    assert.equal(await node.getAttribute('aria-pressed'), 'true');
    await page.getByTestId('mcr-f-support').selectOption('1');
    await page.getByTestId('mcr-save').click();
    await page.waitForFunction((id) => /mcr-support-1/.test(document.querySelector(`[data-testid=${id}]`)?.getAttribute('class')), `mcr-node-${OPPOSED_DM}`);
    await openTab(page, 'power');
    assert.equal(await page.getByTestId('mcr-account').inputValue(), OPPOSED);
    assert.equal(await page.getByTestId('mcr-flag-decision_maker_against').count(), 0);
    assert.equal(await text(page, 'mcr-score-value'), '+37');
  });
});

// ---- b. no coach ----------------------------------------------------------------------------

test('adding a coach clears “no coach”', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-no-coach', `#/mcr/power/${NO_COACH}`, async (page) => {
    assert.equal(await text(page, 'mcr-flag-no_coach'), '没有教练：没有人从内部指导我们。');
    assert.equal(await page.locator('[data-testid=mcr-flags] li').count(), 1, 'no coach is its only flag');
    assert.equal(await text(page, 'mcr-score-value'), '+32');

    await openTab(page, 'map');
    const all = await exportStakeholders(page);
    const mine = all.filter((s) => s.account === NO_COACH_NAME);
    assert.equal(mine.length, 16);
    assert.ok(!mine.some((s) => s.role === '教练' || s.support >= 3), 'nobody coaches');
    const coach = { account: NO_COACH_NAME, name: '欧阳明远', role: '教练', support: 3, influence: 3 };
    assert.deepEqual([scoreText(mine), scoreText([...mine, coach])], ['+32', '+36']);

    await page.getByTestId('mcr-add').click();
    await page.getByTestId('mcr-panel').waitFor();
    assert.equal(await page.getByTestId('mcr-delete').count(), 0, 'a new stakeholder cannot be deleted');
    await page.getByTestId('mcr-f-name').fill('欧阳明远');
    await page.getByTestId('mcr-f-title').fill('信息中心副主任');
    await page.getByTestId('mcr-f-role').selectOption('coach');
    await page.getByTestId('mcr-f-support').selectOption('3');
    // An owner on the account and a recent contact, so the new stakeholder raises no other flag.
    await page.getByTestId('mcr-f-owner').selectOption('p-ar03');
    await page.getByTestId('mcr-f-last_contact').fill('2026-01-10');
    await page.getByTestId('mcr-save').click();
    const card = page.locator('[data-testid^=mcr-node-]', { hasText: '欧阳明远' });
    await card.waitFor();
    assert.match(await card.getAttribute('class'), /mcr-support-3/);
    assert.equal(await page.locator('[data-testid^=mcr-node-]').count(), 17);

    await openTab(page, 'power');
    await waitForText(page, 'mcr-score-value', '+36');
    assert.equal(await page.getByTestId('mcr-flag-no_coach').count(), 0, 'the flag is gone');
    assert.equal(await page.getByTestId('mcr-no-flags').count(), 1);
  });
});

// ---- c. the 60-stakeholder map ----------------------------------------------------------------

/** Every card's box and the SVG's, in page pixels; the text lines of each card that stick out. */
async function chartBoxes(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid=mcr-chart]');
    const r = (e) => {
      const b = e.getBoundingClientRect();
      return { x: b.left, y: b.top, w: b.width, h: b.height };
    };
    const cards = [...svg.querySelectorAll('g[data-testid^=mcr-node-]')].map((g) => {
      const card = g.querySelector('rect.mcr-card');
      const box = r(card);
      const outside = [...g.querySelectorAll('text')]
        .map((t) => ({ cls: t.getAttribute('class'), text: t.textContent, b: r(t) }))
        .filter(({ b }) => b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.w > box.x + box.w + 0.5 || b.y + b.h > box.y + box.h + 0.5)
        .map(({ cls, text, b }) => `${cls} “${text}” ${b.w.toFixed(1)}×${b.h.toFixed(1)} in a ${box.w}×${box.h} card`);
      return { id: g.dataset.testid, ...box, outside };
    });
    return { svg: r(svg), cards };
  });
}

function overlaps(cards, tol = 0.5) {
  const out = [];
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = cards[i];
      const b = cards[j];
      const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (dx > tol && dy > tol) out.push(`${a.id} × ${b.id} (${dx.toFixed(1)} × ${dy.toFixed(1)} px)`);
    }
  }
  return out;
}

for (const locale of ['zh-CN', 'en']) {
  test(`the 60-stakeholder account’s map has no overlapping cards, all inside the chart (${locale})`, { timeout: TEST_TIMEOUT }, async () => {
    await withMcr(`mcr-large-${locale}`, `#/mcr/map/${LARGE}`, async (page) => {
      await page.getByTestId('mcr-chart').waitFor();
      assert.equal(await page.locator('[data-testid^=mcr-node-]').count(), 60);
      assert.equal(await page.locator('[data-testid=mcr-chart] path.mcr-link').count(), 59, 'one line to each boss');
      const { svg, cards } = await chartBoxes(page);
      assert.equal(cards.length, 60);
      assert.ok(cards.every((c) => c.w >= 112 && c.h >= 56), 'cards have their size');
      assert.deepEqual(overlaps(cards), [], 'no two cards overlap');
      const outside = cards
        .filter((c) => c.x < svg.x - 0.5 || c.y < svg.y - 0.5 || c.x + c.w > svg.x + svg.w + 0.5 || c.y + c.h > svg.y + svg.h + 0.5)
        .map((c) => c.id);
      assert.deepEqual(outside, [], 'every card inside the SVG');
      // The text of each card stays inside it (cut with an ellipsis rather than spilling out).
      assert.deepEqual(cards.flatMap((c) => c.outside.map((o) => `${c.id}: ${o}`)), [], 'card text inside its card');
      if (locale === 'zh-CN') {
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mcr-map-large-zh.png'), fullPage: true });
      }
      // A click on a card opens the panel beside the chart.
      await page.getByTestId('mcr-node-sh-1').click();
      await page.getByTestId('mcr-panel').waitFor();
      assert.equal(await page.getByTestId('mcr-f-name').inputValue(), '贾娜伟');
    }, locale);
  });
}

// A card's text is cut by its estimated width (a Chinese character one em, any other 0.62 em):
// an English title that fits its card is shown whole.
test('English titles on the map are not cut while they fit their card', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-large-en-titles', `#/mcr/map/${OPPOSED}`, async (page) => {
    await page.getByTestId('mcr-chart').waitFor();
    const needless = await page.evaluate(() => {
      const out = [];
      for (const g of document.querySelectorAll('[data-testid=mcr-chart] g[data-testid^=mcr-node-]')) {
        const shown = g.querySelector('text.mcr-title');
        if (!shown.textContent.endsWith('…')) continue;
        const full = g.querySelector('title').textContent.split(' · ').slice(1).join(' · ');
        const probe = shown.cloneNode();
        probe.textContent = full;
        g.appendChild(probe);
        const need = probe.getComputedTextLength();
        probe.remove();
        const room = g.querySelector('rect.mcr-card').width.baseVal.value - 2 * Number(shown.getAttribute('x'));
        // Cut although it would take at most 80 % of the room (an estimate of the width may be
        // cautious, but not by that much).
        if (need <= 0.8 * room) out.push(`${g.dataset.testid}: “${shown.textContent}” for “${full}” (${need.toFixed(0)} px of ${room} px)`);
      }
      return out;
    });
    assert.deepEqual(needless, [], 'titles cut although they would fill at most 80 % of their line');
  }, 'en');
});

// ---- d. the stakeholder import ----------------------------------------------------------------

const HEADER = '客户,姓名,职务,部门,上级,决策角色,支持度,影响力,关系层级,负责人';

test('a stakeholder file with a bad row: the row is named with its reason, only the valid rows import', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-import-bad', `#/mcr/map/${OPPOSED}`, async (page) => {
    const csv = [
      HEADER,
      `${OPPOSED_NAME},欧阳明远,信息中心副主任,信息中心,尹芳,评估者,2,3,关键,`,
      `${OPPOSED_NAME},司马静怡,采购专员,采购部,,采购者,9,2,普遍,`,
      `${OPPOSED_NAME},上官文博,工程师,采购部,司马静怡,使用者,1,1,普遍,`,
      `查无此客户,诸葛亮,顾问,,,影响者,1,2,,`,
    ].join('\r\n');
    await page.getByTestId('mcr-stakeholders-import').click();
    await page.getByTestId('mcr-stakeholders-wizard-file').setInputFiles({ name: '关键人.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('mcr-stakeholders-wizard-mapping').waitFor();
    const mapped = [];
    for (let i = 0; i < 10; i++) mapped.push(await page.getByTestId(`mcr-stakeholders-wizard-map-${i}`).inputValue());
    assert.deepEqual(mapped, ['account', 'name', 'title', 'department', 'reports_to', 'role', 'support', 'influence', 'layer', 'owner'], 'the columns map by themselves');
    assert.match(await text(page, 'mcr-stakeholders-wizard-summary'), /^新增 1 位关键人，更新 0 位；3 行有错误未导入，跳过 0 个空行。$/);
    const errors = await page.locator('[data-testid=mcr-stakeholders-wizard-errors] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
    );
    // Row 4 reports to the bad row 3 and is left out with it, saying so.
    assert.deepEqual(errors, [
      ['3', '支持度', '9', '支持度须为 −1～3，或写反对、中立、支持、强支持、教练'],
      ['4', '上级', '司马静怡', '上级在第 3 行，该行有错误'],
      ['5', '客户', '查无此客户', '没有这个名称或编号的客户'],
    ]);
    assert.match(await text(page, 'mcr-stakeholders-wizard-confirm'), /^导入 1 位关键人$/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'mcr-import-zh.png') });

    await page.getByTestId('mcr-stakeholders-wizard-confirm').click();
    await page.getByTestId('mcr-stakeholders-wizard-dialog').waitFor({ state: 'detached' });
    // The valid row is in the table view of the account, the others are not.
    await page.getByTestId('mcr-as-table').click();
    const names = async () => page.locator('[data-testid=mcr-table] tbody tr td:first-child').allTextContents();
    await page.getByTestId('mcr-table').locator('tr', { hasText: '欧阳明远' }).waitFor();
    const listed = await names();
    assert.equal(listed.length, 21);
    assert.ok(!listed.some((n) => ['司马静怡', '上官文博', '诸葛亮'].includes(n)), listed.join(' '));
    const row = await page.getByTestId('mcr-table').locator('tr', { hasText: '欧阳明远' }).locator('td').allTextContents();
    assert.deepEqual(row.slice(0, 8), ['欧阳明远', '信息中心副主任', '信息中心', '尹芳', '评估者', '强支持', '3', '关键客户关系']);
    // One undo step takes the import back.
    await page.getByTestId('undo').click();
    await page.getByTestId('mcr-table').locator('tr', { hasText: '欧阳明远' }).waitFor({ state: 'detached' });
    assert.equal((await names()).length, 20);
  });
});

// A row whose boss is on a row refused for its own fields names that row as its reason.
test('a row reporting to a bad row names that row as the reason', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-import-boss-row', `#/mcr/map/${OPPOSED}`, async (page) => {
    const csv = [
      HEADER,
      `${OPPOSED_NAME},司马静怡,采购专员,采购部,,采购者,9,2,普遍,`,
      `${OPPOSED_NAME},上官文博,工程师,采购部,司马静怡,使用者,1,1,普遍,`,
    ].join('\r\n');
    await page.getByTestId('mcr-stakeholders-import').click();
    await page.getByTestId('mcr-stakeholders-wizard-file').setInputFiles({ name: '关键人.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('mcr-stakeholders-wizard-mapping').waitFor();
    const errors = await page.locator('[data-testid=mcr-stakeholders-wizard-errors] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
    );
    assert.deepEqual(errors[1], ['3', '上级', '司马静怡', '上级在第 2 行，该行有错误']);
  });
});

test('a good stakeholder file imports; the new people show in the table and the chart', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-import-good', `#/mcr/map/${NO_COACH}`, async (page) => {
    const csv = [
      HEADER,
      `${NO_COACH_NAME},欧阳明远,信息中心副主任,信息中心,,教练,3,3,关键,`,
      `${NO_COACH_NAME},上官文博,工程师,信息中心,欧阳明远,使用者,支持,1,普遍,`,
    ].join('\r\n');
    await page.getByTestId('mcr-stakeholders-import').click();
    await page.getByTestId('mcr-stakeholders-wizard-file').setInputFiles({ name: '关键人.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('mcr-stakeholders-wizard-mapping').waitFor();
    assert.match(await text(page, 'mcr-stakeholders-wizard-summary'), /^新增 2 位关键人，更新 0 位；0 行有错误未导入，跳过 0 个空行。$/);
    assert.equal(await page.getByTestId('mcr-stakeholders-wizard-errors').count(), 0);
    await page.getByTestId('mcr-stakeholders-wizard-confirm').click();
    await page.getByTestId('mcr-stakeholders-wizard-dialog').waitFor({ state: 'detached' });
    await page.locator('[data-testid^=mcr-node-]', { hasText: '上官文博' }).waitFor();
    assert.equal(await page.locator('[data-testid^=mcr-node-]').count(), 18);
    await page.getByTestId('mcr-as-table').click();
    const row = await page.getByTestId('mcr-table').locator('tr', { hasText: '上官文博' }).locator('td').allTextContents();
    assert.deepEqual(row.slice(0, 7), ['上官文博', '工程师', '信息中心', '欧阳明远', '使用者', '支持', '1']);
    // The imported coach clears the account's "no coach".
    await openTab(page, 'power');
    assert.equal(await page.getByTestId('mcr-flag-no_coach').count(), 0);
  });
});

// ---- e. the linked KPI indicator --------------------------------------------------------------

test('the linked stakeholder-coverage indicator of the KPI tool follows a change in MCR', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-kpi', `#/mcr/map/${OPPOSED}`, async (page) => {
    // Every decision maker of the demo from the export: 45, 44 of them at support ≥ 1.
    const all = await exportStakeholders(page);
    const before = coverage(all);
    assert.deepEqual(before, { covered: 44, total: 45 });
    const pct = (c) => String(Math.round((c.covered * 100 * 100) / c.total) / 100);
    assert.equal(pct(before), '97.78');
    assert.equal(pct({ covered: before.covered + 1, total: before.total }), '100');

    await page.evaluate(() => { window.location.hash = '#/kpi'; });
    await page.getByTestId('kpi-view').waitFor();
    await page.getByTestId('kpi-card-org-expansion').click();
    // Indicator 1 of the expansion card is 关键人覆盖率, linked to MCR.
    assert.equal(await page.getByTestId('kpi-ind-1-linked').isChecked(), true);
    await waitForText(page, 'kpi-ind-1-linked-value', 'MCR 决策者覆盖率 97.8%');

    await page.evaluate((a) => { window.location.hash = `#/mcr/power/${a}`; }, OPPOSED);
    await page.getByTestId(`mcr-chip-${OPPOSED_DM}`).click();
    await page.getByTestId('mcr-f-support').selectOption('1');
    await page.getByTestId('mcr-save').click();
    await waitForText(page, 'mcr-score-value', '+37');

    await page.evaluate(() => { window.location.hash = '#/kpi'; });
    await page.getByTestId('kpi-view').waitFor();
    await page.getByTestId('kpi-card-org-expansion').click();
    await waitForText(page, 'kpi-ind-1-linked-value', 'MCR 决策者覆盖率 100%');
  });
});

// ---- f. across accounts ---------------------------------------------------------------------

/** The account ids of the across-accounts table, in order, with their score cells. */
async function accountRows(page) {
  return page.locator('[data-testid=mcr-account-table] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.testid.replace(/^mcr-account-/, ''), tr.querySelectorAll('td')[2].textContent.trim()]),
  );
}

const scoreNumber = (t) => Number(t.replace('−', '-').replace('+', ''));

test('across accounts: strategic accounts without a coach first; sorting by score', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-accounts', '#/mcr/accounts', async (page) => {
    await page.getByTestId('mcr-accounts').waitFor();
    const rows = await accountRows(page);
    assert.deepEqual(rows, PRIORITY);
    // The first strategic accounts are those without a coach, then the other strategic ones.
    const coach = await page.locator('[data-testid=mcr-account-table] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[4].textContent.trim()));
    assert.deepEqual(coach.slice(0, 5), ['否', '是', '是', '是', '是']);
    assert.deepEqual(rows.slice(0, 5).map(([id]) => id).sort(), [...STRATEGIC].sort());
    assert.equal(await page.locator(`[data-testid=mcr-account-${NO_COACH}] .mcr-flag-no_coach`).count(), 1);
    // The tiers: strategic 5 accounts, mean +36, 14 of 15 decision makers, 1 without coach, 2 flagged.
    const tier = await page.getByTestId('mcr-tier-strategic').locator('td').allTextContents();
    assert.deepEqual(tier, ['5', '+36', '93.3%', '1', '2']);

    // Score, first click: highest first.
    await page.getByTestId('mcr-sort-score').click();
    await waitForText(page, 'mcr-sort-score', '关系得分 ↓');
    const desc = await accountRows(page);
    const byScore = [...PRIORITY].sort((a, b) => scoreNumber(b[1]) - scoreNumber(a[1]));
    assert.deepEqual(desc.map(([, s]) => s), byScore.map(([, s]) => s));
    assert.deepEqual(desc[0], ['c-0095', '+58']);
    assert.deepEqual(desc.at(-1), ['c-0204', '+31']);
    assert.equal(await page.getByTestId('mcr-sort-score').locator('xpath=..').getAttribute('aria-sort'), 'descending');
    // Second click: lowest first.
    await page.getByTestId('mcr-sort-score').click();
    await waitForText(page, 'mcr-sort-score', '关系得分 ↑');
    const asc = await accountRows(page);
    assert.deepEqual(asc, [...desc].reverse());
    // The chart follows the table's order.
    const bars = await page.locator('[data-testid=mcr-score-chart] g[data-testid^=mcr-bar-]').evaluateAll((gs) => gs.map((g) => g.dataset.testid.replace(/^mcr-bar-/, '')));
    assert.deepEqual(bars, asc.map(([id]) => id));
    // Back to the priority order.
    await page.getByTestId('mcr-sort-priority').click();
    await page.getByTestId('mcr-sort-priority').and(page.locator(':disabled')).waitFor();
    assert.deepEqual(await accountRows(page), PRIORITY);
    // A row's name opens the account on the map.
    await page.getByTestId(`mcr-account-${SINGLE_THREAD}`).getByRole('button').click();
    await page.getByTestId('mcr-add').waitFor();
    assert.equal(await page.getByTestId('mcr-account').inputValue(), SINGLE_THREAD);
  });
});

// ---- g. the plan's overdue items ---------------------------------------------------------------

test('the plan tab flags the two overdue items of the demo; the falling trust shows', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-plan', '#/mcr/plan', async (page) => {
    await page.getByTestId('mcr-plan').waitFor();
    let overdueTotal = 0;
    for (const [account] of PRIORITY) {
      await pickAccount(page, account);
      const want = PLAN_ITEMS[account] ?? [];
      await page.waitForFunction(
        (ids) => JSON.stringify([...document.querySelectorAll('[data-testid^=mcr-item-]')].map((e) => e.dataset.testid.slice(9)).sort()) === JSON.stringify([...ids].sort()),
        want,
      ).catch(() => assert.fail(`plan items of ${account}: want ${want.join(', ')}`));
      const late = await page.locator('tr.is-overdue').evaluateAll((trs) => trs.map((tr) => tr.dataset.testid.slice(9)));
      assert.deepEqual(late, OVERDUE[account] ?? [], `overdue items of ${account}`);
      const marks = await page.getByTestId('mcr-overdue').count();
      assert.equal(marks, late.length);
      overdueTotal += marks;
      if (late.length) {
        assert.equal(await text(page, 'mcr-overdue-count'), `逾期计划项：${late.length} 项。`);
      } else {
        assert.equal(await page.getByTestId('mcr-overdue-count').count(), 0, account);
      }
    }
    assert.equal(overdueTotal, 2, 'two overdue items over the demo');

    // S1's executive exchange: due 2025-12-25, in progress; its VCT trust falls 4 → 3 → 2.
    await pickAccount(page, OPPOSED);
    await page.getByTestId('mcr-item-plan-5').waitFor();
    assert.match(await text(page, 'mcr-item-plan-5'), /2025-12-25已逾期/);
    const trust = page.getByTestId('mcr-vct-trust');
    assert.match(await trust.getAttribute('class'), /is-down/);
    assert.equal((await trust.locator('.mcr-vct-value').textContent()).trim(), '2');
    const history = await page.locator('[data-testid=mcr-vct-table] tbody tr').count();
    assert.equal(history, 3);
    // Marking it done clears the flag.
    await page.getByTestId('mcr-status-plan-5').selectOption('done');
    await page.getByTestId('mcr-overdue-count').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('mcr-overdue').count(), 0);
  });
});

// ---- the 151 programme names the stakeholders met ------------------------------------------------

const STALE = 'c-0228'; // V5 广州市政务服务数据管理局: department heads last met 95–200 days ago

test('a done 151 action that names the stale stakeholders counts as contact and clears “stale”', { timeout: TEST_TIMEOUT }, async () => {
  await withMcr('mcr-151', `#/mcr/power/${STALE}`, async (page) => {
    const flag = await text(page, 'mcr-flag-stale');
    const m = flag.match(/^(\d+) 位关键人超过 90 天未接触：(.+)。$/);
    assert.ok(m, flag);
    const names = m[2].split('、');
    assert.equal(names.length, Number(m[1]));
    assert.ok(names.length >= 1);
    // Their ids, from the table view of the map.
    await openTab(page, 'map');
    await page.getByTestId('mcr-as-table').click();
    const ids = await page.locator('[data-testid^=mcr-row-]').evaluateAll(
      (trs, wanted) => trs.filter((tr) => wanted.includes(tr.querySelector('td').textContent.trim())).map((tr) => tr.dataset.testid.slice(8)),
      names,
    );
    assert.equal(ids.length, names.length, `ids of ${names.join(', ')}`);

    // A technical exchange done on 2026-01-14 with all of them.
    await page.evaluate(() => { window.location.hash = '#/engagement'; });
    await page.getByTestId('engagement-view').waitFor();
    await page.getByTestId('engagement-tab-log').click();
    await page.getByTestId('engagement-form-account').selectOption(STALE);
    await page.getByTestId('engagement-form-action').selectOption('tech_exchange');
    await page.getByTestId('engagement-form-date').fill('2026-01-14');
    await page.getByTestId('engagement-form-status').selectOption('done');
    await page.getByTestId('engagement-form-stakeholders').waitFor();
    for (const id of ids) await page.getByTestId(`engagement-form-stakeholder-${id}`).check();
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing changed before');
    await page.getByTestId('engagement-form-save').click();
    await page.getByTestId('undo').and(page.locator(':enabled')).waitFor();

    await page.evaluate((a) => { window.location.hash = `#/mcr/power/${a}`; }, STALE);
    await page.getByTestId('mcr-power').waitFor();
    assert.equal(await page.getByTestId('mcr-flag-stale').count(), 0, 'nobody is stale any more');
    // The panel of one of them lists the action; the table says 1 day since the last contact.
    await page.getByTestId(`mcr-chip-${ids[0]}`).click();
    await page.getByTestId('mcr-contact-list').locator('li', { hasText: '2026-01-14' }).filter({ hasText: '151 活动：技术交流' }).waitFor();
    await openTab(page, 'map');
    await page.getByTestId('mcr-as-table').click();
    const days = await page.getByTestId(`mcr-row-${ids[0]}`).locator('td').last().textContent();
    assert.equal(days.trim(), '1');
  });
});

// ---- i. screenshots ---------------------------------------------------------------------------

for (const [locale, tag] of [['zh-CN', 'zh'], ['en', 'en']]) {
  test(`the four tabs in ${tag}: screenshots`, { timeout: TEST_TIMEOUT }, async () => {
    await withMcr(`mcr-shots-${tag}`, `#/mcr/map/${OPPOSED}`, async (page) => {
      const title = (await page.locator('.mcr .view-title').textContent()).trim();
      if (tag === 'zh') assert.equal(title, '客户关系 · MCR');
      else assert.ok(!/[\u4e00-\u9fff]/.test(title), `English title: ${title}`);
      await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
      for (const tab of TABS) {
        await openTab(page, tab);
        if (tab !== 'accounts') assert.equal(await page.getByTestId('mcr-account').inputValue(), OPPOSED);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `mcr-${tab}-${tag}.png`), fullPage: true });
      }
      // In English, the tab labels, flags and figures are English (names of people and customers
      // stay as they are).
      if (tag === 'en') {
        const tabs = await page.locator('[data-testid^=mcr-tab-]').allTextContents();
        assert.ok(tabs.every((t) => !/[\u4e00-\u9fff]/.test(t)), tabs.join(' | '));
        await openTab(page, 'power');
        const flag = await text(page, 'mcr-flag-decision_maker_against');
        assert.match(flag, /尹芳/);
        assert.ok(!/[\u4e00-\u9fff]/.test(flag.replace('尹芳', '')), flag);
      }
    }, locale);
  });
}
