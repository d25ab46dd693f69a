// End-to-end tests of the routine management mechanism: the demo's year calendar and meeting
// hours (with the AD overload warning), the .ics calendar through the real download, and a
// cadence edited in the meeting form changing the calendar and the file; undo brings it back.
//
// Run: node --test --test-concurrency=1 e2e/rhythm.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { appSuite, screenshot, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

async function withRhythm(slug, locale, fn) {
  await withApp(suite, { slug, locale, hash: '#/rhythm', consoleClean: true }, async (page) => {
    await page.getByTestId('rhythm-calendar').waitFor();
    await fn(page);
  });
}

const monthCount = (page, m) => page.getByTestId(`month-${m}`).getAttribute('data-count');

/** Clicks the download button and returns { name, text } of the file the browser saved. */
async function downloadIcs(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('rhythm-download-ics').click(),
  ]);
  const text = await fs.readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text };
}

/** The content lines of a calendar with the folded ones joined back (RFC 5545 §3.1). */
const unfold = (text) => text.replace(/\r\n[ \t]/g, '');

/** Every RRULE value of the calendar, in event order. */
const rrules = (text) => [...unfold(text).matchAll(/^RRULE:(.*)\r$/gm)].map((m) => m[1]);

test('the demo: 97 meeting dates, month counts, hours per role and the AD overload', { timeout: TEST_TIMEOUT }, async () => {
  await withRhythm('rhythm-zh', 'zh-CN', async (page) => {
    assert.equal(
      await page.getByTestId('rhythm-summary').textContent(),
      '2026 财年：6 个例行会议、2 个管理组织，共 97 个会议日期。',
    );
    const counts = [];
    for (let m = 1; m <= 12; m++) counts.push(Number(await monthCount(page, m)));
    // Mondays + lead reviews + the analysis, plus quarter ends (3, 6, 9, 12), the executive
    // visits (4, 10) and the account plan (11).
    assert.deepEqual(counts, [7, 7, 9, 9, 7, 9, 7, 8, 9, 8, 9, 8]);
    assert.equal(counts.reduce((a, b) => a + b, 0), 97);
    assert.equal(await page.getByTestId('month-count-1').textContent(), '7 场');
    assert.equal(await page.locator('[data-testid=rhythm-list-row]').count(), 7);
    // The shading of the days has a legend; each month is a table of weeks under weekday headers.
    assert.deepEqual(
      await page.locator('[data-testid=rhythm-legend] li').allTextContents(),
      ['8当天有 1 场会议', '8当天有 2 场及以上会议', '8已选中的日期', '8没有会议'],
    );
    const jan = page.getByTestId('month-1').locator('table');
    assert.equal(await jan.getAttribute('aria-label'), '1月');
    assert.equal(await jan.locator('thead th[scope=col]').count(), 7);
    assert.equal(await jan.locator('thead th').first().getAttribute('aria-label'), '星期一');
    // January 2026 starts on a Thursday: five weeks, the 1st in the fourth column.
    assert.equal(await jan.locator('tbody tr').count(), 5);
    assert.equal((await jan.locator('tbody tr').first().locator('td').nth(3).textContent()).trim(), '1');
    assert.equal(await page.locator('[data-testid=rhythm-calendar] [role=grid], [data-testid=rhythm-calendar] [role=columnheader]').count(), 0);
    const warnings = await page.getByTestId('rhythm-warnings').textContent();
    assert.match(warnings, /客户群总监：11月开会 126 小时 ÷ 3 人 = 每人 42 小时，超过 32 小时/);
    await screenshot(page, 'rhythm-zh');

    await page.getByTestId('rhythm-tab-hours').click();
    assert.equal(await page.getByTestId('hours-AD-1').textContent(), '6');
    assert.equal(await page.getByTestId('hours-AD-11').textContent(), '126');
    // FR: 4 weekly syncs × 1 h × 15 accounts + the 2 h analysis.
    assert.equal(await page.getByTestId('hours-FR-1').textContent(), '62');
    assert.equal(await page.getByTestId('hours-AD-peak').textContent(), '42 (11月)');
    assert.equal(await page.locator('[data-testid=hours-AD-11].is-over').count(), 1);
    // One bar per role with people and month: 4 roles × 12 months, plus the legend swatches.
    assert.equal(await page.locator('[data-testid=rhythm-hours-chart] svg > g > rect').count(), 48);
    await screenshot(page, 'rhythm-hours-zh');
    await page.getByTestId('rhythm-hours-why').scrollIntoViewIfNeeded();
    await screenshot(page, 'rhythm-hours-chart-zh');
    await page.getByTestId('rhythm-tab-bodies').click();
    assert.equal(await page.locator('[data-testid=rhythm-bodies] tbody tr').count(), 2);
    // The default texts are stored as "中文 / English": each language shows its own part, the
    // other on hover; the editor keeps the whole text.
    const body = page.getByTestId('body-row-account_group_team');
    assert.match(await body.textContent(), /客户群经营目标与资源决策/);
    assert.doesNotMatch(await body.textContent(), /Targets and resource decisions/);
    assert.equal(await body.locator('.local-text').first().getAttribute('title'), 'Targets and resource decisions of the account group');
    await screenshot(page, 'rhythm-bodies-zh');
  });
});

