// Every control says what it acts on: on every view and tab (e2e/views.mjs), in zh-CN and
// en-US, no two different buttons, inputs, selects or text areas of the main region share an
// accessible name (a screen reader's list of controls, or a voice command, would not tell them
// apart). The name is computed by axe-core, as assistive technology does.
//
// Run: KAM_DIST=/tmp/e2e-dist node --test --test-concurrency=1 e2e/control_names.test.mjs
//      VIEWS_ONLY=tiering,kpi narrows the views (e2e/views.mjs); NAMES_LIST=1 prints the shared names found.

import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, newPage, waitForApp, screenshot, REPO_ROOT } from './helpers.mjs';
import { eachScreen } from './views.mjs';

const TEST_TIMEOUT = 900_000;
const suite = appSuite();
const AXE = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Accessible names shared by two or more visible controls of the main region, with counts. */
async function sharedNames(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(() => {
    /* global axe */
    const CONTROLS = 'button, input:not([type=hidden]), select, textarea, [role=button], [role=tab], '
      + '[role=checkbox], [role=radio], [role=switch], [role=combobox], [role=textbox], [role=spinbutton]';
    const shown = (el) => el.checkVisibility({ visibilityProperty: true })
      && !el.closest('[aria-hidden=true], [inert], [hidden]');
    axe.setup(document);
    try {
      const count = new Map();
      for (const el of document.querySelectorAll(`#main :is(${CONTROLS})`)) {
        if (!shown(el)) continue;
        const name = axe.commons.text.accessibleText(el).replace(/\s+/g, ' ').trim();
        if (name) count.set(name, (count.get(name) ?? 0) + 1);
      }
      return [...count].filter(([, n]) => n > 1).map(([name, n]) => `"${name}" ×${n}`);
    } finally {
      axe.teardown();
    }
  });
}

for (const locale of ['zh-CN', 'en-US']) {
  test(`control names: no two controls of a view or tab share an accessible name, ${locale}`, { timeout: TEST_TIMEOUT }, async () => {
    const s = await newPage(suite.browser, { locale });
    const failures = [];
    try {
      await s.page.goto(suite.server.url);
      await waitForApp(s.page);
      await eachScreen(s.page, async (label) => {
        const shared = await sharedNames(s.page);
        if (shared.length) failures.push(`${label}: ${shared.join(', ')}`);
      });
      if (process.env.NAMES_LIST) console.log(failures.join('\n'));
      if (failures.length) await screenshot(s.page, `failed-control-names-${locale}`).catch(() => {});
      assert.deepEqual(failures, [], `controls sharing an accessible name:\n  ${failures.join('\n  ')}`);
      assert.deepEqual(s.pageErrors, [], 'no uncaught page errors');
    } finally {
      await s.close();
    }
  });
}
