// End-to-end tests of the app shell: language, workspaces, undo/redo,
// storage failure, and a screenshot of every view.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startServer } from './server.mjs';
import {
  appSuite,
  DIST,
  newPage,
  waitForApp,
  screenshot,
  listing,
  hasNumber,
} from './helpers.mjs';

const TEST_TIMEOUT = 90_000;

const suite = appSuite();

/**
 * Run `fn` with a fresh context (empty storage).  On failure a screenshot
 * `failed-<slug>` is taken before the error is re-thrown.
 */
async function withPage(slug, { locale = 'zh-CN' } = {}, fn) {
  const session = await newPage(suite.browser, { locale });
  try {
    await fn(session);
  } catch (err) {
    await screenshot(session.page, `failed-${slug}`).catch(() => {});
    throw err;
  } finally {
    await session.close();
  }
}

async function openApp(page, url = suite.server.url) {
  await page.goto(url);
  return waitForApp(page);
}

async function reloadApp(page) {
  await page.reload();
  return waitForApp(page);
}

const sel = (id) => `[data-testid=${id}]`;

async function text(page, id) {
  return (await page.locator(sel(id)).first().innerText()).trim();
}

/** Wait until [data-testid=id] has exactly `expected` as its (trimmed) text. */
async function expectText(page, id, expected, timeout = 10_000) {
  const loc = page.locator(sel(id)).first();
  try {
    await loc.waitFor({ state: 'visible', timeout });
    await page.waitForFunction(
      ([s, want]) => document.querySelector(s)?.innerText.trim() === want,
      [sel(id), expected],
      { timeout },
    );
  } catch {
    const actual = await loc.innerText({ timeout: 1000 }).then((t) => t.trim(), () => '<missing>');
    assert.equal(actual, expected, `[data-testid=${id}] text`);
  }
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Open the workspace menu (if it is not open already). */
async function openMenu(page) {
  const newEmpty = page.locator(sel('ws-new-empty'));
  if (!(await newEmpty.isVisible())) await page.locator(sel('ws-menu')).click();
  await newEmpty.waitFor({ state: 'visible' });
}

async function menuItemTexts(page) {
  await openMenu(page);
  return (await page.locator(sel('ws-item')).allInnerTexts()).map((t) => t.trim());
}

/** Fill and confirm the dialog; the dialog must close afterwards. */
async function answerDialog(page, value) {
  const dialog = page.locator(sel('dialog'));
  await dialog.waitFor({ state: 'visible' });
  if (value !== undefined) await dialog.locator(`input${sel('dialog-input')}`).fill(value);
  await dialog.locator(sel('dialog-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function createWorkspace(page, name) {
  await openMenu(page);
  await page.locator(sel('ws-new-empty')).click();
  await answerDialog(page, name);
  await expectText(page, 'ws-name', name);
}

// ---------------------------------------------------------------------------

test('a. Chinese by default, demo workspace loaded', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('zh-default', { locale: 'zh-CN' }, async ({ page }) => {
    await openApp(page);
    await expectText(page, 'app-title', '大客户经营规划工具箱');
    assert.equal(await htmlLang(page), 'zh-CN');
    await expectText(page, 'ws-name', '示例集团');
    const stat = await text(page, 'stat-customers');
    assert.ok(hasNumber(stat, 250), `stat-customers should show 250, got ${JSON.stringify(stat)}`);
    await screenshot(page, 'overview-zh');
  });
});

test('b. no errors and no foreign requests on load', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('no-errors', { locale: 'zh-CN' }, async ({ page, consoleErrors, pageErrors, foreignRequests }) => {
    await openApp(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    assert.deepEqual(
      { pageErrors, consoleErrors, foreignRequests },
      { pageErrors: [], consoleErrors: [], foreignRequests: [] },
      [
        listing('page errors', pageErrors),
        listing('console errors', consoleErrors),
        listing('requests to hosts other than 127.0.0.1 (aborted)', foreignRequests),
      ].join('\n'),
    );
  });
});

test('c. switching to English is applied and remembered', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('lang-switch', { locale: 'zh-CN' }, async ({ page, pageErrors }) => {
    await openApp(page);
    const switcher = page.locator(`select${sel('lang-switch')}`);
    const values = await switcher.locator('option').evaluateAll((opts) => opts.map((o) => o.value));
    assert.ok(values.includes('zh-CN') && values.includes('en'), `lang-switch options: ${values}`);

    await switcher.selectOption('en');
    await expectText(page, 'app-title', 'KAM Planner');
    assert.equal(await htmlLang(page), 'en');

    await reloadApp(page);
    await expectText(page, 'app-title', 'KAM Planner');
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await switcher.inputValue(), 'en');
    await screenshot(page, 'overview-en');
    assert.deepEqual(pageErrors, [], listing('page errors', pageErrors));
  });
});

