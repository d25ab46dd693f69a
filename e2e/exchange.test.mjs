// End-to-end tests of workspace files: export through the real download, import through the real
// file chooser, the review of differences, and each of merge (with a conflict chosen by hand),
// replace and import as a new workspace; the error of each bad file; nothing changes before the
// choice is confirmed.
//
// Run: node --test --test-concurrency=1 e2e/   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { appSuite, withApp, screenshot } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();

async function exportWorkspace(page) {
  await page.getByTestId('ws-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('ws-export').click(),
  ]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kam-')), download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

async function chooseImport(page, file) {
  await page.getByTestId('ws-menu').click();
  await page.getByTestId('ws-import').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('ws-import-file').click(),
  ]);
  await chooser.setFiles(file);
}

async function rename(page, name) {
  await page.getByTestId('ws-menu').click();
  await page.getByTestId('ws-rename').click();
  await page.getByTestId('dialog-input').fill(name);
  await page.getByTestId('dialog-confirm').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid=ws-name]')?.textContent === n, name);
}

async function summaryRow(page, kind) {
  const row = page.getByTestId(`ws-import-row-${kind}`);
  const cell = async (id) => Number(await row.getByTestId(id).textContent());
  return { added: await cell('added'), changed: await cell('changed'), removed: await cell('removed'), unchanged: await cell('unchanged') };
}

/**
 * A colleague's copy of an exported file: a new person on an account, a person changed after
 * ours, a role card changed before ours (both copies start equal, so ours stays the default).
 */
async function colleagueCopy(file) {
  const envelope = JSON.parse(await fs.readFile(file, 'utf8'));
  const org = envelope.workspace.org;
  const later = envelope.exported_at + 60_000;
  org.people.push({ id: 'p-e2e', name: '新同事', role: 'SR', level: 'L2', capacity_fte: 1, source: '', notes: '', updated_at: later });
  org.assignments.push({ id: 'as-e2e', person: 'p-e2e', account: org.assignments[0].account, role: 'SR', fte: 0.5, updated_at: later });
  const person = org.people.find((p) => p.id === 'p-ar01');
  person.level = 'L5';
  person.updated_at = later;
  const card = envelope.workspace.duties.cards.find((c) => c.role === 'AR');
  card.mission.zh = '文件里的使命';
  card.updated_at = 1;
  const changed = path.join(path.dirname(file), 'colleague.kam.json');
  await fs.writeFile(changed, JSON.stringify(envelope));
  return changed;
}

test('export, change, import the file again: merge with a conflict chosen by hand, then undo', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'exchange-merge', locale: 'zh-CN', consoleClean: true }, async (page) => {
    const { file, name } = await exportWorkspace(page);
    assert.match(name, /^示例集团-\d{4}-\d{2}-\d{2}\.kam\.json$/);
    const envelope = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.equal(envelope.format, 'kam-planner');
    assert.equal(envelope.schema_version, 8);
    assert.equal(envelope.workspace.org.people.length, 32);
    assert.equal(envelope.workspace.customers.length, 250);
    assert.equal(typeof envelope.exported_at, 'number');

    await rename(page, '示例集团（已改名）');
    await chooseImport(page, file);
    await page.getByTestId('ws-import-summary').waitFor();
    // The file is this workspace's own copy: merge is offered first.
    assert.equal(await page.getByTestId('ws-import-mode-merge').isChecked(), true);
    assert.deepEqual(await summaryRow(page, 'settings'), { added: 0, changed: 1, removed: 0, unchanged: 0 });
    assert.deepEqual(await summaryRow(page, 'customer'), { added: 0, changed: 0, removed: 0, unchanged: 250 });
    assert.deepEqual(await summaryRow(page, 'tier'), { added: 0, changed: 0, removed: 0, unchanged: 5 });
    const conflicts = page.getByTestId('ws-import-conflict');
    assert.equal(await conflicts.count(), 1);
    assert.match(await conflicts.first().textContent(), /工作区设置.*名称/);
    // The rename is newer, so by default this workspace's name is kept.
    assert.equal(await conflicts.first().getByTestId('take-mine').isChecked(), true);
    assert.match(await page.getByTestId('ws-import-conflict-tally').textContent(), /采用文件中的 0 项，保留本工作区的 1 项/);
    await screenshot(page, 'exchange-review-zh');
    // Nothing has changed yet.
    assert.equal(await page.getByTestId('ws-name').textContent(), '示例集团（已改名）');

    await conflicts.first().getByTestId('take-theirs').check();
    assert.match(await page.getByTestId('ws-import-conflict-tally').textContent(), /采用文件中的 1 项/);
    await page.getByTestId('ws-import-confirm').click();
    await page.getByTestId('ws-import-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('ws-name').textContent(), '示例集团');
    // One undoable step.
    await page.getByTestId('undo').click();
    assert.equal(await page.getByTestId('ws-name').textContent(), '示例集团（已改名）');
  });
});

