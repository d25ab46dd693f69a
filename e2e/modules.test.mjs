// The two modules (src/ui/modules.rs): the first load carries the shell, the overview and Tool 1;
// opening another tool hands the page over to the tools module — without losing a change, with a
// clear note when it cannot — and a link straight to a tool starts the tools module alone.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, byTestId, expectWorkspaceName, newPage, renameWorkspace, screenshot, waitForApp } from './helpers.mjs';

const TEST_TIMEOUT = 90_000;
const suite = appSuite();

// trunk writes its hashes in hex without leading zeros: up to 16 digits.
const FIRST_WASM = /\/kam-planner-[0-9a-f]{1,16}_bg\.wasm$/;
const FIRST_JS = /\/kam-planner-[0-9a-f]{1,16}\.js$/;
const TOOLS_WASM = /\/kam-tools-[0-9a-f]{1,16}_bg\.wasm$/;
const TOOLS_JS = /\/kam-tools-[0-9a-f]{1,16}\.js$/;

/** A fresh page that records the path of every request it makes. */
async function session(slug, fn, { locale = 'zh-CN' } = {}) {
  const s = await newPage(suite.browser, { locale });
  const requests = [];
  s.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  try {
    await fn({ ...s, requests });
    assert.deepEqual(s.pageErrors, [], 'no uncaught page errors');
  } catch (err) {
    await screenshot(s.page, `failed-${slug}`).catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
}

const seen = (requests, re) => requests.filter((p) => re.test(p)).length;
const apps = (page) => page.locator(byTestId('app-title')).count();

test('the first load fetches the first-load module only; the tools module is prefetched after it', { timeout: TEST_TIMEOUT }, async () => {
  await session('modules-first-load', async ({ page, requests, consoleErrors }) => {
    await page.goto(suite.server.url);
    await waitForApp(page);
    assert.equal(seen(requests, FIRST_WASM), 1, requests.join('\n'));
    assert.equal(seen(requests, FIRST_JS), 1);
    assert.equal(seen(requests, TOOLS_WASM), 0, 'the tools module is not part of the first load');
    assert.equal(await page.evaluate(() => typeof window.kamShell?.handOver), 'function');
    // A few seconds later it is fetched into the cache, not started.
    await page.waitForFunction(() => document.querySelectorAll('link[rel=prefetch]').length === 2, null, { timeout: 15_000 });
    const hrefs = await page.locator('link[rel=prefetch]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
    assert.match(hrefs[0], /^\.\/kam-tools-[0-9a-f]{1,16}\.js$/);
    assert.match(hrefs[1], /^\.\/kam-tools-[0-9a-f]{1,16}_bg\.wasm$/);
    assert.equal(await page.locator('script[data-kam-tools]').count(), 0);
    assert.equal(await page.evaluate(() => typeof window.kamShell?.handOver), 'function');
    assert.deepEqual(consoleErrors, []);
  });
});

test('opening another tool hands over: the change made before is kept, one app runs, back goes back', { timeout: TEST_TIMEOUT }, async () => {
  await session('modules-hand-over', async ({ page, requests, consoleErrors }) => {
    await page.goto(`${suite.server.url}#/tiering`);
    await waitForApp(page);
    await page.locator(byTestId('distribution-table')).waitFor();
    await renameWorkspace(page, '交接测试');
    await expectWorkspaceName(page, '交接测试');

    await page.locator(byTestId('nav-team')).click();
    await page.locator(byTestId('team-view')).waitFor();
    assert.equal(await apps(page), 1, 'the first module let go');
    assert.equal(await page.locator('script[data-kam-tools]').count(), 1);
    assert.equal(await page.evaluate(() => window.kamShell), undefined);
    assert.equal(seen(requests, TOOLS_WASM), 1);
    await expectWorkspaceName(page, '交接测试');
    assert.equal(await page.locator(`${byTestId('nav-team')}[aria-current=page]`).count(), 1);

    // The tools module carries Tool 1 too: back shows the tiering view without another load.
    await page.goBack();
    await page.locator(byTestId('distribution-table')).waitFor();
    await page.locator(byTestId('nav-ltc')).click();
    await page.locator(`${byTestId('nav-ltc')}[aria-current=page]`).waitFor();
    assert.equal(await page.locator(byTestId('open-tools')).count(), 0);
    assert.equal(seen(requests, TOOLS_WASM), 1);
    assert.equal(await apps(page), 1);
    // The document was written before the hand-over and read back by the tools module: a reload
    // (which starts the tools module at once for #/ltc) still has it.
    await page.reload();
    await waitForApp(page);
    await expectWorkspaceName(page, '交接测试');
    assert.deepEqual(consoleErrors, []);
  });
});

test('a link straight to a tool starts the tools module alone', { timeout: TEST_TIMEOUT }, async () => {
  await session('modules-deep-link', async ({ page, requests, consoleErrors }) => {
    await page.goto(`${suite.server.url}#/kpi`);
    await waitForApp(page);
    await page.locator(`${byTestId('nav-kpi')}[aria-current=page]`).waitFor();
    assert.equal(await page.locator(byTestId('open-tools')).count(), 0);
    assert.ok((await page.locator('main').innerText()).trim().length > 20, 'the KPI view shows');
    assert.equal(seen(requests, TOOLS_WASM), 1, requests.join('\n'));
    assert.equal(seen(requests, FIRST_WASM), 0, 'the first-load module is not fetched');
    assert.equal(seen(requests, FIRST_JS), 0);
    assert.deepEqual(consoleErrors, []);
  }, { locale: 'en-US' });
});

test('when the tools module cannot be fetched, the note says so in the user\'s language and "try again" opens it', { timeout: TEST_TIMEOUT }, async () => {
  await session('modules-fetch-failed', async ({ page }) => {
    await page.route(TOOLS_JS, (route) => route.abort());
    await page.goto(suite.server.url);
    await waitForApp(page);
    await page.locator(byTestId('nav-ltc')).click();
    const failed = page.locator(byTestId('open-tools-failed'));
    await failed.waitFor();
    assert.match(await failed.innerText(), /无法打开线索到回款|无法打开/);
    await screenshot(page, 'modules-failed-zh');
    // The first module still works meanwhile.
    await page.locator(byTestId('nav-tiering')).click();
    await page.locator(byTestId('distribution-table')).waitFor();
    await page.unroute(TOOLS_JS);
    await page.locator(byTestId('nav-ltc')).click();
    await failed.waitFor().catch(() => {});
    if (await failed.count()) await failed.getByRole('button').click();
    await page.locator(byTestId('open-tools')).waitFor({ state: 'detached' });
    await page.locator(`${byTestId('nav-ltc')}[aria-current=page]`).waitFor();
    assert.equal(await apps(page), 1);
  });
});

test('a change storage cannot hold keeps the first module: it says why, and opens the tool once saved', { timeout: TEST_TIMEOUT }, async () => {
  await session('modules-unsaved', async ({ page }) => {
    await page.goto(`${suite.server.url}#/tiering`);
    await waitForApp(page);
    await page.evaluate(() => {
      window.__realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await renameWorkspace(page, '未保存的名字');
    await expectWorkspaceName(page, '未保存的名字');
    await page.locator(byTestId('nav-team')).click();
    const unsaved = page.locator(byTestId('open-tools-unsaved'));
    await unsaved.waitFor();
    assert.match(await unsaved.innerText(), /最近的修改尚未保存/);
    assert.equal(await page.locator(byTestId('team-view')).count(), 0);
    await screenshot(page, 'modules-unsaved-zh');

    await page.evaluate(() => {
      Storage.prototype.setItem = window.__realSetItem;
    });
    await unsaved.getByRole('button').click();
    await page.locator(byTestId('team-view')).waitFor();
    assert.equal(await apps(page), 1);
    await expectWorkspaceName(page, '未保存的名字');
  });
});
