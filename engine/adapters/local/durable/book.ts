/**
 * The host's side of one execution's bookkeeping: which EventIds are outstanding and what
 * each stands for. It mirrors the SDK's id assignment (durable-protocol.md §3–§5): one id per
 * atomic task at its first yield (compound children depth-first), one more per retry timer,
 * re-attempt and long-timer segment, and never one for waits or continueAsNew.
 */

/** The retry options the SDK puts on actions 1 and 3. */
export interface RetryPolicy {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

/** A retry chain (actions 1/3, the host performs the retries) or a long timer split into segments. */
export type Chain =
  | {
      kind: 'retry';
      target: 'activity' | 'suborch';
      name: string;
      input: unknown;
      /** The caller's fixed child instance id (sub-orchestrations only). */
      instanceId?: string;
      policy: RetryPolicy;
      attempt: number;
      firstAt: number;
      /** Set when the timer now pending follows the last allowed failure. */
      exhausted: boolean;
    }
  | { kind: 'longTimer'; finalAt: number; path: string };

/** One outstanding EventId: work whose completion the SDK still waits for. */
export interface OpenTask {
  kind: 'activity' | 'suborch' | 'timer';
  /** The key of the chain this id belongs to. */
  chain?: number;
  /** For timers: where the timer's action sits in the returned actions (for cancellation). */
  path?: string;
}

/** How an execution ends once its orchestrator is done and nothing is outstanding. */
export type Finish = { kind: 'output'; output: unknown } | { kind: 'continueAsNew'; input: unknown };

/** Everything the host remembers about the current execution between episodes (persisted as JSON). */
export interface ExecutionBook {
  nextId: number;
  /** How many top-level actions earlier episodes already executed. */
  actionCount: number;
  open: Record<number, OpenTask>;
  chains: Record<number, Chain>;
  /** Action path → the open timer id standing for it. */
  timerPaths: Record<string, number>;
  finish?: Finish;
}

/** Work the host must start after the episode commits. */
export type NewWork =
  | { kind: 'activity'; taskId: number; name: string; input: unknown }
  | { kind: 'timer'; timerId: number; fireAt: number }
  | { kind: 'suborch'; taskId: number; name: string; instanceId: string; input: unknown };

/** A fresh book for a new execution. */
export function newBook(): ExecutionBook {
  return { nextId: 0, actionCount: 0, open: {}, chains: {}, timerPaths: {} };
}

/** Whether any non-cancelled activity, timer, sub-orchestration or retry chain is still outstanding. */
export function hasOutstanding(book: ExecutionBook): boolean {
  for (const _ in book.open) return true;
  return false;
}

/** The delay before attempt `attempt + 1` (DTFx RetryInterceptor). */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  const backoff = policy.backoffCoefficient ?? 1;
  const max = policy.maxRetryIntervalInMilliseconds ?? 6 * 24 * 3600_000;
  return Math.min(policy.firstRetryIntervalInMilliseconds * Math.pow(backoff, attempt - 1), max);
}

/** Actions 0/1/4 JSON-encode string inputs (SDK `Utils.processInput`); undo that. */
export function decodeActionInput(actionType: number, input: unknown): unknown {
  if ((actionType === 0 || actionType === 1 || actionType === 4) && typeof input === 'string') return JSON.parse(input);
  return input;
}
