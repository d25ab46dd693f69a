// End-to-end tests of the market insight and business design tab of Tool 2 (五看三定 and the six
// elements) on the demo: power shows its five looks and a canvas of 4 agreed and 2 draft
// elements; a look edited and left survives a reload; an opportunity with a size that is not an
// amount is refused next to the field, a good one is listed; an industry without insight shows
// empty cards; the page prints on exactly one A4 page without the app's chrome; English.
//
// Run: KAM_DIST=/tmp/dist-insight node --test e2e/portfolio_insight.test.mjs   (after a build)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { activeWorkspaceId, appSuite, readStorage, KEYS, screenshot, storedJson, waitForApp, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

const LOOKS = ['industry', 'customers', 'competition', 'ourselves', 'opportunities'];
const ELEMENTS = ['customer_selection', 'value_proposition', 'value_capture', 'scope', 'strategic_control', 'risk_management'];

async function openTab(page) {
  await page.getByTestId('portfolio-tab-insight').click();
  await page.getByTestId('portfolio-insight').waitFor();
}

async function withInsight(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/portfolio', consoleClean: true }, async (page) => {
    await openTab(page);
    await fn(page);
  });
}

/** Waits until the stored copy of the open workspace contains `text`. */
async function waitStored(page, text) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const id = await activeWorkspaceId(page);
    const stored = storedJson((await readStorage(page))[KEYS.workspace(id)] ?? '');
    if (stored.includes(text)) return stored;
    if (Date.now() > deadline) throw new Error(`the stored workspace never contained ${text}`);
    await page.waitForTimeout(200);
  }
}

test('power shows its five looks, its three decisions and a canvas of 4 agreed and 2 draft elements', { timeout: TEST_TIMEOUT }, async () => {
  await withInsight('insight-zh', 'zh-CN', async (page) => {
    assert.equal(await page.getByTestId('insight-industry').inputValue(), '电力');
    assert.equal(
      await page.getByTestId('insight-progress').textContent(),
      '五看 5/5 · 三定 3/3 · 六要素 6/6，其中 4 项已确认',
    );
    // The five looks in the method's order, each with findings, evidence and a date.
    assert.deepEqual(
      await page.locator('[data-testid=insight-looks] .insight-look-title').allTextContents(),
      ['看行业', '看市场与客户', '看竞争', '看自己', '看机会'],
    );
    assert.equal(
      await page.getByTestId('insight-look-industry-findings').inputValue(),
      '新型电力系统建设加速，储能与配网数字化投资年增 20% 以上',
    );
    for (const k of LOOKS) {
      assert.notEqual(await page.getByTestId(`insight-look-${k}-evidence`).inputValue(), '', k);
      assert.match(await page.getByTestId(`insight-look-${k}-date`).inputValue(), /^2025-1[12]-\d\d$/, k);
    }
    assert.equal(await page.getByTestId('insight-decide-targets').inputValue(), '2026 年储能运维收入 1,500 万，进入 3 家省公司');
    // The canvas: customer selection first, with Tool 1's accounts of the industry beside it.
    assert.deepEqual(
      await page.locator('[data-testid=insight-canvas] .insight-element-title').allTextContents(),
      ['客户选择', '价值主张', '价值获取', '活动范围', '战略控制', '风险管理'],
    );
    assert.deepEqual(
      await Promise.all(ELEMENTS.map((k) => page.getByTestId(`insight-element-${k}-badge`).textContent())),
      ['已确认', '已确认', '已确认', '已确认', '草稿', '草稿'],
    );
    assert.equal(await page.locator('[data-testid=insight-canvas] .insight-badge.is-agreed').count(), 4);
    assert.equal(await page.locator('[data-testid=insight-canvas] .insight-badge.is-draft').count(), 2);
    assert.equal(await page.getByTestId('insight-element-strategic_control-status').inputValue(), 'draft');
    assert.equal(await page.getByTestId('insight-evidence').textContent(), '工具一在本行业的客户：战略客户 1 个、价值客户 1 个');
    // Power's two opportunities, their sizes in the compact form.
    assert.equal(await page.locator('[data-testid=insight-opps-table] tbody tr').count(), 2);
    assert.equal(await page.getByTestId('insight-opp-op-1-size').textContent(), '4000万');
    await screenshot(page, 'insight-zh');

    // Agreeing strategic control turns its badge and the count.
    await page.getByTestId('insight-element-strategic_control-status').selectOption('agreed');
    await page.getByTestId('insight-element-strategic_control-badge').filter({ hasText: '已确认' }).waitFor();
    assert.equal(await page.locator('[data-testid=insight-canvas] .insight-badge.is-agreed').count(), 5);
    assert.match(await page.getByTestId('insight-progress').textContent(), /其中 5 项已确认$/);
  });
});

