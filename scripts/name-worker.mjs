#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): gives the files trunk builds with `data-type="worker"`
// a content hash, as trunk gives the page's, and tells the page where they are. Two are built so:
//
// - the import worker (`import-worker`): its files become `import-worker-<hash>.js` / `…_bg.wasm`
//   and a loader `import-worker-<hash>_loader.js`, which imports the two and posts
//   `["failed", message]` when the wasm cannot start (a rejected promise would go unnoticed);
//   `<meta name="kam-import-worker">` names the loader (read by `src/ui/import_worker.rs`).
// - the tools module (`kam-tools`, the whole app: src/ui/modules.rs), loaded into the page by a
//   `<script>` when a view the first-load module lacks is opened: its glue becomes
//   `kam-tools-<hash>.js` with one more line that starts its wasm (and dispatches
//   `kam-tools-failed` on `window` when it cannot), its wasm `kam-tools-<hash>_bg.wasm`, and
//   `<meta name="kam-tools">` names the script.
//
//   node scripts/name-worker.mjs            # in a trunk hook: works on $TRUNK_STAGING_DIR
//   node scripts/name-worker.mjs <dir>      # on a built directory holding index.html
//
// Unhashed names could not be cached for long, and a page cached beside an older worker would
// talk to it. Missing files or a second run on the same directory fail with a message.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export class HookError extends Error {}

const NAME = 'import-worker';

/** The two builds this hook names: binary, meta, and how each is started. */
const BUILDS = [
  {
    name: 'import-worker',
    meta: 'kam-import-worker',
    // A worker script of its own that starts the glue: the meta names it.
    start: (base) => ({
      file: `${base}_loader.js`,
      text:
        `importScripts("./${base}.js");` +
        `wasm_bindgen({module_or_path:"./${base}_bg.wasm"}).catch(function(e){` +
        `postMessage(["failed",String((e&&e.message)||e)]);});\n`,
    }),
  },
  {
    name: 'kam-tools',
    meta: 'kam-tools',
    // A classic script in the page: the glue's global `wasm_bindgen` is started at its end.
    appended: (base) =>
      `\nwasm_bindgen({module_or_path:"./${base}_bg.wasm"}).catch(function(e){` +
      `window.dispatchEvent(new CustomEvent("kam-tools-failed",{detail:String((e&&e.message)||e)}));});\n`,
  },
];

/** Names one build's files in `dir`; returns the names written. */
function nameBuild(dir, build) {
  const at = (f) => path.join(dir, f);
  const { name, meta: metaName } = build;
  const js = `${name}.js`;
  const wasm = `${name}_bg.wasm`;
  const loader = `${name}_loader.js`;
  for (const f of [js, wasm, 'index.html']) {
    if (!fs.existsSync(at(f))) {
      throw new HookError(`${f} is missing in ${dir} — is ${name} still built by index.html (data-type="worker")?`);
    }
  }
  const html = fs.readFileSync(at('index.html'), 'utf8');
  if (html.includes(`name="${metaName}"`)) {
    throw new HookError(`index.html in ${dir} already names ${name}`);
  }
  const jsText = fs.readFileSync(at(js));
  const wasmBytes = fs.readFileSync(at(wasm));
  const hash = crypto.createHash('sha256').update(jsText).update(wasmBytes).digest('hex').slice(0, 16);
  const base = `${name}-${hash}`;
  fs.renameSync(at(wasm), at(`${base}_bg.wasm`));
  fs.rmSync(at(loader), { force: true });
  const written = [`${base}.js`, `${base}_bg.wasm`];
  let named;
  if (build.start) {
    fs.renameSync(at(js), at(`${base}.js`));
    const { file, text } = build.start(base);
    fs.writeFileSync(at(file), text);
    written.push(file);
    named = file;
  } else {
    fs.writeFileSync(at(`${base}.js`), Buffer.concat([jsText, Buffer.from(build.appended(base))]));
    fs.rmSync(at(js));
    named = `${base}.js`;
  }
  const meta = `<meta name="${metaName}" content="./${named}" />`;
  if (!/<\/head>/i.test(html)) throw new HookError(`index.html in ${dir} has no </head>`);
  fs.writeFileSync(at('index.html'), html.replace(/<\/head>/i, `  ${meta}\n</head>`));
  return written;
}

/** Names the import worker's and the tools module's files in `dir`; returns the names written. */
export function nameWorker(dir) {
  return BUILDS.flatMap((build) => nameBuild(dir, build));
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