test('d. English when the browser language is English', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('lang-navigator', { locale: 'en-US' }, async ({ page }) => {
    assert.equal(await page.evaluate(() => navigator.language), 'en-US');
    await openApp(page);
    await expectText(page, 'app-title', 'KAM Planner');
    assert.equal(await htmlLang(page), 'en');
    await expectText(page, 'ws-name', 'Demo Group');
  });
});

test('e. a new empty workspace survives a reload', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('ws-create', { locale: 'zh-CN' }, async ({ page, pageErrors }) => {
    await openApp(page);
    await expectText(page, 'ws-name', '示例集团');

    await openMenu(page);
    await page.locator(sel('ws-new-empty')).click();
    const dialog = page.locator(sel('dialog'));
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator(`input${sel('dialog-input')}`).fill('E2E 测试工作区');
    await dialog.locator(sel('dialog-confirm')).click();
    await dialog.waitFor({ state: 'hidden' });

    await expectText(page, 'ws-name', 'E2E 测试工作区');
    const stat = await text(page, 'stat-customers');
    assert.ok(hasNumber(stat, 0), `stat-customers should show 0, got ${JSON.stringify(stat)}`);

    await reloadApp(page);
    await expectText(page, 'ws-name', 'E2E 测试工作区');
    const items = await menuItemTexts(page);
    for (const name of ['示例集团', 'E2E 测试工作区']) {
      assert.ok(items.some((t) => t.includes(name)), `ws-item list ${JSON.stringify(items)} should include ${name}`);
    }
    assert.deepEqual(pageErrors, [], listing('page errors', pageErrors));
  });
});

test('f. rename, then undo/redo by button and keyboard', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('ws-rename-undo', { locale: 'zh-CN' }, async ({ page, pageErrors }) => {
    await openApp(page);
    await expectText(page, 'ws-name', '示例集团');

    await openMenu(page);
    await page.locator(sel('ws-rename')).click();
    const input = page.locator(`${sel('dialog')} input${sel('dialog-input')}`);
    await input.waitFor({ state: 'visible' });
    assert.equal(await input.inputValue(), '示例集团', 'rename dialog is prefilled with the current name');
    await answerDialog(page, '新名字');
    await expectText(page, 'ws-name', '新名字');

    await page.locator(sel('undo')).click();
    await expectText(page, 'ws-name', '示例集团');

    // Keyboard shortcuts act on the page, not on a focused control.
    const blur = () => page.evaluate(() => document.activeElement?.blur());
    await blur();
    await page.keyboard.press('Control+Shift+Z');
    await expectText(page, 'ws-name', '新名字');
    await blur();
    await page.keyboard.press('Control+z');
    await expectText(page, 'ws-name', '示例集团');
    assert.deepEqual(pageErrors, [], listing('page errors', pageErrors));
  });
});

