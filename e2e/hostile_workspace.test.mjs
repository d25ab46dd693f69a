// End-to-end tests of workspace files that try to steer the page: tier colours that carry CSS
// (a background fetched from another host, an element fixed over the whole page), names that
// carry markup, and a file of a million nameless customers. Each file is refused or repaired at
// the one load path; every view then renders with no request at all, every `style` attribute is
// one the app writes itself, every SVG paint is a plain colour, and nothing covers the page.
//
// Run: node --test --test-concurrency=1 e2e/hostile_workspace.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { appSuite, withApp, screenshot, seedStorage, waitForApp, newPage, KEYS, listing, storedJson, DIST } from './helpers.mjs';

const TEST_TIMEOUT = 180_000;
const suite = appSuite();

/**
 * Records every request that is not for one of the app's own files in dist/ (the browser asks
 * for the icon again on a navigation): anything else was asked for by data.
 */
async function recordForeign(page) {
  const own = new Set((await fs.readdir(DIST)).map((f) => `/${f}`));
  const origin = new URL(suite.server.url).origin;
  const requests = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'blob:' || u.protocol === 'data:') return;
    if (u.origin === origin && (u.pathname === '/' || own.has(u.pathname))) return;
    requests.push(r.url());
  });
  return requests;
}

/** Colours a crafted file may carry; none of them is `#rgb` / `#rrggbb`. */
const HOSTILE_COLORS = [
  'red;background:url(http://evil.example/steal.png)',
  '#fff;position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647',
  'url(http://127.0.0.1:9/leak)',
  '#12345g',
  'expression(alert(1))',
];

async function exportDemo(page) {
  await page.getByTestId('ws-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ws-export').click()]);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kam-hostile-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

async function importFile(page, file, mode) {
  await page.getByTestId('ws-menu').click();
  await page.getByTestId('ws-import').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('ws-import-file').click()]);
  await chooser.setFiles(file);
  if (mode) {
    await page.getByTestId('ws-import-summary').waitFor();
    await page.getByTestId(`ws-import-mode-${mode}`).check();
  }
}

/** The demo document with hostile colours on every tier and markup in a few names. */
function hostile(envelope) {
  const doc = structuredClone(envelope);
  doc.workspace.tiering.tiers.forEach((t, i) => {
    t.color = HOSTILE_COLORS[i % HOSTILE_COLORS.length];
  });
  doc.workspace.customers[0].name = '<img src="http://evil.example/x.png" onerror="alert(1)">';
  doc.workspace.customers[1].name = '</style><style>*{background:url(http://evil.example/y)}</style>';
  return doc;
}

/**
 * Every `style` attribute and every SVG paint in the document, with anything not of the forms
 * the app writes (sizes in px or %, `#hex` colours, `none`, `currentColor`, local `url(#id)`).
 */
