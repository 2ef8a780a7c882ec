// Renders the dry-run preview and the import results, which share one shape: the direct tenants
// and, per indirect reseller, its end customers; per tenant the account and per subscription the
// action, the reason and the billing.
import { h, badge } from './dom.js';
import { formatDateTime, label, POLICY_LABELS } from './format.js';
import { azurePlanLink } from './azurelink.js';

const SUMMARY_LABELS = {
  tenants: 'Tenants', accountsToCreate: 'Accounts to create', existingAccounts: 'Existing accounts',
  resellersToCreate: 'Resellers to create', accountsCreated: 'Accounts created',
  accountsExisting: 'Existing accounts', accountsFailed: 'Accounts failed',
  subscriptionsCreated: 'Subscriptions created', subscriptionsAdded: 'Subscriptions added',
  subscriptionsSkipped: 'Subscriptions skipped', subscriptionsFailed: 'Subscriptions failed',
  subscriptionsToCreate: 'Subscriptions to create', subscriptionsToSkip: 'Subscriptions to skip',
  subscriptionsToFail: 'Subscriptions that will fail',
};

export function summaryGrid(summary, id) {
  const grid = h('div', { class: 'summary-grid', id });
  // Tenants first, then the rest in the server's order.
  const entries = Object.entries(summary || {}).sort(([a], [b]) => (b === 'tenants') - (a === 'tenants'));
  for (const [key, value] of entries) {
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
  if (b.termMonths) parts.push(`${b.termMonths}-month term`);
  if (b.currentPeriodStart) parts.push(`period ${b.currentPeriodStart} – ${b.currentPeriodEnd || ''}`);
  if (b.chargeFrom) parts.push(`charged ${b.chargeFrom} – ${b.chargeTo || ''}`);
  if (b.nextBillingDate) parts.push(`next billing ${b.nextBillingDate}`);
  return parts.join(' · ');
}

/** What happened (or would happen) to a subscription: "created", "added", "skipped", "failed". */
function subscriptionAction(s) {
  return s.action || s.result || '';
}

/** A tenant's overall outcome: its own when given, else from the account and its subscriptions. */
export function tenantOutcome(t) {
  if (t.outcome) return t.outcome;
  if (t.account === 'failed') return 'failed';
  if (t.account === 'created' || t.account === 'create') return 'created';
  const actions = (t.subscriptions || []).map(subscriptionAction);
  if (actions.some((a) => a === 'created' || a === 'added' || a === 'create')) return 'added';
  if (actions.some((a) => a === 'failed' || a === 'fail')) return 'failed';
  return 'skipped';
}

function accountText(t) {
  const id = t.bssAccountId || t.accountId;
  if (t.account === 'existing') return `existing BSS account${id ? ` #${id}` : ''}`;
  if (t.account === 'failed') return 'BSS account not created';
  return `new BSS account${id ? ` #${id}` : ''}`;
}

function tenantBlock(t, azurePlanTool) {
  const outcome = tenantOutcome(t);
  const subs = h('tbody');
  for (const s of t.subscriptions || []) {
    const action = subscriptionAction(s);
    subs.append(h('tr', { dataset: { subscriptionId: s.subscriptionId, action } },
      h('td', {}, s.offerName || s.name || s.offerId, h('div', { class: 'hint mono' }, s.subscriptionId)),
      h('td', {}, badge(action, action)),
      h('td', {}, s.reason || '', s.azurePlan ? azurePlanLink(azurePlanTool, t.tenantId) : null),
      h('td', {}, billingText(s.billing) || [s.billingCycle, s.termDuration].filter(Boolean).join(' · '))));
  }
  const note = t.message || t.accountReason;
  return h('div', { class: 'tenant-block', dataset: { tenantId: t.tenantId, outcome } },
    h('div', { class: 'head' },
      h('strong', {}, t.companyName), t.primaryDomain ? h('span', { class: 'hint' }, t.primaryDomain) : null,
      h('span', { class: 'hint mono' }, t.tenantId), badge(outcome, outcome), h('span', {}, accountText(t)),
      t.contactCreated ? h('span', { class: 'hint' }, 'contact created') : null,
      t.reseller ? h('span', { class: 'hint' }, `reseller account: ${t.reseller}`) : null,
      note ? h('span', { class: outcome === 'failed' ? 'error-text' : 'hint' }, note) : null),
    (t.subscriptions || []).length
      ? h('table', {}, h('thead', {}, h('tr', {}, ['Subscription', 'Action', 'Reason', 'Billing'].map((x) => h('th', { scope: 'col' }, x)))), subs)
      : h('p', { class: 'hint padded-x' }, 'No subscriptions.'));
}

export function outcomeGroups(answer) {
  const wrap = h('div', { class: 'outcome-groups' });
  const direct = answer.direct || [];
  const resellers = answer.resellers || [];
  if (direct.length) {
    wrap.append(h('section', { class: 'group-direct', 'aria-label': 'Direct customers' },
      h('h3', {}, `Direct customers (${direct.length})`), direct.map((t) => tenantBlock(t, answer.azurePlanTool))));
  }
  for (const r of resellers) {
    wrap.append(h('section', { class: 'group-reseller', 'aria-label': `Reseller ${r.name}`, dataset: { mpnId: r.mpnId } },
      h('h3', {}, `Indirect reseller ${r.name} (MPN ${r.mpnId}) · ${(r.tenants || []).length} end customer(s)`),
      (r.tenants || []).map((t) => tenantBlock(t, answer.azurePlanTool))));
  }
  if (!direct.length && !resellers.length) wrap.append(h('div', { class: 'empty-state' }, 'No tenant in this selection.'));
  return wrap;
}

export function policyRadios(current, onChange) {
  const group = h('fieldset', { class: 'radio-group column', id: 'billing-policy' },
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
