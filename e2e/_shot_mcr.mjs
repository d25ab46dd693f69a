import { launch, newPage, waitForApp } from './helpers.mjs';
import { startServer } from './server.mjs';
const dist = process.env.KAM_DIST;
const server = await startServer(dist);
const browser = await launch();
const out = '/tmp/mcr/shots';
for (const locale of (process.env.LANGS || 'zh-CN').split(',')) {
  const { page, consoleErrors, pageErrors, close } = await newPage(browser, { locale, viewport: { width: 1440, height: 1000 } });
  await page.goto(`${server.url}/#/mcr/map`);
  await waitForApp(page);
  await page.waitForSelector('[data-testid=mcr-view]');
  const tag = locale.slice(0, 2);
  for (const [tab, extra] of (process.env.TABS || 'map,power,accounts,plan').split(',').map((t) => [t, null])) {
    await page.click(`[data-testid=mcr-tab-${tab}]`);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${tab}-${tag}.png`, fullPage: true });
  }
  if (process.env.ACCOUNT) {
    await page.click('[data-testid=mcr-tab-map]');
    await page.selectOption('[data-testid=mcr-account]', { label: process.env.ACCOUNT });
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/map-big-${tag}.png`, fullPage: true });
    const first = page.locator('[data-testid^=mcr-node-]').first();
    await first.click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/panel-${tag}.png` });
  }
  console.log(locale, 'errors', consoleErrors, pageErrors);
  await close();
}
await browser.close();
await server.close();
