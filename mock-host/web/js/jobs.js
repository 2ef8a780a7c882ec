// Polls a job of a tool (the Import Customers Tool unless named) until it ends.
import { api, TOOL_ID } from './api.js';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** Calls onProgress(status) after each poll; resolves with the final status. */
export async function waitForJob(jobId, onProgress, intervalMs = 400, toolId = TOOL_ID) {
  for (;;) {
    const status = await api.action(toolId, 'job-status', { jobId });
    onProgress(status);
    if (FINAL.has(status.state)) return status;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function cancelJob(jobId, toolId = TOOL_ID) {
  return api.action(toolId, 'cancel-job', { jobId });
}