test('merge a file whose people and role cards differ: the new person is added, org conflicts are listed and chosen', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'exchange-org', locale: 'zh-CN', consoleClean: true }, async (page) => {
    const { file } = await exportWorkspace(page);
    const changed = await colleagueCopy(file);

    await chooseImport(page, changed);
    await page.getByTestId('ws-import-summary').waitFor();
    assert.equal(await page.getByTestId('ws-import-mode-merge').isChecked(), true);
    assert.deepEqual(await summaryRow(page, 'person'), { added: 1, changed: 1, removed: 0, unchanged: 31 });
    assert.equal((await summaryRow(page, 'assignment')).added, 1);
    assert.deepEqual(await summaryRow(page, 'role_card'), { added: 0, changed: 1, removed: 0, unchanged: 3 });
    assert.match(await page.getByTestId('ws-import-row-person').textContent(), /人员/);
    assert.match(await page.getByTestId('ws-import-row-assignment').textContent(), /配置/);
    const personRow = page.locator('[data-testid=ws-import-conflict][data-kind=person]');
    assert.match(await personRow.textContent(), /人员.*刘洋.*职级/);
    assert.equal(await personRow.getByTestId('take-theirs').isChecked(), true, 'the file changed the person last');
    const cardRow = page.locator('[data-testid=ws-import-conflict][data-kind=role_card]');
    assert.match(await cardRow.textContent(), /岗位职责卡.*客户责任人.*岗位使命/);
    assert.equal(await cardRow.getByTestId('take-mine').isChecked(), true, 'ours changed the card last');
    await cardRow.getByTestId('take-theirs').check();
    assert.match(await page.getByTestId('ws-import-conflict-tally').textContent(), /采用文件中的 2 项，保留本工作区的 0 项/);
    await screenshot(page, 'exchange-review-org-zh');
    await page.getByTestId('ws-import-confirm').click();
    await page.getByTestId('ws-import-dialog').waitFor({ state: 'detached' });

    // What was merged is in the workspace: export it again and look.
    const after = JSON.parse(await fs.readFile((await exportWorkspace(page)).file, 'utf8')).workspace;
    const added = after.org.people.find((p) => p.id === 'p-e2e');
    assert.equal(added?.name, '新同事');
    assert.ok(after.org.assignments.some((a) => a.id === 'as-e2e' && a.person === 'p-e2e'));
    assert.equal(after.org.people.find((p) => p.id === 'p-ar01').level, 'L5');
    assert.equal(after.duties.cards.find((c) => c.role === 'AR').mission.zh, '文件里的使命');
    assert.equal(after.org.people.length, 33);

    // The same kind of change reviewed in English.
    await withApp(suite, { slug: 'exchange-org-en', locale: 'en-US', consoleClean: true }, async (en) => {
      await chooseImport(en, await colleagueCopy((await exportWorkspace(en)).file));
      await en.getByTestId('ws-import-summary').waitFor();
      assert.match(await en.getByTestId('ws-import-row-person').textContent(), /^People/);
      assert.match(await en.getByTestId('ws-import-row-assignment').textContent(), /^Assignments/);
      await en.getByTestId('ws-import-mode-merge').check();
      const row = en.locator('[data-testid=ws-import-conflict][data-kind=role_card]');
      assert.match(await row.textContent(), /Role cards.*Account responsible.*mission/);
      await screenshot(en, 'exchange-review-org-en');
    });
  });
});

test('import as a new workspace and replace an empty one', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'exchange-new', locale: 'zh-CN', consoleClean: true }, async (page) => {
    const { file } = await exportWorkspace(page);

    // An empty workspace; importing the demo file into it by replacing.
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-new-empty').click();
    await page.getByTestId('dialog-input').fill('空白工作区');
    await page.getByTestId('dialog-confirm').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=ws-name]')?.textContent === '空白工作区');
    await chooseImport(page, file);
    await page.getByTestId('ws-import-summary').waitFor();
    // Another workspace's file: "as new" is offered first.
    assert.equal(await page.getByTestId('ws-import-mode-new').isChecked(), true);
    assert.deepEqual(await summaryRow(page, 'customer'), { added: 250, changed: 0, removed: 0, unchanged: 0 });
    assert.deepEqual(await summaryRow(page, 'industry_line'), { added: 8, changed: 0, removed: 0, unchanged: 0 });
    await page.getByTestId('ws-import-mode-replace').check();
    assert.match(await page.locator('.ws-import-mode.is-chosen').textContent(), /新增 \d+ 项，更新 \d+ 项，删除仅本工作区有的 0 项/);
    await page.getByTestId('ws-import-confirm').click();
    await page.getByTestId('ws-import-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('ws-name').textContent(), '示例集团');
    assert.equal(await page.getByTestId('stat-customers').textContent(), '250');

    // As a new workspace: a third entry in the list, opened, with the file's content.
    await chooseImport(page, file);
    await page.getByTestId('ws-import-summary').waitFor();
    await page.getByTestId('ws-import-mode-new').check();
    await page.getByTestId('ws-import-confirm').click();
    await page.getByTestId('ws-import-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('ws-menu').click();
    const items = await page.getByTestId('ws-item').allTextContents();
    assert.equal(items.length, 3, items.join(' | '));
    // The demo, the empty one replaced by the file, and the new one: all carry the file's name.
    assert.deepEqual(items, ['示例集团', '示例集团', '示例集团']);
    assert.equal(await page.getByTestId('stat-customers').textContent(), '250');
  });
});

