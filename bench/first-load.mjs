#!/usr/bin/env node
// First load of the built app over a slow line on a slow machine (`make bench-first-load`; not
// part of `make test`). The results of record are in bench/SIZE.md, "First load".
//
//   node bench/first-load.mjs <distDir> [--label before|after|…] [--runs 5] [--hash '#/kpi']
//                             [--open team]
//
// Serves <distDir> with the e2e suite's static server (e2e/server.mjs) three ways — uncompressed,
// gzip and brotli, from the build's precompressed .gz / .br files (made in a temporary copy when
// <distDir> has none) — and loads the app cold `--runs` times for each: a new browser context
// (empty cache) with the cache disabled, Chromium's CPU slowed 4× and the network emulated at
// 10 Mbit/s down and up with 40 ms latency (CDP). Measured from navigation start:
//   splash     first contentful paint (the static splash of index.html);
//   app title  the frame in which the app's title `[data-testid=app-title]` is first painted;
//   transfer   bytes received for the page and everything it fetched (CDP encodedDataLength:
//              bodies as sent plus headers).
// `--hash` loads that address instead of the overview (a link straight to a view). `--open <view>`
// clicks that view's navigation link as soon as the title is painted and measures, in the page,
// the time until its `[data-testid=<view>-view]` is painted (for a view of the tools module: the
// hand-over from the first-load module, fetch and start included, nothing prefetched yet).
// Prints a markdown table of the medians (min–max beside) on stdout; progress goes to stderr.
// The runs of the three modes are interleaved, so that a change of background load over the
// minutes the runs take is spread over all of them.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startServer } from '../e2e/server.mjs';
import { launch, VIEWPORT, waitForApp } from '../e2e/helpers.mjs';
import { precompress } from '../scripts/precompress.mjs';

/** The throttling of every run (CDP), as recorded in bench/SIZE.md. */
export const CPU_SLOWDOWN = 4;
export const NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
const MODES = [
  { name: 'uncompressed', precompressed: false, wasmEncoding: undefined },
  { name: 'gzip', precompressed: ['gzip'], wasmEncoding: 'gzip' },
  { name: 'brotli', precompressed: ['br', 'gzip'], wasmEncoding: 'br' },
];
const LOAD_TIMEOUT = 180_000;
const MAIN_WASM = /^kam-planner-[0-9a-f]+_bg\.wasm$/;

function usage(message) {
  console.error(`${message}\nusage: node bench/first-load.mjs <distDir> [--label before|after] [--runs 5] [--hash '#/kpi'] [--open team]`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dist: null, label: '', runs: 5, hash: '', open: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--label') opts.label = argv[++i] ?? usage('--label needs a value');
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--hash') opts.hash = argv[++i] ?? usage('--hash needs a value');
    else if (a === '--open') opts.open = argv[++i] ?? usage('--open needs a view id');
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else opts.dist = path.resolve(a);
  }
  if (!opts.dist) usage('no dist directory given');
  opts.label ||= path.basename(opts.dist);
  if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs must be a whole number ≥ 1');
  if (!fs.existsSync(path.join(opts.dist, 'index.html'))) usage(`no index.html in ${opts.dist}: run \`make build\` first`);
  return opts;
}

