// Every modal dialog keeps the keyboard inside it: opened with a real click, focus is inside;
// 30 × Tab and 30 × Shift+Tab never leave it; Esc closes it and focus returns to the button that
// opened it (the workspace menu's button for the dialogs its items open, since the menu closes).
//
// Run: node --test --test-concurrency=1 e2e/dialogs.test.mjs   (after `make build`)

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { appSuite, withApp } from './helpers.mjs';

const TEST_TIMEOUT = 120_000;
const suite = appSuite();

/** Whether the focused element is inside the dialog `testid`, and which element it is. */
async function focusIn(page, testid) {
  return page.evaluate((id) => {
    const dialog = document.querySelector(`[data-testid="${id}"]`);
    const a = document.activeElement;
    return { inside: !!dialog && !!a && dialog.contains(a), what: a ? `${a.tagName} ${a.dataset.testid ?? ''}` : 'none' };
  }, testid);
}

/**
 * Opens a dialog with `open`, checks the focus trap and Esc, and that focus returns to `opener`.
 * `role="dialog"` and `aria-modal` are checked on the dialog element.
 */
async function checkDialog(page, { open, dialog, opener }) {
  await open();
  const box = page.getByTestId(dialog);
  await box.waitFor();
  assert.equal(await box.getAttribute('role'), 'dialog', dialog);
  assert.equal(await box.getAttribute('aria-modal'), 'true', dialog);
  const name = await box.getAttribute('aria-labelledby');
  assert.ok(name && (await page.locator(`[id="${name}"]`).count()) === 1, `${dialog} is named by its heading`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement), dialog);
  const seen = new Set();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press(key);
      const f = await focusIn(page, dialog);
      assert.ok(f.inside, `${dialog}: ${key} #${i + 1} left the dialog (focus on ${f.what})`);
      seen.add(f.what);
    }
  }
  assert.ok(seen.size >= 2, `${dialog}: Tab moves between its controls (${[...seen].join(', ')})`);
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), opener, `${dialog}: focus back on the opener`);
}

test('customer, person, meeting and body forms trap focus, close on Esc and return focus', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'dialogs-forms', locale: 'zh-CN', hash: '#/customers', consoleClean: true }, async (page) => {
    await checkDialog(page, {
      open: () => page.getByTestId('customers-add').click(),
      dialog: 'customer-form',
      opener: 'customers-add',
    });
    // Esc changed nothing: the form was a form, Enter still submits it (a refused save).
    await page.getByTestId('customers-add').click();
    assert.equal(await page.getByTestId('customer-form').evaluate((e) => e.tagName), 'FORM');
    await page.keyboard.press('Escape');
    await page.getByTestId('customer-form').waitFor({ state: 'detached' });

    await page.evaluate(() => { window.location.hash = '#/team'; });
    await page.getByTestId('team-tab-people').click();
    await checkDialog(page, {
      open: () => page.getByTestId('people-add').click(),
      dialog: 'person-form',
      opener: 'people-add',
    });

    await page.evaluate(() => { window.location.hash = '#/rhythm'; });
    await page.getByTestId('rhythm-tab-meetings').click();
    await checkDialog(page, {
      open: () => page.getByTestId('meeting-add').click(),
      dialog: 'meeting-form',
      opener: 'meeting-add',
    });
    await checkDialog(page, {
      open: () => page.getByTestId('meeting-edit-triangle_sync').click(),
      dialog: 'meeting-form',
      opener: 'meeting-edit-triangle_sync',
    });
    await page.getByTestId('rhythm-tab-bodies').click();
    await checkDialog(page, {
      open: () => page.getByTestId('body-add').click(),
      dialog: 'body-form',
      opener: 'body-add',
    });

    await page.evaluate(() => { window.location.hash = '#/ltc/board'; });
    await checkDialog(page, {
      open: () => page.getByTestId('ltc-opp-add').click(),
      dialog: 'ltc-opp-form',
      opener: 'ltc-opp-add',
    });
  });
});

test('the workspace dialogs (import, rename, delete, reset) trap focus and return it to the menu button', { timeout: TEST_TIMEOUT }, async () => {
  await withApp(suite, { slug: 'dialogs-workspace', locale: 'en-US', consoleClean: true }, async (page) => {
    for (const [item, dialog] of [
      ['ws-import', 'ws-import-dialog'],
      ['ws-rename', 'dialog'],
      ['ws-delete', 'dialog'],
      ['ws-reset-demo', 'dialog'],
    ]) {
      await checkDialog(page, {
        open: async () => {
          await page.getByTestId('ws-menu').click();
          await page.getByTestId(item).click();
        },
        dialog,
        opener: 'ws-menu',
      });
    }
    // The delete confirmation opens on its confirm button; cancelled, the workspace is still there.
    await page.getByTestId('ws-menu').click();
    await page.getByTestId('ws-delete').click();
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'dialog-confirm');
    await page.getByTestId('dialog-cancel').click();
    await page.getByTestId('dialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('ws-name').textContent(), 'Demo Group');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'ws-menu');
  });
});
