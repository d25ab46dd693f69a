// Shared checks that figures are readable: chart text rendered at 11 px or more, and a jargon
// term (src/ui/term.rs) that explains itself when reached by keyboard.

import assert from 'node:assert/strict';

/** The smallest chart text a reader must read, px. */
export const MIN_LABEL_PX = 11;

/**
 * The smallest rendered font size (px) of the text in the SVGs matching `selector`: the CSS
 * font size is in viewBox units, so it is scaled by the drawn width over the viewBox width.
 */
export async function minSvgTextPx(page, selector) {
  return page.locator(selector).evaluateAll((svgs) => {
    let min = Infinity;
    for (const svg of svgs) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent.trim()) continue;
        min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
      }
    }
    return min;
  });
}

/** Asserts that every chart text in `selector` renders at 11 px or more at each width. */
export async function assertChartText(page, selector, widths = [1024, 1280, 1440]) {
  const before = page.viewportSize();
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator(selector).first().waitFor();
      const px = await minSvgTextPx(page, selector);
      assert.ok(px >= MIN_LABEL_PX, `${selector} at ${width} px: smallest text ${px.toFixed(1)} px`);
    }
  } finally {
    await page.setViewportSize(before);
  }
}

/** Presses Tab until `locator`'s element has the focus (wrapping round the page if need be). */
export async function tabTo(page, locator, max = 800) {
  const target = await locator.elementHandle();
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => document.activeElement === el)) return;
  }
  throw new Error('Tab never reached the element');
}

/**
 * Reaches the first jargon term `id` by keyboard and asserts that its explanation shows and
 * is its accessible description; returns the explanation.
 */
export async function assertTermTip(page, id, pattern) {
  const term = page.locator(`.term[data-term=${id}]`).first();
  await term.waitFor();
  const tipId = await term.getAttribute('aria-describedby');
  const tip = page.locator(`[id="${tipId}"]`);
  await page.evaluate(() => document.activeElement?.blur());
  await page.mouse.move(0, 0);
  assert.equal(await tip.isVisible(), false, `the ${id} explanation is hidden until asked for`);
  await tabTo(page, term);
  await tip.waitFor({ state: 'visible' });
  const text = (await tip.textContent()).trim();
  assert.match(text, pattern);
  const box = await tip.boundingBox();
  assert.ok(box && box.width > 40 && box.height > 10, `the ${id} explanation is on screen: ${JSON.stringify(box)}`);
  assert.equal(await tip.getAttribute('role'), 'tooltip');
  await page.keyboard.press('Tab');
  await tip.waitFor({ state: 'hidden' });
  return text;
}
