// Polls a job of the tool until it ends.
import { tool } from './api.js';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** Calls onProgress(status) after each poll; resolves with the final status. */
export async function waitForJob(jobId, onProgress, intervalMs = 400) {
  for (;;) {
    const status = await tool('job-status', { jobId });
    onProgress(status);
    if (FINAL.has(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function cancelJob(jobId) {
  return tool('cancel-job', { jobId });
}
