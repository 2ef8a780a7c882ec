// The import from the page: select two tenants, pre-flight and dry run with the billing policy,
// the import with its progress, the results with the CSV export, then a Get Hierarchy showing them
// Synced, and the run in the activity tab.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { startHost, launchBrowser, newPage, screenshot, DEMO } = require('./support/host');
const { openTool, chooseInstance, getHierarchy, waitGridIdle, visibleRows, action, instanceId } = require('./support/toolPage');

let host;
let browser;
let session;
let chosen = [];

test.before(async () => {
  host = await startHost({ tenants: 40 });
  browser = await launchBrowser();
  session = await newPage(browser, host.url);
  await openTool(session.page, host.url);
  await chooseInstance(session.page, DEMO.directInstance);
  const { dialog } = await getHierarchy(session.page);
  await dialog.getByRole('button', { name: 'OK' }).click();
});

test.after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
});

test('Import Selected opens the pre-flight and the dry run with the billing policy choice', async () => {
  const { page } = session;
  await page.getByLabel('Importable only').check();
  await waitGridIdle(page);
  const rows = (await visibleRows(page)).filter((r) => r.selectable);
  assert.ok(rows.length >= 2, `${rows.length} importable rows`);
  chosen = rows.slice(0, 2);
  for (const r of chosen) await page.locator(`#tenants-table tr[data-tenant-id="${r.tenantId}"] input.row-select`).check();
  await page.locator('#selection-info').filter({ hasText: '2 tenants selected' }).waitFor();
  await page.getByRole('button', { name: 'Import Selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import the selected tenants' });
  await dialog.waitFor();
  await dialog.locator('#preflight-summary').waitFor({ timeout: 60000 });
  await dialog.locator('#dry-run-summary').waitFor({ timeout: 60000 });
  assert.equal(await dialog.locator('#preflight-summary [data-key="tenants"] strong').textContent(), '2');
  for (const r of chosen) await dialog.locator(`#dry-run .tenant-block[data-tenant-id="${r.tenantId}"]`).waitFor();
  assert.equal(await dialog.getByLabel('Charge the full current period').isChecked(), true);
  await dialog.getByLabel('Charge pro rata from the import date').check();
  await dialog.locator('#dry-run-summary').waitFor();
  await dialog.locator('#dry-run .tenant-block').first().waitFor();
  assert.match(await dialog.locator('#dry-run').textContent(), /pro rata/);
  await screenshot(page, '11-dry-run');
});

test('Import runs with a progress bar and opens the Import Results page', async () => {
  const { page } = session;
  const dialog = page.getByRole('dialog', { name: 'Import the selected tenants' });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await page.locator('#results').waitFor({ timeout: 120000 });
  await page.getByRole('heading', { name: /^Import Results: run / }).waitFor();
  await page.locator('#results-summary').waitFor();
  for (const r of chosen) {
    const block = page.locator(`#results .tenant-block[data-tenant-id="${r.tenantId}"]`);
    await block.waitFor();
    assert.equal(await block.getAttribute('data-outcome'), 'created');
  }
  await page.locator('#results .group-direct').waitFor();
  await screenshot(page, '12-import-results');
});

test('the results export as CSV', async () => {
  const { page } = session;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const file = await download.path();
  const csv = fs.readFileSync(file, 'utf8');
  for (const r of chosen) assert.ok(csv.includes(r.tenantId), `${r.tenantId} in the CSV`);
});

test('a new Get Hierarchy shows the imported tenants Synced', async () => {
  const { page } = session;
  await page.getByRole('link', { name: 'Import Customers Tool' }).first().click();
  await page.getByRole('heading', { name: 'Import Customers Tool' }).waitFor();
  await page.waitForFunction(() => Number(document.getElementById('main').dataset.instanceRefreshes) >= 1);
  await chooseInstance(page, DEMO.directInstance);
  const { dialog } = await getHierarchy(page);
  await dialog.getByRole('button', { name: 'OK' }).click();
  for (const r of chosen) {
    await page.getByLabel('Tenant ID', { exact: true }).fill(r.tenantId);
    await waitGridIdle(page);
    const rows = await visibleRows(page);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].status, 'synced', JSON.stringify(rows[0]));
    assert.equal(rows[0].selectable, false);
    assert.ok((await page.locator('#tenants-table tbody tr .related a').count()) >= 1);
  }
  await screenshot(page, '13-synced');
  await page.getByLabel('Tenant ID', { exact: true }).fill('');
});

test('Incremental refresh reads what changed and keeps the imported tenants Synced', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Incremental refresh' }).click();
  const dialog = page.getByRole('dialog', { name: 'Get Hierarchy finished' });
  await dialog.waitFor({ timeout: 120000 });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.getByLabel('Tenant ID', { exact: true }).fill(chosen[0].tenantId);
  await waitGridIdle(page);
  const rows = await visibleRows(page);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].status, 'synced');
  await page.getByLabel('Tenant ID', { exact: true }).fill('');
  await waitGridIdle(page);
});

test('the activity tab lists the import run and the audit trail', async () => {
  const { page } = session;
  await page.getByRole('tab', { name: 'Runs & audit trail' }).click();
  await page.locator('#runs-table').waitFor();
  assert.ok(await page.locator('#runs-table').getByRole('link', { name: 'Import (results)' }).count() >= 1);
  await page.locator('#audit-table').waitFor();
  assert.ok(await page.locator('#audit-table tbody tr').count() >= 1);
  await screenshot(page, '14-activity');
  assert.deepEqual(session.outside, []);
  assert.deepEqual(session.errors, []);
});

test('Import all importable previews every importable tenant, and Cancel writes nothing', async () => {
  const { page } = session;
  await page.getByRole('tab', { name: 'Tenants' }).click();
  const id = await instanceId(page);
  const importable = await action(page, 'tenants', { instanceId: id, importableOnly: true, limit: 1 });
  assert.ok(importable.body.total >= 1);
  await page.getByRole('button', { name: 'Import all importable' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import all importable tenants' });
  await dialog.locator('#preflight-summary').waitFor({ timeout: 60000 });
  assert.equal(Number(await dialog.locator('#preflight-summary [data-key="tenants"] strong').textContent()), importable.body.total);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  const after = await action(page, 'tenants', { instanceId: id, importableOnly: true, limit: 1 });
  assert.equal(after.body.total, importable.body.total);
});
