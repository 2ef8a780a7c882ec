// The Import Results page of one run: summary, direct and indirect-reseller groups, CSV export.
import { tool, streamUrl } from './api.js';
import { h, clear, badge } from './dom.js';
import { formatDateTime, label, POLICY_LABELS } from './format.js';
import { summaryGrid, outcomeGroups } from './outcome.js';

/** Lets the browser save `url` as `filename` (streamed to disk as it arrives). */
export function download(url, filename) {
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
}

/** Results are shown this many tenants at a time. */
const PAGE = 200;

export async function renderResults(main, runId) {
  main.append(h('p', { class: 'breadcrumb' }, 'BSS Setup › Tools › ', h('a', { href: '#/tools/import-customers' }, 'Import Customers Tool')),
    h('h1', {}, `Import Results: run ${runId}`));
  const holder = h('div', { id: 'results' }, h('p', {}, 'Loading…'));
  main.append(holder);
  let answer;
  try {
    answer = await tool('import-results', { runId: String(runId), limit: PAGE });
  } catch (err) {
    clear(holder).append(h('div', { class: 'alert', role: 'alert' }, h('strong', {}, 'The results cannot be shown. '), err.message));
    return;
  }
  const csvButton = h('button', { type: 'button', id: 'export-csv' }, 'Export CSV');
  const csvMessage = h('span', { class: 'hint', 'aria-live': 'polite' });
  csvButton.addEventListener('click', () => {
    const id = String(answer.runId || runId);
    download(streamUrl('import-results-csv', { runId: id }), `import-results-${id}.csv`);
    csvMessage.textContent = `Downloading import-results-${id}.csv.`;
  });
  // The rest of a large run, a page at a time.
  const groups = h('div', { id: 'results-groups' }, outcomeGroups(answer));
  let shown = (answer.direct || []).length + (answer.resellers || []).reduce((n, r) => n + (r.tenants || []).length, 0);
  const moreButton = h('button', { type: 'button', id: 'results-more', hidden: shown >= answer.total }, 'Show more');
  const shownText = h('span', { class: 'hint', id: 'results-shown' });
  const updateShown = () => { shownText.textContent = `${shown} of ${answer.total} tenant(s) shown`; moreButton.hidden = shown >= answer.total; };
  moreButton.addEventListener('click', async () => {
    moreButton.disabled = true;
    try {
      const next = await tool('import-results', { runId: String(answer.runId || runId), offset: shown, limit: PAGE });
      groups.append(outcomeGroups(next));
      shown += (next.direct || []).length + (next.resellers || []).reduce((n, r) => n + (r.tenants || []).length, 0);
      updateShown();
    } catch (err) {
      shownText.textContent = err.message;
    } finally {
      moreButton.disabled = false;
    }
  });
  updateShown();
  clear(holder).append(
    h('div', { class: 'panel' },
      h('div', { class: 'row' },
        h('span', {}, 'State: ', badge(answer.state, answer.state)),
        h('span', {}, `By ${answer.user}`),
        answer.message ? h('span', { class: 'hint' }, answer.message) : null,
        h('span', {}, `Started ${formatDateTime(answer.startedAt)}`),
        answer.finishedAt ? h('span', {}, `Finished ${formatDateTime(answer.finishedAt)}`) : null,
        h('span', {}, `Billing: ${label(POLICY_LABELS, answer.billingPolicy)}`),
        h('span', { class: 'spacer' }), csvButton, csvMessage),
      summaryGrid(answer.summary, 'results-summary')),
    groups, h('div', { class: 'toolbar' }, moreButton, shownText));
}
