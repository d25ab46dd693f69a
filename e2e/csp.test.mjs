// The app under a strict Content Security Policy: once sent as an HTTP header (on a copy of dist/
// without the meta, so the header alone is tested), once relying on index.html's own
// <meta http-equiv="Content-Security-Policy">. Every view, its tabs, the customer import and
// workspace dialogs must run without a single `securitypolicyviolation` or console error.
// Also: the built index.html holds no inline script or style attribute, the post_build hook that
// moves trunk's loader out fails loudly on what it does not expect, and the static splash shows
// until the wasm has run.
//
// Run: node --test --test-concurrency=1 e2e/csp.test.mjs   (after `make build`)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { startServer } from './server.mjs';
import {
  assertDistBuilt,
  byTestId,
  DIST,
  launch,
  listing,
  newPage,
  REPO_ROOT,
  screenshot,
  waitForApp,
} from './helpers.mjs';

const TEST_TIMEOUT = 180_000;
const HOOK = path.join(REPO_ROOT, 'scripts', 'externalize-loader.mjs');

/** The policy index.html's meta must carry (README, "Serving and CSP"). */
const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];
/** The header README gives for servers: the same, plus what only a header can say. */
const HEADER_POLICY = [...POLICY, "frame-ancestors 'self'"].join('; ');

const CSV = Buffer.from('客户名称,年采购额（万元）,行业\r\n华远通信,1200,通信\r\n江南新能源,300,新能源\r\n');

let browser;
let metaServer;
let headerServer;
let headerDir;

before(async () => {
  assertDistBuilt();
  // The header run serves a copy of dist/ whose index.html has no CSP meta.
  headerDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-csp-'));
  await fs.cp(DIST, headerDir, { recursive: true });
  const index = path.join(headerDir, 'index.html');
  const html = await fs.readFile(index, 'utf8');
  const withoutMeta = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  assert.notEqual(withoutMeta, html, 'dist/index.html has a CSP meta to remove');
  await fs.writeFile(index, withoutMeta);

  metaServer = await startServer(DIST);
  headerServer = await startServer(headerDir, { extraHeaders: { 'Content-Security-Policy': HEADER_POLICY } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await metaServer?.close();
  await headerServer?.close();
  if (headerDir) await fs.rm(headerDir, { recursive: true, force: true });
});

/** A page that records every CSP violation into `window.__cspViolations`, from the first byte on. */
async function cspPage(opts) {
  const s = await newPage(browser, opts);
  await s.page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return s;
}

const violations = (page) => page.evaluate(() => window.__cspViolations);

/**
 * Every tab of the current view, clicked in turn (views without tabs have none). A tab may bring
 * its own row of tabs, so the list is read again after each click; returns how many were clicked.
 */
async function clickEveryTab(page) {
  const tabs = page.locator('main [role=tab]');
  let clicked = 0;
  for (let i = 0; i < (await tabs.count()) && clicked < 50; i++) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible())) continue;
    await tab.click();
    await page.waitForTimeout(100);
    clicked++;
  }
  return clicked;
}

/** The tour under a policy: every view and its tabs, the customer list, the import and a dialog. */
async function tour(page) {
  const links = page.locator('nav.app-nav a');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 10, `every view is in the navigation: ${hrefs.join(' ')}`);
  const seen = [];
  for (const href of hrefs) {
    await page.locator(`nav.app-nav a[href="${href}"]`).click();
    await page.locator(`nav.app-nav a[href="${href}"][aria-current=page]`).waitFor();
    await page.locator('main#main > *').first().waitFor();
    const tabs = await clickEveryTab(page);
    seen.push(`${href}${tabs ? ` (${tabs} tabs)` : ''}`);
  }

  // The customer list sizes its columns and spacer rows through CSSOM: it scrolls to the end.
  await page.goto(page.url().replace(/#.*$/, '#/customers'));
  const scroller = page.getByTestId('customers-scroll');
  await page.getByTestId('customer-row').first().waitFor();
  await scroller.focus();
  await page.keyboard.press('End');
  await page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      return el.scrollTop > 0 && el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    },
    byTestId('customers-scroll'),
  );
  const { scrollHeight, clientHeight } = await scroller.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  assert.ok(scrollHeight > 5 * clientHeight, `the list is as tall as its 250 rows: ${scrollHeight} px`);
  assert.ok(await page.getByTestId('customer-row').last().isVisible(), 'rows render at the bottom');

  // The customer import: pick a file, see the mapping, leave without importing.
  await page.getByTestId('customers-import').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'csp.csv', mimeType: 'text/csv', buffer: CSV });
  await page.getByTestId('import-mapping').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('import-mapping').waitFor({ state: 'hidden' });

  // Workspace menu → new empty workspace → its name dialog.
  await page.getByTestId('ws-menu').click();
  await page.getByTestId('ws-new-empty').click();
  const dialog = page.getByTestId('dialog');
  await dialog.waitFor();
  await page.getByTestId('dialog-input').fill('CSP');
  await page.getByTestId('dialog-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.trim() === 'CSP', byTestId('ws-name'));
  return seen;
}

