// The instance drop-down ("Microsoft Cloud Services Instance") and the Last Update indicator.
import { tool } from './api.js';
import { h, field } from './dom.js';
import { formatDateTime } from './format.js';

export function instanceLabel(i) {
  const origin = i.origin === 'inherited' ? ` (inherited from ${i.ownerOrganization})` : '';
  const auth = i.authenticated ? '' : ' - not authenticated';
  return `${i.name} · ${i.cspModel}${origin}${auth}`;
}

/** Builds the drop-down; onChange(instance) when the choice changes. Returns {wrap, select, current()}. */
export function instanceSelect(instances, selectedId, onChange) {
  const select = h('select', { id: 'instance-select', name: 'instance' });
  for (const i of instances) {
    select.append(h('option', { value: String(i.id), selected: String(i.id) === String(selectedId) }, instanceLabel(i)));
  }
  const current = () => instances.find((i) => String(i.id) === select.value);
  select.addEventListener('change', () => onChange(current()));
  const { wrap } = field('Microsoft Cloud Services Instance', select);
  return { wrap, select, current };
}

export async function loadInstances() {
  const answer = await tool('list-instances', {});
  return answer.instances || [];
}

/** Fills the Last Update indicator; empty when a mass update never ran. */
export async function refreshLastUpdate(indicator, instanceId) {
  const answer = await tool('last-update', { instanceId });
  const at = answer.lastMassUpdateAt;
  indicator.textContent = at ? `Last Update: ${formatDateTime(at)}` : 'Last Update:';
  indicator.dataset.value = at || '';
  indicator.title = at ? `Last mass update of the whole instance: ${at}` : 'A mass update has never run for this instance.';
  return answer;
}
