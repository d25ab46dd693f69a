#!/usr/bin/env node
// The screenshot sweep: every view and every tab (e2e/views.mjs), in zh-CN and en-US, at 1024,
// 1280 and 1440 px (and the 800 px embed), from a built dist/ served on 127.0.0.1 →
// e2e/screenshots/views/<lang>-<width>-<view>[-<tab>].png. For looking at, not a test.
//
//   node scripts/screens.mjs [dist]          (default dist/; VIEWS_ONLY=kpi,ltc narrows the views)
//   SCREENS_WIDTHS=1280 SCREENS_FULL=1 …     (one width; whole pages instead of the first screen)

import fs from 'node:fs';
import path from 'node:path';

import { DIST, SCREENSHOT_DIR, launch, newPage, waitForApp } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';
import { eachScreen } from '../e2e/views.mjs';

const dist = process.argv[2] ? path.resolve(process.argv[2]) : DIST;
const widths = (process.env.SCREENS_WIDTHS ?? '1024,1280,1440,800').split(',').map(Number);
const full = Boolean(process.env.SCREENS_FULL);
const out = path.join(SCREENSHOT_DIR, 'views');
fs.mkdirSync(out, { recursive: true });

const server = await startServer(dist);
const browser = await launch();
let count = 0;
try {
  for (const locale of ['zh-CN', 'en-US']) {
    const lang = locale.slice(0, 2);
    for (const width of widths) {
      const embed = width < 1024;
      const s = await newPage(browser, { locale, viewport: { width, height: 900 } });
      await s.page.goto(`${server.url}${embed ? `?embed=1&lang=${lang}` : ''}`);
      await waitForApp(s.page);
      await eachScreen(s.page, async (label) => {
        const name = label.replace(/ › [a-z]+-tab-/, '-').replace(/[^a-z0-9-]+/gi, '-');
        await s.page.screenshot({ path: path.join(out, `${lang}-${width}-${name}.png`), fullPage: full });
        count += 1;
      });
      if (s.pageErrors.length) console.error(`${locale} ${width}: page errors:\n  ${s.pageErrors.join('\n  ')}`);
      await s.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${count} screenshots in ${path.relative(process.cwd(), out)}`);
