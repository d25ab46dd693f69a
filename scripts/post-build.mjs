#!/usr/bin/env node
// Trunk's post_build hook (see Trunk.toml): runs the post-build steps one after the other on
// $TRUNK_STAGING_DIR. They are one hook because trunk 0.21 starts every hook of a stage at once
// (one task each, then waits for all), and the second step needs the first one's output:
//
// 1. scripts/externalize-loader.mjs — moves trunk's inline loader out of index.html into
//    loader-<hash>.js (strict CSP);
// 2. scripts/precompress.mjs — writes the .br / .gz siblings, of the rewritten index.html and the
//    new loader too.
//
// Each step is a script of its own that also runs by hand on a built directory.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));
const STEPS = ['externalize-loader.mjs', 'precompress.mjs'];

for (const step of STEPS) {
  const { status, signal, error } = spawnSync(process.execPath, [path.join(SCRIPTS, step), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (status !== 0) {
    console.error(`[scripts/post-build.mjs] ${step} failed (${error?.message ?? signal ?? `exit status ${status}`})`);
    process.exit(1);
  }
}