/**
 * Proves that the policy is in force and that the listener hears it: an inline script and a
 * style attribute added now must both be refused.
 */
async function probeEnforcement(page) {
  const before = (await violations(page)).length;
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.body.append(s);
    const p = document.createElement('p');
    p.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(p);
    const color = getComputedStyle(p).color;
    p.remove();
    await new Promise((r) => setTimeout(r, 100));
    return { inline: window.__inlineRan === true, color };
  });
  assert.equal(ran.inline, false, 'an inline script is refused');
  assert.notEqual(ran.color, 'rgb(255, 0, 0)', 'a style attribute is refused');
  const probed = (await violations(page)).slice(before).map((v) => v.split(' ')[0]);
  assert.ok(probed.some((d) => d.startsWith('script-src')), `script violation reported: ${probed}`);
  assert.ok(probed.some((d) => d.startsWith('style-src')), `style violation reported: ${probed}`);
}

for (const [how, server] of [
  ['as an HTTP header', () => headerServer],
  ['from the index.html meta', () => metaServer],
]) {
  test(`every view and dialog runs under the strict CSP ${how}`, { timeout: TEST_TIMEOUT }, async (t) => {
    const slug = how.includes('header') ? 'header' : 'meta';
    const s = await cspPage({ locale: 'zh-CN' });
    const { page } = s;
    try {
      const response = await page.goto(`${server().url}#/overview`);
      if (slug === 'header') {
        assert.equal(response.headers()['content-security-policy'], HEADER_POLICY);
        assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').count(), 0);
      } else {
        assert.equal(response.headers()['content-security-policy'], undefined);
        const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.deepEqual(meta.split(';').map((d) => d.trim()), POLICY);
      }
      await waitForApp(page);
      await screenshot(page, `csp-${slug}-overview`);
      const seen = await tour(page);
      t.diagnostic(`views opened: ${seen.join(', ')}`);
      await page.waitForTimeout(300);
      assert.deepEqual(
        { violations: await violations(page), consoleErrors: s.consoleErrors, pageErrors: s.pageErrors },
        { violations: [], consoleErrors: [], pageErrors: [] },
        listing('views opened', seen),
      );
      await probeEnforcement(page);
    } catch (err) {
      await screenshot(page, `failed-csp-${slug}`).catch(() => {});
      throw err;
    } finally {
      await s.close();
    }
  });
}

