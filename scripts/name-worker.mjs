#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): gives the import worker's files a content hash, as trunk
// gives the page's, and tells the page where the worker is.
//
//   node scripts/name-worker.mjs            # in a trunk hook: works on $TRUNK_STAGING_DIR
//   node scripts/name-worker.mjs <dir>      # on a built directory holding index.html
//
// Trunk names a worker's files after its binary (`import-worker.js`, `import-worker_bg.wasm`,
// `import-worker_loader.js`): the page starts the worker by a name it must know at run time.
// Unhashed names could not be cached for long, and a page cached beside an older worker would
// talk to it. So this hook:
// 1. renames them to `import-worker-<16 hex of SHA-256 of both>.js` / `…_bg.wasm`;
// 2. writes the loader `import-worker-<hash>_loader.js`, which imports the two and posts
//    `["failed", message]` when the wasm cannot start (a rejected promise would go unnoticed);
// 3. adds `<meta name="kam-import-worker" content="./import-worker-<hash>_loader.js">` to
//    index.html, which `src/ui/import_worker.rs` reads.
// Missing files or a second run on the same directory fail with a message.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class HookError extends Error {}

const NAME = 'import-worker';

export function nameWorker(dir) {
  const at = (f) => path.join(dir, f);
  const js = `${NAME}.js`;
  const wasm = `${NAME}_bg.wasm`;
  const loader = `${NAME}_loader.js`;
  for (const f of [js, wasm, 'index.html']) {
    if (!fs.existsSync(at(f))) {
      throw new HookError(`${f} is missing in ${dir} — is the worker still built by index.html (data-type="worker")?`);
    }
  }
  const html = fs.readFileSync(at('index.html'), 'utf8');
  if (html.includes('name="kam-import-worker"')) {
    throw new HookError(`index.html in ${dir} already names the import worker`);
  }
  const jsText = fs.readFileSync(at(js));
  const wasmBytes = fs.readFileSync(at(wasm));
  const hash = crypto.createHash('sha256').update(jsText).update(wasmBytes).digest('hex').slice(0, 16);
  const base = `${NAME}-${hash}`;
  fs.renameSync(at(js), at(`${base}.js`));
  fs.renameSync(at(wasm), at(`${base}_bg.wasm`));
  fs.rmSync(at(loader), { force: true });
  const loaderName = `${base}_loader.js`;
  fs.writeFileSync(
    at(loaderName),
    `importScripts("./${base}.js");` +
      `wasm_bindgen({module_or_path:"./${base}_bg.wasm"}).catch(function(e){` +
      `postMessage(["failed",String((e&&e.message)||e)]);});\n`,
  );
  const meta = `<meta name="kam-import-worker" content="./${loaderName}" />`;
  if (!/<\/head>/i.test(html)) throw new HookError(`index.html in ${dir} has no </head>`);
  fs.writeFileSync(at('index.html'), html.replace(/<\/head>/i, `  ${meta}\n</head>`));
  return [`${base}.js`, `${base}_bg.wasm`, loaderName];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('name-worker: give a directory, or run as a trunk hook (TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  try {
    const written = nameWorker(dir);
    console.log(`name-worker: ${written.join(', ')}`);
  } catch (e) {
    console.error(`name-worker: ${e.message}`);
    process.exit(1);
  }
}