const log = (...args) => console.error('[first-load]', ...args);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** A directory with the .br / .gz files the compressed modes serve: <dist> itself, or a copy. */
function withPrecompressed(dist, wasm) {
  const has = (suffix) => fs.existsSync(path.join(dist, wasm + suffix));
  if (has('.br') && has('.gz')) return { dir: dist, cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-first-load-'));
  fs.cpSync(dist, dir, { recursive: true });
  log(`${dist} has no .br / .gz files: compressing a copy in ${dir}`);
  precompress(dir);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Records when the app's title is first in the DOM, and the frame it is painted in. */
const TITLE_PROBE = () => {
  const observer = new MutationObserver(() => {
    if (window.__kamTitleInDom || !document.querySelector('[data-testid=app-title]')) return;
    window.__kamTitleInDom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__kamTitlePainted = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
};

/** One cold load; returns {fcp, title, opened, bytes, requests, wasmEncoding, wasmFetches}. */
async function coldLoad(browser, url, wasm, open) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(TITLE_PROBE);
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false }));
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      r.encoding = headers['content-encoding'];
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { bytes: e.encodedDataLength, done: true });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    await page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
    await page.waitForFunction(() => window.__kamTitlePainted !== undefined, null, { timeout: LOAD_TIMEOUT, polling: 250 });
    await waitForApp(page, { timeout: LOAD_TIMEOUT });
    // Let requests in flight when the title appeared (the icon) finish.
    await page.waitForLoadState('load', { timeout: LOAD_TIMEOUT });
    await page.waitForTimeout(300);

    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime,
      title: window.__kamTitlePainted,
    }));
    if (open) {
      const start = await page.evaluate(() => performance.now());
      await page.locator(`[data-testid=nav-${open}]`).click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-testid=${id}-view]`) && new Promise((r) => requestAnimationFrame(() => r(true))),
        open,
        { timeout: LOAD_TIMEOUT, polling: 'raf' },
      );
      timing.opened = (await page.evaluate(() => performance.now())) - start;
    }
    if (timing.fcp === undefined) throw new Error('no first-contentful-paint entry');
    const all = [...requests.values()].filter((r) => r.url.startsWith('http'));
    const wasmRequests = all.filter((r) => new URL(r.url).pathname.endsWith(`/${wasm}`));
    return {
      ...timing,
      bytes: all.reduce((n, r) => n + r.bytes, 0),
      requests: all.length,
      unfinished: all.filter((r) => !r.done).map((r) => r.url),
      wasmEncoding: wasmRequests[0]?.encoding,
      wasmFetches: wasmRequests.length,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const wasm = fs.readdirSync(opts.dist).find((f) => MAIN_WASM.test(f));
  if (!wasm) usage(`no kam-planner-<hash>_bg.wasm in ${opts.dist}`);
  const { dir, cleanup } = withPrecompressed(opts.dist, wasm);
  const servers = [];
  let browser;
  try {
    for (const mode of MODES) servers.push(await startServer(dir, { precompressed: mode.precompressed }));
    browser = await launch();
    const results = MODES.map(() => []);
    const total = opts.runs * MODES.length;
    for (let run = 0; run < opts.runs; run++) {
      for (const [i, mode] of MODES.entries()) {
        const r = await coldLoad(browser, servers[i].url + opts.hash, wasm, opts.open);
        if (!opts.hash && (r.wasmEncoding !== mode.wasmEncoding || r.wasmFetches !== 1)) {
          throw new Error(
            `${mode.name}: the wasm came ${r.wasmFetches} time(s) with Content-Encoding ${r.wasmEncoding ?? 'none'}, ` +
              `expected once with ${mode.wasmEncoding ?? 'none'}`,
          );
        }
        if (r.unfinished.length) log(`${mode.name}: still loading when measured: ${r.unfinished.join(', ')}`);
        results[i].push(r);
        log(
          `${run * MODES.length + i + 1}/${total} ${mode.name.padEnd(12)} splash ${fmt(r.fcp)} ms, ` +
            `title ${fmt(r.title)} ms, ${opts.open ? `${opts.open} opened in ${fmt(r.opened)} ms, ` : ''}` +
            `${fmt(r.bytes)} bytes in ${r.requests} requests`,
        );
      }
    }

    const cell = (xs, unit = '') => `${fmt(median(xs))}${unit} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})`;
    const version = browser.version();
    console.log(
      `First load of \`${path.relative(process.cwd(), opts.dist) || '.'}\` (\`${wasm}\`), ` +
        `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length}-core ${os.arch()}, Chromium ${version}; ` +
        `CPU ${CPU_SLOWDOWN}× slower, network ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down / ` +
        `${(NETWORK.uploadThroughput * 8) / 1e6} up, ${NETWORK.latency} ms latency; cold, cache disabled; ` +
        `median of ${opts.runs} (min–max)${opts.hash ? `; address ${opts.hash}` : ''}` +
        `${opts.open ? `; then ${opts.open} opened from the navigation` : ''}.\n`,
    );
    const openCol = opts.open ? ` ${opts.open} opened (ms) |` : '';
    console.log(`| build | served | transferred (bytes) | splash: first contentful paint (ms) | app title painted (ms) |${openCol}`);
    console.log(`|---|---|---:|---:|---:|${opts.open ? '---:|' : ''}`);
    for (const [i, mode] of MODES.entries()) {
      const rs = results[i];
      console.log(
        `| ${opts.label} | ${mode.name} | ${fmt(median(rs.map((r) => r.bytes)))} | ${cell(rs.map((r) => r.fcp))} | ${cell(rs.map((r) => r.title))} |` +
          (opts.open ? ` ${cell(rs.map((r) => r.opened))} |` : ''),
      );
    }
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    cleanup();
  }
}

main().catch((err) => {
  console.error(`[first-load] error: ${err.stack ?? err}`);
  process.exit(1);
});
