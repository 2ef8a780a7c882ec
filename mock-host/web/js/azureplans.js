// The Azure Plan Migration Tool page: instance, Scan, the scanned Azure plans with their Azure
// subscriptions (server pages), then Dry run / Import with progress and the run's results.
import { api, ApiError } from './api.js';
import { h, clear } from './dom.js';
import { instanceSelect } from './instance.js';
import { formatDateTime } from './format.js';
import { progressBox } from './progress.js';
import { waitForJob } from './jobs.js';

export const AZURE_TOOL_ID = 'azure-plan-migration';
const STORAGE_KEY = 'apm.instanceId';
const PAGE = 25;
const SYNC_LABEL = { new: 'New', synced: 'Synced', import_customer_first: 'Import the customer first' };

const call = (name, body = {}) => api.action(AZURE_TOOL_ID, name, body);
const resultsCsvUrl = (runId) =>
  `/api/tools/${AZURE_TOOL_ID}/streams/import-results-csv?body=${encodeURIComponent(JSON.stringify({ runId }))}`;

const scanItems = {
  fraction: () => null,
  counts: (p) => [['Customers read', p.customers ?? 0], ['Azure plans found', p.plans ?? 0],
    ['Customers failed', p.failedCustomers ?? 0]],
};
const importItems = {
  fraction: () => null,
  counts: (p) => [['Plans done', p.plans ?? 0], ['Created', p.created ?? 0],
    ['Would create', p.would_create ?? 0], ['Already held', p.already_held ?? 0],
    ['Skipped', p.skipped ?? 0], ['Failed', p.failed ?? 0]],
};

function badge(sync) {
  return h('span', { class: `badge ${sync === 'import_customer_first' ? 'skipped' : sync}` }, SYNC_LABEL[sync] || sync);
}

/** What a row of a tenant without a BSS account says, with a link where the other tool runs. */
function importFirst(plan, importTool) {
  if (!importTool.enabled) {
    return h('span', { class: 'hint' }, 'Import the customer first: the Import Customers Tool is not enabled for your organization.');
  }
  return h('a', { href: `#/tools/${importTool.id}/tenant/${encodeURIComponent(plan.customerTenantId)}`, class: 'import-first', dataset: { tenant: plan.customerTenantId } },
    `Import the customer first (${importTool.displayName})`);
}

function planRow(plan, importTool) {
  const azure = plan.azureSubscriptions.map((a) => h('li', { class: 'azure-subscription' },
    h('span', { class: 'mono' }, a.azureSubscriptionId), ' ', a.friendlyName, ' ',
    h('span', { class: 'hint' }, a.status), ' ', badge(a.sync)));
  return h('tr', { dataset: { plan: plan.planSubscriptionId, sync: plan.sync } },
    h('td', {}, plan.customerName || '(no name)', h('div', { class: 'mono hint' }, plan.customerTenantId)),
    h('td', {}, plan.friendlyName, h('div', { class: 'mono hint' }, plan.planSubscriptionId)),
    h('td', {}, plan.status),
    h('td', {}, badge(plan.sync), plan.sync === 'import_customer_first' ? h('div', {}, importFirst(plan, importTool)) : null),
    h('td', {}, azure.length ? h('ul', { class: 'plain' }, azure) : h('span', { class: 'hint' }, 'none')));
}

function countsLine(counts) {
  return h('div', { class: 'summary-grid', id: 'plan-counts' },
    [['Azure plans', counts.plans], ['New', counts.newPlans], ['Synced', counts.syncedPlans],
      ['Import the customer first', counts.importCustomerFirst], ['Azure subscriptions', counts.azureSubscriptions],
      ['New Azure subscriptions', counts.newAzureSubscriptions]]
      .map(([name, value]) => h('div', {}, `${name}: `, h('strong', {}, value))));
}

function resultsTable(results) {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'apm-results' },
    h('thead', {}, h('tr', {}, ['Tenant', 'Azure plan', 'Azure subscription', 'Outcome', 'Detail'].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, results.map((r) => h('tr', {},
      h('td', { class: 'mono' }, r.customerTenantId), h('td', { class: 'mono' }, r.planSubscriptionId),
      h('td', { class: 'mono' }, r.azureSubscriptionId || '(the plan)'),
      h('td', {}, h('span', { class: `badge ${r.outcome}` }, r.outcome.replace('_', ' '))), h('td', {}, r.detail))))));
}

