// Indirect resellers with their end customers: "View (n)" filters the tenants grid on the reseller.
import { tool } from './api.js';
import { h, clear } from './dom.js';

/** ctx: {instance(), viewReseller(mpnId)} */
export function renderResellers(container, ctx) {
  const holder = h('div', { id: 'resellers-table' });
  container.append(holder);
  return {
    async reload() {
      const instance = ctx.instance();
      if (!instance) return;
      clear(holder);
      let answer;
      try {
        answer = await tool('resellers', { instanceId: instance.id });
      } catch (err) {
        holder.append(h('div', { class: 'alert', role: 'alert' }, err.message));
        return;
      }
      if (!answer.resellers.length) {
        holder.append(h('div', { class: 'empty-state' }, 'No indirect resellers in the saved hierarchy (run Get Hierarchy on an indirect instance).'));
        return;
      }
      const tbody = h('tbody');
      for (const r of answer.resellers) {
        const view = h('button', { type: 'button', class: 'link-button', dataset: { mpnId: r.mpnId },
          title: `View the ${r.endCustomers} end customers of ${r.name}` }, `View (${r.endCustomers})`);
        view.addEventListener('click', () => ctx.viewReseller(r.mpnId));
        tbody.append(h('tr', {}, h('td', {}, r.name), h('td', { class: 'mono' }, r.mpnId),
          h('td', { class: 'mono' }, r.tenantId), h('td', {}, view)));
      }
      holder.append(h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['Reseller', 'MPN ID', 'Tenant ID', 'End customers'].map((t) => h('th', { scope: 'col' }, t)))),
        tbody)));
    },
  };
}
