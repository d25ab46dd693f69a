// Measures, in the built app (dist/) in headless Chromium, the time from a tiering rule edit to
// the updated view with N customers (default 100,000): the customers are imported through the
// real import dialog, then the strategic threshold is edited repeatedly and the time between the
// performance marks `kam:tiering-edit` (dispatch) and `kam:tiering-updated` (after the render)
// is recorded. Prints one JSON line: {"customers", "runs_ms", "median_ms"}.
//
//   node bench/ui_timing.mjs [N] [--markdown FILE]     (after `make build`)
//
// With --markdown the result is also written as a small Markdown section (bench/run.sh writes
// bench/e2e-rule-edit.md, which the results page includes).

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from '../e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mdAt = args.indexOf('--markdown');
const MARKDOWN = mdAt >= 0 ? args[mdAt + 1] : null;
const N = Number(args.find((a, i) => /^\d+$/.test(a) && i !== mdAt + 1) ?? 100_000);
const RUNS = 11;

// Deterministic Pareto-like purchases (xorshift32), 8 industry lines on 4 % of customers.
function csv(n) {
  let s = 2463534242;
  const rnd = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  const lines = ['客户编号,客户名称,行业,行业线,区域,年采购额,收入,复购,清单制'];
  const industries = ['运营商', '电力', '金融', '交通', '政务', '油气', '制造', '医疗'];
  for (let i = 1; i <= n; i++) {
    const purchase = Math.round(50_000 / Math.pow(1 - rnd() * 0.999, 1 / 1.16));
    const ind = industries[i % 8];
    const line = rnd() < 0.04 ? ind : '';
    lines.push(`C${i},客户${i}有限公司,${ind},${line},华东,${purchase},${Math.round(purchase * 0.9)},${rnd() < 0.6 ? '是' : '否'},${rnd() < 0.005 ? '是' : '否'}`);
  }
  return lines.join('\n');
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-ui-timing-'));
const file = path.join(dir, `customers-${N}.csv`);
await fs.writeFile(file, csv(N));
const server = await startServer(path.join(ROOT, 'dist'));
const browser = await chromium.launch({
  executablePath: process.env.KAM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(`${server.url}#/tiering`);
  await page.getByTestId('app-title').waitFor();
  await page.getByTestId('ws-menu').click();
  await page.getByTestId('ws-new-empty').click();
  await page.getByTestId('dialog-confirm').click();
  await page.getByTestId('customers-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-confirm').waitFor({ timeout: 120_000 });
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('distribution-table').waitFor({ timeout: 120_000 });
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => performance.clearMarks());
    const input = page.getByTestId('cond-value-0-0');
    await input.fill(i % 2 === 0 ? '500万' : '1000万');
    await input.press('Enter');
    const ms = await page.waitForFunction(() => {
      const edit = performance.getEntriesByName('kam:tiering-edit').at(-1);
      const done = performance.getEntriesByName('kam:tiering-updated').filter((m) => edit && m.startTime > edit.startTime).at(-1);
      return edit && done ? done.startTime - edit.startTime : null;
    }, null, { timeout: 60_000 }).then((h) => h.jsonValue());
    runs.push(ms);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const result = { customers: N, runs_ms: runs.map((r) => Math.round(r * 10) / 10), median_ms: Math.round(median * 10) / 10 };
  console.log(JSON.stringify(result));
  if (MARKDOWN) {
    const verdict = median <= 100 ? 'within' : '**over**';
    await fs.writeFile(MARKDOWN, [
      `Measured ${new Date().toISOString()} by \`bench/ui_timing.mjs\` in the release app (dist/), headless Chromium:`,
      `${N.toLocaleString('en-US')} customers imported through the import dialog, the strategic threshold edited ${RUNS} times;`,
      'time from the `kam:tiering-edit` mark (dispatch) to the `kam:tiering-updated` mark (after the render).',
      '',
      '| customers | median ms | fastest | slowest | budget 100 ms |',
      '|---:|---:|---:|---:|:-:|',
      `| ${N.toLocaleString('en-US')} | ${result.median_ms} | ${Math.round(sorted[0] * 10) / 10} | ${Math.round(sorted.at(-1) * 10) / 10} | ${verdict} |`,
      '',
    ].join('\n'));
  }
} finally {
  await browser.close();
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
}
