// The tenants grid. Server-side filters, sorting and paging: only the visible page is fetched and
// rendered, so 10,000 tenants cost no more than 50. The selection is kept across pages by key.
import { tool } from './api.js';
import { h, clear, field, badge } from './dom.js';
import {
  ago, formatDateTime, label, TYPE_LABELS, STATUS_LABELS, SUBSCRIPTION_TYPE_LABELS, KEY_LABELS,
} from './format.js';
import { showSubscriptions } from './subscriptions.js';

const COLUMNS = [
  { key: 'select', title: 'Select' },
  { key: 'type', title: 'Type' },
  { key: 'name', title: 'Name', sort: 'name' },
  { key: 'domain', title: 'Primary Domain', sort: 'domain' },
  { key: 'tenantId', title: 'Tenant ID', sort: 'tenantId' },
  { key: 'reseller', title: 'Reseller', sort: 'reseller' },
  { key: 'status', title: 'Status', sort: 'status' },
  { key: 'subs', title: 'Subscriptions PC / BSS', sort: 'subscriptions' },
  { key: 'related', title: 'Related BSS Account' },
];

export function rowKey(row) {
  return `${row.tenantId}|${row.resellerMpnId || ''}`;
}

function options(map, anyText) {
  return [h('option', { value: '' }, anyText), ...Object.entries(map).map(([v, t]) => h('option', { value: v }, t))];
}

