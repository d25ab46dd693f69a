// End-to-end tests of storage faults: a full quota in the three shapes browsers
// throw it, damaged and newer stored data seeded before the app loads, two tabs
// editing the same workspace, and the export record.
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
  byTestId as sel,
  KEYS,
  readStorage,
  storedJson,
  activeWorkspaceId,
  seedStorage,
  renameWorkspace,
  expectWorkspaceName,
} from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();

/** Fresh context; `fn(session)`; a `failed-<slug>` screenshot on failure; no uncaught errors. */
async function withSession(slug, fn, { locale = 'zh-CN' } = {}) {
  const session = await newPage(suite.browser, { locale });
  try {
    await fn(session);
    assert.deepEqual(session.pageErrors, [], listing('page errors', session.pageErrors));
    const panics = session.consoleErrors.filter((e) => /panicked|unreachable/i.test(e));
    assert.deepEqual(panics, [], listing('panics', panics));
  } catch (err) {
    await screenshot(session.page, `failed-${slug}`).catch(() => {});
    throw err;
  } finally {
    await session.close();
  }
}

async function openApp(page) {
  await page.goto(suite.server.url);
  await waitForApp(page);
}

/** The name inside the stored document of workspace `id` (null when absent or unreadable). */
async function storedName(page, id) {
  const text = (await readStorage(page))[KEYS.workspace(id)];
  try {
    return JSON.parse(storedJson(text)).workspace.meta.name;
  } catch {
    return null;
  }
}

/** Waits until the stored document of `id` carries `name`. */
async function expectStoredName(page, id, name, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await storedName(page, id);
    if (last === name) return;
    await page.waitForTimeout(100);
  }
  assert.equal(last, name, `stored name of ${id}`);
}

/** The index as stored. */
async function storedIndex(page) {
  return JSON.parse((await readStorage(page))[KEYS.index]);
}

/** How a full quota looks in each engine (see src/persist/storage.rs `classify`). */
const QUOTA_SHAPES = {
  // Chromium: a DOMException named QuotaExceededError, code 22.
  chromium: 'QuotaExceededError',
  // Firefox: NS_ERROR_DOM_QUOTA_REACHED, code 1014.
  firefox: 'NS_ERROR_DOM_QUOTA_REACHED',
  // Old WebKit: QUOTA_EXCEEDED_ERR, code 22 (a DOMException whose name the spec no longer knows).
  webkit: 'QUOTA_EXCEEDED_ERR',
};

/** Replaces Storage.prototype.setItem by one that throws the quota error of `shape`. */
async function breakSetItem(page, shape) {
  return page.evaluate((shape) => {
    window.__realSetItem ??= Storage.prototype.setItem;
    window.__failedWrites = 0;
    const make = () => {
      if (shape === 'chromium') return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (shape === 'firefox') {
        const e = new Error('Persistent storage maximum size reached');
        e.name = 'NS_ERROR_DOM_QUOTA_REACHED';
        e.code = 1014;
        return e;
      }
      return { name: 'QUOTA_EXCEEDED_ERR', code: 22, message: 'QUOTA_EXCEEDED_ERR: DOM Exception 22' };
    };
    Storage.prototype.setItem = function () {
      window.__failedWrites++;
      throw make();
    };
    const sample = make();
    return { name: sample.name, code: sample.code };
  }, shape);
}

async function restoreSetItem(page) {
  await page.evaluate(() => {
    Storage.prototype.setItem = window.__realSetItem;
  });
}

