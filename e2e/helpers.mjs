// Shared helpers for the browser tests: launching Chromium, pages that record
// errors and foreign requests, waiting for the app, screenshots.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '..');
/** The built app (trunk's output). Override with KAM_DIST. */
export const DIST = process.env.KAM_DIST ? path.resolve(process.env.KAM_DIST) : path.join(REPO_ROOT, 'dist');
export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots');
export const CHROMIUM = process.env.KAM_CHROMIUM ?? '/usr/bin/chromium';

/** Generous: starting the wasm app can take several seconds on a 2-core machine. */
export const APP_TIMEOUT = 20_000;
export const VIEWPORT = { width: 1280, height: 900 };

/** Fail early with a clear message when the app has not been built. */
export function assertDistBuilt() {
  const index = path.join(DIST, 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`No built app at ${index}. Run \`make build\` (trunk build) first, or set KAM_DIST.`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set KAM_CHROMIUM).`);
  }
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

function isLocalUrl(raw) {
  let u;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  // data:, blob:, about: never leave the machine.
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return true;
  // localhost is the loopback too: the embedding tests serve a host page there, a second origin.
  return u.hostname === '127.0.0.1' || u.hostname === 'localhost';
}

/**
 * New isolated context + page.  Returns { context, page, consoleErrors,
 * pageErrors, foreignRequests, close }.
 * - consoleErrors: text of every console message of type "error" (all frames)
 * - pageErrors: message of every uncaught exception / unhandled rejection
 * - foreignRequests: every request URL whose host is not 127.0.0.1 or localhost; such
 *   requests are aborted, so nothing ever leaves the machine.
 */
export async function newPage(browser, { locale = 'zh-CN', viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ locale, viewport });
  context.setDefaultTimeout(APP_TIMEOUT);
  const consoleErrors = [];
  const pageErrors = [];
  const foreignRequests = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) {
      await route.continue();
    } else {
      foreignRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });
  await context.routeWebSocket(
    (url) => !isLocalUrl(url.href),
    (ws) => {
      foreignRequests.push(ws.url());
      ws.close();
    },
  );

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      consoleErrors.push(loc?.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
    }
  });
  page.on('pageerror', (err) => pageErrors.push(err.stack || String(err)));

  return {
    context,
    page,
    consoleErrors,
    pageErrors,
    foreignRequests,
    close: () => context.close(),
  };
}

/**
 * Wait until the app has rendered its title.  Works for a Page, a Frame or a
 * FrameLocator (anything with .locator()).
 */
export async function waitForApp(pageOrFrame, { timeout = APP_TIMEOUT } = {}) {
  const title = pageOrFrame.locator('[data-testid=app-title]');
  await title.waitFor({ state: 'visible', timeout });
  return title;
}

/** Screenshot the viewport to e2e/screenshots/<name>.png; returns the path. */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Readable list for assertion messages. */
export function listing(label, items) {
  return items.length ? `${label}:\n  - ${items.join('\n  - ')}` : `${label}: none`;
}

/** True if `text` contains the integer `n` as a whole number (so "2500" does not contain 250). */
export function hasNumber(text, n) {
  return new RegExp(`(?<![\\d.,])${n}(?![\\d.,]*\\d)`).test(text);
}

/**
 * Registers before/after hooks that serve dist/ on 127.0.0.1 and launch one
 * browser for the test file.  Returns an object whose `server` and `browser`
 * are set once the hooks have run.
 */
export function appSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    assertDistBuilt();
    suite.server = await startServer(DIST);
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Opens the app at `hash` in a fresh context (empty storage), waits for it, runs `fn(page,
 * session)`, then asserts that no uncaught page error (and, with `consoleClean`, no console
 * error) happened. On failure a screenshot `failed-<slug>` is taken before the error is
 * re-thrown; the context is always closed.
 */
export async function withApp(suite, { slug, locale = 'zh-CN', hash = '', consoleClean = false }, fn) {
  const s = await newPage(suite.browser, { locale });
  try {
    await s.page.goto(suite.server.url + hash);
    await waitForApp(s.page);
    await fn(s.page, s);
    assert.deepEqual(s.pageErrors, [], 'no uncaught page errors');
    if (consoleClean) assert.deepEqual(s.consoleErrors, [], 'no console errors');
  } catch (err) {
    await screenshot(s.page, `failed-${slug}`).catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
}

/** `[data-testid=id]`. */
export const byTestId = (id) => `[data-testid=${id}]`;

/** The storage keys of the app (see src/persist/library.rs). */
export const KEYS = {
  index: 'kam-planner.v1.index',
  lang: 'kam-planner.v1.lang',
  wsPrefix: 'kam-planner.v1.ws.',
  workspace: (id) => `kam-planner.v1.ws.${id}`,
};

/**
 * Every localStorage key and value of the page's origin, read through the real
 * `Storage.prototype.getItem` (so a test that replaced setItem still reads the truth).
 */
export async function readStorage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = Storage.prototype.getItem.call(localStorage, k);
    }
    return out;
  });
}

/**
 * The JSON text of a stored workspace copy. Storage holds the compact form
 * `KAMZ1:<schema_version>:<bytes>:<chars>` (raw deflate, 15 bits per character from U+0020);
 * anything else is returned as it is. Decoding it here, with Node's zlib, also checks that the
 * form is standard deflate that any tool can read.
 */
export function storedJson(text) {
  if (typeof text !== 'string' || !text.startsWith('KAMZ1:')) return text;
  const [, , len, ...rest] = text.split(':');
  const data = rest.join(':');
  const bytes = Buffer.alloc(Number(len));
  let acc = 0;
  let nbits = 0;
  let n = 0;
  for (const ch of data) {
    acc = ((acc << 15) | (ch.codePointAt(0) - 0x20)) >>> 0;
    nbits += 15;
    while (nbits >= 8) {
      nbits -= 8;
      if (n < bytes.length) bytes[n++] = (acc >>> nbits) & 0xff;
    }
    acc &= (1 << nbits) - 1;
  }
  return zlib.inflateRawSync(bytes).toString('utf8');
}

/** The id of the workspace the index marks active (null when there is no index). */
export async function activeWorkspaceId(page) {
  const index = await page.evaluate((k) => localStorage.getItem(k), KEYS.index);
  return index ? JSON.parse(index).active : null;
}

/**
 * Before the app ever loads in this context: open a page of the same origin that is not the
 * app (the static server answers 404) and write `entries` (key → text) into localStorage.
 */
export async function seedStorage(page, baseUrl, entries) {
  await page.goto(new URL('e2e-seed-blank', baseUrl).href);
  await page.evaluate((all) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }, entries);
}

/** Renames the open workspace through the workspace menu's dialog. */
export async function renameWorkspace(page, name) {
  await page.locator(byTestId('ws-menu')).click();
  await page.locator(byTestId('ws-rename')).click();
  await page.locator(byTestId('dialog-input')).fill(name);
  await page.locator(byTestId('dialog-confirm')).click();
}

/** Waits until the header shows the open workspace's name as `name`. */
export async function expectWorkspaceName(page, name, timeout = 10_000) {
  await page.waitForFunction(
    ([s, want]) => document.querySelector(s)?.textContent.trim() === want,
    [byTestId('ws-name'), name],
    { timeout },
  ).catch(async () => {
    const actual = await page.locator(byTestId('ws-name')).innerText().catch(() => '<missing>');
    assert.equal(actual.trim(), name, 'workspace name in the header');
  });
}
