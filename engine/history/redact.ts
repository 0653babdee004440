/**
 * Secret redaction, applied when a record is written (never at read time): a secret value that
 * reached a step's output, an error message or a run's input is replaced before it touches a store.
 */
import type { AttemptRecord, RunPatch, StepPatch } from './model';
import type { RunHistoryStore } from './store';

/** What replaces a secret's value in recorded text. */
export const REDACTED = '***';

/** Replaces every occurrence of every secret value in strings (and object keys) of a JSON value. */
export function redactSecrets<T>(value: T, secretValues: readonly string[]): T {
  // Longest first, so a secret that contains another is replaced whole.
  const secrets = [...new Set(secretValues.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return value;
  const inText = (text: string): string => secrets.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return inText(node);
    if (Array.isArray(node)) return node.map(visit);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [inText(k), visit(v)]));
    }
    return node;
  };
  return visit(value) as T;
}

/** Where the current secret values come from (read inside activities, never stored). */
export type SecretValues = () => readonly string[];

/** Wraps a store so that every record written through it is redacted first. */
export function withRedaction(store: RunHistoryStore, secretValues: SecretValues): RunHistoryStore {
  const redact = <T>(value: T): T => redactSecrets(value, secretValues());
  return {
    init: () => store.init(),
    upsertRun: (run: RunPatch) => store.upsertRun(redact(run)),
    recordStep: (runId: string, step: StepPatch) => store.recordStep(runId, redact(step)),
    recordAttempt: (runId: string, path: string, attempt: AttemptRecord) =>
      store.recordAttempt(runId, path, redact(attempt)),
    getRun: (id) => store.getRun(id),
    listRuns: (query) => store.listRuns(query),
    lastRunByWorkflow: (workflows) => store.lastRunByWorkflow(workflows),
    close: () => store.close(),
  };
}
