import { launch, newPage, waitForApp } from './helpers.mjs';
import { startServer } from './server.mjs';
const server = await startServer('dist');
const browser = await launch();
const csv = Buffer.from('Customer,Volume (10k CNY),Sales region,Returning\nAcme Ltd,60,East,yes\nBeta Co,120,South,no\n');
for (const locale of ['zh-CN', 'en-US']) {
  const { page, close } = await newPage(browser, { locale });
  await page.goto(server.url + '#/overview'); await waitForApp(page);
  await page.screenshot({ path: `/tmp/ov-${locale}.png` });
  await page.getByTestId('start-my-data').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.locator('details.import-expected summary').click();
  await page.screenshot({ path: `/tmp/file-${locale}.png` });
  await page.getByTestId('import-file').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByTestId('import-mapping').waitFor();
  await page.screenshot({ path: `/tmp/warn-${locale}.png`, fullPage: false });
  await page.keyboard.press('Escape');
  await page.goto(server.url + '#/kpi'); await waitForApp(page); await page.getByTestId('kpi-tab-people').click();
  const b = page.getByTestId('kpi-import');
  if (await b.count()) { await b.scrollIntoViewIfNeeded(); await b.click(); await page.getByTestId('kpi-import-dialog').waitFor();
    await page.getByTestId('kpi-import-file').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('姓名,订货达成率,回款达成率\n周强,105%,98\n无名,1,2\n') });
    await page.getByTestId('kpi-import-mapping').waitFor();
    await page.screenshot({ path: `/tmp/kpi-${locale}.png` }); }
  await close();
}
await browser.close(); await server.close();