for (const [shape, name] of Object.entries(QUOTA_SHAPES)) {
  test(`a. quota exceeded (${shape}: ${name}) keeps the last good copy and the work`, { timeout: TEST_TIMEOUT }, async () => {
    await withSession(`quota-${shape}`, async ({ page }) => {
      await openApp(page);
      const id = await activeWorkspaceId(page);
      assert.ok(id, 'the demo was saved at start');
      const before = await readStorage(page);
      const goodCopy = before[KEYS.workspace(id)];
      assert.ok(goodCopy, 'a stored copy exists');

      const thrown = await breakSetItem(page, shape);
      assert.equal(thrown.name, name);
      assert.equal(thrown.code, shape === 'firefox' ? 1014 : 22, 'the simulated error has the engine\'s code');

      await renameWorkspace(page, `配额测试-${shape}`);
      const banner = page.locator(sel('quota-banner'));
      await banner.waitFor({ state: 'visible' });
      await expectWorkspaceName(page, `配额测试-${shape}`);
      assert.equal((await page.locator(sel('save-status')).innerText()).trim(), '未能保存');
      assert.ok(await page.evaluate(() => window.__failedWrites) > 0, 'a write was attempted');
      // Lasting: no dismiss button, still there a while later and after another failing edit.
      assert.equal(await banner.locator(sel('banner-dismiss')).count(), 0);
      assert.ok(await banner.locator(sel('banner-export')).isVisible(), 'the banner offers the export');
      assert.match(await banner.locator(sel('quota-sizes')).innerText(), /\d+(\.\d)? (KB|MB)/);
      await renameWorkspace(page, `配额测试二-${shape}`);
      await page.waitForTimeout(900);
      assert.ok(await banner.isVisible(), 'banner stays while saves keep failing');
      await expectWorkspaceName(page, `配额测试二-${shape}`);

      const during = await readStorage(page);
      assert.equal(during[KEYS.workspace(id)], goodCopy, 'the last good copy is byte-for-byte intact');
      assert.deepEqual(during, before, 'nothing in storage changed');
      if (shape === 'chromium') {
        await screenshot(page, 'quota-banner-zh');
        // Opening another workspace now would drop the unsaved work: refused, with a word why.
        await page.locator(sel('ws-menu')).click();
        await page.locator(sel('ws-new-demo')).click();
        await page.locator(sel('kept-open-banner')).waitFor({ state: 'visible' });
        await expectWorkspaceName(page, `配额测试二-${shape}`);
        assert.deepEqual(await readStorage(page), before);
      }

      // The export works while storage is full.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        banner.locator(sel('banner-export')).click(),
      ]);
      const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
      assert.equal(exported.workspace.meta.name, `配额测试二-${shape}`);

      // Storage works again: the next change is saved and the banner goes by itself.
      await restoreSetItem(page);
      await renameWorkspace(page, `配额恢复-${shape}`);
      await banner.waitFor({ state: 'hidden' });
      await expectStoredName(page, id, `配额恢复-${shape}`);
      const after = await readStorage(page);
      assert.deepEqual(Object.keys(after).filter((k) => k.endsWith('.tmp')), [], 'no temporary copy left');
      assert.equal((await page.locator(sel('save-status')).innerText()).trim(), '已自动保存');
    });
  });
}

test('a2. deleting a preserved copy from the quota banner frees room and saves', { timeout: TEST_TIMEOUT }, async () => {
  await withSession('quota-preserved', async ({ page }) => {
    const base = seedDoc({ id: 'ws-q', name: '配额工作区' });
    // The wrong-typed value is large, so its preserved copy takes real room.
    const raw = JSON.stringify(withFiscalYear(base, '二〇二六'.repeat(5000)), null, 2);
    await seedStorage(page, suite.server.url, {
      [KEYS.workspace('ws-q')]: raw,
      [KEYS.index]: indexFor('ws-q', '配额工作区'),
    });
    await openApp(page);
    await page.locator(sel('repaired-banner')).waitFor({ state: 'visible' });
    const corruptKey = Object.keys(await readStorage(page)).find((k) => k.includes('.corrupt.'));
    assert.ok(corruptKey);
    // The recovered document is saved over the damaged one (whose text is preserved).
    await page.waitForFunction(
      ([k, raw]) => localStorage.getItem(k) !== raw,
      [KEYS.workspace('ws-q'), raw],
    );
    // A quota that only holds what is stored now: the next save does not fit.
    await page.evaluate(() => {
      window.__realSetItem ??= Storage.prototype.setItem;
      const real = window.__realSetItem;
      const used = () => {
        let n = 0;
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          n += k.length + localStorage.getItem(k).length;
        }
        return n;
      };
      const limit = used() + 200;
      Storage.prototype.setItem = function (k, v) {
        const old = this.getItem(k);
        const after = used() - (old === null ? 0 : k.length + old.length) + k.length + v.length;
        if (after > limit) throw new DOMException('full', 'QuotaExceededError');
        return real.call(this, k, v);
      };
    });
    await renameWorkspace(page, '配额工作区（改）');
    const banner = page.locator(sel('quota-banner'));
    await banner.waitFor({ state: 'visible' });
    await expectStoredName(page, 'ws-q', '配额工作区');
    const del = banner.locator(sel('delete-preserved'));
    assert.equal(await del.count(), 1, 'the preserved copy is listed');
    await del.click();
    assert.equal(await del.innerText(), '确认删除', 'deleting asks once more');
    await screenshot(page, 'quota-preserved-zh');
    assert.ok((await readStorage(page))[corruptKey], 'not deleted before confirming');
    await del.click();
    await banner.waitFor({ state: 'hidden' });
    await expectStoredName(page, 'ws-q', '配额工作区（改）');
    assert.equal((await readStorage(page))[corruptKey], undefined);
  });
});

