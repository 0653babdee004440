/**
 * Secret redaction, applied when a record is written (never at read time): a secret value that
 * reached a step's output, an error message or a run's input is replaced before it touches a store.
 */
import { createRedactor } from '../activities/secrets';
import type { AttemptRecord, RunPatch, StepPatch } from './model';
import type { RunHistoryStore } from './store';

/** What replaces a secret's value in recorded text. */
export const REDACTED = '***';

/**
 * Replaces every secret value, in every form createRedactor knows (URL- and form-encoded, JSON-escaped,
 * base64, …), in strings and object keys of a JSON value.
 */
export function redactSecrets<T>(value: T, secretValues: readonly string[]): T {
  return createRedactor(secretValues).json(value);
}

/** Where the current secret values come from (read inside activities, never stored). */
export type SecretValues = () => readonly string[];

/** Wraps a store so that every record written through it is redacted first. */
export function withRedaction(store: RunHistoryStore, secretValues: SecretValues): RunHistoryStore {
  // The values rarely change: the redactor (one compiled pattern) is rebuilt only when they do.
  let last: { key: string; redactor: ReturnType<typeof createRedactor> } | undefined;
  const redact = <T>(value: T): T => {
    const values = secretValues();
    const key = JSON.stringify(values);
    if (last?.key !== key) last = { key, redactor: createRedactor(values) };
    return last.redactor.json(value);
  };
  return {
    init: () => store.init(),
    upsertRun: (run: RunPatch) => store.upsertRun(redact(run)),
    recordStep: (runId: string, step: StepPatch) => store.recordStep(runId, redact(step)),
    recordAttempt: (runId: string, path: string, attempt: AttemptRecord) =>
      store.recordAttempt(runId, path, redact(attempt)),
    getRun: (id) => store.getRun(id),
    listRuns: (query) => store.listRuns(query),
    deleteRun: (id) => store.deleteRun(id),
    putDefinition: (hash, definition) => store.putDefinition(hash, redact(definition)),
    getDefinition: (hash) => store.getDefinition(hash),
    lastRunByWorkflow: (workflows) => store.lastRunByWorkflow(workflows),
    close: () => store.close(),
  };
}
