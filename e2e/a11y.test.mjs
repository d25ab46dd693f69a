// Accessibility and layout of every view, on the demo workspace.
//
// axe-core (node_modules/axe-core, a dev dependency) runs on every view of the navigation, every
// tab of each, the account page and the plan report — in zh-CN and en-US, at 1280 px and in the
// embed width (800 px, `?embed=1`). A critical or serious violation fails the test; moderate and
// minor ones are listed in the test output.
//
// The layout check runs on the same views and tabs at 1280, 1024 and 800 px (embed): no table cell may be
// clipped — neither its own content cut (scrollWidth over clientWidth with overflow hidden) nor
// the cell cut by an ancestor that hides overflow without scrolling, nor a cell past the right
// edge of the window outside a scroll region. A horizontal scroll region must be focusable.
//
// Run: KAM_DIST=/tmp/e2e-dist node --test --test-concurrency=1 e2e/a11y.test.mjs
//      VIEWS_ONLY=tiering,kpi narrows the views (for a quick look while fixing).

import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, newPage, waitForApp, screenshot, REPO_ROOT } from './helpers.mjs';
import { eachScreen } from './views.mjs';

const TEST_TIMEOUT = 900_000;
const suite = appSuite();
const AXE = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

for (const locale of ['zh-CN', 'en-US']) {
  for (const { width, embed } of [{ width: 1280, embed: false }, { width: 800, embed: true }]) {
    const lang = locale.slice(0, 2);
    test(`axe: every view and tab, ${locale}, ${width} px${embed ? ' (embed)' : ''} — no critical or serious violation`, { timeout: TEST_TIMEOUT }, async () => {
      const s = await newPage(suite.browser, { locale, viewport: { width, height: 900 } });
      const failures = [];
      const moderate = new Map();
      try {
        await s.page.goto(`${suite.server.url}${embed ? `?embed=1&lang=${lang}` : ''}`);
        await waitForApp(s.page);
        await eachScreen(s.page, async (label) => {
          for (const v of await axe(s.page)) {
            if (v.impact === 'critical' || v.impact === 'serious') {
              failures.push(`${label}: ${v.impact} ${v.id} (${v.nodes}) — ${v.help}: ${v.targets.join(' | ')}`);
            } else {
              const key = `${v.impact} ${v.id} — ${v.help}`;
              moderate.set(key, [...(moderate.get(key) ?? []), `${label} (${v.nodes}: ${v.targets.join(' | ')})`]);
            }
          }
        });
        for (const [key, where] of moderate) console.log(`  [axe ${locale} ${width}] ${key}: ${where.join(', ')}`);
        if (failures.length) await screenshot(s.page, `failed-a11y-${lang}-${width}`).catch(() => {});
        assert.deepEqual(failures, [], `critical or serious axe violations:\n  ${failures.join('\n  ')}`);
        assert.deepEqual(s.pageErrors, [], 'no uncaught page errors');
      } finally {
        await s.close();
      }
    });
  }
}