async function unexpectedAttributes(page) {
  return page.evaluate(() => {
    const bad = [];
    const styleOk = /^(\s*(height|width|min-width|max-width|top|left|transform)\s*:\s*[-\d.]+(px|%)?\s*;?)+$/;
    for (const el of document.querySelectorAll('[style]')) {
      const s = el.getAttribute('style');
      if (!styleOk.test(s)) bad.push(`style="${s}" on <${el.tagName.toLowerCase()}>`);
    }
    const paintOk = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|none|currentColor|transparent|url\(#[\w-]+\))$/;
    for (const el of document.querySelectorAll('[fill],[stroke]')) {
      for (const a of ['fill', 'stroke']) {
        const v = el.getAttribute(a);
        if (v !== null && !paintOk.test(v.trim())) bad.push(`${a}="${v}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    // Computed styles: nothing fixed over the page, no background image from anywhere.
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      if (cs.backgroundImage && cs.backgroundImage !== 'none' && /url\(/.test(cs.backgroundImage)) {
        bad.push(`background-image ${cs.backgroundImage} on <${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}">`);
      }
      if (cs.position === 'fixed') {
        const r = el.getBoundingClientRect();
        if (r.width * r.height > 0.5 * innerWidth * innerHeight) {
          bad.push(`fixed <${el.tagName.toLowerCase()} class="${el.className?.baseVal ?? el.className}"> covering ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
    }
    return bad;
  });
}

/** The element on top at the centre of each nav link is that link (nothing covers the page). */
async function coveredNavLinks(page) {
  return page.evaluate(() => {
    const covered = [];
    for (const a of document.querySelectorAll('[data-testid^="nav-"]')) {
      const r = a.getBoundingClientRect();
      if (r.width === 0) continue;
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!top || !(a === top || a.contains(top))) covered.push(`${a.dataset.testid} under <${top?.tagName.toLowerCase()}>`);
    }
    return covered;
  });
}

/** Visits every view of the navigation and checks each; returns the views visited. */
async function walkEveryView(page, requests, slug) {
  const links = await page.locator('[data-testid^="nav-"]').evaluateAll((as) => as.map((a) => a.dataset.testid));
  assert.ok(links.length >= 6, `the navigation lists the views: ${links.join(', ')}`);
  for (const id of links) {
    await page.getByTestId(id).click();
    await page.waitForFunction((t) => document.querySelector(`[data-testid="${t}"]`)?.classList.contains('is-current'), id);
    await page.waitForTimeout(150);
    const bad = await unexpectedAttributes(page);
    assert.deepEqual(bad, [], listing(`unexpected attributes on ${id}`, bad));
    const covered = await coveredNavLinks(page);
    assert.deepEqual(covered, [], listing(`covered on ${id}`, covered));
  }
  await screenshot(page, `${slug}-last-view`);
  assert.deepEqual(requests, [], listing('requests made while the hostile workspace was shown', requests));
  return links;
}

test('a workspace file with CSS in its tier colours is repaired at the load path: no request, nothing covers the page', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'hostile-colours', locale: 'zh-CN' }, async (page, s) => {
    const doc = hostile(await exportDemo(page));
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kam-hostile-')), 'hostile.kam.json');
    await fs.writeFile(file, JSON.stringify(doc));

    await importFile(page, file, 'replace');
    const repairs = await page.getByTestId('ws-import-repairs').textContent();
    for (let i = 0; i < doc.workspace.tiering.tiers.length; i++) {
      assert.match(repairs, new RegExp(`“tiering\\.tiers\\[${i}\\]\\.color”不是有效的颜色`), repairs);
    }
    const requests = await recordForeign(page);
    await page.getByTestId('ws-import-confirm').click();
    await page.getByTestId('ws-import-dialog').waitFor({ state: 'detached' });

    // The repaired colours are the default ones of each tier, as stored.
    const stored = JSON.parse(storedJson(await page.evaluate((k) => localStorage.getItem(k), KEYS.workspace(doc.workspace.meta.id))));
    const colours = stored.workspace.tiering.tiers.map((t) => t.color);
    assert.deepEqual(colours, ['#1f4e79', '#2e7d6b', '#c98a1a', '#6b7a90', '#aab4c3']);

    await walkEveryView(page, requests, 'hostile-colours');
    assert.deepEqual(s.foreignRequests, [], listing('requests off the machine', s.foreignRequests));
    // The markup in names is text.
    await page.getByTestId('nav-customers').click();
    assert.equal(await page.locator('img').count(), 0, 'no image element from a name');
  });
});

test('a stored copy with hostile colours is repaired when opened, and the editor refuses a colour that is not #rrggbb', { timeout: TEST_TIMEOUT }, async () => {
  const s = await newPage(suite.browser, { locale: 'en-US' });
  try {
    // The demo, exported once, then stored with hostile colours as another version could have.
    await s.page.goto(suite.server.url);
    await waitForApp(s.page);
    const doc = hostile(await exportDemo(s.page));
    doc.workspace.meta.id = 'ws-hostile';
    doc.workspace.meta.name = 'Hostile';
    doc.workspace.meta.is_demo = false;
    await seedStorage(s.page, suite.server.url, {
      [KEYS.index]: JSON.stringify({ active: 'ws-hostile', workspaces: [{ id: 'ws-hostile', name: 'Hostile', updated_at: 2 }] }),
      [KEYS.workspace('ws-hostile')]: JSON.stringify(doc),
      [KEYS.lang]: 'en',
    });
    const requests = await recordForeign(s.page);
    await s.page.goto(suite.server.url);
    await waitForApp(s.page);
    await walkEveryView(s.page, requests, 'hostile-stored');
    assert.deepEqual(s.foreignRequests, [], listing('requests off the machine', s.foreignRequests));

    // The original text is preserved; the open copy has valid colours only.
    const keys = await s.page.evaluate(() => Object.keys(localStorage));
    assert.ok(keys.some((k) => k.startsWith(`${KEYS.workspace('ws-hostile')}.corrupt.`)), keys.join(', '));

    // The repairs are listed in the banner, in English.
    const banner = await s.page.getByTestId('repaired-banner').textContent();
    assert.match(banner, /“tiering\.tiers\[1\]\.color” was not a colour \(“#fff;position:fixed;top:0;left:0;width:1”\)/, banner);

    // The colour input only yields #rrggbb; a crafted value set on it changes nothing.
    await s.page.getByTestId('nav-tiering').click();
    const input = s.page.locator('.tier-card input[type=color]').first();
    const before = await input.inputValue();
    await input.evaluate((el) => {
      Object.defineProperty(el, 'value', { get: () => 'red;position:fixed', configurable: true });
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await s.page.waitForTimeout(600);
    const fills = await s.page.locator('.tier-card .tier-card-stripe rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill')));
    assert.equal(fills[0], before, `the first tier keeps ${before}: ${fills.join(', ')}`);
    const bad = await unexpectedAttributes(s.page);
    assert.deepEqual(bad, [], listing('unexpected attributes after the refused edit', bad));
    assert.deepEqual(s.pageErrors, []);
  } catch (err) {
    await screenshot(s.page, 'failed-hostile-stored').catch(() => {});
    throw err;
  } finally {
    await s.close();
  }
});

test('a file of a million nameless customers is refused by kind in one line', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'hostile-nameless', locale: 'zh-CN' }, async (page) => {
    const customers = '{},'.repeat(999_999) + '{"id":"c-1","name":"真实客户","annual_purchase":1}';
    const text = `{"format":"kam-planner","schema_version":1,"app_version":"0.1.0","exported_at":1763800000000,"workspace":{"meta":{"id":"ws-nameless","name":"无名"},"customers":[${customers}]}}`;
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'kam-hostile-')), 'nameless.kam.json');
    await fs.writeFile(file, text);
    const started = Date.now();
    await importFile(page, file, null);
    await page.getByTestId('ws-import-summary').waitFor();
    const elapsed = Date.now() - started;
    const repairs = await page.getByTestId('ws-import-repairs').textContent();
    assert.match(repairs, /有 999999 个客户没有名称，已跳过（第一个是第 1 项）/);
    assert.ok(repairs.length < 2000, `one summary line, not a million: ${repairs.length} characters`);
    assert.equal(await page.getByTestId('ws-import-row-customer').getByTestId('added').textContent(), '1');
    console.log(`nameless file reviewed in ${elapsed} ms`);
    await page.getByTestId('ws-import-cancel').click();
  });
});
