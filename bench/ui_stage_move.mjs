// Measures, in the built app (dist/) in headless Chromium, the time from a stage move on the LTC
// board to the updated board with 100,000 opportunities (issue 14: under 50 ms, measured like
// the rule edit of ui_timing.mjs). The workspace file written by `ltc-workspace` (bench kernel:
// 10,000 customers, 100,000 opportunities, 5,000 contracts) is imported through the app's own
// workspace import (as a new workspace), `#/ltc` is opened, and 11 times the first card of the
// "lead" column is focused and moved with Alt+→; the time between the performance marks
// `kam:ltc-move` (dispatch, src/ui/views/ltc/board.rs) and `kam:ltc-updated` (after the board
// re-rendered) is recorded. Prints one JSON line: {"opportunities", "runs_ms", "median_ms"}.
//
//   node bench/ui_stage_move.mjs WORKSPACE.kam.json [--markdown FILE] [--profile FILE.json]
//
// With --markdown the result is also written as a Markdown fragment (bench/run.sh writes
// bench/e2e-stage-move.md, which the LTC section of RESULTS.md includes). With --profile one
// more move is recorded with the DevTools CPU profiler and its heaviest functions printed.

import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from '../e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : null;
};
const MARKDOWN = flag('--markdown');
const PROFILE = flag('--profile');
const FILE = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const RUNS = 11;
const BUDGET_MS = 50;
if (!FILE) {
  console.error('usage: node bench/ui_stage_move.mjs WORKSPACE.kam.json [--markdown FILE] [--profile FILE]');
  process.exit(2);
}
const envelope = JSON.parse(await fs.readFile(FILE, 'utf8'));
const OPPS = envelope.workspace.ltc.opportunities.length;
const CONTRACTS = envelope.workspace.ltc.contracts.length;
const CUSTOMERS = envelope.workspace.customers.length;

/** Waits for the marks of the last move and returns dispatch → updated board, ms. */
async function lastMove(page) {
  return page.waitForFunction(() => {
    const move = performance.getEntriesByName('kam:ltc-move').at(-1);
    const done = performance.getEntriesByName('kam:ltc-updated').filter((m) => move && m.startTime > move.startTime).at(-1);
    return move && done ? done.startTime - move.startTime : null;
  }, null, { timeout: 60_000 }).then((h) => h.jsonValue());
}

/** Focuses the first card of the lead column and moves it with Alt+→. */
async function moveFirstLead(page) {
  await page.evaluate(() => performance.clearMarks());
  const card = page.locator('[data-testid=ltc-col-lead] article.ltc-card').first();
  await card.focus();
  await page.keyboard.press('Alt+ArrowRight');
  return lastMove(page);
}

const server = await startServer(path.join(ROOT, 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.KAM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}#/ltc`);
  await page.getByTestId('app-title').waitFor();
  await page.getByTestId('ws-menu').click();
  await page.getByTestId('ws-import').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('ws-import-file').click(),
  ]);
  const importStart = Date.now();
  await chooser.setFiles(FILE);
  await page.getByTestId('ws-import-summary').waitFor({ timeout: 300_000 });
  await page.getByTestId('ws-import-mode-new').check();
  await page.getByTestId('ws-import-confirm').click();
  await page.getByTestId('ws-import-dialog').waitFor({ state: 'detached', timeout: 300_000 });
  const importMs = Date.now() - importStart;
  await page.goto(`${server.url}#/ltc`);
  await page.getByTestId('ltc-board').waitFor({ timeout: 120_000 });
  await page.locator('[data-testid=ltc-col-lead] article.ltc-card').first().waitFor({ timeout: 120_000 });
  const leadBefore = await page.getByTestId('ltc-col-lead-count').textContent();
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await moveFirstLead(page));
  const leadAfter = await page.getByTestId('ltc-col-lead-count').textContent();
  const sorted = [...runs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const r1 = (x) => Math.round(x * 10) / 10;
  const result = {
    opportunities: OPPS, contracts: CONTRACTS, customers: CUSTOMERS, import_ms: importMs,
    lead_count: [leadBefore, leadAfter], runs_ms: runs.map(r1), median_ms: r1(median), errors,
  };
  console.log(JSON.stringify(result));

  if (PROFILE) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const profiled = await moveFirstLead(page);
    await new Promise((r) => setTimeout(r, 200));
    const { profile } = await cdp.send('Profiler.stop');
    await fs.writeFile(PROFILE, JSON.stringify(profile));
    // Self time per function, from the samples.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
    });
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`profiled move: ${r1(profiled)} ms; heaviest self times (ms, whole recording):`);
    for (const [k, v] of top) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
  }

  if (MARKDOWN) {
    const verdict = median < BUDGET_MS ? 'within' : '**over**';
    await fs.writeFile(MARKDOWN, [
      `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} by \`bench/ui_stage_move.mjs\` in the release app (dist/), headless Chromium:`,
      `a workspace of ${CUSTOMERS.toLocaleString('en-US')} customers, ${OPPS.toLocaleString('en-US')} opportunities and ${CONTRACTS.toLocaleString('en-US')} contracts`,
      `(\`ltc-workspace\`) imported through the app's workspace import; on \`#/ltc\` the first card of the lead column`,
      `focused and moved with Alt+→, ${RUNS} times; time from the \`kam:ltc-move\` mark (dispatch) to the`,
      '`kam:ltc-updated` mark (after the board re-rendered).',
      '',
      `| opportunities | median ms | fastest | slowest | budget ${BUDGET_MS} ms |`,
      '|---:|---:|---:|---:|:-:|',
      `| ${OPPS.toLocaleString('en-US')} | ${result.median_ms} | ${r1(sorted[0])} | ${r1(sorted.at(-1))} | ${verdict} |`,
      '',
      `Runs (ms): ${result.runs_ms.join(', ')}.`,
      '',
    ].join('\n'));
  }
} finally {
  await browser.close();
  await server.close();
}
