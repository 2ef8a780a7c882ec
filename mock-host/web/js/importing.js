// Import Selected / Import all importable: the pre-flight, the dry-run preview with the billing
// policy, then the import job with its progress, then the Import Results page.
import { tool, streamUrl } from './api.js';
import { h, clear } from './dom.js';
import { openDialog } from './dialog.js';
import { waitForJob, cancelJob } from './jobs.js';
import { progressBox } from './progress.js';
import { summaryGrid, outcomeGroups, policyRadios } from './outcome.js';

const importProgressItems = {
  fraction(p) {
    const total = p.tenantsTotal ?? p.total;
    const done = p.tenantsDone ?? p.tenantsImported ?? p.done ?? 0;
    return total ? done / total : null;
  },
  counts(p) {
    const out = [];
    for (const [key, value] of Object.entries(p)) {
      if (typeof value !== 'number' || key === 'elapsedSeconds' || key === 'remainingSecondsEstimate') continue;
      out.push([key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()), String(value)]);
    }
    return out;
  },
};

/** ctx: {instance(), progressHost (element), openResults(runId), onImported()} */
export function createImporter(ctx) {
  const progress = progressBox('import-progress', 'Import in progress');
  ctx.progressHost.append(progress.box);
  const errorBox = h('div', { id: 'import-error', role: 'alert' });
  ctx.progressHost.append(errorBox);

  return async function startImport(selectionPart) {
    const instance = ctx.instance();
    clear(errorBox);
    let policy = 'full_current_period';
    const selection = () => ({ instanceId: instance.id, ...selectionPart, billingPolicy: policy });

    const preflightBox = h('div', { id: 'preflight' }, h('p', {}, 'Checking the selection…'));
    const previewBox = h('div', { id: 'dry-run' }, h('p', {}, 'Preparing the preview…'));
    const body = h('div', { class: 'dialog-wide' },
      h('h3', {}, 'Pre-flight check'), preflightBox,
      policyRadios(policy, (value) => { policy = value; loadPreview(); }),
      h('h3', {}, 'Dry run: what the import will do (nothing is written yet)'), previewBox);
    const dialog = openDialog({
      title: selectionPart.all ? 'Import all importable tenants' : 'Import the selected tenants',
      id: 'import-dialog', body,
      buttons: [{ text: 'Cancel', value: 'cancel' }, { text: 'Import', value: 'import', primary: true }],
    });
    const importButton = dialog.dialog.querySelector('button[data-value="import"]');
    importButton.disabled = true;
    let preflightOk = false;
    let previewOk = false;
    const enable = () => { importButton.disabled = !(preflightOk && previewOk); };

    // The dry run is a job (it reads every new tenant's billing profile); the preview shows its
    // counts and its first tenants, the CSV all of them. A new policy cancels the running one.
    let previewSeq = 0;
    let previewJob = null;
    const previewTenants = 100;
    async function stopPreviewJob() {
      const job = previewJob;
      previewJob = null;
      if (!job) return;
      try { await cancelJob(job); await waitForJob(job, () => {}, 200); } catch (e) { /* it ended */ }
    }
    async function loadPreview() {
      const seq = ++previewSeq;
      previewOk = false;
      enable();
      const status = h('p', { 'aria-live': 'polite' }, 'Preparing the preview…');
      clear(previewBox).append(status);
      try {
        await stopPreviewJob();
        if (seq !== previewSeq) return;
        const started = await tool('import-dry-run', selection());
        previewJob = started.jobId;
        const final = await waitForJob(started.jobId, (s) => {
          const p = s.progress || {};
          if (seq === previewSeq && p.tenantsTotal) status.textContent = `Preparing the preview… ${p.tenantsDone || 0} of ${p.tenantsTotal} tenant(s)`;
        });
        if (previewJob === started.jobId) previewJob = null;
        if (seq !== previewSeq) return;
        if (final.state !== 'succeeded') throw new Error(final.error || `The dry run ended ${final.state}.`);
        const answer = await tool('import-results', { runId: started.runId, limit: previewTenants });
        if (seq !== previewSeq) return;
        const more = answer.total > previewTenants
          ? h('p', { class: 'hint', id: 'dry-run-more' }, `The first ${previewTenants} of ${answer.total} tenants are shown; `,
            h('a', { href: streamUrl('import-results-csv', { runId: started.runId }), download: `dry-run-${started.runId}.csv` }, 'the CSV has them all'), '.')
          : null;
        clear(previewBox).append(summaryGrid(answer.summary, 'dry-run-summary'), more, outcomeGroups(answer));
        previewOk = true;
      } catch (err) {
        if (seq !== previewSeq) return;
        clear(previewBox).append(h('div', { class: 'alert' }, h('strong', {}, 'The dry run failed. '), err.message));
      }
      enable();
    }

    (async () => {
      try {
        const pre = await tool('import-preflight', selection());
        clear(preflightBox).append(summaryGrid(pre.summary, 'preflight-summary'));
        if (!pre.tokenValid) {
          preflightBox.append(h('div', { class: 'alert' }, 'The instance\'s Partner Center authentication is missing or expired: renew its token, then run the import.'));
        }
        if (pre.problems && pre.problems.length) {
          const total = pre.problemsTotal || pre.problems.length;
          const listed = total > pre.problems.length ? ` (the first ${pre.problems.length} listed)` : '';
          preflightBox.append(h('div', { class: 'alert warn' }, h('strong', {}, `${total} problem(s) found${listed}:`),
            h('ul', {}, pre.problems.map((p) => h('li', {}, `${p.companyName || p.tenantId}${p.subscriptionId ? ` / ${p.subscriptionId}` : ''}: ${p.message}`)))));
        } else if (pre.ok) {
          preflightBox.append(h('p', { class: 'ok-text' }, 'No problem found.'));
        }
        preflightOk = pre.tokenValid !== false;
      } catch (err) {
        clear(preflightBox).append(h('div', { class: 'alert' }, h('strong', {}, 'The pre-flight check failed. '), err.message));
      }
      enable();
    })();
    loadPreview();

    const choice = await dialog.promise;
    previewSeq += 1; // a preview still loading is not shown any more
    await stopPreviewJob();
    if (choice !== 'import') return;
    try {
      const started = await tool('import', selection());
      progress.start(started.jobId);
      const final = await waitForJob(started.jobId, (s) => progress.update(s, importProgressItems));
      progress.finish();
      ctx.onImported();
      if (final.state === 'failed') {
        errorBox.append(h('div', { class: 'alert' }, h('strong', {}, 'The import failed. '), final.error || ''));
      }
      const runId = (final.result && final.result.runId) || started.runId;
      if (runId) ctx.openResults(runId);
    } catch (err) {
      progress.finish();
      errorBox.append(h('div', { class: 'alert' }, h('strong', {}, 'The import could not start. '), err.message));
    }
  };
}
