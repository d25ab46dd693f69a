// Runs the browser benchmark in headless Chromium and writes bench/RESULTS.md.
//
//   node bench/driver.mjs --native bench/.out/native.json [--sizes 100000,1000000]
//                         [--warmup 3] [--runs 11] [--out bench/RESULTS.md]
//                         [--only all|tiering|ltc]
//
// `--only ltc` (or BENCH_ONLY=ltc) runs only the LTC rows and replaces just the section
// "LTC: 100,000 opportunities, 50,000 contracts" of RESULTS.md (kept in bench/ltc-results.md);
// `--only tiering` skips them (the section is then copied from bench/ltc-results.md).
//
// Serves bench/ on 127.0.0.1 (a free port), opens web/index.html with playwright-core on the
// system Chromium, calls window.kamBench.run(), then merges the native timings (written by
// `bench-native --json`) and the machine description into RESULTS.md. Exits with status 1 when
// any implementation disagrees with the wasm struct path (the file is still written, saying so).
// Budget misses are reported in the file and on stdout but do not fail the run.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from '../e2e/server.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const CHROMIUM = process.env.KAM_CHROMIUM ?? '/usr/bin/chromium';

/** 1M customers, tiered + concentration, in wasm in Chromium. */
const BUDGET_MS = 150;
/** Ours must be at least this many times faster than Arquero. */
const BUDGET_VS_ARQUERO = 5;
const BUDGET_SIZE = 1_000_000;
/** The LTC rows: opportunities and contracts on synthetic customers. */
const LTC_SIZE = { customers: 100_000, opportunities: 100_000, contracts: 50_000 };
const LTC_HEADING = '## LTC: 100,000 opportunities, 50,000 contracts';
const LTC_FILE = path.join(BENCH_DIR, 'ltc-results.md');
/** The stage move → updated board budget (issue 14), measured by ui_stage_move.mjs. */
const STAGE_MOVE_BUDGET_MS = 50;