/** ctx: {instance(), onImport(selection)}; returns {reload(), setFilter(name, value), selected()} */
export function renderTenantGrid(container, ctx) {
  const state = { sort: 'name', descending: false, offset: 0, limit: 50, filters: {}, selected: new Map(), seq: 0 };

  const name = h('input', { type: 'search', id: 'filter-name', name: 'name' });
  const domain = h('input', { type: 'search', id: 'filter-domain', name: 'domain' });
  const tenantId = h('input', { type: 'search', id: 'filter-tenant-id', name: 'tenantId' });
  const status = h('select', { id: 'filter-status' }, options(STATUS_LABELS, 'Any status'));
  const type = h('select', { id: 'filter-type' }, options(TYPE_LABELS, 'Any type / tier'));
  const reseller = h('select', { id: 'filter-reseller' }, h('option', { value: '' }, 'Any reseller'));
  const subType = h('select', { id: 'filter-subscription-type' }, options(SUBSCRIPTION_TYPE_LABELS, 'Any subscription type'));
  const importableOnly = h('input', { type: 'checkbox', id: 'filter-importable' });
  const filterControls = { name, domain, tenantId, status, type, resellerMpnId: reseller, subscriptionType: subType };

  const age = h('p', { id: 'data-age', class: 'hint', 'aria-live': 'polite' });
  const selectionInfo = h('span', { id: 'selection-info', 'aria-live': 'polite' }, 'No tenant selected');
  const importSelected = h('button', { type: 'button', class: 'primary', id: 'import-selected', disabled: true }, 'Import Selected');
  const importAll = h('button', { type: 'button', id: 'import-all', disabled: true }, 'Import all importable');
  const clearSelection = h('button', { type: 'button', id: 'clear-selection', class: 'link-button' }, 'Clear selection');
  const tableHolder = h('div', { id: 'tenant-table' });
  const pageInfo = h('span', { id: 'page-info', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', id: 'page-prev' }, '‹ Previous');
  const next = h('button', { type: 'button', id: 'page-next' }, 'Next ›');
  const pageSize = h('select', { id: 'page-size' }, [25, 50, 100, 200].map((n) => h('option', { value: n, selected: n === 50 }, String(n))));

  const updateSelection = () => {
    const n = state.selected.size;
    selectionInfo.textContent = n ? `${n} tenant${n === 1 ? '' : 's'} selected` : 'No tenant selected';
    importSelected.disabled = n === 0;
    importSelected.textContent = n ? `Import Selected (${n})` : 'Import Selected';
  };

  let debounce = null;
  const filterChanged = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => { state.offset = 0; load(); }, 250);
  };
  for (const [key, control] of Object.entries(filterControls)) {
    control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => {
      if (control.value) state.filters[key] = control.value.trim(); else delete state.filters[key];
      filterChanged();
    });
  }
  importableOnly.addEventListener('change', () => { state.offset = 0; load(); });
  prev.addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); load(); });
  next.addEventListener('click', () => { state.offset += state.limit; load(); });
  pageSize.addEventListener('change', () => { state.limit = Number(pageSize.value); state.offset = 0; load(); });
  clearSelection.addEventListener('click', () => { state.selected.clear(); updateSelection(); load(); });
  importSelected.addEventListener('click', () => ctx.onImport({ tenants: [...state.selected.values()] }));
  importAll.addEventListener('click', () => ctx.onImport({ all: true }));

  const headerCell = (col) => {
    if (col.key === 'select') return h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Select'));
    if (!col.sort) return h('th', { scope: 'col' }, col.title);
    const sorted = state.sort === col.sort;
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': col.sort,
      title: `Sort by ${col.title}` }, col.title);
    button.addEventListener('click', () => {
      if (state.sort === col.sort) state.descending = !state.descending;
      else { state.sort = col.sort; state.descending = false; }
      state.offset = 0;
      load().then(() => { const again = tableHolder.querySelector(`button[data-sort="${col.sort}"]`); if (again) again.focus(); });
    });
    return h('th', { scope: 'col', 'aria-sort': sorted ? (state.descending ? 'descending' : 'ascending') : 'none' }, button);
  };

  const relatedCell = (row) => {
    const cell = h('td', { class: 'related' });
    for (const a of row.relatedAccounts || []) {
      cell.append(h('a', { href: `#/accounts/${encodeURIComponent(a.accountId)}`, title: `Related by ${label(KEY_LABELS, a.key)}` },
        a.name, h('span', { class: 'hint' }, ` (${label(KEY_LABELS, a.key)})`)));
    }
    if (row.needsConfirmation) {
      cell.append(h('span', { class: 'confirm-flag', title: row.confirmationReason || 'A person should confirm this relation.',
        tabindex: '0', role: 'img', 'aria-label': `Confirm: ${row.confirmationReason || 'a person should confirm this relation'}` }, '⚠ confirm'));
    }
    return cell;
  };

  const renderRows = (answer) => {
    const tbody = h('tbody');
    for (const row of answer.rows) {
      const key = rowKey(row);
      let selectCell;
      if (row.importable) {
        const box = h('input', { type: 'checkbox', class: 'row-select', 'aria-label': `Select ${row.companyName}`,
          checked: state.selected.has(key), dataset: { tenantId: row.tenantId } });
        box.addEventListener('change', () => {
          if (box.checked) state.selected.set(key, { tenantId: row.tenantId, resellerMpnId: row.resellerMpnId || '' });
          else state.selected.delete(key);
          updateSelection();
        });
        selectCell = h('td', {}, box);
      } else {
        selectCell = h('td', { title: row.notImportableReason || 'Nothing to import' });
      }
      const nameButton = h('button', { type: 'button', class: 'link-button', title: 'Show subscriptions' }, row.companyName || row.tenantId);
      nameButton.addEventListener('click', () => showSubscriptions(ctx.instance(), row));
      tbody.append(h('tr', { dataset: { tenantId: row.tenantId, status: row.status } },
        selectCell,
        h('td', {}, label(TYPE_LABELS, row.type)),
        h('td', {}, nameButton),
        h('td', {}, row.primaryDomain),
        h('td', { class: 'mono' }, row.tenantId),
        h('td', {}, row.resellerName || (row.resellerMpnId ? `MPN ${row.resellerMpnId}` : '')),
        h('td', { class: 'status' }, badge(row.status, label(STATUS_LABELS, row.status)),
          row.error ? h('div', { class: 'error-text' }, row.error) : null),
        h('td', { class: 'subs' }, `${row.subscriptionsInPartnerCenter} / ${row.subscriptionsInBss}`),
        relatedCell(row)));
    }
    return h('div', { class: 'table-wrap' }, h('table', { id: 'tenants-table' },
      h('caption', { class: 'visually-hidden' }, 'Tenants of the saved hierarchy'),
      h('thead', {}, h('tr', {}, COLUMNS.map(headerCell))), tbody));
  };

  async function load() {
    const instance = ctx.instance();
    if (!instance) return;
    const seq = ++state.seq;
    const body = { instanceId: instance.id, sort: state.sort, descending: state.descending,
      offset: state.offset, limit: state.limit, ...state.filters };
    if (importableOnly.checked) body.importableOnly = true;
    tableHolder.setAttribute('aria-busy', 'true');
    let answer;
    try {
      answer = await tool('tenants', body);
    } catch (err) {
      if (seq !== state.seq) return;
      clear(tableHolder).append(h('div', { class: 'alert', role: 'alert' }, h('strong', {}, 'The tenants cannot be shown. '), err.message));
      tableHolder.removeAttribute('aria-busy');
      return;
    }
    if (seq !== state.seq) return; // a newer request is on its way
    tableHolder.removeAttribute('aria-busy');
    clear(tableHolder);
    age.textContent = answer.savedAt
      ? `Data from ${formatDateTime(answer.savedAt)} (${ago(answer.savedAt)}). Changes in Partner Center or the BSS since then show after the next Get Hierarchy.`
      : '';
    age.dataset.savedAt = answer.savedAt || '';
    importAll.disabled = !answer.savedAt;
    if (!answer.savedAt) {
      tableHolder.append(h('div', { class: 'empty-state', id: 'grid-empty' },
        'No hierarchy yet: run Get Hierarchy to read this instance\'s tenants from Partner Center.'));
    } else if (!answer.rows.length) {
      tableHolder.append(h('div', { class: 'empty-state', id: 'grid-empty' },
        state.filters && Object.keys(state.filters).length || importableOnly.checked
          ? 'No tenant matches these filters.' : 'The saved hierarchy has no tenants.'));
    } else {
      tableHolder.append(renderRows(answer));
    }
    const from = answer.total ? answer.offset + 1 : 0;
    const to = Math.min(answer.offset + answer.rows.length, answer.total);
    pageInfo.textContent = `${from}–${to} of ${answer.total} tenants`;
    pageInfo.dataset.total = String(answer.total);
    prev.disabled = answer.offset === 0;
    next.disabled = answer.offset + answer.limit >= answer.total;
  }

  async function loadResellerOptions() {
    const instance = ctx.instance();
    clear(reseller).append(h('option', { value: '' }, 'Any reseller'));
    if (!instance) return;
    try {
      const answer = await tool('resellers', { instanceId: instance.id });
      for (const r of answer.resellers) reseller.append(h('option', { value: r.mpnId }, `${r.name} (${r.mpnId})`));
    } catch (e) { /* the grid shows the error */ }
  }

  const filters = h('div', { class: 'filters', role: 'search', 'aria-label': 'Filter tenants' },
    field('Name', name).wrap, field('Primary Domain', domain).wrap, field('Tenant ID', tenantId).wrap,
    field('Status', status).wrap, field('Type / tier', type).wrap, field('Reseller', reseller).wrap,
    field('Subscription type', subType).wrap,
    h('div', { class: 'field checkbox-field' }, h('span', { class: 'label' }, 'Show'),
      h('span', {}, importableOnly, ' ', h('label', { for: 'filter-importable' }, 'Importable only'))));
  container.append(age, filters,
    h('div', { class: 'toolbar' }, selectionInfo, clearSelection, h('span', { class: 'spacer' }), importSelected, importAll),
    tableHolder,
    h('div', { class: 'pager' }, prev, next, pageInfo, h('span', { class: 'spacer' }), field('Rows per page', pageSize).wrap));
  updateSelection();

  return {
    async reload({ resetSelection = false, resellers = false } = {}) {
      if (resetSelection) { state.selected.clear(); updateSelection(); }
      if (resellers) await loadResellerOptions();
      await load();
    },
    setFilter(key, value) {
      const control = filterControls[key];
      if (control) control.value = value;
      if (value) state.filters[key] = value; else delete state.filters[key];
      state.offset = 0;
      return load();
    },
    clearFilters() {
      for (const control of Object.values(filterControls)) control.value = '';
      state.filters = {};
      importableOnly.checked = false;
    },
  };
}
