/** Durable runtime statuses: which ones are final. One list for the Azure app, the local host and the CLI. */

const FINISHED = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

/** Whether a Durable `runtimeStatus` means the run will do nothing more. */
export function isFinished(runtimeStatus: unknown): boolean {
  return FINISHED.has(String(runtimeStatus));
}
