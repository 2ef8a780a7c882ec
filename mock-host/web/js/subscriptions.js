// A tenant's subscriptions in a dialog: type, status in Partner Center, import status and reason.
import { tool } from './api.js';
import { h, badge } from './dom.js';
import { label, SUBSCRIPTION_TYPE_LABELS } from './format.js';
import { openDialog } from './dialog.js';
import { azurePlanLink } from './azurelink.js';

export async function showSubscriptions(instance, row) {
  const body = h('div', { id: 'subscriptions-body' }, h('p', {}, 'Loading…'));
  const title = `Subscriptions of ${row.companyName || row.tenantId}`;
  const dialog = openDialog({ title, body, id: 'subscriptions-dialog', buttons: [{ text: 'Close', value: 'close', primary: true }] });
  try {
    const answer = await tool('subscriptions', { instanceId: instance.id, tenantId: row.tenantId, resellerMpnId: row.resellerMpnId || '' });
    body.textContent = '';
    body.append(h('p', { class: 'hint' }, `Tenant ${row.tenantId}${row.resellerName ? ` · reseller ${row.resellerName}` : ''}`));
    if (!answer.subscriptions.length) {
      body.append(h('div', { class: 'empty-state' }, 'This tenant has no subscriptions in Partner Center.'));
      return dialog.promise;
    }
    const tbody = h('tbody');
    for (const s of answer.subscriptions) {
      tbody.append(h('tr', {},
        h('td', {}, s.friendlyName || s.offerName, s.addOn ? h('span', { class: 'hint' }, ' (add-on)') : null,
          h('div', { class: 'hint mono' }, s.id)),
        h('td', {}, label(SUBSCRIPTION_TYPE_LABELS, s.type)),
        h('td', {}, s.partnerCenterStatus),
        h('td', {}, String(s.quantity)),
        h('td', {}, [s.billingCycle, s.termDuration].filter(Boolean).join(' · ')),
        h('td', {}, badge(s.importStatus, { new: 'New', in_bss: 'In BSS', not_importable: 'Not importable' }[s.importStatus] || s.importStatus),
          s.reasonText ? h('div', { class: 'hint' }, s.reasonText) : null,
          s.type === 'azure_plan' ? azurePlanLink(answer.azurePlanTool, row.tenantId) : null)));
    }
    body.append(h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Subscription', 'Type', 'Status in Partner Center', 'Quantity', 'Billing', 'Import status']
        .map((t) => h('th', { scope: 'col' }, t)))), tbody)));
  } catch (err) {
    body.textContent = '';
    body.append(h('div', { class: 'alert', role: 'alert' }, err.message));
  }
  return dialog.promise;
}
