// What the Import Customers Tool says beside an Azure plan it does not import: a link to the
// Azure Plan Migration Tool for that tenant when the host says the organization has it, a note
// otherwise. `tool` is the answer's azurePlanTool ({id, enabled, displayName}).
import { h } from './dom.js';

export function azurePlanLink(tool, tenantId) {
  if (!tool || !tool.enabled) {
    return h('div', { class: 'hint azure-plan-note' }, 'The Azure Plan Migration Tool is not enabled for your organization.');
  }
  return h('div', {}, h('a', { class: 'azure-plan-link', href: `#/tools/${encodeURIComponent(tool.id)}/tenant/${encodeURIComponent(tenantId)}` },
    `Bring it in with the ${tool.displayName}`));
}
