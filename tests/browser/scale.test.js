// 10,000 tenants: the grid fetches and renders one page only, so paging, sorting and filtering
// stay fast in the browser whatever the size of the hierarchy.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { startHost, launchBrowser, newPage, screenshot, DEMO } = require('./support/host');
const { openTool, chooseInstance, getHierarchy, visibleRows, waitGridIdle } = require('./support/toolPage');

const TENANTS = Number(process.env.ICT_SCALE_TENANTS || 10000);
let host;
let browser;
let session;

test.before(async () => {
  host = await startHost({ tenants: TENANTS });
  browser = await launchBrowser();
  session = await newPage(browser, host.url);
  await openTool(session.page, host.url);
  await chooseInstance(session.page, DEMO.directInstance);
  const { dialog } = await getHierarchy(session.page, { timeoutMs: 15 * 60 * 1000 });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await session.page.locator('#tenants-table').waitFor();
}, { timeout: 20 * 60 * 1000 });

test.after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
});

/** Runs step and returns how long until the grid shows the new page, in ms. */
async function timed(page, step) {
  const start = Date.now();
  await step();
  await waitGridIdle(page);
  return Date.now() - start - 300; // waitGridIdle waits out the 250 ms filter debounce
}

test(`the grid over ${TENANTS} tenants renders one page, and pages, sorts and filters quickly`, async () => {
  const { page } = session;
  const total = Number(await page.locator('#page-info').getAttribute('data-total'));
  assert.ok(total >= TENANTS, `${total}`);
  assert.equal(await page.locator('#tenants-table tbody tr').count(), 50);
  const times = {};
  times.next = await timed(page, () => page.getByRole('button', { name: 'Next ›' }).click());
  await page.locator('#page-info').filter({ hasText: `51–100 of ${total} tenants` }).waitFor();
  times.sort = await timed(page, () => page.locator('button.sort[data-sort="domain"]').click());
  const first = (await visibleRows(page))[0];
  times.filter = await timed(page, () => page.getByLabel('Name', { exact: true }).fill(first.name));
  assert.ok((await visibleRows(page)).some((r) => r.tenantId === first.tenantId));
  times.pageSize = await timed(page, async () => {
    await page.getByLabel('Name', { exact: true }).fill('');
    await page.getByLabel('Rows per page').selectOption('200');
  });
  assert.equal(await page.locator('#tenants-table tbody tr').count(), 200);
  await screenshot(page, '20-grid-10000');
  for (const [step, ms] of Object.entries(times)) assert.ok(ms < 2000, `${step} took ${ms} ms`);
  assert.deepEqual(session.errors, []);
});
