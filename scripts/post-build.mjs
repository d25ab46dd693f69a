#!/usr/bin/env node
// Trunk's one post_build hook (see Trunk.toml). Trunk starts the hooks of a stage all at once,
// and these steps rewrite the same index.html, so they run here one after the other:
// 1. scripts/name-worker.mjs — the import worker's and the tools module's files get a content
//    hash and a meta;
// 2. scripts/catalogues.mjs — one catalogue file per language, with a content hash and a meta;
// 3. scripts/externalize-loader.mjs — trunk's inline loader becomes a file (strict CSP);
// 4. scripts/precompress.mjs — `.br` and `.gz` beside every file (of the rewritten index.html
//    too); skipped under `trunk serve`, whose server never sends them.
//
//   node scripts/post-build.mjs            # in a trunk hook: works on $TRUNK_STAGING_DIR
//   node scripts/post-build.mjs <dir>      # on a directory trunk has built

import { nameWorker } from './name-worker.mjs';
import { externalize } from './externalize-loader.mjs';
import { writeCatalogues } from './catalogues.mjs';
import { precompress, summary, underTrunkServe } from './precompress.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: give a directory, or run as a trunk hook (TRUNK_STAGING_DIR)');
  process.exit(2);
}
try {
  console.log(`post-build: ${nameWorker(dir).join(', ')}`);
  console.log(`post-build: ${writeCatalogues(dir).join(', ')}`);
  console.log(`post-build: ${externalize(dir, process.env.TRUNK_PUBLIC_URL || './').join(', ')}`);
  if (!underTrunkServe(dir)) console.log(`post-build: ${summary(precompress(dir))}`);
} catch (e) {
  console.error(`post-build: ${e.message}`);
  process.exit(1);
}