function parseArgs(argv) {
  const o = {
    native: null,
    sizes: [100_000, 1_000_000],
    warmup: 3,
    runs: 11,
    out: path.join(BENCH_DIR, 'RESULTS.md'),
    only: process.env.BENCH_ONLY || 'all',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--native') o.native = value;
    else if (flag === '--sizes') o.sizes = value.split(',').map(Number);
    else if (flag === '--warmup') o.warmup = Number(value);
    else if (flag === '--runs') o.runs = Number(value);
    else if (flag === '--out') o.out = value;
    else if (flag === '--only') o.only = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('--sizes: whole numbers');
  if (!['all', 'tiering', 'ltc'].includes(o.only)) throw new Error('--only: all, tiering or ltc');
  if (o.only === 'ltc') o.sizes = [];
  return o;
}

const median = (times) => {
  const t = [...times].sort((a, b) => a - b);
  const mid = t.length >> 1;
  return t.length % 2 ? t[mid] : (t[mid - 1] + t[mid]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const spread = (times) => `${ms(median(times))} (${ms(Math.min(...times))}–${ms(Math.max(...times))})`;
const count = (n) => n.toLocaleString('en-US');
/** The 1, 5 and 15 minute load averages, read afresh. */
const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const pct = (x) => `${(100 * x).toFixed(1)} %`;

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function machine(browserVersion) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  return {
    nproc: run('nproc', []),
    cpu: model,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    chromium: browserVersion,
    chromiumBinary: run(CHROMIUM, ['--version']).split('\n').pop(),
    rustc: run('rustc', ['--version']),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** Raw and gzip -9 size of the app's release wasm, when `trunk build --release` has run. */
function appWasmSize() {
  const dist = path.join(REPO_ROOT, 'dist');
  if (!fs.existsSync(dist)) return null;
  const file = fs.readdirSync(dist).find((f) => f.endsWith('.wasm'));
  if (!file) return null;
  const full = path.join(dist, file);
  const bytes = fs.readFileSync(full);
  return {
    file: `dist/${file}`,
    built: fs.statSync(full).mtime.toISOString().replace(/\.\d+Z$/, 'Z'),
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
  };
}

async function browserRun(options) {
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
  const server = await startServer(BENCH_DIR, {
    extraHeaders: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
      // window.gc() between implementations, so one's garbage is not collected on another's clock.
      '--js-flags=--expose-gc',
    ],
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}web/index.html`);
    await page.waitForFunction(() => window.kamBench !== undefined, null, { timeout: 30_000 });
    const result = await page.evaluate(
      (o) => window.kamBench.run(o),
      {
        sizes: options.sizes, warmup: options.warmup, runs: options.runs,
        ltc: options.only === 'tiering' ? null : LTC_SIZE,
      },
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { result, browserVersion: browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Deep equality of two summaries read from JSON (native vs wasm: same code, same data). */
const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The LTC section (Markdown, starting with LTC_HEADING): native and wasm medians of the LTC rows,
 * the check native vs wasm, the data, the machine, and the stage move timing from
 * bench/e2e-stage-move.md when it exists. Returns { text, problems }.
 */
function ltcSection({ options, native, ltc, m, loadBefore, loadAfter, finishedAt }) {
  const lines = [];
  const out = (s = '') => lines.push(s);
  const problems = [...ltc.problems];
  const nat = native?.ltc ?? null;
  if (!nat) problems.push('LTC: no native timings (run bench-native without --only tiering)');
  else if (!sameJson(nat.summary, ltc.summary)) problems.push('LTC: native and wasm results differ');
  out(LTC_HEADING);
  out();
  out(`Measured ${finishedAt} by \`bench/run.sh\` (\`BENCH_ONLY=ltc bench/run.sh\` runs this section alone).`);
  out(`${count(ltc.opportunities)} opportunities and ${count(ltc.contracts)} contracts from`);
  out(`\`ltc::synthetic::ltc\` on ${count(ltc.customers)} synthetic customers (tiers from the default tiering),`);
  out(`fiscal year 2026, reference day 2026-06-30. Medians of ${options.runs} timed runs (interleaved rounds) after`);
  out(`${options.warmup} warm-up runs, in ms, fastest and slowest in parentheses; timed exactly like the tiering rows.`);
  out();
  const rows = [
    ['weighted pipeline (`calc::weighted_pipeline`)', 'weighted_pipeline'],
    ['coverage by account, tier, owner, line (`Ctx::new` + `calc::coverage` × 4)', 'coverage_four_keys'],
    ['ageing + receivables (`cash::receivables`: buckets, receivable, overdue by account, DSO)', 'receivables'],
    ['for reference: the board\'s column totals (`calc::column_totals`, every opportunity)', 'column_totals'],
    ['the board from scratch (`board::BoardIndex::new` + `model`: filters, totals, first cards, owners)', 'board_full'],
    ['the board after a stage move (`BoardIndex::update` + `model`, the path of a move in the app)', 'board_after_move'],
  ];
  out('| row | native | wasm -O3 | wasm as the app ships |');
  out('|---|---:|---:|---:|');
  for (const [label, key] of rows) {
    const cell = (t) => (t ? spread(t) : '—');
    out(`| ${label} | ${cell(nat?.[key]?.runs_ms)} | ${cell(ltc.times[`wasm-o3/${key}`])} | ${cell(ltc.times[`wasm-app/${key}`])} |`);
  }
  out();
  out(`Generating the document (not timed above): native ${nat ? ms(nat.generate_ms) : '—'} ms, ` +
    `wasm -O3 ${ms(ltc.generate_ms.o3)} ms, wasm app ${ms(ltc.generate_ms.app)} ms.`);
  out();
  if (problems.length === 0) {
    out('Results checked: native, wasm -O3 and wasm-as-app give identical figures (the JSON summary below,');
    out('every coverage row count and sum, every bucket).');
  } else {
    out('**Differences found:**');
    out();
    for (const p of problems) out(`- ${p}`);
  }
  out();
  const s = ltc.summary;
  const yuan = (x) => `${(x / 1e8).toFixed(2)} 亿`;
  out(`The data: weighted pipeline ${yuan(s.weighted_pipeline)}; per stage ${s.column_counts.map(count).join(' / ')} opportunities ` +
    `(${s.column_aged.map(count).join(' / ')} aged); receivable ${yuan(s.receivable)}, overdue by bucket ` +
    `(0–30 / 31–90 / 91–180 / > 180 days) ${s.ageing_counts.map(count).join(' / ')} milestones = ` +
    `${s.ageing_amounts.map(yuan).join(' / ')}; ${count(s.overdue_accounts)} accounts overdue; DSO ` +
    `${s.dso === null ? '—' : s.dso.toFixed(0) + ' days'}; coverage rows ${s.coverage.map((c) => `${c.key} ${count(c.rows)} (${count(c.flagged)} flagged)`).join(', ')}.`);
  out();
  const load = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  out(`Machine: ${m.cpu}, \`nproc\` = ${m.nproc}, ${m.memory} RAM; ${m.os}; Chromium ${m.chromium}; ${m.rustc}. ` +
    `Load average (1/5/15 min) around the browser run ${load(loadBefore)} before, ${load(loadAfter)} after` +
    (nat ? `; around the native run ${load(native.load_before)} / ${load(native.load_after)}.` : '.'));
  out();
  out('### Stage move → updated board at 100,000 opportunities (app)');
  out();
  const moveFile = path.join(BENCH_DIR, 'e2e-stage-move.md');
  if (fs.existsSync(moveFile)) out(fs.readFileSync(moveFile, 'utf8').trim());
  else out(`*Not measured yet*: \`node bench/ui_stage_move.mjs --markdown bench/e2e-stage-move.md\` (budget ${STAGE_MOVE_BUDGET_MS} ms).`);
  out();
  return { text: lines.join('\n'), problems };
}

/** RESULTS.md with its LTC section replaced by `section` (or the section added at the end). */
function spliceLtc(file, section) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const at = old.indexOf(LTC_HEADING);
  if (at < 0) return `${old.trimEnd()}\n\n${section.trim()}\n`;
  const next = old.indexOf('\n## ', at + LTC_HEADING.length);
  return `${old.slice(0, at)}${section.trim()}\n${next < 0 ? '' : old.slice(next)}`;
}

function report({ options, native, browser, browserVersion, loadBefore, loadAfter, finishedAt }) {
  const m = machine(browserVersion);
  let ltcProblems = [];
  if (browser.ltc) {
    const section = ltcSection({ options, native, ltc: browser.ltc, m, loadBefore, loadAfter, finishedAt });
    fs.writeFileSync(LTC_FILE, section.text);
    ltcProblems = section.problems;
    if (options.only === 'ltc') {
      fs.writeFileSync(options.out, spliceLtc(options.out, section.text));
      return { problems: ltcProblems, verdicts: [] };
    }
  }
  const sizes = browser.sizes.map((b) => b.n);
  const nativeOf = (n) => native?.sizes.find((s) => s.n === n) ?? null;
  const lines = [];
  const out = (s = '') => lines.push(s);
  const problems = [];
  for (const b of browser.sizes) {
    problems.push(...b.problems.map((p) => `${count(b.n)} customers: ${p}`));
    const nat = nativeOf(b.n);
    if (nat && !sameJson(nat.summary, b.summary)) {
      problems.push(`${count(b.n)} customers: native and wasm results differ`);
    }
  }

  out('# Benchmark results — tiering + concentration');
  out();
  out(`Generated by \`bench/run.sh\` (\`make bench\`) on ${finishedAt}. Do not edit by hand; see`);
  out('`bench/README.md` for what is measured and how results are checked.');
  out();
  out(`Medians of ${options.runs} timed runs (interleaved rounds) after ${options.warmup} warm-up runs, in ms,`);
  out('with the fastest and slowest run in parentheses. "Tiering + concentration" = the five default tier');
  out('rules over every customer, the count per tier, and every concentration figure of revenue');
  out('(SPEC §3.2: top 1/10/20 % shares, customers for 80 %, Lorenz curve, Gini, HHI, decile ratio,');
  out(`Pareto curve). Synthetic customers from \`synthetic::customers(n, 0x${BigInt(browser.seed).toString(16)})\`.`);
  out();

  const rows = [
    ['Native, struct path (assign_all + counts + analyse_customers)', (n) => nativeOf(n)?.struct.runs_ms],
    ['Native, columnar path (rules over columns + analyse)', (n) => nativeOf(n)?.columnar.runs_ms],
    ['wasm -O3, struct path', (n, b) => b.times['wasm-o3/struct']],
    ['wasm -O3, columnar path', (n, b) => b.times['wasm-o3/columnar']],
    ['wasm as the app ships (opt-level z, -Oz), struct path', (n, b) => b.times['wasm-app/struct']],
    ['wasm as the app ships (opt-level z, -Oz), columnar path', (n, b) => b.times['wasm-app/columnar']],
    ['JavaScript, typed arrays', (n, b) => b.times['js-typed']],
    ['JavaScript, Arquero 7.2.1', (n, b) => b.times['arquero']],
  ];
  out('## Medians');
  out();
  out(`| implementation | ${sizes.map((n) => `${count(n)} customers`).join(' | ')} |`);
  out(`|---|${sizes.map(() => '---:').join('|')}|`);
  for (const [label, get] of rows) {
    const cells = browser.sizes.map((b) => {
      const t = get(b.n, b);
      return t ? spread(t) : '—';
    });
    out(`| ${label} | ${cells.join(' | ')} |`);
  }
  out();

  out('## Ratios (ours / peer; below 1 = ours faster, speed-up in parentheses)');
  out();
  const ours = [
    ['wasm -O3, struct', 'wasm-o3/struct'],
    ['wasm -O3, columnar', 'wasm-o3/columnar'],
    ['wasm as app, struct', 'wasm-app/struct'],
    ['wasm as app, columnar', 'wasm-app/columnar'],
  ];
  out(`| ours | peer | ${sizes.map((n) => `${count(n)}`).join(' | ')} |`);
  out(`|---|---|${sizes.map(() => '---:').join('|')}|`);
  for (const [peerLabel, peerKey] of [['JS typed arrays', 'js-typed'], ['Arquero', 'arquero']]) {
    for (const [label, key] of ours) {
      const cells = browser.sizes.map((b) => {
        const r = median(b.times[key]) / median(b.times[peerKey]);
        return `${r.toFixed(3)} (${(1 / r).toFixed(1)}×)`;
      });
      out(`| ${label} | ${peerLabel} | ${cells.join(' | ')} |`);
    }
  }
  out();

  out(`## Budget (${count(BUDGET_SIZE)} customers, wasm in Chromium)`);
  out();
  const budgetSize = browser.sizes.find((b) => b.n === BUDGET_SIZE);
  const verdicts = [];
  if (!budgetSize) {
    out(`Not checked: the run did not include ${count(BUDGET_SIZE)} customers.`);
  } else {
    out(`| build and path | median ms | ≤ ${BUDGET_MS} ms | Arquero / ours | ≥ ${BUDGET_VS_ARQUERO}× faster than Arquero |`);
    out('|---|---:|:-:|---:|:-:|');
    const arq = median(budgetSize.times.arquero);
    for (const [label, key] of ours) {
      const t = median(budgetSize.times[key]);
      const fast = t <= BUDGET_MS;
      const speedup = arq / t;
      const beats = speedup >= BUDGET_VS_ARQUERO;
      verdicts.push(`${label}: ${ms(t)} ms ${fast ? 'meets' : 'MISSES'} ${BUDGET_MS} ms; ` +
        `${speedup.toFixed(1)}× Arquero ${beats ? 'meets' : 'MISSES'} ${BUDGET_VS_ARQUERO}×`);
      out(`| ${label} | ${ms(t)} | ${fast ? 'yes' : '**no**'} | ${speedup.toFixed(1)}× | ${beats ? 'yes' : '**no**'} |`);
    }
  }
  out();

  out('## Where the time goes (medians, ms)');
  out();
  const parts = [
    ['struct: assign_all + counts', 'assign_all_and_counts', 'struct-tiers'],
    ['struct: analyse_customers(revenue)', 'analyse_customers_revenue', 'struct-concentration'],
    ['columnar: rules + counts', 'columnar_tier_counts', 'columnar-tiers'],
    ['columnar: analyse(revenue column)', 'analyse_revenue', 'columnar-concentration'],
  ];
  out(`| part | ${sizes.map((n) => `native ${count(n)} | wasm -O3 ${count(n)} | wasm app ${count(n)}`).join(' | ')} |`);
  out(`|---|${sizes.map(() => '---:|---:|---:').join('|')}|`);
  for (const [label, nativeKey, wasmKey] of parts) {
    const cells = browser.sizes.map((b) => {
      const nat = nativeKey && nativeOf(b.n)?.[nativeKey];
      return [
        nat ? ms(nat.median_ms) : '—',
        ms(median(b.times[`wasm-o3/${wasmKey}`])),
        ms(median(b.times[`wasm-app/${wasmKey}`])),
      ].join(' | ');
    });
    out(`| ${label} | ${cells.join(' | ')} |`);
  }
  out();
  out('Generating the customers is not timed in the table above; for reference (ms):');
  out();
  out(`| customers | native | wasm -O3 | wasm app |`);
  out('|---:|---:|---:|---:|');
  for (const b of browser.sizes) {
    const nat = nativeOf(b.n);
    out(`| ${count(b.n)} | ${nat ? ms(nat.generate_ms) : '—'} | ${ms(b.generate_ms.o3)} | ${ms(b.generate_ms.app)} |`);
  }
  out();

  out('## Results checked');
  out();
  if (problems.length === 0) {
    out('All implementations agree at every size: tier counts, customers used / left out, group');
    out('sizes and customers-for-80 % exactly; total, Gini, HHI, top shares and decile ratio to 1e-9');
    out('relative; the 1,001 Lorenz points to 1e-9 absolute. Struct and columnar paths give');
    out('bit-identical figures, and so do native, wasm -O3 and wasm-as-app (same data, same code).');
  } else {
    out('**Differences found:**');
    out();
    for (const p of problems) out(`- ${p}`);
  }
  out();
  out('The data (from the wasm struct path):');
  out();
  out(`| customers | strategic | value | potential | ordinary | general | revenue used | negative left out | top 1 % | top 10 % | top 20 % | customers for 80 % | Gini | HHI | decile ratio |`);
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const b of browser.sizes) {
    const s = b.summary;
    const tiers = s.tier_counts.map((c) => `${count(c)} (${pct(c / b.n)})`);
    out(`| ${count(b.n)} | ${tiers.join(' | ')} | ${count(s.n)} | ${count(s.excluded_negative)} | ` +
      `${s.top_shares.map(pct).join(' | ')} | ${count(s.customers_for_80)} (${pct(s.customers_for_80 / s.n)}) | ` +
      `${s.gini.toFixed(4)} | ${s.hhi.toFixed(2)} | ${s.decile_ratio === null ? '—' : s.decile_ratio.toFixed(2) + '×'} |`);
  }
  out();

  out('## Machine');
  out();
  out(`- CPU: ${m.cpu}, \`nproc\` = ${m.nproc}, ${m.memory} RAM`);
  out(`- ${m.os}`);
  out(`- Chromium ${m.chromium} (\`${m.chromiumBinary}\`), headless via playwright-core`);
  out(`- ${m.rustc}; Node ${m.node}`);
  out(`- performance.now() ${browser.crossOriginIsolated ? 'cross-origin isolated (5 µs resolution)' : 'not isolated (100 µs resolution)'}; ` +
    `forced GC between implementations: ${browser.gcBetweenImplementations ? 'yes' : 'no'}`);
  const load = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  if (native?.load_before) {
    out(`- Load average (1/5/15 min) around the native run: ${load(native.load_before)} before, ` +
      `${load(native.load_after)} after`);
  }
  out(`- Load average (1/5/15 min) around the browser run: ${load(loadBefore)} before, ${load(loadAfter)} after. ` +
    `A load above ${m.nproc} (\`nproc\`) means other work shared the CPUs: the timings are then pessimistic.`);
  out();

  out('## App release wasm size');
  out();
  const size = appWasmSize();
  if (size) {
    out(`\`${size.file}\` (built ${size.built}): **${count(size.raw)} bytes raw, ${count(size.gzip)} bytes gzip -9**.`);
    out('Measured on whatever `trunk build --release` last produced; `bench/SIZE.md` has the profile comparison.');
  } else {
    out('No `dist/*.wasm`: run `make build` (trunk build --release) before `make bench` to record it.');
  }
  out();

  out('## Rule edit → updated view at 100,000 customers (e2e)');
  out();
  const e2eFile = path.join(BENCH_DIR, 'e2e-rule-edit.md');
  if (fs.existsSync(e2eFile)) {
    out(fs.readFileSync(e2eFile, 'utf8').trim());
  } else {
    out('*Pending — measured by the e2e suite, not by this harness.* When `bench/e2e-rule-edit.md`');
    out('exists, its content is copied here verbatim on the next `make bench`.');
  }
  out();
  if (fs.existsSync(LTC_FILE)) {
    out(fs.readFileSync(LTC_FILE, 'utf8').trim());
    out();
  }
  fs.writeFileSync(options.out, lines.join('\n'));
  return { problems: [...problems, ...ltcProblems], verdicts };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const native = options.native ? JSON.parse(fs.readFileSync(options.native, 'utf8')) : null;
  const loadBefore = loadAverage();
  const { result, browserVersion } = await browserRun(options);
  const loadAfter = loadAverage();
  const finishedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const { problems, verdicts } = report({
    options, native, browser: result, browserVersion, loadBefore, loadAfter, finishedAt,
  });
  console.log(`wrote ${path.relative(process.cwd(), options.out)}`);
  for (const v of verdicts) console.log(`budget: ${v}`);
  if (problems.length) {
    for (const p of problems) console.error(`MISMATCH ${p}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
