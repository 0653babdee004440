/** Durable runtime statuses: which ones are final. One list for the Azure app, the local host and the CLI. */
import { childError } from '../orchestrator/failure';

const FINISHED = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

/** Whether a Durable `runtimeStatus` means the run will do nothing more. */
export function isFinished(runtimeStatus: unknown): boolean {
  return FINISHED.has(String(runtimeStatus));
}

/** The error users see of a run that ended Failed. */
export interface RunError {
  name: string;
  message: string;
  /** The run path of the step that failed; null when the run failed outside any step. */
  step: string | null;
}

/**
 * A Failed run's `{ name, message, step }`, recovered from its Durable output. The orchestrator ends a failed
 * run with that JSON as its error message; the Durable extension (in Azure and locally alike) reports it as
 * "Orchestrator function 'sluice' failed: {…}", sometimes followed by details, which is no answer to give a
 * user. A failure without that JSON (the orchestrator itself broke) keeps its message, the wrapper removed.
 */
export function runErrorOf(output: unknown): RunError {
  const text = typeof output === 'string' ? output : JSON.stringify(output ?? null);
  const child = childError(text);
  if (child) return { name: child.error.name, message: child.error.message, step: child.step ?? null };
  const message = text.replace(/^Orchestrator function '[^']*' failed: /, '');
  const end = message.indexOf(' \n ');
  return { name: 'RunFailed', message: end < 0 ? message : message.slice(0, end), step: null };
}
