// The JavaScript peers of the Rust benchmark kernel: the same "tiering + concentration" over the
// same columns, (a) with plain typed arrays and (b) with Arquero. Both return the summary shape of
// `kam_bench_kernel::summary`, so `compareSummaries` can check them against the wasm result.
//
// Conventions copied from src/domain/concentration.rs (its module documentation is the reference):
// negatives and non-finite values left out and counted; top p % = the first ceil(p·n/100)
// customers of the descending ranking (integer arithmetic); customers for 80 % = smallest k with
// running sum ≥ 0.8·total·(1 − 1e-12); Gini Σ(2i − n − 1)·x_i / (n·Σx) over x ascending;
// HHI Σ(100·s_i)²; decile ratio top 10 % / next 10 %; Lorenz sampled on m + 1 grid points.

export const TOP_GROUPS_PCT = [1, 10, 20];
const TARGET_SLACK = 1e-12;
const MIN_CURVE_SEGMENTS = 100;
const MAX_CURVE_SEGMENTS = 1000;

// The default rules of SPEC §3.1 (mirrored by kam_bench_kernel::default_rules).
const STRATEGIC_PURCHASE = 10_000_000;
const VALUE_PURCHASE = 5_000_000;
const POTENTIAL_PURCHASE = 1_000_000;
const FLAG_NAMED_LIST = 1;
const FLAG_REPEAT_PURCHASE = 2;
const TIERS = 5;

const topK = (n, pct) => Math.floor((n * pct + 99) / 100);

function curveSegments(n) {
  if (n === 0) return MIN_CURVE_SEGMENTS;
  if (n >= MAX_CURVE_SEGMENTS) return MAX_CURVE_SEGMENTS;
  return n * Math.ceil(MIN_CURVE_SEGMENTS / n);
}

/**
 * Lorenz y values on the grid, given `runningAt(k)` = sum of the k largest values.
 * Same construction as the Rust code: Pareto points by linear interpolation, Lorenz mirrored.
 */
function lorenzY(n, total, runningAt) {
  const m = curveSegments(n);
  const pareto = new Float64Array(m + 1);
  for (let t = 0; t <= m; t++) {
    const whole = Math.floor((t * n) / m);
    const frac = (t * n) % m;
    let y = runningAt(whole);
    if (frac > 0) y += (runningAt(whole + 1) - y) * (frac / m);
    const x = t / m;
    pareto[t] = total > 0 ? Math.min(Math.max(y / total, 0), 1) : x;
  }
  const lorenz = new Array(m + 1);
  for (let t = 0; t <= m; t++) {
    lorenz[t] = total > 0 ? Math.min(Math.max(1 - pareto[m - t], 0), 1) : t / m;
  }
  return lorenz;
}

function figures({ n, negative, nonFinite, total, sumSq, giniSum, topSums, k80 }) {
  const ks = TOP_GROUPS_PCT.map((p) => topK(n, p));
  const second = topSums[2] - topSums[1];
  return {
    n,
    excluded_negative: negative,
    excluded_non_finite: nonFinite,
    total,
    top_customers: ks,
    top_shares: topSums.map((s) => (total > 0 ? s / total : 0)),
    customers_for_80: k80,
    gini: total > 0 ? Math.max(giniSum / (n * total), 0) : 0,
    hhi: total > 0 ? (10000 * sumSq) / (total * total) : 0,
    decile_ratio: second > 0 ? topSums[1] / second : null,
  };
}

// ---------------------------------------------------------------------------------------------
// (a) Plain typed arrays.

