// A job's progress box: bar, counts, elapsed, estimate and a Cancel button.
import { h, clear } from './dom.js';
import { duration, ofTotal } from './format.js';
import { cancelJob } from './jobs.js';

export function progressBox(id, title, toolId = undefined) {
  const bar = h('progress', { id: `${id}-bar`, max: '100', 'aria-label': title });
  const counts = h('div', { class: 'counts', id: `${id}-counts`, 'aria-live': 'polite' });
  const cancel = h('button', { type: 'button', id: `${id}-cancel` }, 'Cancel');
  const box = h('div', { class: 'progress-box panel', id, hidden: true, role: 'region', 'aria-label': title },
    h('h3', {}, title), bar, counts, h('div', { class: 'toolbar' }, cancel));
  let jobId = null;
  cancel.addEventListener('click', async () => {
    if (!jobId) return;
    cancel.disabled = true;
    cancel.textContent = 'Cancelling…';
    try { await cancelJob(jobId, toolId); } catch (e) { /* the job may have just ended; the poll shows it */ }
  });
  return {
    box,
    start(id2) {
      jobId = id2;
      box.hidden = false;
      cancel.disabled = false;
      cancel.textContent = 'Cancel';
      bar.removeAttribute('value');
      clear(counts).append(h('span', {}, 'Starting…'));
    },
    update(status, items) {
      const p = status.progress || {};
      const fraction = items.fraction(p);
      if (fraction === null) bar.removeAttribute('value');
      else bar.value = Math.min(100, Math.round(fraction * 100));
      clear(counts);
      for (const [name, value] of items.counts(p)) counts.append(h('span', {}, `${name}: `, h('strong', {}, value)));
      counts.append(h('span', {}, 'Elapsed: ', h('strong', {}, duration(p.elapsedSeconds ?? 0))));
      counts.append(h('span', {}, 'Estimated remaining: ',
        h('strong', {}, p.remainingSecondsEstimate === undefined || p.remainingSecondsEstimate === null
          ? 'estimating…' : duration(p.remainingSecondsEstimate))));
      if (p.phase) counts.append(h('span', { class: 'hint' }, `(${p.phase})`));
    },
    finish() {
      jobId = null;
      box.hidden = true;
    },
  };
}

export const hierarchyProgressItems = {
  fraction(p) {
    if (p.tenantsTotal) return (p.tenantsFetched || 0) / p.tenantsTotal;
    return null;
  },
  counts(p) {
    return [
      ['Resellers', ofTotal(p.resellersFetched, p.resellersTotal)],
      ['Tenants', ofTotal(p.tenantsFetched, p.tenantsTotal)],
      ['Subscriptions', ofTotal(p.subscriptionsFetched, p.subscriptionsTotal)],
      ['Requests', String(p.requests ?? 0)],
    ];
  },
};
