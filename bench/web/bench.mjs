// The browser half of the benchmark. `bench/driver.mjs` opens index.html in headless Chromium and
// calls `window.kamBench.run(options)`, which for every size N:
//
//   1. builds N synthetic customers inside each wasm build (`new Bench(N, seed)`, not timed) and
//      copies the columns of the first build into typed arrays for the JavaScript peers,
//   2. runs every implementation once and checks its result against the wasm struct path
//      (struct vs columnar inside wasm, build vs build, and peers.mjs: compareSummaries),
//   3. warms every implementation up (`warmup` untimed calls each), then times `runs` rounds; a
//      round calls every implementation once, in turn, with performance.now() around the call and
//      a forced garbage collection before it. Interleaving spreads any background load on the
//      machine evenly over the implementations instead of penalising whichever ran at a busy moment.

import initO3, { Bench as BenchO3, LtcBench as LtcBenchO3 } from './pkg-o3/kam_bench.js';
import initApp, { Bench as BenchApp, LtcBench as LtcBenchApp } from './pkg-app/kam_bench.js';
import { typedArrays, arquero, compareSummaries } from './peers.mjs';

const BUILDS = [
  { id: 'o3', init: initO3, Bench: BenchO3, LtcBench: LtcBenchO3, wasm: './pkg-o3/kam_bench_bg.wasm' },
  { id: 'app', init: initApp, Bench: BenchApp, LtcBench: LtcBenchApp, wasm: './pkg-app/kam_bench_bg.wasm' },
];

const logElement = document.getElementById('log');
function log(message) {
  console.log(message);
  logElement.textContent += message + '\n';
}

function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/** Calls `fn` once, timed in ms, after a forced garbage collection. */
function timeOnce(fn) {
  collectGarbage();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const median = (times) => {
  const t = [...times].sort((a, b) => a - b);
  const mid = t.length >> 1;
  return t.length % 2 ? t[mid] : (t[mid - 1] + t[mid]) / 2;
};

/**
 * The LTC rows: in each build, a synthetic document of `ltc.opportunities` opportunities and
 * `ltc.contracts` contracts on `ltc.customers` customers (not timed), checked build against
 * build, then warmed up and timed in interleaved rounds like the tiering rows.
 */
function runLtc({ customers, opportunities, contracts }, seedBig, warmup, runs) {
  const entry = { customers, opportunities, contracts, generate_ms: {}, times: {}, problems: [], summary: null };
  const implementations = [];
  const benches = [];
  for (const build of BUILDS) {
    const started = performance.now();
    const bench = new build.LtcBench(customers, opportunities, contracts, seedBig);
    entry.generate_ms[build.id] = performance.now() - started;
    benches.push(bench);
    log(`LTC: wasm ${build.id} generated ${opportunities} opportunities, ${contracts} contracts in ${entry.generate_ms[build.id].toFixed(0)} ms`);
    const summary = JSON.parse(bench.summary());
    if (entry.summary === null) entry.summary = summary;
    else if (JSON.stringify(summary) !== JSON.stringify(entry.summary)) {
      entry.problems.push(`LTC wasm ${build.id}: results differ from wasm ${BUILDS[0].id}`);
    }
    const id = `wasm-${build.id}`;
    implementations.push(
      [`${id}/weighted_pipeline`, () => bench.run_weighted_pipeline()],
      [`${id}/coverage_four_keys`, () => bench.run_coverage()],
      [`${id}/receivables`, () => bench.run_receivables()],
      [`${id}/column_totals`, () => bench.run_column_totals()],
      [`${id}/board_full`, () => bench.run_board_full()],
      [`${id}/board_after_move`, () => bench.run_board_after_move()],
    );
  }
  for (const [id, fn] of implementations) {
    entry.times[id] = [];
    for (let i = 0; i < warmup; i++) fn();
  }
  log(`LTC: warmed up; timing ${runs} rounds of ${implementations.length} calls`);
  for (let round = 0; round < runs; round++) {
    for (const [id, fn] of implementations) entry.times[id].push(timeOnce(fn));
  }
  for (const [id] of implementations) log(`LTC: ${id} median ${median(entry.times[id]).toFixed(1)} ms`);
  for (const bench of benches) bench.free();
  return entry;
}

async function run({ sizes, warmup, runs, seed, ltc }) {
  for (const build of BUILDS) await build.init({ module_or_path: build.wasm });
  const seedBig = BigInt(seed ?? BenchO3.default_seed());
  const result = {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    gcBetweenImplementations: typeof globalThis.gc === 'function',
    seed: seedBig.toString(),
    warmup,
    runs,
    sizes: [],
  };
  for (const n of sizes) {
    const entry = { n, generate_ms: {}, times: {}, problems: [], summary: null };
    const implementations = [];
    const benches = [];
    let columns = null;
    for (const build of BUILDS) {
      const started = performance.now();
      const bench = new build.Bench(n, seedBig);
      entry.generate_ms[build.id] = performance.now() - started;
      benches.push(bench);
      log(`${n}: wasm ${build.id} generated ${n} customers in ${entry.generate_ms[build.id].toFixed(0)} ms`);
      bench.run_struct();
      bench.run_columnar();
      const disagreement = bench.disagreement();
      if (disagreement) entry.problems.push(`wasm ${build.id}: ${disagreement}`);
      const summary = JSON.parse(bench.struct_summary());
      if (entry.summary === null) entry.summary = summary;
      else if (JSON.stringify(summary) !== JSON.stringify(entry.summary)) {
        entry.problems.push(`wasm ${build.id}: results differ from wasm ${BUILDS[0].id}`);
      }
      if (columns === null) {
        columns = {
          purchase: new Float64Array(bench.purchase()),
          revenue: new Float64Array(bench.revenue()),
          flags: new Uint8Array(bench.flags()),
          line_set: new Uint8Array(bench.line_set()),
          rank: new Int32Array(bench.rank()),
        };
      }
      const id = `wasm-${build.id}`;
      implementations.push(
        [`${id}/struct`, () => bench.run_struct()],
        [`${id}/columnar`, () => bench.run_columnar()],
        [`${id}/struct-tiers`, () => bench.run_struct_tiers()],
        [`${id}/struct-concentration`, () => bench.run_struct_concentration()],
        [`${id}/columnar-tiers`, () => bench.run_columnar_tiers()],
        [`${id}/columnar-concentration`, () => bench.run_columnar_concentration()],
      );
    }
    const peers = [
      ['js-typed', () => typedArrays(columns)],
      ['arquero', () => arquero(globalThis.aq, columns)],
    ];
    for (const [id, fn] of peers) {
      const problems = compareSummaries(entry.summary, fn());
      entry.problems.push(...problems.map((p) => `${id}: ${p}`));
      log(`${n}: ${id} ${problems.length ? `${problems.length} differences` : 'results equal'}`);
    }
    implementations.push(...peers);

    for (const [id, fn] of implementations) {
      entry.times[id] = [];
      for (let i = 0; i < warmup; i++) fn();
    }
    log(`${n}: warmed up; timing ${runs} rounds of ${implementations.length} implementations`);
    for (let round = 0; round < runs; round++) {
      for (const [id, fn] of implementations) entry.times[id].push(timeOnce(fn));
    }
    for (const [id] of implementations) log(`${n}: ${id} median ${median(entry.times[id]).toFixed(1)} ms`);
    for (const bench of benches) bench.free();
    result.sizes.push(entry);
  }
  if (ltc) result.ltc = runLtc(ltc, seedBig, warmup, runs);
  return result;
}

window.kamBench = { run, arqueroVersion: globalThis.aq ? 'loaded' : 'missing' };