/** Tiering + concentration over typed-array columns. */
export function typedArrays(cols) {
  const { purchase, revenue, flags, line_set: lineSet, rank } = cols;
  const n0 = purchase.length;
  const counts = new Array(TIERS).fill(0);
  for (let i = 0; i < n0; i++) {
    const p = purchase[i];
    const f = flags[i];
    const r = rank[i];
    const named = (f & FLAG_NAMED_LIST) !== 0 || (r >= 1 && r <= 3);
    const repeat = (f & FLAG_REPEAT_PURCHASE) !== 0;
    let tier;
    if (p >= STRATEGIC_PURCHASE || named) tier = 0;
    else if (lineSet[i] !== 0 || p >= VALUE_PURCHASE) tier = 1;
    else if (p >= POTENTIAL_PURCHASE && repeat) tier = 2;
    else if (p > 0 && repeat) tier = 3;
    else tier = 4;
    counts[tier]++;
  }

  // Keep finite, non-negative values (−0 folded into +0), sort ascending, walk from the top.
  const kept = new Float64Array(revenue.length);
  let n = 0;
  let negative = 0;
  let nonFinite = 0;
  for (let i = 0; i < revenue.length; i++) {
    const v = revenue[i];
    if (!Number.isFinite(v)) nonFinite++;
    else if (v < 0) negative++;
    else kept[n++] = v + 0;
  }
  const asc = kept.subarray(0, n).sort();
  // running[k] = sum of the k largest values.
  const running = new Float64Array(n + 1);
  let sumSq = 0;
  let giniSum = 0;
  for (let j = 0; j < n; j++) {
    const x = asc[n - 1 - j];
    running[j + 1] = running[j] + x;
    sumSq += x * x;
    giniSum += (n - 1 - 2 * j) * x;
  }
  const total = running[n];
  const target = 0.8 * total * (1 - TARGET_SLACK);
  let k80 = 0;
  if (total > 0) {
    while (running[k80] < target) k80++;
  }
  const topSums = TOP_GROUPS_PCT.map((p) => running[topK(n, p)]);
  return {
    tier_counts: counts,
    ...figures({ n, negative, nonFinite, total, sumSq, giniSum, topSums, k80 }),
    lorenz_y: lorenzY(n, total, (k) => running[k]),
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Arquero: a table of the columns, tier by a derived expression, counts by groupby/count,
// concentration by filter → orderby → row_number / rolling sum → rollup.

/** Tiering + concentration with Arquero (`aq` is the library namespace). */
export function arquero(aq, cols) {
  const { op } = aq;
  const customers = aq.table(cols);

  const tierCounts = customers
    .derive({
      tier: (d) =>
        d.purchase >= 10000000 || (d.flags & 1) !== 0 || (d.rank >= 1 && d.rank <= 3)
          ? 0
          : d.line_set !== 0 || d.purchase >= 5000000
            ? 1
            : d.purchase >= 1000000 && (d.flags & 2) !== 0
              ? 2
              : d.purchase > 0 && (d.flags & 2) !== 0
                ? 3
                : 4,
    })
    .groupby('tier')
    .count()
    .orderby('tier')
    .objects();
  const counts = new Array(TIERS).fill(0);
  for (const { tier, count } of tierCounts) counts[tier] = count;

  const excluded = customers
    .rollup({
      negative: (d) => op.sum(op.is_finite(d.revenue) && d.revenue < 0 ? 1 : 0),
      nonFinite: (d) => op.sum(op.is_finite(d.revenue) ? 0 : 1),
    })
    .object();

  const ranked = customers
    .filter((d) => op.is_finite(d.revenue) && d.revenue >= 0)
    .derive({ value: (d) => d.revenue + 0 })
    .select('value')
    .orderby(aq.desc('value'))
    .derive({
      rank: () => op.row_number(),
      running: aq.rolling((d) => op.sum(d.value)),
    });
  const n = ranked.numRows();
  const [k1, k10, k20] = TOP_GROUPS_PCT.map((p) => topK(n, p));
  const sums = ranked
    .params({ n, k1, k10, k20 })
    .rollup({
      total: (d) => op.sum(d.value),
      sumSq: (d) => op.sum(d.value * d.value),
      giniSum: (d, $) => op.sum(($.n + 1 - 2 * d.rank) * d.value),
      top1: (d, $) => op.sum(d.rank <= $.k1 ? d.value : 0),
      top10: (d, $) => op.sum(d.rank <= $.k10 ? d.value : 0),
      top20: (d, $) => op.sum(d.rank <= $.k20 ? d.value : 0),
    })
    .object();
  const total = n > 0 ? sums.total : 0;
  const target = 0.8 * total * (1 - TARGET_SLACK);
  const k80 =
    total > 0
      ? ranked
          .params({ target })
          .filter((d, $) => d.running >= $.target)
          .rollup({ k: (d) => op.min(d.rank) })
          .get('k', 0)
      : 0;
  const running = ranked.array('running');
  return {
    tier_counts: counts,
    ...figures({
      n,
      negative: excluded.negative ?? 0,
      nonFinite: excluded.nonFinite ?? 0,
      total,
      sumSq: sums.sumSq ?? 0,
      giniSum: sums.giniSum ?? 0,
      topSums: n > 0 ? [sums.top1, sums.top10, sums.top20] : [0, 0, 0],
      k80,
    }),
    lorenz_y: lorenzY(n, total, (k) => (k === 0 ? 0 : running[k - 1])),
  };
}

// ---------------------------------------------------------------------------------------------

const relClose = (a, b, tol) => Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-300);

/**
 * Differences between a peer's summary and ours: counts exactly; Gini, HHI, total, top shares
 * and decile ratio to `rel` relative; Lorenz points to `abs` absolute. Empty when they agree.
 */
export function compareSummaries(ours, theirs, { rel = 1e-9, abs = 1e-9 } = {}) {
  const problems = [];
  const exact = ['n', 'excluded_negative', 'excluded_non_finite', 'customers_for_80'];
  for (const key of exact) {
    if (ours[key] !== theirs[key]) problems.push(`${key}: ours ${ours[key]}, theirs ${theirs[key]}`);
  }
  for (const key of ['tier_counts', 'top_customers']) {
    if (JSON.stringify(ours[key]) !== JSON.stringify(theirs[key])) {
      problems.push(`${key}: ours ${JSON.stringify(ours[key])}, theirs ${JSON.stringify(theirs[key])}`);
    }
  }
  for (const key of ['total', 'gini', 'hhi']) {
    if (!relClose(theirs[key], ours[key], rel)) problems.push(`${key}: ours ${ours[key]}, theirs ${theirs[key]}`);
  }
  ours.top_shares.forEach((s, i) => {
    if (!relClose(theirs.top_shares[i], s, rel)) {
      problems.push(`top ${TOP_GROUPS_PCT[i]} % share: ours ${s}, theirs ${theirs.top_shares[i]}`);
    }
  });
  if ((ours.decile_ratio === null) !== (theirs.decile_ratio === null) ||
      (ours.decile_ratio !== null && !relClose(theirs.decile_ratio, ours.decile_ratio, rel))) {
    problems.push(`decile_ratio: ours ${ours.decile_ratio}, theirs ${theirs.decile_ratio}`);
  }
  if (ours.lorenz_y.length !== theirs.lorenz_y.length) {
    problems.push(`Lorenz points: ours ${ours.lorenz_y.length}, theirs ${theirs.lorenz_y.length}`);
  } else {
    const worst = ours.lorenz_y.reduce((w, y, i) => Math.max(w, Math.abs(y - theirs.lorenz_y[i])), 0);
    if (worst > abs) problems.push(`Lorenz curve differs by up to ${worst}`);
  }
  return problems;
}