/** A stored envelope, as plain data. */
function seedDoc({ id, name, schemaVersion = 1 }) {
  return {
    format: 'kam-planner',
    schema_version: schemaVersion,
    app_version: '0.1.0',
    exported_at: 1763800000000,
    workspace: {
      meta: { id, name, currency: 'CNY', fiscal_year: 2026, today: '2026-03-01', created_at: 1, updated_at: 2, is_demo: false },
      customers: [
        { id: 'c-1', name: '华东电网', industry: '电力', region: '华东', annual_purchase: 12000000, revenue: 9000000 },
        { id: 'c-2', name: '西南银行', industry: '金融', region: '西南', annual_purchase: 3000000, revenue: 2000000 },
      ],
    },
  };
}

function withFiscalYear(doc, value) {
  const copy = structuredClone(doc);
  copy.workspace.meta.fiscal_year = value;
  return copy;
}

function indexFor(id, name) {
  return JSON.stringify({ active: id, workspaces: [{ id, name, updated_at: 2 }] });
}

const CORRUPT_CASES = {
  'wrong type': () => JSON.stringify(withFiscalYear(seedDoc({ id: 'ws-seed', name: '种子工作区' }), '二〇二六'), null, 2),
  'unknown field': () => {
    const doc = seedDoc({ id: 'ws-seed', name: '种子工作区' });
    doc.workspace.meta.from_the_future = { colour: 'teal' };
    doc.workspace.gadgets = [1, 2, 3];
    return JSON.stringify(doc, null, 1);
  },
  truncated: () => {
    const text = JSON.stringify(seedDoc({ id: 'ws-seed', name: '种子工作区' }), null, 2);
    return text.slice(0, Math.floor(text.length * 0.6));
  },
  'missing version': () => {
    const doc = seedDoc({ id: 'ws-seed', name: '种子工作区' });
    delete doc.schema_version;
    return JSON.stringify(doc, null, 2);
  },
};

for (const [label, makeRaw] of Object.entries(CORRUPT_CASES)) {
  test(`b. corrupt storage (${label}) is preserved, downloadable, and what can be read is opened`, { timeout: TEST_TIMEOUT }, async () => {
    await withSession(`corrupt-${label.replace(' ', '-')}`, async ({ page }) => {
      const raw = makeRaw();
      await seedStorage(page, suite.server.url, {
        [KEYS.workspace('ws-seed')]: raw,
        [KEYS.index]: indexFor('ws-seed', '种子工作区'),
      });
      await openApp(page);
      const told = page.locator(`${sel('repaired-banner')}, ${sel('open-failed-banner')}`);
      const wsName = (await page.locator(sel('ws-name')).innerText()).trim();

      if (label === 'wrong type' || label === 'unknown field') {
        // Readable apart from the fault: the workspace itself is open.
        assert.equal(wsName, '种子工作区');
        const stat = page.locator(sel('stat-customers'));
        if (await stat.count()) assert.equal((await stat.innerText()).trim(), '2');
      } else {
        // Recovered (whatever the load path could salvage) or, failing that, the demo.
        assert.ok(['种子工作区', '示例集团'].includes(wsName), `opened ${wsName}`);
      }

      if (label === 'unknown field' && (await told.count()) === 0) {
        // The load path read it without reporting anything: nothing was lost but the
        // unknown fields, and the document itself opened.
        return;
      }
      await told.first().waitFor({ state: 'visible' });
      const storage = await readStorage(page);
      const corruptKeys = Object.keys(storage).filter((k) => k.startsWith(`${KEYS.workspace('ws-seed')}.corrupt.`));
      assert.equal(corruptKeys.length, 1, listing('corrupt keys', corruptKeys));
      assert.equal(storage[corruptKeys[0]], raw, 'the raw text is preserved exactly');
      if (label === 'wrong type') await screenshot(page, 'corrupt-banner-zh');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        told.first().locator(sel('download-raw')).click(),
      ]);
      assert.equal(await fs.readFile(await download.path(), 'utf8'), raw, 'the download is the raw text');
      assert.match(download.suggestedFilename(), /corrupt/);

      // A reload does not pile up copies of the same text.
      await page.waitForTimeout(800);
      await page.reload();
      await waitForApp(page);
      const again = Object.keys(await readStorage(page)).filter((k) => k.includes('.corrupt.'));
      assert.deepEqual(again, corruptKeys);
    });
  });
}