/** `tenantId`: show only that tenant's plans (the Import Customers Tool links here so). */
export async function renderAzurePlansPage(main, tenantId = '') {
  main.append(h('p', { class: 'breadcrumb' }, 'BSS Setup › Tools'), h('h1', {}, 'Azure Plan Migration Tool'));
  const instances = (await call('list-instances')).instances || [];
  if (!instances.length) {
    main.append(h('div', { class: 'empty-state', id: 'no-instances' },
      'No Microsoft Cloud Services instance is available to your organization.'));
    return;
  }
  const remembered = sessionStorage.getItem(STORAGE_KEY);
  const initial = instances.some((i) => String(i.id) === remembered) ? remembered : String(instances[0].id);
  const picker = instanceSelect(instances, initial, () => {
    sessionStorage.setItem(STORAGE_KEY, picker.select.value);
    pages = [null];
    load();
  });
  const scanned = h('span', { class: 'hint', id: 'scanned-at' });
  const message = h('div', { id: 'apm-message', 'aria-live': 'polite' });
  const scanButton = h('button', { type: 'button', id: 'scan', class: 'primary' }, 'Scan');
  const dryButton = h('button', { type: 'button', id: 'apm-dry-run' }, 'Dry run');
  const importButton = h('button', { type: 'button', id: 'apm-import' }, 'Import');
  const progress = progressBox('apm-progress', 'Azure Plan Migration', AZURE_TOOL_ID);
  const listHost = h('div', { id: 'plans' });
  const tenantFilter = tenantId ? h('p', { id: 'tenant-filter' }, `Azure plans of tenant ${tenantId} · `,
    h('a', { href: `#/tools/${AZURE_TOOL_ID}` }, 'Show every tenant')) : null;
  const resultsHost = h('div', { id: 'apm-results-host' });
  main.append(h('section', { class: 'panel', 'aria-label': 'Instance' }, picker.wrap,
    h('div', { class: 'toolbar' }, scanButton, dryButton, importButton, h('span', { class: 'spacer' }), scanned), message),
  progress.box, h('section', { class: 'panel', 'aria-label': 'Azure plans' }, tenantFilter, listHost), resultsHost);

  let pages = [null]; // The `after` key of each page seen, for Previous.
  const instanceId = () => Number(picker.select.value);

  function say(text, kind = 'info') {
    clear(message).append(h('div', { class: `alert ${kind}`, role: kind === 'info' ? 'status' : 'alert' }, text));
  }

  async function load() {
    const answer = await call('plans', { instanceId: instanceId(), limit: PAGE, after: pages[pages.length - 1], customerTenantId: tenantId });
    clear(listHost);
    // Tells a watcher (the browser tests) which instance the list shows.
    listHost.dataset.instance = String(instanceId());
    scanned.textContent = answer.scan ? `Last scan: ${formatDateTime(answer.scan.scannedAt)}` : 'Never scanned';
    if (!answer.scan) {
      listHost.append(h('div', { class: 'empty-state', id: 'never-scanned' },
        'This instance has not been scanned yet. Scan reads every customer\'s Azure plans from Partner Center.'));
      return;
    }
    listHost.append(countsLine(answer.counts));
    if (!answer.plans.length) {
      listHost.append(h('div', { class: 'empty-state', id: 'no-plans' }, 'No customer of this instance holds an Azure plan.'));
      return;
    }
    listHost.append(h('div', { class: 'table-wrap' }, h('table', { id: 'plans-table' },
      h('thead', {}, h('tr', {}, ['Customer', 'Azure plan', 'Status', 'In the BSS', 'Azure subscriptions'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, answer.plans.map((p) => planRow(p, answer.importCustomersTool))))));
    const previous = h('button', { type: 'button', id: 'plans-previous', disabled: pages.length === 1 }, 'Previous');
    const next = h('button', { type: 'button', id: 'plans-next', disabled: !answer.next }, 'Next');
    previous.addEventListener('click', () => { pages.pop(); load(); });
    next.addEventListener('click', () => { pages.push(answer.next); load(); });
    listHost.append(h('div', { class: 'toolbar' }, previous, next));
  }

  async function runJob(action, body, items) {
    clear(message);
    const buttons = [scanButton, dryButton, importButton];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const started = await call(action, body);
      progress.start(started.jobId);
      const status = await waitForJob(started.jobId, (s) => progress.update(s, items), 400, AZURE_TOOL_ID);
      progress.finish();
      if (status.state === 'failed') say(status.error, 'warn');
      else if (status.state === 'cancelled') say('Cancelled; what was written before the cancel stays.', 'warn');
      return status.state === 'succeeded' ? status.result : null;
    } catch (err) {
      progress.finish();
      say(err instanceof ApiError ? err.message : String(err), 'warn');
      return null;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  async function importRun(dryRun) {
    const preflight = await call('import-preflight', { instanceId: instanceId() });
    if (!preflight.ready) { say(preflight.problems.join(' '), 'warn'); return; }
    const result = await runJob('import', { instanceId: instanceId(), dryRun, customerTenantId: tenantId }, importItems);
    if (!result) return;
    const o = result.outcomes;
    say(dryRun ? `Dry run: ${o.would_create} would be created, ${o.skipped} skipped. Nothing was written.`
      : `Import: ${o.created} created, ${o.already_held} already held, ${o.skipped} skipped, ${o.failed} failed.`);
    const answer = await call('import-results', { runId: result.runId, limit: 1000 });
    clear(resultsHost).append(h('section', { class: 'panel', 'aria-label': 'Results' },
      h('h2', {}, dryRun ? 'Dry run results' : 'Import results'),
      h('p', {}, h('a', { id: 'apm-results-csv', href: resultsCsvUrl(result.runId), download: '' }, 'Export CSV')),
      resultsTable(answer.results)));
    pages = [null];
    await load();
  }

  scanButton.addEventListener('click', async () => {
    const result = await runJob('scan', { instanceId: instanceId() }, scanItems);
    if (result) say(`Scan: ${result.customers} customers read, ${result.plans} Azure plans found${result.failedCustomers ? `, ${result.failedCustomers} customers could not be read` : ''}.`);
    pages = [null];
    await load();
  });
  dryButton.addEventListener('click', () => importRun(true));
  importButton.addEventListener('click', () => importRun(false));
  await load();
}