test('g. deleting a workspace asks for confirmation', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('ws-delete', { locale: 'zh-CN' }, async ({ page, pageErrors }) => {
    await openApp(page);
    await createWorkspace(page, '待删除');

    // Cancel keeps it.
    await openMenu(page);
    await page.locator(sel('ws-delete')).click();
    const dialog = page.locator(sel('dialog'));
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator(sel('dialog-cancel')).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectText(page, 'ws-name', '待删除');

    // Confirm deletes it.
    await openMenu(page);
    await page.locator(sel('ws-delete')).click();
    await answerDialog(page);
    await page.waitForFunction(
      (s) => {
        const el = document.querySelector(s);
        return el && el.innerText.trim() !== '' && el.innerText.trim() !== '待删除';
      },
      sel('ws-name'),
      { timeout: 10_000 },
    ).catch(() => {});
    assert.notEqual(await text(page, 'ws-name'), '待删除');
    let items = await menuItemTexts(page);
    assert.ok(!items.some((t) => t.includes('待删除')), `deleted workspace still listed: ${JSON.stringify(items)}`);

    await reloadApp(page);
    assert.notEqual(await text(page, 'ws-name'), '待删除');
    items = await menuItemTexts(page);
    assert.ok(items.length > 0, 'the remaining workspace is listed');
    assert.ok(!items.some((t) => t.includes('待删除')), `deleted workspace back after reload: ${JSON.stringify(items)}`);
    assert.deepEqual(pageErrors, [], listing('page errors', pageErrors));
  });
});

test('h. the app runs and warns when storage is blocked', { timeout: TEST_TIMEOUT }, async () => {
  // A sandboxed iframe without allow-same-origin has an opaque origin, where
  // touching localStorage throws.  Its module script and wasm fetches are CORS
  // requests, hence a CORS-enabled server for the app.
  const appServer = await startServer(DIST, { cors: true });
  const wrapperDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-e2e-frame-'));
  await fs.writeFile(
    path.join(wrapperDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>storage blocked</title>
<style>body{margin:0}iframe{border:0;display:block}</style></head>
<body><iframe sandbox="allow-scripts" src="${appServer.url}index.html" style="width:1200px;height:800px"></iframe></body></html>\n`,
  );
  const wrapperServer = await startServer(wrapperDir);
  try {
    await withPage('storage-blocked', { locale: 'zh-CN' }, async ({ page, pageErrors, consoleErrors, foreignRequests }) => {
      await page.goto(wrapperServer.url);
      const frameLoc = page.frameLocator('iframe');
      await waitForApp(frameLoc);

      // Make sure the scenario is real: storage does throw inside the frame.
      const frame = page.frames().find((f) => f.url().startsWith(appServer.url));
      assert.ok(frame, 'app frame found');
      const storageThrows = await frame.evaluate(() => {
        try {
          window.localStorage.getItem('x');
          return false;
        } catch {
          return true;
        }
      });
      assert.equal(storageThrows, true, 'localStorage should throw in the sandboxed frame');

      await frameLoc.locator(sel('storage-banner')).waitFor({ state: 'visible' });
      await page.waitForTimeout(500);
      await screenshot(page, 'storage-blocked');

      assert.deepEqual(pageErrors, [], listing('page errors', pageErrors));
      const panics = consoleErrors.filter((e) => /panicked|unreachable/i.test(e));
      assert.deepEqual(panics, [], listing('panics', panics));
      assert.deepEqual(foreignRequests, [], listing('foreign requests', foreignRequests));
    });
  } finally {
    await wrapperServer.close();
    await appServer.close();
    await fs.rm(wrapperDir, { recursive: true, force: true });
  }
});

test('i. every view renders (screenshots)', { timeout: TEST_TIMEOUT * 2 }, async () => {
  await withPage('views', { locale: 'zh-CN' }, async ({ page, pageErrors }) => {
    await openApp(page);
    const links = page.locator('nav a[data-testid^=nav-]');
    const ids = await links.evaluateAll((as) => as.map((a) => a.dataset.testid));
    assert.ok(ids.length > 0, 'there is at least one nav link');
    assert.equal(new Set(ids).size, ids.length, `nav test ids are unique: ${ids}`);

    for (const id of ids) {
      await page.locator(`nav a[data-testid="${id}"]`).click();
      await waitForApp(page); // the shell is still there
      await page.waitForTimeout(300);
      await screenshot(page, `view-${id.slice('nav-'.length)}`);
      assert.deepEqual(pageErrors, [], `after opening ${id}: ${listing('page errors', pageErrors)}`);
    }
  });
});