test('c. a workspace stored by a newer version is left untouched', { timeout: TEST_TIMEOUT }, async () => {
  await withSession('newer-version', async ({ page }) => {
    const raw = JSON.stringify(seedDoc({ id: 'ws-future', name: '未来版本', schemaVersion: 99 }));
    await seedStorage(page, suite.server.url, {
      [KEYS.workspace('ws-future')]: raw,
      [KEYS.index]: indexFor('ws-future', '未来版本'),
    });
    await openApp(page);
    const banner = page.locator(sel('open-failed-banner'));
    await banner.waitFor({ state: 'visible' });
    const text = await banner.innerText();
    assert.match(text, /更新版本/);
    assert.match(text, /保持原样/);
    await expectWorkspaceName(page, '示例集团');
    const demoId = await activeWorkspaceId(page);
    await renameWorkspace(page, '新版本旁边');
    await expectStoredName(page, demoId, '新版本旁边');
    const storage = await readStorage(page);
    assert.equal(storage[KEYS.workspace('ws-future')], raw, 'the newer copy is unchanged');
    assert.equal(Object.keys(storage).filter((k) => k.includes('.corrupt.')).length, 0, 'not treated as corrupt');
    // Trying to open it again from the switcher tells the user again and changes nothing.
    await banner.locator(sel('banner-dismiss')).click();
    await page.locator(sel('ws-menu')).click();
    await page.locator(sel('ws-item'), { hasText: '未来版本' }).click();
    await banner.waitFor({ state: 'visible' });
    await expectWorkspaceName(page, '新版本旁边');
    assert.equal((await readStorage(page))[KEYS.workspace('ws-future')], raw);
  });
});

test('c2. saving never overwrites a copy a newer version wrote meanwhile', { timeout: TEST_TIMEOUT }, async () => {
  await withSession('newer-stored', async ({ page }) => {
    await openApp(page);
    const id = await activeWorkspaceId(page);
    // A newer version of the app (in this browser) rewrites the open workspace.
    const raw = JSON.stringify(seedDoc({ id, name: '新版本写入', schemaVersion: 99 }));
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEYS.workspace(id), raw]);
    await renameWorkspace(page, '旧版本的修改');
    const banner = page.locator(sel('newer-stored-banner'));
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.innerText(), /不会覆盖/);
    await expectWorkspaceName(page, '旧版本的修改');
    await page.waitForTimeout(600);
    assert.equal((await readStorage(page))[KEYS.workspace(id)], raw);
    assert.equal(await banner.locator(sel('banner-dismiss')).count(), 0, 'lasting');
    // The way out: keep the changes as a new workspace; the newer copy stays as it is.
    await banner.locator(sel('save-as-copy')).click();
    await banner.waitFor({ state: 'hidden' });
    await expectWorkspaceName(page, '旧版本的修改（副本）');
    const copyId = await activeWorkspaceId(page);
    assert.notEqual(copyId, id);
    assert.equal(await storedName(page, copyId), '旧版本的修改（副本）');
    assert.equal((await readStorage(page))[KEYS.workspace(id)], raw);
  });
});

/**
 * Makes the page's autosave wait (its 400 ms debounce timer is stretched to an hour), so an
 * edit there stays unsaved until something flushes it.
 */
async function holdAutosave(page) {
  await page.evaluate(() => {
    if (window.__realSetTimeout) return;
    window.__realSetTimeout = window.setTimeout;
    window.setTimeout = (f, ms, ...args) => window.__realSetTimeout(f, ms === 400 ? 3_600_000 : ms, ...args);
  });
}

/** B has an unsaved rename to `mine` when A saves a rename to `theirs`: B shows the conflict. */
async function makeConflict(a, b, mine, theirs) {
  await renameWorkspace(b, mine);
  await expectWorkspaceName(b, mine);
  assert.equal((await b.locator(sel('save-status')).innerText()).trim(), '正在保存…');
  const id = await activeWorkspaceId(a);
  await renameWorkspace(a, theirs);
  await expectStoredName(a, id, theirs);
  await b.locator(sel('conflict-banner')).waitFor({ state: 'visible' });
  assert.equal((await b.locator(sel('save-status')).innerText()).trim(), '已暂停保存');
  // Neither is overwritten: B keeps its version on screen, storage keeps A's.
  await expectWorkspaceName(b, mine);
  await b.waitForTimeout(300);
  assert.equal(await storedName(a, id), theirs);
  return id;
}

async function workspaceNames(page) {
  return (await storedIndex(page)).workspaces.map((e) => e.name);
}

