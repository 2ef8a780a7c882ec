// The Import Customers Tool page: instance, Get Hierarchy, then tabs with the tenants grid, the
// resellers and the activity (recent runs and audit trail).
import { h } from './dom.js';
import { loadInstances, instanceSelect } from './instance.js';
import { renderHierarchyPanel } from './hierarchy.js';
import { renderTenantGrid } from './grid.js';
import { renderResellers } from './resellers.js';
import { renderActivity } from './audit.js';
import { createImporter } from './importing.js';
import { tabList } from './tabs.js';

const STORAGE_KEY = 'ict.instanceId';

/** `tenantId`: start with the grid filtered to that tenant (the Azure Plan Migration Tool links here so). */
export async function renderToolPage(main, tenantId = '') {
  main.append(h('p', { class: 'breadcrumb' }, 'BSS Setup › Tools'), h('h1', {}, 'Import Customers Tool'));
  let instances;
  try {
    instances = await loadInstances();
  } catch (err) {
    main.append(h('div', { class: 'alert', role: 'alert' }, h('strong', {}, 'The instances cannot be read. '), err.message));
    return;
  }
  if (!instances.length) {
    main.append(h('div', { class: 'empty-state', id: 'no-instances' },
      'No Microsoft Cloud Services instance is available to your organization. Add one in BSS Setup > Microsoft Cloud Services first.'));
    return;
  }
  const remembered = sessionStorage.getItem(STORAGE_KEY);
  const initial = instances.some((i) => String(i.id) === remembered) ? remembered : String(instances[0].id);

  let hierarchy; let grid; let resellers; let activity; let tabs;
  const picker = instanceSelect(instances, initial, () => {
    sessionStorage.setItem(STORAGE_KEY, picker.select.value);
    refreshAll(true);
  });
  const ctx = { instance: () => picker.current() };

  hierarchy = renderHierarchyPanel(main, { ...ctx, header: picker.wrap, onFinished: () => refreshData(true) });
  const progressHost = h('div');
  main.append(progressHost);
  const startImport = createImporter({
    ...ctx, progressHost,
    openResults: (runId) => { location.hash = `#/tools/import-customers/results/${runId}`; },
    onImported: () => refreshData(true),
  });

  const tenantsPanel = h('div');
  const resellersPanel = h('div');
  const activityPanel = h('div');
  grid = renderTenantGrid(tenantsPanel, { ...ctx, onImport: startImport });
  resellers = renderResellers(resellersPanel, {
    ...ctx,
    viewReseller: async (mpnId) => {
      grid.clearFilters();
      tabs.show('tenants', true);
      await grid.setFilter('resellerMpnId', mpnId);
    },
  });
  activity = renderActivity(activityPanel, ctx);
  tabs = tabList('Saved hierarchy', [
    { id: 'tenants', title: 'Tenants', panel: tenantsPanel },
    { id: 'resellers', title: 'Resellers', panel: resellersPanel, onShow: () => resellers.reload() },
    { id: 'activity', title: 'Runs & audit trail', panel: activityPanel, onShow: () => activity.reload() },
  ]);
  main.append(h('section', { class: 'panel', 'aria-label': 'Saved hierarchy' }, tabs.element));
  tabs.show('tenants');

  async function refreshData(resetSelection) {
    await grid.reload({ resetSelection, resellers: true });
    // The panels are held, not looked up: after an import the page may already show the results.
    const shown = (panel) => !panel.closest('[role=tabpanel]').hidden;
    if (shown(resellersPanel)) await resellers.reload();
    if (shown(activityPanel)) await activity.reload();
  }
  let refreshes = 0;
  async function refreshAll(resetSelection) {
    grid.clearFilters();
    await hierarchy.instanceChanged();
    await refreshData(resetSelection);
    // Tells a watcher (the browser tests) that the page shows the chosen instance.
    refreshes += 1;
    main.dataset.instanceRefreshes = String(refreshes);
  }
  await refreshAll(true);
  if (tenantId) await grid.setFilter('tenantId', tenantId);
}