test('in English the management bodies show their English texts only', { timeout: TEST_TIMEOUT }, async () => {
  await withRhythm('rhythm-en', 'en-US', async (page) => {
    await page.getByTestId('rhythm-tab-bodies').click();
    const body = page.getByTestId('body-row-iron_triangle_team');
    const text = await body.textContent();
    assert.match(text, /Leads, projects and delivery of one account/);
    assert.match(text, /Weekly sync, lead review, executive visits/);
    assert.doesNotMatch(text, /[\u4e00-\u9fa5]/);
    await page.getByTestId('body-edit-iron_triangle_team').click();
    assert.equal(await page.getByTestId('bf-tools').inputValue(), '线索清单、项目进度表 / Lead list, project tracker');
  });
});

test('the .ics calendar through the real download: 6 events, their rules, CRLF, folded lines', { timeout: TEST_TIMEOUT }, async () => {
  await withRhythm('rhythm-ics', 'zh-CN', async (page) => {
    const { name, text } = await downloadIcs(page);
    assert.equal(name, 'rhythm-2026.ics');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'), text.slice(0, 60));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.equal((text.match(/^BEGIN:VEVENT\r$/gm) || []).length, 6);
    assert.equal((text.match(/^END:VEVENT\r$/gm) || []).length, 6);
    assert.equal(text.split('\n').length - 1, text.split('\r\n').length - 1, 'every line ends in CRLF');
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
    }
    // The quarterly rule is 86 octets long: folded onto a continuation line.
    assert.match(text, /\r\nRRULE:FREQ=MONTHLY;INTERVAL=3;[^\r]*\r\n [^\r]*1231T235959\r\n/);
    assert.deepEqual(rrules(text), [
      'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=20261231T235959',
      'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T235959',
      'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;UNTIL=20261231T235959',
      'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=15;UNTIL=20261231T235959',
      'FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=20;UNTIL=20261231T235959',
    ]);
    assert.match(text, /\r\nSUMMARY:铁三角周例会\r\n/);
    // Participants and tiers by name, commas escaped, newlines as \n.
    assert.ok(
      unfold(text).includes('DESCRIPTION:参会角色: 客户责任人\\, 解决方案责任人\\, 交付履行责任人\\n客户层级: 战略客户\\, 价值客户 (每个客户各开一次)\\n'),
      unfold(text).match(/DESCRIPTION:.*/)?.[0],
    );
    assert.match(text, /\r\nDTSTART:20260105T090000\r\nDURATION:PT1H\r\n/);
  });
});

test('a cadence changed in the meeting form changes the calendar and the file; undo restores it', { timeout: TEST_TIMEOUT }, async () => {
  await withRhythm('rhythm-en', 'en', async (page) => {
    assert.equal(await page.getByTestId('month-count-1').textContent(), '7 meetings');
    await screenshot(page, 'rhythm-en');
    await page.getByTestId('rhythm-tab-meetings').click();
    assert.equal(await page.locator('[data-testid=rhythm-meetings] tbody tr').count(), 6);
    await screenshot(page, 'rhythm-meetings-en');
    await page.getByTestId('meeting-edit-triangle_sync').click();
    const form = page.getByTestId('meeting-form');
    await form.waitFor();
    await page.getByTestId('mf-cadence').selectOption('biweekly');
    await page.getByTestId('mf-weekday').selectOption('2');
    await page.getByTestId('mf-duration').fill('0');
    await page.getByTestId('mf-save').click();
    assert.equal(await page.getByTestId('mf-duration-error').textContent(), 'Enter a number of hours above 0 and at most 24.');
    await page.getByTestId('mf-duration').fill('1.5');
    await screenshot(page, 'rhythm-form-en');
    await page.getByTestId('mf-save').click();
    await form.waitFor({ state: 'detached' });
    assert.equal(
      await page.getByTestId('meeting-rule-triangle_sync').textContent(),
      'Biweeklyevery other Tuesday',
    );
    await page.getByTestId('rhythm-tab-calendar').click();
    // Tuesdays 6 and 20 January instead of four Mondays: 7 − 4 + 2.
    assert.equal(await monthCount(page, 1), '5');
    assert.equal(await page.getByTestId('month-count-1').textContent(), '5 meetings');
    const { text } = await downloadIcs(page);
    assert.equal(rrules(text)[0], 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20261231T235959');
    assert.match(text, /\r\nDTSTART:20260106T090000\r\nDURATION:PT1H30M\r\n/);
    assert.match(text, /\r\nSUMMARY:Iron-triangle weekly sync\r\n/);

    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[data-testid=month-1]')?.dataset.count === '7');
    assert.equal(await page.getByTestId('month-count-1').textContent(), '7 meetings');
  });
});