test('d. two tabs: changes travel both ways, and unsaved edits meet a conflict banner', { timeout: TEST_TIMEOUT * 2 }, async () => {
  await withSession('two-tabs', async (session) => {
    const a = session.page;
    await openApp(a);
    const b = await session.context.newPage();
    b.on('pageerror', (err) => session.pageErrors.push(`B: ${err.stack || err}`));
    await b.goto(suite.server.url);
    await waitForApp(b);
    const id = await activeWorkspaceId(a);
    await expectWorkspaceName(b, '示例集团');

    // A → B, without a reload.
    await renameWorkspace(a, '甲标签页改名');
    await expectWorkspaceName(b, '甲标签页改名');
    await b.locator(sel('updated-elsewhere-banner')).waitFor({ state: 'visible' });
    // B → A.
    await renameWorkspace(b, '乙标签页改名');
    await expectWorkspaceName(a, '乙标签页改名');
    await a.locator(sel('updated-elsewhere-banner')).waitFor({ state: 'visible' });
    await b.waitForTimeout(600);

    // Keep mine as a copy: B's version becomes a new workspace, B then shows A's.
    await holdAutosave(b);
    await makeConflict(a, b, '乙的未保存版本', '甲的新版本');
    await screenshot(b, 'conflict-banner-zh');
    await b.locator(sel('conflict-keep-copy')).click();
    await b.locator(sel('conflict-banner')).waitFor({ state: 'hidden' });
    await expectWorkspaceName(b, '甲的新版本');
    const names = await workspaceNames(a);
    assert.deepEqual(names.sort(), ['乙的未保存版本（本标签页的版本）', '甲的新版本'].sort());
    assert.equal(await storedName(a, id), '甲的新版本');
    // A's switcher lists the copy B made.
    await a.locator(sel('ws-menu')).click();
    await a.locator(sel('ws-item'), { hasText: '乙的未保存版本（本标签页的版本）' }).waitFor({ state: 'visible' });
    await a.keyboard.press('Escape');

    // Take theirs: B's unsaved rename is dropped.
    await makeConflict(a, b, '乙要放弃的版本', '甲的第三版');
    await b.locator(sel('conflict-take-theirs')).click();
    await b.locator(sel('conflict-banner')).waitFor({ state: 'hidden' });
    await expectWorkspaceName(b, '甲的第三版');
    assert.equal((await b.locator(sel('save-status')).innerText()).trim(), '已自动保存');
    await b.waitForTimeout(300);
    assert.equal(await storedName(b, id), '甲的第三版');
    assert.equal((await workspaceNames(b)).length, 2, 'no workspace added');

    // Keep mine: both renamed the workspace, so the settings are listed as changed by both,
    // this tab's side chosen by default; merging saves it over A's, and A (nothing unsaved)
    // follows.
    await makeConflict(a, b, '乙坚持的版本', '甲的第四版');
    await b.locator(sel('conflict-keep-mine')).click();
    const row = b.locator('[data-testid=tab-conflict][data-kind=settings]');
    await row.waitFor({ state: 'visible' });
    assert.equal(await row.getByTestId('take-mine').isChecked(), true);
    await b.locator(sel('conflict-apply-merge')).click();
    await b.locator(sel('conflict-banner')).waitFor({ state: 'hidden' });
    await expectStoredName(b, id, '乙坚持的版本');
    await expectWorkspaceName(a, '乙坚持的版本');
    await expectWorkspaceName(b, '乙坚持的版本');
    assert.equal((await workspaceNames(a)).length, 2);
    await b.close();
  });
});