test('every bad file gets its own message and changes nothing', { timeout: TEST_TIMEOUT }, async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-bad-'));
  const write = async (name, text) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, text);
    return file;
  };
  const cases = [
    [await write('notjson.kam.json', 'hello, 这不是 JSON'), /不是有效的 JSON（第 1 行/],
    [await write('other.json', '{"format": "something-else", "rows": []}'), /这不是 KAM Planner 的文件/],
    [await write('newer.kam.json', '{"format": "kam-planner", "schema_version": 99, "workspace": {}}'), /更新版本的 KAM Planner.*请先更新/],
    [await write('noversion.kam.json', '{"format": "kam-planner", "workspace": {}}'), /缺少有效的版本号/],
    [await write('noworkspace.kam.json', '{"format": "kam-planner", "schema_version": 2}'), /没有工作区数据/],
    [await write('deep.kam.json', `{"format":"kam-planner","schema_version":2,"workspace":{"x":${'['.repeat(300)}${']'.repeat(300)}}}`), /嵌套超过 128 层/],
    [await write('cut.kam.json', '{"format": "kam-planner", "schema_version": 2, "workspace": {"meta": {"name": "半'), /不是有效的 JSON/],
    [await write('latin1.kam.json', Buffer.from([0x7b, 0xe9, 0x7d])), /不是 UTF-8 编码/],
  ];
  await withApp(suite, { slug: 'exchange-errors', locale: 'zh-CN', consoleClean: true }, async (page) => {
    for (const [file, message] of cases) {
      await chooseImport(page, file);
      const error = page.getByTestId('ws-import-error');
      await error.waitFor();
      assert.match(await error.textContent(), message, path.basename(file));
      await page.getByTestId('ws-import-cancel').click();
      assert.equal(await page.getByTestId('ws-name').textContent(), '示例集团');
    }
    await page.getByTestId('ws-menu').click();
    assert.equal(await page.getByTestId('ws-item').count(), 1);
  });
  await withApp(suite, { slug: 'exchange-errors-en', locale: 'en-US', consoleClean: true }, async (page) => {
    await chooseImport(page, cases[2][0]);
    assert.match(await page.getByTestId('ws-import-error').textContent(), /made by a newer version of KAM Planner.*please update/i);
  });
});

test('the review in English, with an older file upgraded and repairs listed', { timeout: TEST_TIMEOUT }, async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-v1-'));
  const file = path.join(dir, 'old.kam.json');
  await fs.writeFile(file, JSON.stringify({
    format: 'kam-planner', schema_version: 1, app_version: '0.1.0', exported_at: 1763800000000,
    workspace: {
      meta: { id: 'ws-old', name: 'Old plan', fiscal_year: 'twenty', updated_at: 1763800000000 },
      customers: [
        { id: 'c-1', name: 'Alpha Power', annual_purchase: 12000000, crm_id: 'A1' },
        { id: 'c-2', name: 'Beta Rail', annual_purchase: 3000000, tier_override: { tier: 'vip', reason: 'x' } },
      ],
    },
  }));
  await withApp(suite, { slug: 'exchange-en', locale: 'en-US', consoleClean: true }, async (page) => {
    await chooseImport(page, file);
    await page.getByTestId('ws-import-summary').waitFor();
    assert.match(await page.getByTestId('ws-import-migrated').textContent(), /format version 1; it was upgraded step by step to version 8/);
    const repairs = await page.getByTestId('ws-import-repairs').textContent();
    assert.match(repairs, /“meta\.fiscal_year” had the wrong type/);
    assert.match(repairs, /Field “customers\[\]\.crm_id” is unknown/);
    assert.match(repairs, /overridden to tier “vip”, which does not exist/);
    assert.match(await page.getByTestId('ws-import-file-line').textContent(), /“Old plan”: 2 customers/);
    await screenshot(page, 'exchange-review-en');
    await page.getByTestId('ws-import-confirm').click();
    await page.getByTestId('ws-import-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('ws-name').textContent(), 'Old plan');
    assert.equal(await page.getByTestId('stat-customers').textContent(), '2');
  });
});
