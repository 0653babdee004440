/**
 * Fail-open for ai steps. Pure, with no I/O imports: the orchestrator calls it after its retries
 * are spent, so a transient failure is retried first and the fallback is the last resort.
 */
import type { StepActivityResult } from '../../activities/contract';

/** The part of an ai step's config that fail-open reads. */
export interface FailOpenConfig {
  fallback?: unknown;
  /** `false` turns fail-open off: a failure is an ordinary step failure. */
  failOpen?: boolean;
}

/** Whether a failed ai step would take its fallback. */
export function failsOpen(config: FailOpenConfig): boolean {
  return config.failOpen !== false && config.fallback !== undefined;
}

/**
 * Turns a failed ai result into `{ ok: true, output: fallback, degraded: { reason } }` when the step
 * fails open; any other result is returned as it is.
 */
export function applyFailOpen(config: FailOpenConfig, result: StepActivityResult): StepActivityResult {
  if (result.ok || !failsOpen(config)) return result;
  return { ok: true, output: config.fallback, degraded: { reason: `${result.error.name}: ${result.error.message}` } };
}