test('d2. keep mine merges: the other tab\'s fiscal year and this tab\'s customer both stay; a record both changed is offered', { timeout: TEST_TIMEOUT * 2 }, async () => {
  await withSession('two-tabs-merge', async (session) => {
    const a = session.page;
    await openApp(a);
    const b = await session.context.newPage();
    b.on('pageerror', (err) => session.pageErrors.push(`B: ${err.stack || err}`));
    await b.goto(suite.server.url);
    await waitForApp(b);
    const id = await activeWorkspaceId(a);
    assert.equal((await b.locator(sel('stat-customers')).innerText()).trim(), '250');

    // B adds a customer, held unsaved; A changes the fiscal year and saves.
    await holdAutosave(b);
    await b.locator(sel('nav-customers')).click();
    await b.locator(sel('customers-add')).click();
    await b.locator(sel('form-name')).fill('乙标签页新增客户');
    await b.locator(sel('form-annual-purchase')).fill('120万');
    await b.locator(sel('form-save')).click();
    await b.locator(sel('customer-form')).waitFor({ state: 'detached' });
    assert.equal((await b.locator(sel('save-status')).innerText()).trim(), '正在保存…');
    await a.locator(sel('setting-fiscal-year')).fill('2031');
    await a.locator(sel('setting-apply')).click();
    await a.locator(sel('stat-fiscal-year')).filter({ hasText: '2031' }).waitFor();
    await b.locator(sel('conflict-banner')).waitFor({ state: 'visible' });

    // Keep mine: nothing was changed by both, so the merge is saved at once.
    await b.locator(sel('conflict-keep-mine')).click();
    await b.locator(sel('conflict-banner')).waitFor({ state: 'hidden' });
    const merged = b.locator(sel('merged-banner'));
    await merged.waitFor({ state: 'visible' });
    assert.match(await merged.innerText(), /另一个标签页的 1 处修改/);
    assert.equal((await b.locator(sel('save-status')).innerText()).trim(), '已自动保存');
    const stored = JSON.parse(storedJson((await readStorage(b))[KEYS.workspace(id)])).workspace;
    assert.equal(stored.meta.fiscal_year, 2031, 'the other tab\'s fiscal year is kept');
    assert.equal(stored.customers.length, 251);
    assert.ok(stored.customers.some((c) => c.name === '乙标签页新增客户'), 'this tab\'s customer is kept');
    await b.locator(sel('nav-overview')).click();
    await b.locator(sel('stat-fiscal-year')).filter({ hasText: '2031' }).waitFor();
    assert.equal((await b.locator(sel('stat-customers')).innerText()).trim(), '251');
    // A had nothing unsaved: it follows.
    await a.locator(sel('stat-customers')).filter({ hasText: '251' }).waitFor();
    assert.equal((await a.locator(sel('stat-fiscal-year')).innerText()).trim(), '2031');

    // Both change the same record (the workspace's settings): it is listed, with what differs,
    // and the user picks a side.
    await makeConflict(a, b, '乙的名称', '甲的名称');
    await b.locator(sel('conflict-keep-mine')).click();
    const review = b.locator(sel('conflict-review'));
    await review.waitFor({ state: 'visible' });
    const rows = review.locator(sel('tab-conflict'));
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute('data-kind'), 'settings');
    assert.match(await rows.first().locator(sel('conflict-fields')).innerText(), /名称/);
    assert.match(await review.innerText(), /以下 1 项在两个标签页中都被修改过/);
    assert.equal(await b.locator(sel('conflict-keep-mine')).count(), 0, 'the merge button replaces it');
    await screenshot(b, 'conflict-review-zh');
    await rows.first().getByTestId('take-theirs').check();
    await b.locator(sel('conflict-apply-merge')).click();
    await b.locator(sel('conflict-banner')).waitFor({ state: 'hidden' });
    await expectWorkspaceName(b, '甲的名称');
    await expectStoredName(b, id, '甲的名称');
    const after = JSON.parse(storedJson((await readStorage(b))[KEYS.workspace(id)])).workspace;
    assert.equal(after.meta.fiscal_year, 2031);
    assert.equal(after.customers.length, 251);
    await b.close();
  });
});

/**
 * Closes `page` as a user closing the tab would (running `beforeunload`) and returns the types
 * of the dialogs it raised, each accepted.
 */
async function closeAndCollectDialogs(page) {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.type());
    await d.accept().catch(() => {});
  });
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  return dialogs;
}

test('h. closing the page asks first while a change cannot be saved, not when everything is saved', { timeout: TEST_TIMEOUT * 2 }, async () => {
  await withSession('close-guard', async (session) => {
    const { context } = session;
    // Saved: no question.
    const saved = session.page;
    await openApp(saved);
    await renameWorkspace(saved, '已保存的名字');
    await saved.locator(sel('save-status')).filter({ hasText: '已自动保存' }).waitFor();
    assert.deepEqual(await closeAndCollectDialogs(saved), [], 'no prompt when saved');

    // A pending save is written by the close itself: no question, and the change is stored.
    const pending = await context.newPage();
    await openApp(pending);
    const id = await activeWorkspaceId(pending);
    await holdAutosave(pending);
    await renameWorkspace(pending, '关闭时保存');
    assert.equal((await pending.locator(sel('save-status')).innerText()).trim(), '正在保存…');
    assert.deepEqual(await closeAndCollectDialogs(pending), [], 'the pending save was flushed');
    const probe = await context.newPage();
    await openApp(probe);
    assert.equal(await storedName(probe, id), '关闭时保存');

    // Storage full: the change exists only here, so closing asks.
    await breakSetItem(probe, 'chromium');
    await renameWorkspace(probe, '存不下的修改');
    await probe.locator(sel('quota-banner')).waitFor({ state: 'visible' });
    assert.equal((await probe.locator(sel('save-status')).innerText()).trim(), '未能保存');
    assert.deepEqual(await closeAndCollectDialogs(probe), ['beforeunload']);
  });
});

