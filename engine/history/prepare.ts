/**
 * Normalization every store applies before writing: times in one ISO format (so they sort as
 * text), large values replaced by summaries (Cosmos items are capped at 2 MB, and a history
 * that copies every payload whole gets expensive), durations derived from start and end.
 */
import { capValue, isoTime, RUN_VALUE_CAP_BYTES, STEP_OUTPUT_CAP_BYTES } from './model';
import type { AttemptRecord, RunPatch, StepPatch } from './model';

function times<T extends { startedAt?: string | null; endedAt?: string | null }>(record: T): T {
  const out = { ...record };
  if (record.startedAt !== undefined) out.startedAt = isoTime(record.startedAt) as T['startedAt'];
  if (record.endedAt !== undefined) out.endedAt = isoTime(record.endedAt) as T['endedAt'];
  return out;
}

/** A run patch ready to merge: normalized times, capped input and output. */
export function prepareRunPatch(patch: RunPatch): RunPatch {
  const out = times(patch);
  if (patch.createdAt !== undefined) out.createdAt = isoTime(patch.createdAt) as string;
  if ('input' in patch) {
    const { value, summary } = capValue(patch.input, RUN_VALUE_CAP_BYTES);
    out.input = value;
    out.inputSummary = summary ?? null;
  }
  if ('output' in patch) {
    const { value, summary } = capValue(patch.output, RUN_VALUE_CAP_BYTES);
    out.output = value;
    out.outputSummary = summary ?? null;
  }
  return out;
}

/** A step patch ready to merge: normalized times, capped output. */
export function prepareStepPatch(patch: StepPatch): StepPatch {
  const out = times(patch);
  if ('output' in patch) {
    const { value, summary } = capValue(patch.output, STEP_OUTPUT_CAP_BYTES);
    out.output = value;
    out.outputSummary = summary ?? null;
  }
  return out;
}

/** An attempt ready to store: normalized times and its duration. */
export function prepareAttempt(attempt: AttemptRecord): AttemptRecord {
  if (!Number.isInteger(attempt.attempt) || attempt.attempt < 1) {
    throw new RangeError(`attempt must be a positive integer, got ${attempt.attempt}`);
  }
  const out = times(attempt) as AttemptRecord;
  if (out.startedAt && out.endedAt) out.durationMs = Math.max(0, Date.parse(out.endedAt) - Date.parse(out.startedAt));
  return out;
}
