// The Azure Plan Migration Tool's page in a real browser: found under BSS Setup > Tools beside the
// Import Customers Tool, a scan lists the Azure plans, plans of tenants without a BSS account point
// at the Import Customers Tool, and once the customers are imported a dry run and an import bring
// the plans and their Azure subscriptions in, after which the list shows them Synced.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startHost, launchBrowser, newPage, screenshot, logIn, DEMO } = require('./support/host');

let host;
let browser;

test.before(async () => {
  host = await startHost({ tenants: 20 });
  browser = await launchBrowser();
});

test.after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
});

async function openTool(page) {
  await logIn(page, host.url, 'admin@root');
  await page.getByRole('button', { name: /BSS Setup/ }).click();
  await page.locator('#menu-bss-setup').getByRole('link', { name: 'Azure Plan Migration Tool' }).click();
  return openToolInstance(page);
}

/** On the tool's page: picks the demo's direct instance and waits for its list. */
async function openToolInstance(page) {
  await page.getByRole('heading', { name: 'Azure Plan Migration Tool' }).waitFor();
  // The heading shows before the instances arrive.
  await page.locator('#instance-select option').first().waitFor({ state: 'attached' });
  const select = page.getByLabel('Microsoft Cloud Services Instance');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const direct = options.find((o) => o.text.startsWith(DEMO.directInstance));
  await select.selectOption(direct.value);
  await page.locator(`#plans[data-instance="${direct.value}"]`).waitFor({ state: 'attached' });
  return direct.value;
}

async function scan(page) {
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.locator('#apm-message').getByText(/^Scan: \d+ customers read/).waitFor();
  await page.locator('#plans-table').waitFor();
}

/** Runs one of the Import Customers Tool's jobs through the host's API, as the page's session. */
async function importCustomersJob(page, action, body) {
  return page.evaluate(async ({ action, body }) => {
    const post = async (path, json) => {
      const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(json) });
      return r.json();
    };
    const started = await post(`/api/tools/import-customers/actions/${action}`, body);
    for (;;) {
      const status = await post('/api/tools/import-customers/actions/job-status', { jobId: started.jobId });
      if (!['queued', 'running'].includes(status.state)) return { state: status.state, runId: started.runId };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, { action, body });
}

test('a scan lists Azure plans, and a tenant without an account points at the Import Customers Tool', async () => {
  const { page, context, outside, errors } = await newPage(browser, host.url);
  await openTool(page);
  await page.locator('#never-scanned').waitFor();
  await scan(page);
  await screenshot(page, '40-azure-plans-scanned');
  const rows = page.locator('#plans-table tbody tr');
  assert.ok(await rows.count() > 0);
  // No customer is in the BSS yet: every plan says so, with a link to the other tool.
  assert.equal(await page.locator('#plans-table tbody tr[data-sync="import_customer_first"]').count(), await rows.count());
  const link = page.locator('#plans-table a.import-first').first();
  assert.match(await link.textContent(), /Import the customer first \(Import Customers Tool\)/);
  const tenant = await link.getAttribute('data-tenant');
  assert.equal(await link.getAttribute('href'), `#/tools/import-customers/tenant/${tenant}`);
  // It opens the Import Customers Tool with its grid on that tenant.
  await link.click();
  await page.getByRole('heading', { name: 'Import Customers Tool' }).waitFor();
  await page.waitForFunction((t) => document.getElementById('filter-tenant-id')?.value === t, tenant);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after the customers are imported, a dry run writes nothing and the import brings the plans in once', async () => {
  const { page, context, outside, errors } = await newPage(browser, host.url);
  const instanceId = await openTool(page);
  assert.equal((await importCustomersJob(page, 'get-hierarchy', { instanceId: Number(instanceId), mode: 'mass' })).state, 'succeeded');
  const imported = await importCustomersJob(page, 'import', { instanceId: Number(instanceId), all: true });
  assert.equal(imported.state, 'succeeded');
  // The Import Customers Tool's results: each skipped Azure plan links to this tool for its tenant.
  await page.goto(`${host.url}/#/tools/import-customers/results/${imported.runId}`);
  const link = page.locator('a.azure-plan-link').first();
  await link.waitFor();
  assert.match(await link.textContent(), /Bring it in with the Azure Plan Migration Tool/);
  const tenant = decodeURIComponent((await link.getAttribute('href')).split('/tenant/')[1]);
  await link.click();
  await page.locator('#tenant-filter').getByText(tenant).waitFor();
  await page.locator('#plans').waitFor();
  await page.getByRole('link', { name: 'Show every tenant' }).click();
  await page.locator('#tenant-filter').waitFor({ state: 'detached' });
  await openToolInstance(page);
  await scan(page);
  assert.ok(await page.locator('#plans-table tbody tr[data-sync="new"]').count() > 0);

  await page.getByRole('button', { name: 'Dry run' }).click();
  await page.locator('#apm-message').getByText(/^Dry run: \d+ would be created/).waitFor();
  const dryText = await page.locator('#apm-message').textContent();
  const wouldCreate = Number(/Dry run: (\d+) would be created/.exec(dryText)[1]);
  assert.ok(wouldCreate > 0, dryText);
  assert.ok(await page.locator('#plans-table tbody tr[data-sync="new"]').count() > 0, 'a dry run changes nothing');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('#apm-message').getByText(/^Import: \d+ created/).waitFor();
  const importText = await page.locator('#apm-message').textContent();
  assert.equal(Number(/Import: (\d+) created/.exec(importText)[1]), wouldCreate, importText);
  await page.locator('#apm-results tbody tr').first().waitFor();
  // The results export as CSV, through the host's streamed action, as the page's session.
  const csv = await page.evaluate(async () => (await fetch(document.getElementById('apm-results-csv').href)).text());
  assert.equal(csv.split('\r\n').filter((l) => l.includes(',created,')).length, wouldCreate);
  await screenshot(page, '41-azure-plans-imported');
  // The list, read again after the import, holds no New plan on this page.
  await page.locator('#plans-table').waitFor();
  assert.equal(await page.locator('#plans-table tbody tr[data-sync="new"]').count(), 0);

  await scan(page);
  assert.equal(await page.locator('#plans-table tbody tr[data-sync="new"]').count(), 0);
  assert.ok(await page.locator('#plans-table tbody tr[data-sync="synced"]').count() > 0);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});
