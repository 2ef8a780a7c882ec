// Get Hierarchy from the page: the options, the field's validation, the progress bar, the
// confirmation, Last Update, the grid (paging, sorting, filters), subscriptions, resellers, and the
// error of an instance whose token expired.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startHost, launchBrowser, newPage, screenshot, DEMO } = require('./support/host');
const { openTool, chooseInstance, getHierarchy, action, instanceId, visibleRows, waitGridIdle } = require('./support/toolPage');

const TENANTS = 120;
let host;
let browser;
let session;

test.before(async () => {
  host = await startHost({ tenants: TENANTS, latencyMs: 25 });
  browser = await launchBrowser();
  session = await newPage(browser, host.url);
  await openTool(session.page, host.url);
});

test.after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
});

test('before any run: empty state, Mass pre-selected, Last Update empty', async () => {
  const { page } = session;
  await chooseInstance(page, DEMO.directInstance);
  await page.locator('#grid-empty').filter({ hasText: 'No hierarchy yet: run Get Hierarchy' }).waitFor();
  assert.equal(await page.locator('#mode-mass').isChecked(), true);
  assert.equal(await page.locator('#mode-single').isChecked(), false);
  assert.equal((await page.locator('#last-update').textContent()).trim(), 'Last Update:');
  assert.equal(await page.getByRole('textbox', { name: 'Tenant ID / Primary Domain' }).isDisabled(), true);
  await screenshot(page, '04-tool-empty');
});

