// The Import Results page of one run: summary, direct and indirect-reseller groups, CSV export.
import { tool } from './api.js';
import { h, clear, badge } from './dom.js';
import { formatDateTime, label, POLICY_LABELS } from './format.js';
import { summaryGrid, outcomeGroups } from './outcome.js';

export function downloadText(filename, contentType, text) {
  const url = URL.createObjectURL(new Blob([text], { type: contentType }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function renderResults(main, runId) {
  main.append(h('p', { class: 'breadcrumb' }, 'BSS Setup › Tools › ', h('a', { href: '#/tools/import-customers' }, 'Import Customers Tool')),
    h('h1', {}, `Import Results: run ${runId}`));
  const holder = h('div', { id: 'results' }, h('p', {}, 'Loading…'));
  main.append(holder);
  let answer;
  try {
    answer = await tool('import-results', { runId: String(runId) });
  } catch (err) {
    clear(holder).append(h('div', { class: 'alert', role: 'alert' }, h('strong', {}, 'The results cannot be shown. '), err.message));
    return;
  }
  const csvButton = h('button', { type: 'button', id: 'export-csv' }, 'Export CSV');
  const csvMessage = h('span', { class: 'hint', 'aria-live': 'polite' });
  csvButton.addEventListener('click', async () => {
    csvButton.disabled = true;
    try {
      const csv = await tool('import-results-csv', { runId: String(answer.runId || runId) });
      downloadText(csv.filename || `import-results-${answer.runId}.csv`, csv.contentType || 'text/csv', csv.csv);
      csvMessage.textContent = `Downloaded ${csv.filename || 'the CSV file'}.`;
    } catch (err) {
      csvMessage.textContent = err.message;
      csvMessage.className = 'error-text';
    } finally {
      csvButton.disabled = false;
    }
  });
  clear(holder).append(
    h('div', { class: 'panel' },
      h('div', { class: 'row' },
        h('span', {}, 'State: ', badge(answer.state, answer.state)),
        h('span', {}, `By ${answer.user}`),
        answer.message ? h('span', { class: 'hint' }, answer.message) : null,
        h('span', {}, `Started ${formatDateTime(answer.startedAt)}`),
        answer.finishedAt ? h('span', {}, `Finished ${formatDateTime(answer.finishedAt)}`) : null,
        h('span', {}, `Billing: ${label(POLICY_LABELS, answer.billingPolicy)}`),
        h('span', { class: 'spacer', style: 'flex:1' }), csvButton, csvMessage),
      summaryGrid(answer.summary, 'results-summary')),
    outcomeGroups(answer));
}
