// End-to-end tests of embedding: the app in a cross-origin frame of examples/portal.html (host on
// localhost, app on 127.0.0.1) with ?embed=1 — compact chrome, kam:ready, an export answered, an
// import the user confirms inside the frame, navigation — and a host whose origin the deployment
// does not list, which never hears a word (so nothing is ever posted to '*').
//
// Run: node --test --test-concurrency=1 e2e/embed.test.mjs   (after `make build`)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { assertDistBuilt, DIST, REPO_ROOT, launch, newPage, screenshot } from './helpers.mjs';
import { startServer } from './server.mjs';

const TEST_TIMEOUT = 120_000;
const s = {};

before(async () => {
  assertDistBuilt();
  s.host = await startServer(path.join(REPO_ROOT, 'examples'), { host: 'localhost' });
  s.stranger = await startServer(path.join(REPO_ROOT, 'examples'));
  // The deployment's allowlist names the host's origin only.
  s.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-embed-'));
  await fs.cp(DIST, s.dir, { recursive: true });
  s.hostOrigin = `http://localhost:${s.host.port}`;
  await fs.writeFile(path.join(s.dir, 'embed.json'), JSON.stringify({ origins: [s.hostOrigin] }));
  s.app = await startServer(s.dir);
  s.browser = await launch();
});

after(async () => {
  await s.browser?.close();
  for (const server of [s.app, s.host, s.stranger]) await server?.close();
  if (s.dir) await fs.rm(s.dir, { recursive: true, force: true });
});

const received = (page) => page.evaluate(() => window.__kamMessages.map((m) => m.msg));
async function waitForMessage(page, type, extra = () => true, timeout = 15_000) {
  const start = Date.now();
  for (;;) {
    const found = (await received(page)).find((m) => m.type === type && extra(m));
    if (found) return found;
    if (Date.now() - start > timeout) throw new Error(`no ${type} within ${timeout} ms; received: ${JSON.stringify((await received(page)).map(({ type, status, code, mode }) => ({ type, status, code, mode })))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('a listed portal embeds the app: compact chrome, ready, export, import confirmed inside, navigate', { timeout: TEST_TIMEOUT }, async () => {
  const session = await newPage(s.browser, { locale: 'zh-CN', viewport: { width: 1200, height: 800 } });
  const { page } = session;
  try {
    const appUrl = `${s.app.url}?embed=1&lang=en#/tiering`;
    await page.goto(`${s.hostOrigin}/portal.html?app=${encodeURIComponent(appUrl)}`);
    const ready = await waitForMessage(page, 'kam:ready');
    assert.equal(ready.kam, 1);
    assert.equal(ready.schema_version > 0, true);
    assert.equal(ready.workspaces.length, 1);

    const frame = page.frameLocator('#app');
    await frame.getByTestId('distribution-table').waitFor();
    // Compact chrome: no branding, no footer, language from ?lang=, start route honoured.
    assert.equal(await frame.locator('.app-brand').count(), 0);
    assert.equal(await frame.locator('.app-footer').count(), 0);
    assert.equal(await frame.getByTestId('nav-tiering').getAttribute('aria-current'), 'page');
    assert.equal(await frame.getByTestId('nav-overview').textContent(), 'Overview');
    await screenshot(page, 'embed-portal');

    await page.click('#export');
    const exported = await waitForMessage(page, 'kam:export');
    assert.equal(exported.envelope.format, 'kam-planner');
    assert.equal(exported.envelope.workspace.customers.length, 250);

    // An import: the app asks the user; nothing changes until the click inside the frame.
    const envelope = structuredClone(exported.envelope);
    envelope.workspace.meta.id = 'ws-from-portal';
    envelope.workspace.meta.name = '门户导入';
    await page.evaluate((env) => window.__kamSend('kam:import', { envelope: env }), envelope);
    await waitForMessage(page, 'kam:import', (m) => m.status === 'review');
    await frame.getByTestId('ws-import-dialog').waitFor();
    assert.equal(await frame.getByTestId('ws-import-mode-new').isChecked(), true);
    await frame.getByTestId('ws-import-confirm').click();
    const applied = await waitForMessage(page, 'kam:import', (m) => m.status === 'applied');
    assert.equal(applied.mode, 'new');
    // The browser blocks third-party storage for this cross-site frame, so the app works in
    // memory and says so after each change; the host knows to export.
    const changed = await waitForMessage(page, 'kam:changed');
    assert.equal(changed.saved, false);
    assert.equal(typeof changed.at, 'number');

    // Errors come back with codes, to this origin only.
    await page.evaluate(() => window.__kamSend('kam:import', { envelope: '{"format":"other"}' }));
    const refused = await waitForMessage(page, 'kam:error');
    assert.equal(refused.code, 'load_failed');
    await page.evaluate(() => window.__kamSend('kam:navigate', { route: 'kpi' }));
    await waitForMessage(page, 'kam:navigate');
    await frame.getByTestId('kpi-view').waitFor();
    // KPI is in the tools module: it took over from the first-load module, said ready again, and
    // answers from its first render on (the allowlist was handed over with the page).
    await page.waitForFunction(() => window.__kamMessages.filter((m) => m.msg.type === 'kam:ready').length >= 2);
    const readies = (await received(page)).filter((m) => m.type === 'kam:ready');
    assert.equal(readies.length, 2, 'kam:ready again after the tools module took over');
    assert.equal(readies[1].workspaces.length, 2, 'with the workspace imported in memory before');
    await page.evaluate(() => window.__kamSend('kam:export', { workspace: 'ws-missing' }));
    await waitForMessage(page, 'kam:error', (m) => m.code === 'not_found');
    assert.deepEqual(session.pageErrors, []);
  } finally {
    await session.close();
  }
});

test('a portal that is not listed gets no answer at all', { timeout: TEST_TIMEOUT }, async () => {
  const session = await newPage(s.browser, { locale: 'zh-CN' });
  const { page } = session;
  try {
    const appUrl = `${s.app.url}?embed=1`;
    // Same page, other origin: http://127.0.0.1:<port> is not http://localhost:<port>.
    await page.goto(`${s.stranger.url}portal.html?app=${encodeURIComponent(appUrl)}`);
    const frame = page.frameLocator('#app');
    await frame.getByTestId('app-nav').waitFor();
    await page.evaluate(() => window.__kamSend('kam:hello'));
    await page.evaluate(() => window.__kamSend('kam:export'));
    await new Promise((r) => setTimeout(r, 2_000));
    assert.deepEqual(await received(page), [], 'no kam:ready, no reply, no kam:changed');
  } finally {
    await session.close();
  }
});