test('every form control on the page has a label', async () => {
  const unlabelled = await session.page.evaluate(() => [...document.querySelectorAll('input, select, button')]
    .filter((el) => !el.closest('[hidden]'))
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
    .map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
});

test('Get Hierarchy in single mode is enabled only for a valid GUID or domain', async () => {
  const { page } = session;
  const button = page.getByRole('button', { name: 'Get Hierarchy' });
  const field = page.getByRole('textbox', { name: 'Tenant ID / Primary Domain' });
  await page.getByLabel('Microsoft Tenant ID / Primary Domain update').check();
  assert.equal(await field.isDisabled(), false);
  const cases = [
    ['', false], ['abc', false], ['contoso', false], ['contoso.123', false], ['-bad.com', false],
    ['0f6e5d4c-3b2a-4190-8f7e-6d5c4b3a291', false], ['0f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918', true],
    ['contoso.onmicrosoft.com', true], ['  Contoso.COM.  ', true],
  ];
  for (const [value, enabled] of cases) {
    await field.fill(value);
    assert.equal(await button.isEnabled(), enabled, `'${value}'`);
  }
  await field.fill('abc');
  assert.match(await page.locator('#tenant-or-domain-hint').textContent(), /is not a valid/);
  await page.getByLabel('Mass Microsoft Tenants update').check();
  assert.equal(await button.isEnabled(), true);
});

test('a single run for an unknown tenant shows that it does not exist', async () => {
  const { page } = session;
  await page.getByLabel('Microsoft Tenant ID / Primary Domain update').check();
  await page.getByRole('textbox', { name: 'Tenant ID / Primary Domain' }).fill('0f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918');
  await page.getByRole('button', { name: 'Get Hierarchy' }).click();
  const error = page.locator('#hierarchy-error');
  await error.filter({ hasText: "The Microsoft Tenant with ID '0f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918' does not exist." })
    .waitFor({ timeout: 60000 });
  await page.getByLabel('Mass Microsoft Tenants update').check();
});

test('mass Get Hierarchy shows the progress bar with counts, then a confirmation and Last Update', async () => {
  const { page } = session;
  const before = Date.now();
  let counts = '';
  const { dialog, text } = await getHierarchy(page, {
    onProgress: async (p) => {
      assert.equal(await p.locator('#hierarchy-progress-bar').isVisible(), true);
      await p.locator('#hierarchy-progress-counts').filter({ hasText: 'Tenants:' }).waitFor();
      counts = await p.locator('#hierarchy-progress-counts').textContent();
      // For the screenshot, a moment when tenants are being read (the run may end first).
      await p.locator('#hierarchy-progress-counts').filter({ hasText: /Tenants: [1-9]/ })
        .waitFor({ timeout: 5000 }).catch(() => {});
      await screenshot(p, '05-get-hierarchy-progress');
      assert.equal(await p.getByRole('button', { name: 'Cancel' }).isVisible(), true);
    },
  });
  await screenshot(page, '06-get-hierarchy-done');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.match(counts, /Resellers: .*Tenants: .*Subscriptions: .*Elapsed: .*Estimated remaining: /);
  // The confirmation counts what was saved: the grid's rows (an end customer of two resellers is two rows).
  const saved = await action(page, 'tenants', { instanceId: await instanceId(page), limit: 1 });
  assert.ok(saved.body.total >= TENANTS, `${saved.body.total}`);
  assert.match(text, new RegExp(`Tenants: ${saved.body.total}(?!\\d)`));
  const last = await page.locator('#last-update').getAttribute('data-value');
  assert.ok(last, 'Last Update is set');
  assert.ok(Math.abs(Date.parse(last) - before) < 10 * 60 * 1000, last);
  await page.locator('#tenants-table').waitFor();
});

test('Cancel stops a running Get Hierarchy and keeps the saved hierarchy', async () => {
  const { page } = session;
  const savedAt = await page.locator('#data-age').getAttribute('data-saved-at');
  await page.getByRole('button', { name: 'Get Hierarchy' }).click();
  await page.locator('#hierarchy-progress').waitFor({ state: 'visible' });
  await page.locator('#hierarchy-progress').getByRole('button', { name: 'Cancel' }).click();
  const note = page.locator('#hierarchy-cancelled');
  await note.waitFor({ timeout: 60000 });
  assert.match(await note.textContent(), /the saved hierarchy is unchanged/i);
  assert.equal(await page.getByRole('dialog', { name: 'Get Hierarchy finished' }).count(), 0);
  await waitGridIdle(page);
  assert.equal(await page.locator('#data-age').getAttribute('data-saved-at'), savedAt);
});

test('the grid shows one server page, its total, the data age and the columns', async () => {
  const { page } = session;
  const info = page.locator('#page-info');
  const total = Number(await info.getAttribute('data-total'));
  const api = await action(page, 'tenants', { instanceId: await instanceId(page), limit: 1 });
  assert.equal(total, api.body.total);
  assert.ok(total >= TENANTS, `${total}`);
  const rows = await visibleRows(page);
  assert.equal(rows.length, 50);
  assert.match(await info.textContent(), new RegExp(`^1–50 of ${total} tenants$`));
  assert.match(await page.locator('#data-age').textContent(), /^Data from .* \((just now|\d+ minutes? ago)\)/);
  const headers = await page.locator('#tenants-table thead th').allTextContents();
  for (const h of ['Type', 'Name', 'Primary Domain', 'Tenant ID', 'Reseller', 'Status', 'Subscriptions PC / BSS', 'Related BSS Account']) {
    assert.ok(headers.some((x) => x.includes(h)), `${h} in ${headers.join('|')}`);
  }
  // A checkbox exactly where the server says something can be imported.
  const page1 = await action(page, 'tenants', { instanceId: await instanceId(page), limit: 50 });
  assert.deepEqual(rows.map((r) => [r.tenantId, r.selectable]), page1.body.rows.map((r) => [r.tenantId, r.importable]));
  await screenshot(page, '07-tenants-grid');
  await page.getByRole('button', { name: 'Next ›' }).click();
  await page.locator('#page-info').filter({ hasText: `51–100 of ${total} tenants` }).waitFor();
  const second = await visibleRows(page);
  assert.equal(second.filter((r) => rows.some((x) => x.tenantId === r.tenantId && x.name === r.name)).length, 0);
  await page.getByRole('button', { name: '‹ Previous' }).click();
  await page.locator('#page-info').filter({ hasText: `1–50 of ${total} tenants` }).waitFor();
});

test('clicking a header sorts on the server, clicking again reverses', async () => {
  const { page } = session;
  const id = await instanceId(page);
  for (const [column, key] of [['Primary Domain', 'domain'], ['Name', 'name']]) {
    for (const descending of [false, true]) {
      await page.locator(`button.sort[data-sort="${key}"]`).click();
      await page.locator(`th[aria-sort="${descending ? 'descending' : 'ascending'}"] button[data-sort="${key}"]`).waitFor();
      await waitGridIdle(page);
      const expected = await action(page, 'tenants', { instanceId: id, sort: key, descending, limit: 50 });
      const rows = await visibleRows(page);
      assert.deepEqual(rows.map((r) => r.tenantId), expected.body.rows.map((r) => r.tenantId), `${column} ${descending}`);
    }
  }
});

/** Presses Tab until the focused element matches selector; fails after max presses. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement && document.activeElement.matches(sel), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the grid works by keyboard: sort, select a row, open subscriptions', async () => {
  const { page } = session;
  await page.locator('#filter-name').focus();
  await tabTo(page, 'button.sort[data-sort="tenantId"]');
  await page.keyboard.press('Enter');
  await page.locator('th[aria-sort="ascending"] button[data-sort="tenantId"]').waitFor();
  await waitGridIdle(page);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.sort), 'tenantId');
  await tabTo(page, 'input.row-select');
  await page.keyboard.press('Space');
  await page.locator('#selection-info').filter({ hasText: '1 tenant selected' }).waitFor();
  await page.keyboard.press('Space');
  await page.locator('#selection-info').filter({ hasText: 'No tenant selected' }).waitFor();
  await page.keyboard.press('Tab'); // the type cell has no control: from the checkbox to the name
  const focused = await page.evaluate(() => document.activeElement.closest('td') && document.activeElement.title);
  assert.equal(focused, 'Show subscriptions');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Subscriptions of / });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.title), 'Show subscriptions');
  await page.locator('button.sort[data-sort="name"]').click();
  await waitGridIdle(page);
});

test('filters narrow the grid on the server', async () => {
  const { page } = session;
  const first = (await visibleRows(page))[0];
  const part = first.name.slice(0, 5);
  await page.getByLabel('Name', { exact: true }).fill(part);
  await waitGridIdle(page);
  const rows = await visibleRows(page);
  assert.ok(rows.length >= 1);
  for (const r of rows) assert.ok(r.name.toLowerCase().includes(part.toLowerCase()), `${r.name} has ${part}`);
  await page.getByLabel('Name', { exact: true }).fill('no tenant is called like this');
  await waitGridIdle(page);
  await page.locator('#grid-empty').filter({ hasText: 'No tenant matches these filters.' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('');
  await page.getByLabel('Status').selectOption('unsynced');
  await waitGridIdle(page);
  for (const r of await visibleRows(page)) assert.equal(r.status, 'unsynced');
  await page.getByLabel('Status').selectOption('');
  await waitGridIdle(page);
});

test("a tenant's subscriptions open in a dialog with type and status", async () => {
  const { page } = session;
  const first = (await visibleRows(page))[0];
  await page.locator('#tenants-table tbody tr').first().getByRole('button', { name: first.name }).click();
  const dialog = page.getByRole('dialog', { name: `Subscriptions of ${first.name}` });
  await dialog.waitFor();
  await dialog.locator('table, .empty-state').first().waitFor();
  const api = await action(page, 'subscriptions', { instanceId: await instanceId(page), tenantId: first.tenantId });
  assert.equal(await dialog.locator('tbody tr').count(), api.body.subscriptions.length);
  await screenshot(page, '08-subscriptions');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('on an indirect instance the resellers view opens a reseller\'s end customers', async () => {
  const { page } = session;
  await chooseInstance(page, DEMO.indirectInstance);
  const { dialog } = await getHierarchy(page);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('tab', { name: 'Resellers' }).click();
  const view = page.locator('#resellers-table button[data-mpn-id]').first();
  await view.waitFor();
  const n = Number((await view.textContent()).match(/View \((\d+)\)/)[1]);
  const mpn = await view.getAttribute('data-mpn-id');
  await screenshot(page, '09-resellers');
  await view.click();
  await page.getByRole('tab', { name: 'Tenants' }).and(page.locator('[aria-selected=true]')).waitFor();
  await waitGridIdle(page);
  assert.equal(Number(await page.locator('#page-info').getAttribute('data-total')), n);
  assert.equal(await page.getByLabel('Reseller', { exact: true }).inputValue(), mpn);
  await page.getByLabel('Reseller', { exact: true }).selectOption('');
  await waitGridIdle(page);
});

test('an instance whose token expired shows the error and what to do', async () => {
  const { page } = session;
  await chooseInstance(page, DEMO.expiredInstance);
  await page.getByRole('button', { name: 'Get Hierarchy' }).click();
  // The server's [S9] message, whether the job fails or the start is refused (424).
  const error = page.locator('#hierarchy-error .alert').filter({ hasText: "Renew the instance's token" });
  await error.waitFor({ timeout: 60000 });
  const text = await error.textContent();
  assert.match(text, /^Get Hierarchy (failed|could not start)\./);
  assert.match(text, new RegExp(`'${DEMO.expiredInstance}' is not authenticated or its authentication expired`));
  await page.locator('#grid-empty').filter({ hasText: 'No hierarchy yet' }).waitFor();
  await screenshot(page, '10-expired-instance');
  assert.deepEqual(session.outside, []);
  assert.deepEqual(session.errors, []);
});