/** Every visible table cell that is clipped, as "text: why". */
async function clippedCells(page) {
  return page.evaluate(() => {
    const out = [];
    const vw = document.documentElement.clientWidth;
    const hides = (el) => getComputedStyle(el).overflowX !== 'visible';
    // Visually hidden text for screen readers (1 px, clipped) is not clipped content.
    const srOnly = (el) => el.clientWidth <= 2 || getComputedStyle(el).clip.startsWith('rect');
    for (const cell of document.querySelectorAll('#main th, #main td')) {
      const r = cell.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || cell.closest('[hidden]') || srOnly(cell)) continue;
      const text = (cell.innerText || cell.getAttribute('aria-label') || '').trim().slice(0, 30);
      if (hides(cell) && cell.scrollWidth > cell.clientWidth + 1) {
        out.push(`${text}: content cut (${cell.scrollWidth} > ${cell.clientWidth})`);
        continue;
      }
      for (const inner of cell.querySelectorAll('*')) {
        if (hides(inner) && !srOnly(inner) && inner.scrollWidth > inner.clientWidth + 1 && !['INPUT', 'SELECT', 'TEXTAREA'].includes(inner.tagName)) {
          out.push(`${text}: ${inner.tagName.toLowerCase()} inside cut (${inner.scrollWidth} > ${inner.clientWidth})`);
          break;
        }
      }
      let scroller = null;
      for (let a = cell.parentElement; a && a !== document.body; a = a.parentElement) {
        if (!hides(a)) continue;
        const ar = a.getBoundingClientRect();
        const scrolls = a.scrollWidth > a.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(a).overflowX);
        if (scrolls) {
          scroller = a;
          break;
        }
        if (r.right > ar.right + 1 || r.left < ar.left - 1) {
          out.push(`${text}: cut by its container`);
          break;
        }
      }
      // A short column header of one word (客户数, Tier) on one line: it must not break inside the
      // word. It may wrap between words, at punctuation or between scripts, never inside a word: a
      // run of Chinese characters (客户数) or of Latin letters and digits (Revenue). Row headers
      // are names (accounts, contracts) and wrap like any text.
      const columnHeader = cell.tagName === 'TH' && (cell.closest('thead') || cell.getAttribute('scope') === 'col');
      if (columnHeader && text.length <= 16) {
        const kind = (c) => (/\p{Script=Han}/u.test(c) ? 'han' : /[\p{L}\p{N}]/u.test(c) ? 'word' : null);
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let broken = null;
        for (let t = walker.nextNode(); t && !broken; t = walker.nextNode()) {
          const s = t.textContent;
          let prev = null;
          for (let i = 0; i < s.length && !broken; i += 1) {
            const range = document.createRange();
            range.setStart(t, i);
            range.setEnd(t, i + 1);
            const q = range.getClientRects()[0];
            if (!q) continue;
            const k = kind(s[i]);
            if (prev && k && k === prev.k && q.top - prev.top > 4) broken = `${s[i - 1]}|${s[i]}`;
            prev = { k, top: q.top };
          }
        }
        if (broken) out.push(`${text}: header broken inside a word (${broken})`);
      }
      // At rest, no cell lies under a column that sticks to an edge of its row.
      const pos = getComputedStyle(cell).position;
      if (pos !== 'sticky' && cell.parentElement) {
        for (const other of cell.parentElement.children) {
          if (other === cell || getComputedStyle(other).position !== 'sticky') continue;
          const o = other.getBoundingClientRect();
          if (o.width > 0 && r.left < o.right - 1 && r.right > o.left + 1) {
            out.push(`${text}: behind the sticky column "${(other.innerText || '').trim().slice(0, 20)}"`);
            break;
          }
        }
      }
      if (!scroller && r.right > vw + 1) out.push(`${text}: past the window's edge (${Math.round(r.right)} > ${vw})`);
      if (scroller && scroller.tabIndex < 0) out.push(`${text}: in a scroll region that cannot take focus`);
    }
    return [...new Set(out)];
  });
}

for (const { width, embed } of [{ width: 1280 }, { width: 1024 }, { width: 800, embed: true }]) {
  for (const locale of ['zh-CN', 'en-US']) {
    test(`layout: no table cell clipped on any view or tab, ${locale}, ${width} px${embed ? ' (embed)' : ''}`, { timeout: TEST_TIMEOUT }, async () => {
      const s = await newPage(suite.browser, { locale, viewport: { width, height: 900 } });
      const failures = [];
      try {
        await s.page.goto(`${suite.server.url}${embed ? `?embed=1&lang=${locale.slice(0, 2)}` : ''}`);
        await waitForApp(s.page);
        await eachScreen(s.page, async (label) => {
          const cut = await clippedCells(s.page);
          if (cut.length) failures.push(`${label}: ${cut.slice(0, 6).join('; ')}${cut.length > 6 ? ` … (${cut.length})` : ''}`);
        });
        assert.deepEqual(failures, [], `clipped table cells:\n  ${failures.join('\n  ')}`);
      } finally {
        await s.close();
      }
    });
  }
}

test('the skip link is the first Tab stop and takes the keyboard to the view', { timeout: 120_000 }, async () => {
  const s = await newPage(suite.browser, { locale: 'zh-CN' });
  try {
    await s.page.goto(`${suite.server.url}#/tiering`);
    await waitForApp(s.page);
    await s.page.getByTestId('distribution-table').waitFor();
    await s.page.keyboard.press('Tab');
    const skip = s.page.getByTestId('skip-link');
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'the first Tab stop is the skip link');
    assert.equal(await skip.innerText(), '跳到主要内容');
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, 'shown while focused');
    await s.page.keyboard.press('Enter');
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'main');
    assert.equal(await s.page.evaluate(() => window.location.hash), '#/tiering', 'the route stays');
    await s.page.keyboard.press('Tab');
    assert.equal(await s.page.evaluate(() => Boolean(document.activeElement?.closest('#main'))), true,
      'the next Tab stop is inside the view');
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.close();
  }
});
