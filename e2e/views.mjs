// Every view of the app and every tab of each, for the checks that walk them all (e2e/a11y.test.mjs)
// and for the screenshot sweep (scripts/screens.mjs). VIEWS_ONLY=tiering,kpi narrows the walk.

/** The views in navigation order, then the two reached from lists. */
export const VIEWS = [
  'overview', 'diagnosis', 'customers', 'tiering', 'concentration', 'portfolio', 'team', 'roles',
  'rhythm', 'engagement', 'ltc', 'mcr', 'kpi', 'talent', 'account/c-0204', 'report',
];
const only = process.env.VIEWS_ONLY ?? process.env.A11Y_ONLY;
const ONLY = only ? only.split(',') : null;
export const views = () => VIEWS.filter((v) => !ONLY || ONLY.some((o) => v.startsWith(o)));

/** Opens `hash` and waits until the view has settled (the tools module may load first). */
export async function openView(page, hash) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.waitForFunction(() => !document.querySelector('[data-testid=open-tools-loading]'));
  await page.locator('#main').waitFor();
  await page.waitForTimeout(250);
}

/** The tab buttons of the view's own tab bar (the first tab list in the main region). */
export async function tabIds(page) {
  return page.evaluate(() => {
    const list = document.querySelector('#main .tabs[role=tablist]');
    return list ? [...list.querySelectorAll('[role=tab]')].map((t) => t.dataset.testid) : [];
  });
}

/** Runs `fn(label)` on the view and on each of its tabs. */
export async function eachScreen(page, fn) {
  for (const view of views()) {
    await openView(page, `#/${view}`);
    const tabs = await tabIds(page);
    if (tabs.length === 0) {
      await fn(view);
      continue;
    }
    for (const tab of tabs) {
      await page.getByTestId(tab).click();
      await page.waitForTimeout(200);
      await fn(`${view} › ${tab}`);
    }
  }
}

