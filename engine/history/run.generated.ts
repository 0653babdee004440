/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/run.schema.json by engine/history/generate-types.ts.
 * Regenerate with `npx tsx engine/history/generate-types.ts` (or `npm run codegen`).
 */

/**
 * What started the run.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "TriggerKind".
 */
export type TriggerKind = 'http' | 'queue' | 'schedule' | 'api' | 'subWorkflow' | 'redrive';
/**
 * Where a run is in its life. Suspended is not final: a resumed run is Running again.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "RunStatus".
 */
export type RunStatus =
  'Pending' | 'Running' | 'Suspended' | 'Completed' | 'Failed' | 'DeadLettered' | 'Terminated';
/**
 * Stands in for a value too large to store: its size and the start of its JSON text.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "ValueSummary".
 */
export type ValueSummary = {
  /**
   * Size of the value's JSON text in UTF-8 bytes.
   */
  bytes: number;
  /**
   * The first characters of the value's JSON text.
   */
  preview: string;
} | null;
/**
 * Why the run failed, and at which step.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "RunError".
 */
export type RunError = {
  /**
   * An error name from the language contract (HttpError, Timeout, …) or a fail step's.
   */
  name: string;
  message: string;
  /**
   * The path of the step that failed.
   */
  step?: string | null;
} | null;
/**
 * Where a run that failed terminally was sent.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "DeadLetter".
 */
export type DeadLetter = {
  /**
   * The dead-letter queue's name.
   */
  queue: string;
  /**
   * The id of the message sent there, when known.
   */
  messageId?: string | null;
} | null;
/**
 * Only in API answers about a live run, never stored: where the run is now, from the orchestration's custom status.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "Progress".
 */
export type Progress = {
  /**
   * The id of the top-level step the run is on; null once every step is done.
   */
  step: string | null;
  /**
   * Top-level steps done.
   */
  completed: number;
  /**
   * Top-level steps in the workflow.
   */
  total: number;
  /**
   * The wait and waitForEvent steps the run is waiting in (at most 20).
   */
  waiting: Waiting[];
  /**
   * How many waits are open in all, when more than are listed.
   */
  waitingCount?: number | null;
} | null;
/**
 * How a step ended; Degraded is a completed AI step that used its fallback.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "StepStatus".
 */
export type StepStatus = 'Pending' | 'Running' | 'Completed' | 'Failed' | 'Skipped' | 'Degraded';
/**
 * Why an attempt failed.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "AttemptError".
 */
export type AttemptError = {
  name: string;
  message: string;
  retryable?: boolean | null;
  /**
   * HTTP status when the failure came from an HTTP exchange.
   */
  status?: number | null;
} | null;
/**
 * Set when a step completed with a fallback (an AI step that failed open).
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "Degraded".
 */
export type Degraded = {
  /**
   * Why the fallback was used.
   */
  reason: string;
} | null;

/**
 * One run of a workflow as recorded in run history: what ran, when, with what input, how it ended, and every step with its attempts. Secrets are redacted before a record is stored.
 */
export interface Run {
  /**
   * The orchestration instance id.
   */
  id: string;
  /**
   * The workflow's name.
   */
  workflow: string;
  /**
   * Content hash of the plan the run executes.
   */
  definitionHash: string;
  /**
   * The workflow's informational `version` field, when it has one.
   */
  version?: number | string | null;
  trigger: Trigger;
  status: RunStatus;
  /**
   * When the run was scheduled (ISO 8601, UTC).
   */
  createdAt: string;
  /**
   * When the orchestrator started the run.
   */
  startedAt?: string | null;
  /**
   * When the run reached a final status.
   */
  endedAt?: string | null;
  /**
   * endedAt - startedAt in milliseconds.
   */
  durationMs?: number | null;
  /**
   * The run input, secrets redacted; absent when it was larger than the cap (see inputSummary).
   */
  input?: unknown;
  inputSummary?: ValueSummary;
  /**
   * The run output, secrets redacted; absent when larger than the cap (see outputSummary).
   */
  output?: unknown;
  outputSummary?: ValueSummary;
  error?: RunError;
  deadLetter?: DeadLetter;
  /**
   * True when at least one step completed with its fallback (Degraded); the `Degraded` listing filter reads it.
   */
  degraded?: boolean | null;
  lineage: Lineage;
  current?: Progress;
  /**
   * Every recorded step, in start order. Empty in listings.
   */
  steps: Step[];
  /**
   * The tokens every ai attempt of the run used (sub-workflows count in their own runs).
   */
  aiUsage?: {
    promptTokens: number;
    outputTokens: number;
    totalTokens: number;
  };
}
/**
 * What started the run and from where (route, queue name, cron, parent run id, redriven run id).
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "Trigger".
 */
