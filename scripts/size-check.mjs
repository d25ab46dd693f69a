#!/usr/bin/env node
// The release size of the built app, and its budget (`make test-size`, part of `make test`):
//
//   node scripts/size-check.mjs [distDir=dist] [--budget bench/size-budget.json]
//
// Prints raw, gzip -9 and brotli 11 bytes of the main wasm (`kam-planner-<hash>_bg.wasm`, the
// first-load module), of the tools module's (`kam-tools-<hash>_bg.wasm`, the whole app, fetched
// when another tool is opened), of every other `*_bg.wasm` (the import worker's) and of the first
// load — index.html with every file it links and the files its module scripts import. Fails
// (exit 1) when the main wasm's gzip size is over `main_wasm_gzip_max` of
// bench/size-budget.json, or the tools module's over `tools_wasm_gzip_max` — the one place the
// budgets are kept. Sizes are computed with Node's zlib, with the same settings as the
// .gz / .br files of the build (scripts/precompress.mjs).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { brotli, gzip } from './precompress.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = 'scripts/size-check.mjs';
const MAIN_WASM = /^kam-planner-[0-9a-f]+_bg\.wasm$/;
const TOOLS_WASM = /^kam-tools-[0-9a-f]+_bg\.wasm$/;
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

/** The budgets: `{ main, tools }`, gzip bytes. */
function readBudget(file) {
  let budget;
  try {
    budget = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CheckError(`cannot read the budget ${file}: ${err.message}`);
  }
  const out = {};
  for (const [key, name] of [['main_wasm_gzip_max', 'main'], ['tools_wasm_gzip_max', 'tools']]) {
    const max = budget?.[key];
    if (!Number.isSafeInteger(max) || max <= 0) {
      throw new CheckError(`${file}: ${key} must be a positive whole number of bytes, found ${JSON.stringify(max)}`);
    }
    out[name] = max;
  }
  return out;
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
  const budget = readBudget(budgetFile);
  const wasm = fs.readdirSync(dist).filter((f) => ANY_WASM.test(f)).sort();
  const one = (re, what) => {
    const found = wasm.filter((f) => re.test(f));
    if (found.length !== 1) {
      throw new CheckError(`expected one ${what} in ${dist}, found ${found.length ? found.join(', ') : 'none'}`);
    }
    return found[0];
  };
  const main = one(MAIN_WASM, 'main wasm kam-planner-<hash>_bg.wasm');
  const tools = one(TOOLS_WASM, 'tools module kam-tools-<hash>_bg.wasm');
  const others = wasm.filter((f) => f !== main && f !== tools);
  const firstLoad = firstLoadFiles(dist);
  if (!firstLoad.includes(main)) {
    throw new CheckError(`index.html and its loader do not name ${main}: is dist/ from one build?`);
  }
  if (firstLoad.includes(tools)) {
    throw new CheckError(`the first load names the tools module ${tools}: it must load only when another tool is opened`);
  }

  const rows = [
    [`main wasm \`${main}\` (the first-load module)`, sizes(dist, main)],
    [`tools module \`${tools}\` (not in the first load)`, sizes(dist, tools)],
    ...others.map((f) => [`other wasm \`${f}\` (not in the first load)`, sizes(dist, f)]),
    [`first load: ${firstLoad.length} files (${kinds(firstLoad)})`, sum(firstLoad.map((f) => sizes(dist, f)))],
  ];
  console.log(`Release size of ${shown(dist)}/ (gzip -9 and brotli 11 as Node's zlib writes them; bytes)\n`);
  console.log('| | raw | gzip -9 | brotli 11 |');
  console.log('|---|---:|---:|---:|');
  for (const [label, s] of rows) console.log(`| ${label} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} |`);

  const budgetRel = shown(budgetFile);
  const over = [];
  for (const [file, max, key] of [[main, budget.main, 'main_wasm_gzip_max'], [tools, budget.tools, 'tools_wasm_gzip_max']]) {
    const gz = sizes(dist, file).gzip;
    const diff = gz - max;
    const pct = ((Math.abs(diff) / max) * 100).toFixed(1);
    if (diff > 0) {
      over.push(`${file} is ${fmt(gz)} bytes gzip, ${fmt(diff)} bytes (${pct} %) over ${key} = ${fmt(max)}`);
    } else {
      console.log(`OK: ${file} ${fmt(gz)} bytes gzip, ${fmt(-diff)} bytes (${pct} %) under ${key} = ${fmt(max)} (${budgetRel}).`);
    }
  }
  if (over.length) {
    throw new CheckError(`${over.join('; ')}. Make it smaller, or raise the budget in ${budgetRel} and say why in bench/SIZE.md.`);
  }
}

try {
  check(parseArgs(process.argv.slice(2)));
} catch (err) {
  if (!(err instanceof CheckError)) throw err;
  console.error(`\n[${SELF}] FAIL: ${err.message}`);
  process.exit(1);
}