test('a look edited and left survives a reload', { timeout: TEST_TIMEOUT }, async () => {
  await withInsight('insight-edit', 'zh-CN', async (page) => {
    const findings = page.getByTestId('insight-look-competition-findings');
    const text = '头部厂商降价抢运维市场，区域服务商开始整合';
    await findings.fill(text);
    // Nothing is saved while typing; leaving the field saves it.
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'typing alone does not edit');
    // Leaving it for the next field saves it; what is typed there meanwhile is not lost.
    const evidence = page.getByTestId('insight-look-competition-evidence');
    await evidence.focus();
    await evidence.pressSequentially('招标平台 2025 年中标数据');
    await waitStored(page, text);
    await page.waitForTimeout(500);
    assert.equal(await evidence.inputValue(), '行业年报、两家客户访谈、招标平台数据招标平台 2025 年中标数据');
    assert.equal(await page.getByTestId('undo').isDisabled(), false);
    await evidence.blur();
    await waitStored(page, '招标平台 2025 年中标数据');
    await page.getByTestId('insight-look-competition-date').fill('2026-01-10');
    await page.getByTestId('insight-decide-strategies').focus();
    await waitStored(page, '2026-01-10');

    await page.reload();
    await waitForApp(page);
    await openTab(page);
    assert.equal(await page.getByTestId('insight-look-competition-findings').inputValue(), text);
    assert.equal(await page.getByTestId('insight-look-competition-date').inputValue(), '2026-01-10');
  });
});

test('an opportunity with a size that is not an amount is refused; a good one is listed', { timeout: TEST_TIMEOUT }, async () => {
  await withInsight('insight-opp', 'zh-CN', async (page) => {
    await page.getByTestId('insight-opp-add').click();
    const dialog = page.getByTestId('insight-opp-dialog');
    await dialog.waitFor();
    // Without a title nothing is saved either.
    await page.getByTestId('insight-opp-save').click();
    assert.equal(await page.getByTestId('insight-opp-title-error').textContent(), '请填写机会名称。');

    await page.getByTestId('insight-opp-title').fill('配网自动化改造');
    await page.getByTestId('insight-opp-size').fill('四千万');
    await page.getByTestId('insight-opp-save').click();
    assert.equal(
      await page.getByTestId('insight-opp-size-error').textContent(),
      '规模“四千万”无法识别：请写成金额，例如 4000万、1.2亿 或 40000000；不知道可以留空。',
    );
    assert.equal(await page.getByTestId('insight-opp-title-error').count(), 0);
    assert.equal(await dialog.isVisible(), true, 'the dialog stays open');
    assert.equal(await page.getByTestId('undo').isDisabled(), true, 'nothing was saved');
    await screenshot(page, 'insight-opp-error-zh');

    await page.getByTestId('insight-opp-size').fill('1.2亿');
    await page.getByTestId('insight-opp-horizon').selectOption('growth');
    await page.getByTestId('insight-opp-priority').selectOption('high');
    await page.getByTestId('insight-opp-timing').fill('2026 Q4');
    await page.getByTestId('insight-opp-owner').selectOption({ index: 1 });
    await page.getByTestId('insight-opp-next').fill('约省公司配网部技术交流');
    await page.getByTestId('insight-opp-save').click();
    await dialog.waitFor({ state: 'detached' });
    // The demo has op-1 … op-5; the new one is op-6, in power.
    const row = page.getByTestId('insight-opp-op-6');
    await row.waitFor();
    const cells = await row.locator('th, td').allTextContents();
    assert.deepEqual(cells.slice(0, 5), ['配网自动化改造', '成长业务', '1.2亿', '2026 Q4', '高']);
    assert.notEqual(cells[5], '', 'an owner');
    assert.equal(cells[6], '约省公司配网部技术交流');
    assert.equal(await page.locator('[data-testid=insight-opps-table] tbody tr').count(), 3);

    // Deleting asks first.
    await page.getByTestId('insight-opp-op-6-delete').click();
    await page.getByTestId('dialog').waitFor();
    await page.getByTestId('dialog-confirm').click();
    await row.waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-testid=insight-opps-table] tbody tr').count(), 2);
  });
});

