#!/usr/bin/env node
// The release size of the built app, and its budget (`make test-size`, part of `make test`):
//
//   node scripts/size-check.mjs [distDir=dist] [--budget bench/size-budget.json]
//
// Prints raw, gzip -9 and brotli 11 bytes of the main wasm (`kam-planner-<hash>_bg.wasm`), of
// every other `*_bg.wasm` (a worker's, say: not part of the first load) and of the first load —
// index.html with every file it links and the files its module scripts import. Fails (exit 1)
// when the main wasm's gzip size is over `main_wasm_gzip_max` of bench/size-budget.json, the one
// place the budget is kept. Sizes are computed with Node's zlib, with the same settings as the
// .gz / .br files of the build (scripts/precompress.mjs).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { brotli, gzip } from './precompress.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = 'scripts/size-check.mjs';
const MAIN_WASM = /^kam-planner-[0-9a-f]+_bg\.wasm$/;
const ANY_WASM = /_bg\.wasm$/;

class CheckError extends Error {}

const fmt = (n) => n.toLocaleString('en-US');
/** `p` relative to the working directory when it lies under it, else as it is. */
const shown = (p) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p) || '.');

function parseArgs(argv) {
  let dist = path.join(REPO_ROOT, 'dist');
  let budget = path.join(REPO_ROOT, 'bench', 'size-budget.json');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--budget') {
      if (!argv[i + 1]) throw new CheckError('--budget needs a file');
      budget = path.resolve(argv[++i]);
    } else if (argv[i].startsWith('--')) {
      throw new CheckError(`unknown option ${argv[i]}`);
    } else {
      dist = path.resolve(argv[i]);
    }
  }
  return { dist, budget };
}

function readBudget(file) {
  let budget;
  try {
    budget = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CheckError(`cannot read the budget ${file}: ${err.message}`);
  }
  const max = budget?.main_wasm_gzip_max;
  if (!Number.isSafeInteger(max) || max <= 0) {
    throw new CheckError(`${file}: main_wasm_gzip_max must be a positive whole number of bytes, found ${JSON.stringify(max)}`);
  }
  return max;
}

/** The local files a page or module names (`href` / `src` / imports), relative to `dir`. */
function referencedFiles(dir, text) {
  const out = new Set();
  const refs = [
    ...[...text.matchAll(/\s(?:href|src)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]),
    ...[...text.matchAll(/\bimport\b[^'"]*['"]([^'"]+\.js)['"]/g)].map((m) => m[1]),
    ...[...text.matchAll(/['"]([^'"\s]+\.wasm)['"]/g)].map((m) => m[1]),
  ];
  for (const ref of refs) {
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(ref)) continue; // another origin, data:, a fragment
    const file = path.posix.normalize(ref.split(/[?#]/)[0].replace(/^\.?\//, ''));
    if (fs.existsSync(path.join(dir, file))) out.add(file);
  }
  return out;
}

/**
 * What a first visit fetches: index.html, the files it links (stylesheets, icon, scripts,
 * preloads), what its module scripts import (trunk's loader: the bindings and the wasm) and the
 * default language's catalogue.
 */
function firstLoadFiles(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = new Set(['index.html', ...referencedFiles(dist, html)]);
  // The catalogue of the default language (zh-CN), which the app fetches before it mounts; the
  // other language's and the import worker's files load only when used.
  const catalogue = /<meta name="kam-i18n-zh-CN" content="\.\/([^"]+)"/.exec(html);
  if (catalogue && fs.existsSync(path.join(dist, catalogue[1]))) files.add(catalogue[1]);
  for (const file of [...files]) {
    if (file.endsWith('.js')) for (const ref of referencedFiles(dist, fs.readFileSync(path.join(dist, file), 'utf8'))) files.add(ref);
  }
  return [...files].sort();
}

const cache = new Map();
function sizes(dist, file) {
  if (!cache.has(file)) {
    const bytes = fs.readFileSync(path.join(dist, file));
    cache.set(file, { raw: bytes.length, gzip: gzip(bytes).length, brotli: brotli(bytes).length });
  }
  return cache.get(file);
}

const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** "17 css, 2 js, 1 svg" for a list of files. */
function kinds(files) {
  const count = new Map();
  for (const f of files) {
    const ext = path.extname(f).slice(1) || f;
    count.set(ext, (count.get(ext) ?? 0) + 1);
  }
  return [...count].map(([ext, n]) => `${n} ${ext}`).join(', ');
}

function check({ dist, budget: budgetFile }) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new CheckError(`no built app in ${dist} (index.html missing): run \`make build\` first`);
  }
  const max = readBudget(budgetFile);
  const wasm = fs.readdirSync(dist).filter((f) => ANY_WASM.test(f)).sort();
  const main = wasm.filter((f) => MAIN_WASM.test(f));
  if (main.length !== 1) {
    throw new CheckError(`expected one main wasm kam-planner-<hash>_bg.wasm in ${dist}, found ${main.length ? main.join(', ') : 'none'}`);
  }
  const others = wasm.filter((f) => f !== main[0]);
  const firstLoad = firstLoadFiles(dist);
  if (!firstLoad.includes(main[0])) {
    throw new CheckError(`index.html and its loader do not name ${main[0]}: is dist/ from one build?`);
  }

  const rows = [
    [`main wasm \`${main[0]}\``, sizes(dist, main[0])],
    ...others.map((f) => [`other wasm \`${f}\` (not in the first load)`, sizes(dist, f)]),
    [`first load: ${firstLoad.length} files (${kinds(firstLoad)})`, sum(firstLoad.map((f) => sizes(dist, f)))],
  ];
  console.log(`Release size of ${shown(dist)}/ (gzip -9 and brotli 11 as Node's zlib writes them; bytes)\n`);
  console.log('| | raw | gzip -9 | brotli 11 |');
  console.log('|---|---:|---:|---:|');
  for (const [label, s] of rows) console.log(`| ${label} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`);

  const gz = sizes(dist, main[0]).gzip;
  const diff = gz - max;
  const pct = ((Math.abs(diff) / max) * 100).toFixed(1);
  const budgetRel = shown(budgetFile);
  console.log(`\nBudget (${budgetRel}, main_wasm_gzip_max): ${fmt(max)} bytes gzip for the main wasm.`);
  if (diff > 0) {
    throw new CheckError(
      `the main wasm ${main[0]} is ${fmt(gz)} bytes gzip, ${fmt(diff)} bytes (${pct} %) over the budget of ${fmt(max)}. ` +
        `Make it smaller, or raise main_wasm_gzip_max in ${budgetRel} and say why in bench/SIZE.md.`,
    );
  }
  console.log(`OK: ${fmt(gz)} bytes, ${fmt(-diff)} bytes (${pct} %) under the budget.`);
}

try {
  check(parseArgs(process.argv.slice(2)));
} catch (err) {
  if (!(err instanceof CheckError)) throw err;
  console.error(`\n[${SELF}] FAIL: ${err.message}`);
  process.exit(1);
}
