/**
 * Retry delays: exponential backoff with an upper bound and optional jitter. The jitter is seeded from
 * the run id, step path and attempt through a small hash-based generator, so every replay computes the
 * same timer (Math.random would make the orchestration non-deterministic).
 */
import type { StepError } from '../activities/contract';
import type { RetryPlan } from '../plan/model';

/** Milliseconds to wait before attempt `attempt + 1`, or undefined when the failure is not retried. */
export function retryDelayMs(policy: RetryPlan | undefined, error: StepError, attempt: number, seed: string): number | undefined {
  if (!policy || attempt >= policy.maxAttempts) return undefined;
  const retried = policy.on ? policy.on.includes(error.name) : error.retryable;
  if (!retried) return undefined;
  let delay = policy.intervalMs * policy.backoff ** (attempt - 1);
  if (policy.maxIntervalMs !== undefined) delay = Math.min(delay, policy.maxIntervalMs);
  // ±20% as the schema documents.
  if (policy.jitter) delay *= 0.8 + 0.4 * seededUnit(`${seed}#${attempt}`);
  return Math.max(0, Math.round(delay));
}

/** A number in [0, 1) determined by `seed` (FNV-1a, then one mulberry32 round). */
export function seededUnit(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  let t = (hash + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