test('i. an internal error shows the recovery banner above any dialog, with a working export', { timeout: TEST_TIMEOUT * 2 }, async () => {
  const session = await newPage(suite.browser, { locale: 'zh-CN' });
  const { page } = session;
  try {
    await page.goto(`${suite.server.url}?e2e-panic`);
    await waitForApp(page);
    await renameWorkspace(page, '崩溃前的工作区');
    await page.locator(sel('save-status')).filter({ hasText: '已自动保存' }).waitFor();
    // A dialog is open when the app fails.
    await page.locator(sel('ws-menu')).click();
    await page.locator(sel('ws-rename')).click();
    await page.locator(sel('dialog-input')).waitFor({ state: 'visible' });
    await page.evaluate(() => window.dispatchEvent(new Event('kam-e2e-panic')));
    const banner = page.locator(sel('recovery-banner'));
    await banner.waitFor({ state: 'visible' });
    assert.equal(
      (await banner.locator('.recovery-text').innerText()).trim(),
      '出错了：应用遇到内部错误，已停止运行。请先导出当前工作区，再刷新页面。',
    );
    assert.ok(session.consoleErrors.some((e) => /panic requested/.test(e)), listing('console', session.consoleErrors));
    // On top: the banner's own elements are what the page shows where it is, over the dialog.
    assert.ok(await page.locator(sel('dialog-input')).isVisible(), 'the dialog is still open');
    const onTop = await page.evaluate(() => {
      const el = document.querySelector('[data-testid=recovery-export]');
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    assert.ok(onTop, 'the export link is not covered by the dialog');
    await screenshot(page, 'recovery-banner-zh');

    // The export works without the (dead) app.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.locator(sel('recovery-export')).click(),
    ]);
    assert.match(download.suggestedFilename(), /^崩溃前的工作区-\d{4}-\d{2}-\d{2}\.kam\.json$/);
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kam-rec-')), download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(doc.format, 'kam-planner');
    assert.equal(doc.workspace.meta.name, '崩溃前的工作区');
    assert.equal(doc.workspace.customers.length, 250);
    const reload = banner.locator(sel('recovery-reload'));
    assert.equal(await reload.getAttribute('href'), `${suite.server.url}?e2e-panic`);

    // The file imports into a fresh app as a new workspace.
    const other = await newPage(suite.browser, { locale: 'zh-CN' });
    try {
      await other.page.goto(suite.server.url);
      await waitForApp(other.page);
      await other.page.locator(sel('ws-menu')).click();
      await other.page.locator(sel('ws-import')).click();
      const [chooser] = await Promise.all([
        other.page.waitForEvent('filechooser'),
        other.page.locator(sel('ws-import-file')).click(),
      ]);
      await chooser.setFiles(file);
      await other.page.locator(sel('ws-import-summary')).waitFor();
      await other.page.locator(sel('ws-import-mode-new')).check();
      await other.page.locator(sel('ws-import-confirm')).click();
      await expectWorkspaceName(other.page, '崩溃前的工作区');
      assert.deepEqual(other.pageErrors, []);
    } finally {
      await other.close();
    }

    // The reload link brings the app back with the saved work.
    await reload.click();
    await waitForApp(page);
    await expectWorkspaceName(page, '崩溃前的工作区');
    assert.equal(await page.locator(sel('recovery-banner')).count(), 0);
  } catch (err) {
    await screenshot(page, 'failed-recovery').catch(() => {});
    throw err;
  } finally {
    await session.close();
  }
});

test('e. a workspace deleted in another tab stays open and is saved again by the next change', { timeout: TEST_TIMEOUT }, async () => {
  await withSession('deleted-elsewhere', async (session) => {
    const a = session.page;
    await openApp(a);
    const id = await activeWorkspaceId(a);
    // A second workspace, so that deleting the demo in B leaves something to open there.
    const b = await session.context.newPage();
    b.on('pageerror', (err) => session.pageErrors.push(`B: ${err.stack || err}`));
    await b.goto(suite.server.url);
    await waitForApp(b);
    await b.locator(sel('ws-menu')).click();
    await b.locator(sel('ws-delete')).click();
    await b.locator(sel('dialog-confirm')).click();
    await a.locator(sel('removed-elsewhere-banner')).waitFor({ state: 'visible' });
    await expectWorkspaceName(a, '示例集团');
    assert.equal((await readStorage(a))[KEYS.workspace(id)], undefined);
    await renameWorkspace(a, '删不掉的工作区');
    await expectStoredName(a, id, '删不掉的工作区');
    assert.ok((await workspaceNames(a)).includes('删不掉的工作区'));
    await b.close();
  });
});

