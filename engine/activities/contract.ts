/**
 * The contract between the generic orchestrator and the activities that do a step's I/O.
 * Every value crossing it is JSON: it is stored in Durable history.
 */

/** Error names from the language contract; a `fail` step may add its own. */
export type StepErrorName =
  | 'Timeout'
  | 'HttpError'
  | 'AiError'
  | 'QueueError'
  | 'CosmosError'
  | 'ActivityError'
  | 'ValidationError'
  | (string & {});

/** Which run and step an activity works for; also the idempotency key of its effects. */
export interface StepRunRef {
  /** The orchestration instance id of the run. */
  id: string;
  /** The workflow's name. */
  workflow: string;
  /**
   * The content hash of the plan the run executes: sent by interpreter versions 1-2 only. Every step's
   * input is stored in history, so version 3 leaves out what no activity reads.
   */
  definitionHash?: string;
  /**
   * Version 4: the W3C `traceparent` the run was started under (an HTTP trigger's caller), when it has one;
   * without it the run's trace id is derived from its id (engine/telemetry/ids.ts).
   */
  traceparent?: string;
}

/** What the orchestrator sends to a step activity (`sluice.<kind>`). */
export interface StepActivityInput<Config = unknown> {
  run: StepRunRef;
  /** The step's path in the run, e.g. `perLine[3].check`: unique per run, stable across replays. */
  stepPath: string;
  /** 1-based attempt number (the orchestrator performs retries). */
  attempt: number;
  /**
   * The step's kind body (`step.http`, `step.ai`, …) with expressions evaluated. A string built from a
   * template with `secrets.NAME` parts shows each as the text `${{ secrets.NAME }}` here, for people
   * reading history only: activities resolve secrets at `secrets` sites, never by reading this text.
   */
  config: Config;
  /**
   * Where the definition puts secrets into `config`, built by the orchestrator from the compiled plan
   * (never from data); absent when the step references none.
   */
  secrets?: SecretSite[];
  /** The step's timeout in milliseconds, when it has one; the activity should give up before it. */
  timeoutMs?: number;
}

/**
 * One string of a step's config that the definition builds from a template with `secrets.NAME` parts:
 * its path in the config, and its parts in order: evaluated text, and the secrets to put between.
 */
export interface SecretSite {
  path: Array<string | number>;
  parts: Array<string | { secret: string }>;
}

/** A failure as data. */
export interface StepError {
  name: StepErrorName;
  message: string;
  /** Whether retrying could help (5xx, 429, network errors, timeouts). */
  retryable: boolean;
  /** HTTP status when the failure came from an HTTP exchange. */
  status?: number;
}

/** The model and token counts of one Gemini call (its `usageMetadata`). */
export interface AiUsage {
  model: string;
  promptTokens: number;
  outputTokens: number;
  totalTokens: number;
}

/** What a step activity returns; an `ai` step's result carries its usage (the run's token budget sums it). */
export type StepActivityResult =
  | { ok: true; output: unknown; degraded?: { reason: string }; usage?: AiUsage }
  | { ok: false; error: StepError };

/** The two run-level bookkeeping activities (engine/history/recording.ts implements them). */
export const RUN_STARTED_ACTIVITY = 'sluice.run.started';
export const RUN_FINISHED_ACTIVITY = 'sluice.run.finished';

const activityNames = new Map<string, string>();

/** The Durable activity name of a step kind (one string per kind, not one per call: replays call this per step). */
export function activityNameOf(kind: string): string {
  let name = activityNames.get(kind);
  if (name === undefined) activityNames.set(kind, (name = `sluice.${kind}`));
  return name;
}
