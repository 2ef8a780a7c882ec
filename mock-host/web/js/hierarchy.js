// Mass / Single options, the Tenant ID / Primary Domain field, Get Hierarchy and Incremental
// refresh, with the job's progress, the confirmation at the end and the error of a failed run.
import { tool } from './api.js';
import { h, clear } from './dom.js';
import { formatDateTime } from './format.js';
import { waitForJob } from './jobs.js';
import { progressBox, hierarchyProgressItems } from './progress.js';
import { alertDialog } from './dialog.js';
import { tenantOrDomainProblem } from './validate.js';
import { refreshLastUpdate } from './instance.js';

/** ctx: {instance() -> current instance, header (element shown first), onFinished()} */
export function renderHierarchyPanel(container, ctx) {
  const lastUpdate = h('span', { class: 'last-update', id: 'last-update', 'aria-live': 'polite' }, 'Last Update:');
  const mass = h('input', { type: 'radio', name: 'update-mode', id: 'mode-mass', value: 'mass', checked: true });
  const single = h('input', { type: 'radio', name: 'update-mode', id: 'mode-single', value: 'single' });
  const target = h('input', {
    type: 'text', id: 'tenant-or-domain', name: 'tenantOrDomain', disabled: true,
    placeholder: 'e.g. 0f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918 or contoso.com',
    'aria-describedby': 'tenant-or-domain-hint', size: 42, autocomplete: 'off',
  });
  const hint = h('span', { class: 'hint', id: 'tenant-or-domain-hint' }, 'A Tenant ID (GUID) or a Primary Domain.');
  const getButton = h('button', { type: 'button', class: 'primary', id: 'get-hierarchy' }, 'Get Hierarchy');
  const incremental = h('button', { type: 'button', id: 'incremental-refresh', title: 'Fetch only what changed in Partner Center since the last mass update' }, 'Incremental refresh');
  const errorBox = h('div', { id: 'hierarchy-error', role: 'alert' });
  const progress = progressBox('hierarchy-progress', 'Get Hierarchy in progress');

  const modes = h('fieldset', { class: 'radio-group' },
    h('legend', {}, 'Update'),
    h('span', {}, mass, ' ', h('label', { for: 'mode-mass' }, 'Mass Microsoft Tenants update'), lastUpdate),
    h('span', {}, single, ' ', h('label', { for: 'mode-single' }, 'Microsoft Tenant ID / Primary Domain update')));
  const targetField = h('div', { class: 'field' },
    h('label', { for: 'tenant-or-domain' }, 'Tenant ID / Primary Domain'), target, hint);

  let running = false;
  const refreshState = () => {
    target.disabled = !single.checked || running;
    const problem = single.checked ? tenantOrDomainProblem(target.value) : '';
    const typed = target.value.trim() !== '';
    target.setAttribute('aria-invalid', String(single.checked && typed && problem !== ''));
    hint.textContent = single.checked && typed && problem ? problem : 'A Tenant ID (GUID) or a Primary Domain.';
    hint.className = single.checked && typed && problem ? 'hint error-text' : 'hint';
    getButton.disabled = running || !ctx.instance() || (single.checked && problem !== '');
    incremental.disabled = running || !ctx.instance();
  };
  mass.addEventListener('change', refreshState);
  single.addEventListener('change', () => { refreshState(); if (single.checked) target.focus(); });
  target.addEventListener('input', refreshState);
  target.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !getButton.disabled) getButton.click(); });

  const showError = (title, message) => {
    clear(errorBox).append(h('div', { class: 'alert' }, h('strong', {}, title), h('p', {}, message)));
  };

  const run = async (body) => {
    const instance = ctx.instance();
    clear(errorBox);
    running = true;
    refreshState();
    try {
      const started = await tool('get-hierarchy', { instanceId: instance.id, ...body });
      progress.start(started.jobId);
      const final = await waitForJob(started.jobId, (s) => progress.update(s, hierarchyProgressItems));
      progress.finish();
      const cancelled = final.state === 'cancelled' || (final.result && final.result.cancelled);
      if (cancelled) {
        clear(errorBox).append(h('div', { class: 'alert info', id: 'hierarchy-cancelled' },
          h('strong', {}, 'Get Hierarchy was cancelled.'),
          h('p', {}, (final.result && final.result.message) || 'The saved hierarchy is unchanged. Run Get Hierarchy again when you are ready.')));
        ctx.onFinished();
      } else if (final.state === 'succeeded') {
        const r = final.result || {};
        await refreshLastUpdate(lastUpdate, instance.id).catch(() => {});
        ctx.onFinished();
        await alertDialog('Get Hierarchy finished',
          h('p', { id: 'hierarchy-done-message' }, r.message || 'The hierarchy was saved.'),
          h('ul', {},
            h('li', {}, `Tenants: ${r.tenants ?? 0}`), h('li', {}, `Resellers: ${r.resellers ?? 0}`),
            h('li', {}, `Subscriptions: ${r.subscriptions ?? 0}`),
            r.failures ? h('li', { class: 'error-text' }, `Tenants that could not be read: ${r.failures}`) : null),
          r.lastMassUpdateAt ? h('p', { class: 'hint' }, `Last Update: ${formatDateTime(r.lastMassUpdateAt)}`) : null);
      } else {
        showError('Get Hierarchy failed.', final.error || 'The job failed without a message.');
        ctx.onFinished();
      }
    } catch (err) {
      progress.finish();
      showError('Get Hierarchy could not start.', err.message);
    } finally {
      running = false;
      refreshState();
    }
  };

  getButton.addEventListener('click', () => {
    if (single.checked) run({ mode: 'single', tenantOrDomain: target.value.trim() });
    else run({ mode: 'mass' });
  });
  incremental.addEventListener('click', () => run({ mode: 'incremental' }));

  container.append(h('section', { class: 'panel', 'aria-label': 'Instance and Get Hierarchy' },
    h('div', { class: 'row align-end' }, ctx.header, modes),
    h('div', { class: 'row align-end spaced-top' }, targetField, getButton, incremental),
    errorBox, progress.box));

  return {
    async instanceChanged() {
      clear(errorBox);
      refreshState();
      const instance = ctx.instance();
      if (!instance) return;
      if (!instance.authenticated) {
        clear(errorBox).append(h('div', { class: 'alert warn' },
          h('strong', {}, `The instance '${instance.name}' is not authenticated or its authentication expired.`),
          h('p', {}, 'Get Hierarchy will fail until its token is renewed: sign in again as a Partner Center admin in BSS Setup > Microsoft Cloud Services.')));
      }
      await refreshLastUpdate(lastUpdate, instance.id).catch((e) => { lastUpdate.textContent = `Last Update: (${e.message})`; });
    },
  };
}