test('an industry without insight shows empty cards, and writing one starts its insight', { timeout: TEST_TIMEOUT }, async () => {
  await withInsight('insight-empty', 'zh-CN', async (page) => {
    await page.getByTestId('insight-industry').selectOption('运营商');
    await page.getByTestId('insight-title').filter({ hasText: '运营商：市场洞察与业务设计' }).waitFor();
    assert.equal(
      await page.getByTestId('insight-progress').textContent(),
      '五看 0/5 · 三定 0/3 · 六要素 0/6，其中 0 项已确认',
    );
    for (const k of LOOKS) {
      for (const part of ['findings', 'evidence', 'date']) {
        assert.equal(await page.getByTestId(`insight-look-${k}-${part}`).inputValue(), '', `${k} ${part}`);
      }
    }
    for (const k of ELEMENTS) {
      assert.equal(await page.getByTestId(`insight-element-${k}-text`).inputValue(), '', k);
      assert.equal(await page.getByTestId(`insight-element-${k}-badge`).textContent(), '草稿', k);
    }
    assert.equal(await page.getByTestId('insight-opps-empty').isVisible(), true);

    await page.getByTestId('insight-decide-targets').fill('2026 年进入两家省级运营商');
    await page.getByTestId('insight-decide-targets').blur();
    await page.getByTestId('insight-progress').filter({ hasText: '三定 1/3' }).waitFor();
    // Power keeps its own.
    await page.getByTestId('insight-industry').selectOption('电力');
    assert.equal(await page.getByTestId('insight-decide-targets').inputValue(), '2026 年储能运维收入 1,500 万，进入 3 家省公司');
  });
});

test('the insight and the canvas print on exactly one A4 page without the app around them', { timeout: TEST_TIMEOUT }, async () => {
  await withInsight('insight-print', 'zh-CN', async (page) => {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    for (const id of ['app-title', 'app-nav', 'portfolio-tab-insight', 'insight-industry', 'insight-print', 'insight-opp-add',
      'insight-look-industry-findings', 'insight-element-customer_selection-status', 'insight-opp-op-1-edit']) {
      assert.equal(await page.getByTestId(id).isVisible(), false, `${id} is hidden on paper`);
    }
    // What the fields hold prints as text.
    const looks = await page.getByTestId('insight-looks').innerText();
    assert.match(looks, /新型电力系统建设加速/);
    assert.match(looks, /2025-11-20/);
    assert.match(await page.getByTestId('insight-canvas').innerText(), /两网省公司与五大发电集团区域公司/);
    assert.equal(await page.getByTestId('insight-title').isVisible(), true);
    assert.equal(await page.getByTestId('insight-opps-table').isVisible(), true);
    await page.screenshot({ path: await screenshot(page, 'insight-a4-zh'), fullPage: true });

    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    assert.equal(pdf.match(/\/Type\s*\/Page[^s]/g).length, 1, 'one A4 page');
  });
});

test('in English the tab speaks English', { timeout: TEST_TIMEOUT }, async () => {
  await withInsight('insight-en', 'en-US', async (page) => {
    assert.equal(await page.getByTestId('insight-industry').inputValue(), 'Power');
    assert.equal(
      await page.getByTestId('insight-progress').textContent(),
      'Five looks 5/5 · three decisions 3/3 · six elements 6/6, 4 of them agreed',
    );
    assert.equal(await page.getByTestId('insight-opp-op-1-size').textContent(), '40M');
    // People's names are the demo's Chinese names; everything else is English.
    for (const part of ['insight-looks', 'insight-decisions']) {
      assert.doesNotMatch(await page.getByTestId(part).innerText(), /[\u4e00-\u9fff]/, `no Chinese in ${part}`);
    }
    await page.getByTestId('insight-opp-add').click();
    await page.getByTestId('insight-opp-title').fill('Distribution automation');
    await page.getByTestId('insight-opp-size').fill('forty');
    await page.getByTestId('insight-opp-save').click();
    assert.equal(
      await page.getByTestId('insight-opp-size-error').textContent(),
      'Size “forty” is not an amount: write it like 40M, 1.2B or 40000000, or leave it empty if unknown.',
    );
    await page.getByTestId('insight-opp-cancel').click();
    await screenshot(page, 'insight-en');
  });
});