test('the splash shows in both languages until the wasm has run, then the app replaces it', { timeout: TEST_TIMEOUT }, async () => {
  const s = await cspPage({ locale: 'en-US' });
  const { page } = s;
  try {
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${metaServer.url}#/overview`, { waitUntil: 'domcontentloaded' });
    const splash = page.getByTestId('splash');
    await splash.waitFor();
    const text = await splash.innerText();
    assert.match(text, /大客户经营规划工具箱/);
    assert.match(text, /KAM Planner/);
    assert.match(text, /正在加载/);
    assert.match(text, /Loading/);
    // The hint about blocked scripts waits: it is not for a normal start.
    assert.equal(await page.locator('.splash-hint').isVisible(), false);
    await screenshot(page, 'csp-splash');

    release();
    await waitForApp(page);
    assert.equal(await splash.count(), 0, 'the app replaced the splash');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(s.consoleErrors, []);
  } catch (err) {
    await screenshot(page, 'failed-csp-splash').catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
});

test('when the wasm cannot load, the splash stays and later says what may block it', { timeout: TEST_TIMEOUT }, async () => {
  const s = await cspPage({ locale: 'zh-CN' });
  const { page } = s;
  try {
    await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
    await page.goto(`${metaServer.url}#/overview`);
    const hint = page.locator('.splash-hint');
    await page.getByTestId('splash').waitFor();
    await page.waitForTimeout(500);
    assert.equal(await hint.isVisible(), false, 'no hint at first');
    // Skip the 15 s the hint waits for: finish its CSS animation.
    await hint.evaluate((el) => el.getAnimations().forEach((a) => a.finish()));
    await hint.waitFor({ state: 'visible' });
    assert.match(await hint.innerText(), /内容安全策略[\s\S]*content security policy/);
    assert.equal(await page.locator(byTestId('app-title')).count(), 0);
    await screenshot(page, 'csp-splash-blocked');
  } catch (err) {
    await screenshot(page, 'failed-csp-splash-blocked').catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
});

/** The sandbox tokens README asks of a portal's iframe. */
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-downloads allow-modals';

/** Opens the app (served with its CSP meta) in a cross-origin iframe with `tokens`; runs `fn`. */
async function inSandbox(tokens, fn) {
  const wrapDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-sandbox-'));
  await fs.writeFile(
    path.join(wrapDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>portal</title></head><body>` +
      `<iframe sandbox="${tokens}" src="${metaServer.url}index.html#/roles" width="1200" height="800"></iframe></body></html>\n`,
  );
  const host = await startServer(wrapDir);
  const s = await cspPage({ locale: 'zh-CN' });
  try {
    await s.page.goto(host.url);
    const frame = s.page.frameLocator('iframe');
    await waitForApp(frame);
    await fn(s, frame);
  } catch (err) {
    await screenshot(s.page, 'failed-csp-sandbox').catch(() => {});
    throw err;
  } finally {
    await s.close();
    await host.close();
    await fs.rm(wrapDir, { recursive: true, force: true });
  }
}

/** Names a new workspace through the dialog (a form); true when the dialog closed. */
async function dialogConfirms(page, frame) {
  await frame.locator(byTestId('ws-menu')).click();
  await frame.locator(byTestId('ws-new-empty')).click();
  await frame.locator(byTestId('dialog-input')).fill('Portal');
  await frame.locator(byTestId('dialog-confirm')).click();
  await page.waitForTimeout(500);
  return (await frame.locator(byTestId('dialog')).count()) === 0;
}

test('in a sandboxed iframe with the documented tokens, dialogs, exports and print work', { timeout: TEST_TIMEOUT }, async () => {
  await inSandbox(SANDBOX, async ({ page, consoleErrors, pageErrors }, frame) => {
    assert.equal(await dialogConfirms(page, frame), true, 'the dialog confirms');
    await frame.locator(byTestId('ws-name')).filter({ hasText: 'Portal' }).waitFor();
    await frame.locator(byTestId('ws-menu')).click();
    const [download] = await Promise.all([page.waitForEvent('download'), frame.locator(byTestId('ws-export')).click()]);
    assert.match(download.suggestedFilename(), /^Portal-.*\.json$/);
    await frame.locator(byTestId('roles-print')).click();
    await page.waitForTimeout(300);
    const storage = await frame.locator('body').evaluate(() => typeof localStorage.getItem('kam-planner.v1.index'));
    assert.equal(storage, 'string', 'the workspace is saved in the frame');
    assert.deepEqual({ consoleErrors, pageErrors }, { consoleErrors: [], pageErrors: [] });
  });
});

test('without allow-forms a sandboxed iframe cannot confirm a dialog (why README asks for it)', { timeout: TEST_TIMEOUT }, async () => {
  await inSandbox('allow-scripts allow-same-origin allow-downloads allow-modals', async ({ page, consoleErrors }, frame) => {
    assert.equal(await dialogConfirms(page, frame), false, 'the dialog stays open');
    assert.match(consoleErrors.join('\n'), /allow-forms/);
  });
});

test('the splash names both app titles of the catalogues', async () => {
  const html = await fs.readFile(path.join(DIST, 'index.html'), 'utf8');
  const splash = html.slice(html.indexOf('class="splash"'));
  for (const lang of ['zh-CN', 'en']) {
    const shell = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'src/ui/locales', lang, 'shell.json'), 'utf8'));
    assert.ok(splash.includes(`>${shell['app.title']}<`), `splash shows ${shell['app.title']}`);
  }
});

test('the built index.html has no inline script and no style attribute; its loader is a file', async () => {
  const html = await fs.readFile(path.join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  const inline = scripts.filter(([, , body]) => body.trim() !== '').map(([tag]) => tag.slice(0, 120));
  assert.deepEqual(inline, [], 'inline scripts');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'style attributes');
  assert.doesNotMatch(html, /<style\b/i, '<style> elements');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'inline event handlers');

  const loaders = scripts.filter(([, attrs]) => /src="\.\/loader-[0-9a-f]{16}\.js"/.test(attrs));
  assert.equal(loaders.length, 1, 'one external loader');
  const [, attrs] = loaders[0];
  assert.match(attrs, /type="module"/);
  const file = /src="\.\/(loader-[0-9a-f]{16}\.js)"/.exec(attrs)[1];
  const code = await fs.readFile(path.join(DIST, file));
  const integrity = /integrity="([^"]+)"/.exec(attrs)[1];
  assert.equal(integrity, `sha384-${crypto.createHash('sha384').update(code).digest('base64')}`);
  // Its imports are relative and sit next to it.
  const refs = [...code.toString('utf8').matchAll(/'(\.\/[^']+\.(?:js|wasm))'/g)].map((m) => m[1]);
  assert.equal(refs.length, 2, `the loader names the bindings and the wasm: ${refs}`);
  for (const ref of refs) await fs.access(path.join(DIST, ref));
});

// ---- the post_build hook on its own -----------------------------------------------------------

const run = promisify(execFile);

/** Runs the hook on a directory holding `html` (and the files it names); returns its outcome. */
async function runHook(html, files = {}) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-hook-'));
  await fs.writeFile(path.join(dir, 'index.html'), html);
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  const result = await run(process.execPath, [HOOK, dir]).then(
    ({ stdout }) => ({ ok: true, out: stdout }),
    (err) => ({ ok: false, out: err.stderr, code: err.code }),
  );
  const after = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
  const listingAfter = await fs.readdir(dir);
  await fs.rm(dir, { recursive: true, force: true });
  return { ...result, html: after, files: listingAfter };
}

const TRUNK_LOADER = `<script type="module">
import init from './app-0123.js';
const wasm = await init({ module_or_path: './app-0123_bg.wasm' });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;
const OUTPUTS = { 'app-0123.js': 'export default async () => {};', 'app-0123_bg.wasm': '' };
const page = (head, body = '') => `<!DOCTYPE html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;

test('hook: the loader moves into loader-<hash>.js; the page keeps everything else', async () => {
  const r = await runHook(page(`<link rel="modulepreload" href="./app-0123.js">${TRUNK_LOADER}`, '<p>hi</p>'), OUTPUTS);
  assert.ok(r.ok, r.out);
  const loader = r.files.find((f) => /^loader-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(loader, r.files.join(' '));
  assert.match(r.html, new RegExp(`<script type="module" src="\\./${loader}" integrity="sha384-[^"]+"></script>`));
  // The loader fetches the module itself (a link to a tools view must not fetch it): no preload.
  assert.doesNotMatch(r.html, /modulepreload/);
  assert.match(r.html, /<title>t<\/title><script type="module"/);
  assert.match(r.html, /<body><p>hi<\/p><\/body>/);
});

test('hook: trunk serve\'s autoreload script moves too, its websocket path kept in a meta', async () => {
  const reload = `<script>"use strict";(function(){const address = '{{__TRUNK_ADDRESS__}}'; const base = '{{__TRUNK_WS_BASE__}}'; new WebSocket('ws://' + address + base + '.well-known/trunk/ws');})()</script>`;
  const r = await runHook(page(TRUNK_LOADER, reload), OUTPUTS);
  assert.ok(r.ok, r.out);
  assert.equal(r.files.filter((f) => /^trunk-autoreload-[0-9a-f]{16}\.js$/.test(f)).length, 1, r.files.join(' '));
  assert.match(r.html, /<meta name="trunk-ws-base" content="\{\{__TRUNK_WS_BASE__\}\}" \/>/);
  assert.doesNotMatch(r.html, /<script>/);
});

test('hook: fails the build without exactly one loader, on a stranger inline script, on a missing file', async () => {
  const none = await runHook(page('<script type="module" src="./x.js"></script>'));
  assert.equal(none.ok, false);
  assert.match(none.out, /expected exactly one inline <script type="module">.*found 0/);

  const two = await runHook(page(TRUNK_LOADER + TRUNK_LOADER), OUTPUTS);
  assert.equal(two.ok, false);
  assert.match(two.out, /found 2/);

  const stranger = await runHook(page(`${TRUNK_LOADER}<script>alert(1)</script>`), OUTPUTS);
  assert.equal(stranger.ok, false);
  assert.match(stranger.out, /unexpected inline script.*alert\(1\)/);

  const missing = await runHook(page(TRUNK_LOADER), { 'app-0123.js': '' });
  assert.equal(missing.ok, false);
  assert.match(missing.out, /refers to \.\/app-0123_bg\.wasm, which is not in/);

  // A failed run leaves index.html as it was.
  assert.equal(two.html, page(TRUNK_LOADER + TRUNK_LOADER));
});