test('f. the export record: never exported, a nudge after many changes, snooze, export', { timeout: TEST_TIMEOUT }, async () => {
  await withSession('export-record', async ({ page }) => {
    const doc = seedDoc({ id: 'ws-x', name: '导出记录' });
    await seedStorage(page, suite.server.url, {
      [KEYS.workspace('ws-x')]: JSON.stringify(doc),
      [KEYS.index]: JSON.stringify({
        active: 'ws-x',
        workspaces: [{ id: 'ws-x', name: '导出记录', updated_at: 2, changes_since_export: 25 }],
      }),
    });
    await openApp(page);
    assert.equal((await page.locator(sel('export-status')).innerText()).trim(), '尚未导出');
    const nudge = page.locator(sel('export-nudge'));
    await nudge.waitFor({ state: 'visible' });
    assert.match(await nudge.innerText(), /25 次修改/);
    await nudge.locator(sel('export-nudge-snooze')).click();
    await nudge.waitFor({ state: 'hidden' });
    assert.equal((await storedIndex(page)).workspaces[0].nudge_at, 45);

    await page.locator(sel('ws-menu')).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(sel('ws-export')).click()]);
    assert.match(download.suggestedFilename(), /导出记录-\d{4}-\d{2}-\d{2}\.kam\.json/);
    await page.waitForFunction(
      (s) => /^上次导出：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(document.querySelector(s)?.textContent.trim() ?? ''),
      sel('export-status'),
    );
    const entry = (await storedIndex(page)).workspaces[0];
    assert.equal(entry.changes_since_export, 0);
    assert.ok(entry.exported_at > 1763800000000);

    // The browser was asked to keep the data; the answer is shown in the status's tooltip.
    await page.waitForFunction((s) => document.querySelector(s)?.dataset.persisted !== undefined, sel('save-status'));
    const title = await page.locator(sel('save-status')).getAttribute('title');
    assert.match(title, /浏览器/);
  });
});

test('g. storage blocked (sandboxed iframe): edits work in memory, nothing panics', { timeout: TEST_TIMEOUT }, async () => {
  // As in shell.test.mjs h.: an opaque origin, where touching localStorage throws; the app's
  // module and wasm fetches are CORS requests, hence a CORS-enabled server for it.
  const appServer = await startServer(DIST, { cors: true });
  const wrapperDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-e2e-blocked-'));
  await fs.writeFile(
    path.join(wrapperDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>blocked</title></head>
<body style="margin:0"><iframe sandbox="allow-scripts" src="${appServer.url}index.html" style="width:1200px;height:800px;border:0"></iframe></body></html>\n`,
  );
  const wrapperServer = await startServer(wrapperDir);
  try {
    await withSession('storage-blocked-edits', async ({ page }) => {
      await page.goto(wrapperServer.url);
      const frame = page.frameLocator('iframe');
      await waitForApp(frame);
      await frame.locator(sel('storage-banner')).waitFor({ state: 'visible' });
      assert.equal((await frame.locator(sel('save-status')).innerText()).trim(), '仅在内存中');
      // Changes without a form (a sandbox without allow-forms blocks form submission): a
      // duplicate and a switch back, both kept in memory.
      await frame.locator(sel('ws-menu')).click();
      await frame.locator(sel('ws-duplicate')).click();
      await expectFrameText(frame, 'ws-name', '示例集团（副本）');
      await page.waitForTimeout(700);
      assert.equal((await frame.locator(sel('save-status')).innerText()).trim(), '仅在内存中');
      await frame.locator(sel('ws-menu')).click();
      assert.equal(await frame.locator(sel('ws-item')).count(), 2);
      await frame.locator(sel('ws-item'), { hasText: /^示例集团$/ }).click();
      await expectFrameText(frame, 'ws-name', '示例集团');
      assert.equal((await frame.locator(sel('save-status')).innerText()).trim(), '仅在内存中');
      // Storage events and navigator.storage.persist() are not used without storage.
      assert.equal(await frame.locator(sel('save-status')).getAttribute('data-persisted'), null);
      // Opening another tool hands the page to the tools module (src/ui/modules.rs) with the
      // memory store's entries: both workspaces, the open one and the language survive.
      await frame.locator(sel('ws-menu')).click();
      await frame.locator(sel('ws-item'), { hasText: /（副本）$/ }).click();
      await expectFrameText(frame, 'ws-name', '示例集团（副本）');
      await frame.locator(sel('nav-team')).click();
      await frame.locator(sel('team-view')).waitFor();
      await expectFrameText(frame, 'ws-name', '示例集团（副本）');
      assert.equal((await frame.locator(sel('save-status')).innerText()).trim(), '仅在内存中');
      await frame.locator(sel('ws-menu')).click();
      assert.equal(await frame.locator(sel('ws-item')).count(), 2);
    });
  } finally {
    await wrapperServer.close();
    await appServer.close();
    await fs.rm(wrapperDir, { recursive: true, force: true });
  }
});

/** Waits until [data-testid=id] inside a frame reads `want`. */
async function expectFrameText(frame, id, want) {
  const loc = frame.locator(sel(id));
  for (let i = 0; i < 100; i++) {
    if ((await loc.innerText()).trim() === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal((await loc.innerText()).trim(), want);
}
