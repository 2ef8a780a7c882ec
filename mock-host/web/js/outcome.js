// Renders the dry-run preview and the import results, which share one shape: the direct tenants
// and, per indirect reseller, its end customers; per tenant the account and per subscription the
// action, the reason and the billing.
import { h, badge } from './dom.js';
import { formatDateTime, label, POLICY_LABELS } from './format.js';

const SUMMARY_LABELS = {
  tenants: 'Tenants', accountsToCreate: 'Accounts to create', resellersToCreate: 'Resellers to create',
  subscriptionsToCreate: 'Subscriptions to create', subscriptionsToSkip: 'Subscriptions to skip',
  subscriptionsToFail: 'Subscriptions that will fail',
};

export function summaryGrid(summary, id) {
  const grid = h('div', { class: 'summary-grid', id });
  for (const [key, value] of Object.entries(summary || {})) {
    if (typeof value === 'object') continue;
    const text = SUMMARY_LABELS[key] || key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
    grid.append(h('div', { dataset: { key } }, h('strong', {}, String(value)), text));
  }
  return grid;
}

function billingText(b) {
  if (!b) return '';
  const parts = [label(POLICY_LABELS, b.policy)];
  if (b.billingCycle) parts.push(b.billingCycle);
  if (b.currentPeriodStart) parts.push(`period ${b.currentPeriodStart} – ${b.currentPeriodEnd || ''}`);
  if (b.chargeFrom) parts.push(`charged ${b.chargeFrom} – ${b.chargeTo || ''}`);
  if (b.nextBillingDate) parts.push(`next billing ${b.nextBillingDate}`);
  return parts.join(' · ');
}

function tenantBlock(t) {
  const subs = h('tbody');
  for (const s of t.subscriptions || []) {
    subs.append(h('tr', { dataset: { subscriptionId: s.subscriptionId } },
      h('td', {}, s.offerName || s.offerId, h('div', { class: 'hint mono' }, s.subscriptionId)),
      h('td', {}, badge(s.action, s.action)),
      h('td', {}, s.reason || ''),
      h('td', {}, billingText(s.billing))));
  }
  const account = t.account === 'existing'
    ? `existing BSS account${t.accountId ? ` #${t.accountId}` : ''}` : 'new BSS account';
  return h('div', { class: 'tenant-block', dataset: { tenantId: t.tenantId, outcome: t.outcome } },
    h('div', { class: 'head' },
      h('strong', {}, t.companyName), h('span', { class: 'hint' }, t.primaryDomain),
      h('span', { class: 'hint mono' }, t.tenantId), badge(t.outcome, t.outcome), h('span', {}, account),
      t.reseller ? h('span', { class: 'hint' }, `reseller account: ${t.reseller}`) : null,
      t.message ? h('span', { class: t.outcome === 'failed' ? 'error-text' : 'hint' }, t.message) : null),
    (t.subscriptions || []).length
      ? h('table', {}, h('thead', {}, h('tr', {}, ['Subscription', 'Action', 'Reason', 'Billing'].map((x) => h('th', { scope: 'col' }, x)))), subs)
      : h('p', { class: 'hint', style: 'padding:0 10px' }, 'No subscriptions.'));
}

export function outcomeGroups(answer) {
  const wrap = h('div', { class: 'outcome-groups' });
  const direct = answer.direct || [];
  const resellers = answer.resellers || [];
  if (direct.length) {
    wrap.append(h('section', { class: 'group-direct', 'aria-label': 'Direct customers' },
      h('h3', {}, `Direct customers (${direct.length})`), direct.map(tenantBlock)));
  }
  for (const r of resellers) {
    wrap.append(h('section', { class: 'group-reseller', 'aria-label': `Reseller ${r.name}`, dataset: { mpnId: r.mpnId } },
      h('h3', {}, `Indirect reseller ${r.name} (MPN ${r.mpnId}) · ${(r.tenants || []).length} end customer(s)`),
      (r.tenants || []).map(tenantBlock)));
  }
  if (!direct.length && !resellers.length) wrap.append(h('div', { class: 'empty-state' }, 'No tenant in this selection.'));
  return wrap;
}

export function policyRadios(current, onChange) {
  const group = h('fieldset', { class: 'radio-group', id: 'billing-policy', style: 'flex-direction:column; align-items:flex-start' },
    h('legend', {}, 'Billing of imported subscriptions'));
  for (const [value, text] of Object.entries(POLICY_LABELS)) {
    const id = `policy-${value}`;
    const radio = h('input', { type: 'radio', name: 'billing-policy', id, value, checked: value === current });
    radio.addEventListener('change', () => { if (radio.checked) onChange(value); });
    group.append(h('span', {}, radio, ' ', h('label', { for: id }, text)));
  }
  return group;
}

export { formatDateTime };
