// Recent runs (Get Hierarchy and imports) and the audit trail of the organization.
import { tool } from './api.js';
import { h, clear, badge } from './dom.js';
import { formatDateTime } from './format.js';

function table(headers, rows, id) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)));
}

function summaryText(summary) {
  if (!summary || typeof summary !== 'object') return '';
  return Object.entries(summary).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${k}: ${v}`).join(', ');
}

/** ctx: {instance()} */
export function renderActivity(container, ctx) {
  const runsHolder = h('div', { id: 'recent-runs' });
  const auditHolder = h('div', { id: 'audit-trail' });
  container.append(h('h2', {}, 'Recent runs'), runsHolder, h('h2', {}, 'Audit trail'), auditHolder);
  return {
    async reload() {
      const instance = ctx.instance();
      clear(runsHolder).append(h('p', {}, 'Loading…'));
      clear(auditHolder).append(h('p', {}, 'Loading…'));
      try {
        const [hier, imports] = await Promise.all([
          tool('runs', { instanceId: instance.id, kind: 'get_hierarchy' }),
          tool('runs', { instanceId: instance.id, kind: 'import' }).catch(() => ({ runs: [] })),
        ]);
        // Newest first by the runs' sequence (start times have a one-second resolution).
        const runs = [...hier.runs, ...imports.runs].sort((a, b) => (b.seq || 0) - (a.seq || 0));
        clear(runsHolder);
        if (!runs.length) runsHolder.append(h('div', { class: 'empty-state' }, 'No run yet for this instance.'));
        else {
          runsHolder.append(table(['Started', 'Kind', 'Scope', 'State', 'User', 'Message', 'Summary'], runs.map((r) => h('tr', {},
            h('td', {}, formatDateTime(r.startedAt)),
            h('td', {}, r.kind === 'import'
              ? h('a', { href: `#/tools/import-customers/results/${r.id}` }, 'Import (results)') : 'Get Hierarchy'),
            h('td', {}, r.scope), h('td', {}, badge(r.state, r.state)), h('td', {}, r.user),
            h('td', {}, r.message), h('td', { class: 'hint' }, summaryText(r.summary)))), 'runs-table'));
        }
      } catch (err) {
        clear(runsHolder).append(h('div', { class: 'alert' }, err.message));
      }
      try {
        const answer = await tool('audit-trail', { limit: 100 });
        clear(auditHolder);
        if (!answer.entries.length) auditHolder.append(h('div', { class: 'empty-state' }, 'The audit trail is empty.'));
        else {
          auditHolder.append(table(['When', 'User', 'Action', 'Selection', 'Outcome', 'Detail'], answer.entries.map((e) => h('tr', {},
            h('td', {}, formatDateTime(e.at)), h('td', {}, e.user), h('td', {}, e.action),
            h('td', { class: 'hint' }, e.selection), h('td', {}, badge(e.outcome, e.outcome)), h('td', {}, e.detail))), 'audit-table'));
        }
      } catch (err) {
        clear(auditHolder).append(h('div', { class: 'alert' }, err.message));
      }
    },
  };
}
