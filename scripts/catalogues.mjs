#!/usr/bin/env node
// Build step (run by scripts/post-build.mjs): merges each language's catalogue files
// (src/ui/locales/<lang>/*.json, one per area) into one `i18n-<lang>-<16 hex of SHA-256>.json`
// beside index.html, and names it in `<meta name="kam-i18n-<lang>" content="./i18n-….json">`,
// which src/ui/i18n.rs reads: the page fetches only the language it shows.
//
//   node scripts/catalogues.mjs <dir>      # on a built directory holding index.html
//
// A file that is not a JSON object of strings, or a key defined twice, fails the build.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class HookError extends Error {}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LOCALES = path.join(REPO_ROOT, 'src', 'ui', 'locales');

/** The merged catalogue of `lang`, as an object. */
export function mergeLanguage(lang, localesDir = LOCALES) {
  const dir = path.join(localesDir, lang);
  const merged = {};
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new HookError(`no catalogue files in ${dir}`);
  for (const file of files) {
    let obj;
    try {
      obj = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      throw new HookError(`${lang}/${file} does not read: ${e.message}`);
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      throw new HookError(`${lang}/${file} is not a JSON object`);
    }
    for (const [key, value] of Object.entries(obj)) {
      if (typeof value !== 'string') throw new HookError(`${lang}/${file}: ${key} is not a string`);
      if (Object.hasOwn(merged, key)) throw new HookError(`${lang}/${file}: ${key} is defined twice`);
      merged[key] = value;
    }
  }
  return merged;
}

/** Writes the catalogues into `dir` and their metas into its index.html; returns the names. */
export function writeCatalogues(dir, localesDir = LOCALES) {
  const htmlPath = path.join(dir, 'index.html');
  if (!fs.existsSync(htmlPath)) throw new HookError(`no index.html in ${dir}`);
  let html = fs.readFileSync(htmlPath, 'utf8');
  if (html.includes('name="kam-i18n-')) throw new HookError(`index.html in ${dir} already names the catalogues`);
  const langs = fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const written = [];
  const metas = [];
  for (const lang of langs) {
    const text = JSON.stringify(mergeLanguage(lang, localesDir));
    const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
    const name = `i18n-${lang}-${hash}.json`;
    fs.writeFileSync(path.join(dir, name), text);
    metas.push(`<meta name="kam-i18n-${lang}" content="./${name}" />`);
    written.push(name);
  }
  if (!/<\/head>/i.test(html)) throw new HookError(`index.html in ${dir} has no </head>`);
  html = html.replace(/<\/head>/i, `  ${metas.join('\n  ')}\n</head>`);
  fs.writeFileSync(htmlPath, html);
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('catalogues: give a directory');
    process.exit(2);
  }
  try {
    console.log(`catalogues: ${writeCatalogues(dir).join(', ')}`);
  } catch (e) {
    console.error(`catalogues: ${e.message}`);
    process.exit(1);
  }
}
