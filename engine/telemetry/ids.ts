/**
 * Trace and span ids derived from what every part of a run already knows (its run id, a step path, an
 * attempt), so spans emitted by different activities, on different hosts, at different times, parent one
 * another without any context passed between them. W3C Trace Context: 32 hex digits for a trace, 16 for
 * a span (https://www.w3.org/TR/trace-context/#traceparent-header).
 */
import { createHash } from 'node:crypto';

/** A run's place in a trace: its trace id and the span its own span hangs under (if any). */
export interface RunTrace {
  traceId: string;
  /** The run span's parent: the caller's span (an incoming `traceparent`) or the parent step's span. */
  parentSpanId?: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The trace id and parent span id of a `traceparent` header value, or undefined when it is not valid. */
export function parseTraceparent(value: unknown): { traceId: string; spanId: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TRACEPARENT.exec(value.trim().toLowerCase());
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return { traceId: match[1], spanId: match[2] };
}

/** A `traceparent` header value (always sampled: Sluice records every run). */
export function traceparentOf(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}

function hex(text: string, digits: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, digits);
}

/**
 * The top-level run a run id belongs to. A sub-workflow's instance id is `<parent run id>:<step path>:<attempt>`
 * (steps/workflow/orchestrate.ts), so the root is the part before the first `:`.
 */
export function rootRunIdOf(runId: string): string {
  const colon = runId.indexOf(':');
  return colon < 0 ? runId : runId.slice(0, colon);
}

/** The trace of a run: the incoming `traceparent`'s trace when the run carries one, else one derived from its root run. */
export function traceIdOf(runId: string, traceparent?: string): string {
  return parseTraceparent(traceparent)?.traceId ?? hex(`trace|${rootRunIdOf(runId)}`, 32);
}

/** The span of a run (`''`), of a step (its path) or of one attempt of a step. */
export function spanIdOf(runId: string, stepPath = '', attempt?: number): string {
  return hex(`span|${runId}|${stepPath}|${attempt ?? ''}`, 16);
}

/** Where a sub-workflow run hangs: its parent's step span, read from the child's instance id. */
export function parentStepOf(runId: string, parentRunId: string | null | undefined): { runId: string; stepPath: string } | undefined {
  if (!parentRunId || !runId.startsWith(`${parentRunId}:`)) return undefined;
  const rest = runId.slice(parentRunId.length + 1);
  const colon = rest.lastIndexOf(':');
  return colon < 0 ? undefined : { runId: parentRunId, stepPath: rest.slice(0, colon) };
}

/** The trace a run's own span belongs to and hangs under. */
export function runTraceOf(runId: string, parentRunId?: string | null, traceparent?: string): RunTrace {
  const traceId = traceIdOf(runId, traceparent);
  const parent = parentStepOf(runId, parentRunId);
  if (parent) return { traceId, parentSpanId: spanIdOf(parent.runId, parent.stepPath) };
  const incoming = parseTraceparent(traceparent);
  return incoming ? { traceId, parentSpanId: incoming.spanId } : { traceId };
}

/** The `traceparent` an attempt of a step sends on (its own span as the parent of what it calls). */
export function attemptTraceparent(run: { id: string; traceparent?: string }, stepPath: string, attempt: number): string {
  return traceparentOf(traceIdOf(run.id, run.traceparent), spanIdOf(run.id, stepPath, attempt));
}
