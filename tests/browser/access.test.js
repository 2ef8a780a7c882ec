// Log-in, the Tools menu and who sees the tool: only where it is enabled for the organization and
// the user holds the permission.
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

test('a wrong password is refused with a message and no session', async () => {
  const { page, context, outside } = await newPage(browser, host.url);
  await page.goto(`${host.url}/`);
  await page.getByLabel('Login').fill('admin@root');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'Wrong login or password.' }).waitFor());
  await screenshot(page, '01-login-error');
  assert.equal(await page.locator('#topbar').isVisible(), false);
  assert.deepEqual(outside, []);
  await context.close();
});

test('admin@root finds the tool under BSS Setup > Tools and opens it', async () => {
  const { page, context, outside, errors } = await newPage(browser, host.url);
  await logIn(page, host.url, 'admin@root');
  await page.getByRole('button', { name: /BSS Setup/ }).click();
  const menuLink = page.locator('#menu-bss-setup').getByRole('link', { name: 'Import Customers Tool' });
  await menuLink.waitFor();
  await screenshot(page, '02-menu');
  await menuLink.click();
  await page.getByRole('heading', { name: 'Import Customers Tool' }).waitFor();
  // The instances of the root: its two demo instances and the expired one (they arrive after the
  // page shows).
  const select = page.getByLabel('Microsoft Cloud Services Instance');
  await select.locator('option').nth(2).waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  assert.ok(options.some((o) => o.startsWith(DEMO.directInstance)), options.join(' | '));
  assert.ok(options.some((o) => o.startsWith(DEMO.expiredInstance)), options.join(' | '));
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('sales@root (no permission) does not see the tool and cannot open it', async () => {
  const { page, context } = await newPage(browser, host.url);
  await logIn(page, host.url, 'sales@root');
  await page.locator('#no-tools').waitFor();
  await page.getByRole('button', { name: /BSS Setup/ }).click();
  assert.equal(await page.locator('#menu-bss-setup').getByRole('link', { name: 'Import Customers Tool' }).count(), 0);
  await screenshot(page, '03-sales-no-tool');
  await page.goto(`${host.url}/#/tools/import-customers`);
  await page.locator('#tool-unavailable').waitFor();
  await context.close();
});

test('admin@simple (tool not enabled for the simple tenant) does not see the tool', async () => {
  const { page, context } = await newPage(browser, host.url);
  await logIn(page, host.url, 'admin@simple');
  await page.locator('#no-tools').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Import Customers Tool' }).count(), 0);
  await context.close();
});

test('admin@country sees the tool with the inherited instance marked', async () => {
  const { page, context } = await newPage(browser, host.url);
  await logIn(page, host.url, 'admin@country');
  await page.locator('#tool-list').getByRole('link', { name: 'Import Customers Tool' }).click();
  const select = page.getByLabel('Microsoft Cloud Services Instance');
  // The instances arrive after the page shows: wait for them before reading.
  await select.locator('option').first().waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  assert.ok(options.length > 0);
  assert.ok(options.every((o) => o.includes('inherited from')), options.join(' | '));
  await context.close();
});

test('log out returns to the log-in page', async () => {
  const { page, context } = await newPage(browser, host.url);
  await logIn(page, host.url, 'admin@root');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  await page.goto(`${host.url}/#/tools`);
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  await context.close();
});
