// Steps on the Import Customers Tool page shared by the tests.
'use strict';

const { logIn } = require('./host');

async function openTool(page, url, login = 'admin@root') {
  await logIn(page, url, login);
  await page.locator('#tool-list').getByRole('link', { name: 'Import Customers Tool' }).click();
  await page.getByRole('heading', { name: 'Import Customers Tool' }).waitFor();
  await page.waitForFunction(() => Number(document.getElementById('main').dataset.instanceRefreshes) >= 1);
}

async function chooseInstance(page, name) {
  const select = page.getByLabel('Microsoft Cloud Services Instance');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const option = options.find((o) => o.text.startsWith(name));
  if (!option) throw new Error(`no instance '${name}' in ${JSON.stringify(options)}`);
  if ((await select.inputValue()) === option.value) return;
  const before = Number(await page.locator('#main').getAttribute('data-instance-refreshes'));
  await select.selectOption(option.value);
  await page.waitForFunction((n) => Number(document.getElementById('main').dataset.instanceRefreshes) > n, before);
}

/** Runs a mass Get Hierarchy and returns the text of the confirmation; onProgress(page) while it runs. */
async function getHierarchy(page, { onProgress, timeoutMs = 120000 } = {}) {
  await page.getByRole('button', { name: 'Get Hierarchy' }).click();
  if (onProgress) {
    await page.locator('#hierarchy-progress').waitFor({ state: 'visible' });
    await onProgress(page);
  }
  const dialog = page.getByRole('dialog', { name: 'Get Hierarchy finished' });
  await dialog.waitFor({ timeout: timeoutMs });
  const text = await dialog.textContent();
  return { dialog, text };
}

/** Calls an action of the tool from the page, with the page's session. */
function action(page, name, body) {
  return page.evaluate(async ([n, b]) => {
    const r = await fetch(`/api/tools/import-customers/actions/${n}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b),
    });
    return { status: r.status, body: await r.json() };
  }, [name, body]);
}

async function instanceId(page) {
  return Number(await page.getByLabel('Microsoft Cloud Services Instance').inputValue());
}

async function visibleRows(page) {
  return page.locator('#tenants-table tbody tr').evaluateAll((rows) => rows.map((r) => ({
    tenantId: r.dataset.tenantId,
    status: r.dataset.status,
    name: r.children[2].textContent,
    selectable: !!r.querySelector('input.row-select'),
  })));
}

async function waitGridIdle(page) {
  await page.waitForTimeout(300); // filters are debounced by 250 ms
  await page.waitForFunction(() => !document.querySelector('#tenant-table[aria-busy]'));
}

module.exports = { openTool, chooseInstance, getHierarchy, action, instanceId, visibleRows, waitGridIdle };