export interface Trigger {
  kind: TriggerKind;
  /**
   * The route, queue, schedule or run that started it.
   */
  source?: string | null;
}
/**
 * How this run relates to others: sub-workflows and redrives (which try of which run).
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "Lineage".
 */
export interface Lineage {
  /**
   * The run that started this one as a sub-workflow.
   */
  parentRunId?: string | null;
  /**
   * Sub-workflow runs this run started.
   */
  childRunIds: string[];
  /**
   * The dead-lettered run this run redrives.
   */
  redriveOf?: string | null;
  /**
   * The run that redrove this one.
   */
  redrivenAs?: string | null;
  /**
   * Set on a redrive: the first run of the chain of redrives this run belongs to.
   */
  originalRunId?: string | null;
  /**
   * Set on a redrive: which try of the original run this is (2 for its first redrive, 3 for the next...).
   */
  runAttempt?: number | null;
}
/**
 * A wait or waitForEvent step that is waiting.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "Waiting".
 */
export interface Waiting {
  path: string;
  kind: 'wait' | 'waitForEvent';
  /**
   * waitForEvent: the event's name.
   */
  event?: string | null;
  /**
   * When the wait wakes (wait) or gives up (waitForEvent with a timeout, or the run's or a step's deadline); null when it waits for ever.
   */
  until?: string | null;
}
/**
 * One step of a run, addressed by its path (e.g. perLine[3].check).
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface Step {
  /**
   * Unique within the run, e.g. perLine[3].check.
   */
  path: string;
  /**
   * The step kind: ai, http, forEach, set, …
   */
  kind: string;
  status: StepStatus;
  /**
   * Execution order: the orchestrator numbers steps as it starts them (deterministic, so replays agree). Steps are listed by it; absent on steps only an activity recorded so far.
   */
  seq?: number | null;
  /**
   * True on a Failed step whose failure a `catch` clause handled: the run went on.
   */
  caught?: boolean | null;
  /**
   * Activity executions, in attempt order; empty for steps that run no activity.
   */
  attempts: Attempt[];
  degraded: Degraded;
  /**
   * The step output, secrets redacted; absent when larger than the cap (see outputSummary).
   */
  output?: unknown;
  outputSummary?: ValueSummary;
  error?: AttemptError;
  startedAt?: string | null;
  endedAt?: string | null;
  durationMs?: number | null;
  usage?: AiUsage1;
}
/**
 * One execution of a step's activity.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "Attempt".
 */
export interface Attempt {
  /**
   * 1-based.
   */
  attempt: number;
  startedAt: string;
  endedAt?: string | null;
  durationMs?: number | null;
  error?: AttemptError;
  usage?: AiUsage;
}
/**
 * The model and Gemini's token counts (usageMetadata) of one ai call.
 *
 * This interface was referenced by `Run`'s JSON-Schema
 * via the `definition` "AiUsage".
 */
export interface AiUsage {
  model: string;
  promptTokens: number;
  outputTokens: number;
  totalTokens: number;
}
/**
 * The model and Gemini's token counts (usageMetadata) of one ai call.
 */
export interface AiUsage1 {
  model: string;
  promptTokens: number;
  outputTokens: number;
  totalTokens: number;
}
