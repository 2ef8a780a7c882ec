// Dates, durations and labels as the page shows them.

export function parseTime(iso) {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t);
}

export function formatDateTime(iso) {
  const d = parseTime(iso);
  if (!d) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function ago(iso, now = Date.now()) {
  const d = parseTime(iso);
  if (!d) return '';
  const seconds = Math.max(0, Math.round((now - d.getTime()) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}

export function duration(seconds) {
  if (seconds === undefined || seconds === null || Number.isNaN(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function ofTotal(done, total) {
  const d = done ?? 0;
  return total === undefined || total === null ? String(d) : `${d} of ${total}`;
}

export const TYPE_LABELS = {
  direct: 'Direct (T1)', end_customer: 'End customer (T2)', unassigned: 'Unassigned',
};
export const STATUS_LABELS = {
  unsynced: 'Unsynced', synced: 'Synced', new_subscriptions: 'New subscriptions', error: 'Error',
};
export const SUBSCRIPTION_TYPE_LABELS = {
  legacy: 'Legacy Office 365', nce: 'NCE', azure_legacy: 'Azure (legacy)', azure_plan: 'Azure plan',
  other: 'Other',
};
export const KEY_LABELS = {
  microsoft_id: 'Microsoft ID', primary_domain: 'primary domain', company_name: 'company name',
};
export const POLICY_LABELS = {
  full_current_period: 'Charge the full current period',
  prorated_from_import: 'Charge pro rata from the import date',
  next_renewal: 'Start charging at the next renewal',
};

export function label(map, value) {
  return map[value] || value || '';
}
