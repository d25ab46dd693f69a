#!/usr/bin/env node
// Second step of trunk's post_build hook (scripts/post-build.mjs), after externalize-loader.mjs
// has rewritten index.html and added loader-<hash>.js: writes `<file>.br` (brotli, quality 11) and
// `<file>.gz` (gzip -9) beside every .wasm, .js, .css, .svg, .json and .html file of the build, so
// that a server serving precompressed siblings (nginx `gzip_static` / `brotli_static`) sends the
// smallest form without compressing on every request — and brotli at quality 11, which is too
// slow to do on the fly.
//
//   node scripts/precompress.mjs            # in a trunk hook: works on $TRUNK_STAGING_DIR
//   node scripts/precompress.mjs <dir>      # on a built directory (recursively)
//
// - A compressed form that is not smaller than the file is not written (and an older one removed).
// - `embed.json` is left alone: whoever deploys dist/ edits it, and a server with gzip_static
//   would go on sending the stale `.gz` of the shipped file.
// - Under `trunk serve` (the staging directory holds trunk-autoreload-<hash>.js) the hook does
//   nothing: trunk's own server never sends these files, and brotli 11 of the wasm takes seconds.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Extensions of the files that get compressed siblings. */
export const COMPRESSIBLE = new Set(['.wasm', '.js', '.css', '.svg', '.json', '.html']);
/** Files (by name) edited after the build, which must never have a stale compressed sibling. */
export const DEPLOY_TIME_FILES = new Set(['embed.json']);

/** gzip at level 9, as `gzip -9` (the figure bench/SIZE.md and bench/RESULTS.md report). */
export const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 });

/** brotli at quality 11 (the highest), with the input size as hint. */
export const brotli = (bytes) =>
  zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });

const ENCODINGS = [
  { suffix: '.br', compress: brotli },
  { suffix: '.gz', compress: gzip },
];

/** Every regular file under `dir`, as paths relative to it, sorted. */
function filesUnder(dir, rel = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const name = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(dir, name));
    else if (entry.isFile()) out.push(name);
  }
  return out.sort();
}

/**
 * Writes the `.br` and `.gz` siblings of every compressible file under `dir`.
 * @returns {{file: string, raw: number, br: number|null, gz: number|null}[]} one entry per
 *   compressible file; `br` / `gz` are the sizes written, `null` when that form was not smaller.
 */
export function precompress(dir) {
  const results = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
    const full = path.join(dir, file);
    const siblings = ENCODINGS.map(({ suffix }) => full + suffix);
    if (DEPLOY_TIME_FILES.has(path.basename(file))) {
      for (const sibling of siblings) fs.rmSync(sibling, { force: true });
      continue;
    }
    const bytes = fs.readFileSync(full);
    const { atime, mtime } = fs.statSync(full);
    const entry = { file, raw: bytes.length, br: null, gz: null };
    for (const { suffix, compress } of ENCODINGS) {
      const sibling = full + suffix;
      const packed = compress(bytes);
      if (packed.length >= bytes.length) {
        fs.rmSync(sibling, { force: true });
        continue;
      }
      fs.writeFileSync(sibling, packed);
      // Same modification time as the file, so Last-Modified / ETag agree whichever is sent.
      fs.utimesSync(sibling, atime, mtime);
      entry[suffix.slice(1)] = packed.length;
    }
    results.push(entry);
  }
  return results;
}

/**
 * True when `dir` is a `trunk serve` build: the loader step has moved trunk serve's autoreload
 * script into trunk-autoreload-<hash>.js. Trunk's own server never sends .br / .gz files.
 */
export function underTrunkServe(dir) {
  return fs.readdirSync(dir).some((f) => /^trunk-autoreload-[0-9a-f]+\.js$/.test(f));
}

/** One line on what `precompress` wrote: totals served with the siblings, files left as they are. */
export function summary(results) {
  const served = (key) => results.reduce((n, r) => n + (r[key] ?? r.raw), 0);
  const fmt = (n) => n.toLocaleString('en-US');
  const kept = results.filter((r) => r.br === null || r.gz === null).map((r) => r.file);
  return (
    `${results.length} files, ${fmt(served('raw'))} bytes: with .br ${fmt(served('br'))}, with .gz ${fmt(served('gz'))} bytes` +
    (kept.length ? `; not smaller compressed (left as they are): ${kept.join(', ')}` : '')
  );
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const self = path.relative(process.cwd(), fileURLToPath(import.meta.url));
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  try {
    if (!dir) throw new Error('no directory: pass one or run as a trunk hook (TRUNK_STAGING_DIR)');
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`not a directory: ${dir}`);
    if (!process.argv[2] && underTrunkServe(dir)) {
      console.log(`[${self}] trunk serve: no precompressed files (trunk's server does not use them)`);
    } else {
      const started = Date.now();
      const line = summary(precompress(dir));
      console.log(`[${self}] ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } catch (err) {
    console.error(`[${self}] error: ${err.message}`);
    process.exit(1);
  }
}
