/**
 * A step activity's config and secret sites, built the way the orchestrator builds them (compiled once,
 * evaluated in a run scope): for tests that call an activity directly with a definition's body.
 */
import type { SecretSite } from '../../engine/activities/contract';
import { compileValue } from '../../engine/expressions';
import { runScope } from '../../engine/orchestrator/scope';
import { activityCall } from '../../engine/orchestrator/secret-sites';

/** `body` (a step's kind body, `${{ }}` templates and all) as its activity receives it; `input` is the run input. */
export function stepCall<T>(body: T, input: unknown = {}, at: Array<string | number> = []): { config: T; secrets?: SecretSite[] } {
  const scope = runScope(input, { id: 'r', workflow: 'wf', startedAt: '2026-01-01T00:00:00.000Z' });
  return activityCall(compileValue(body), scope, 'step', at) as { config: T; secrets?: SecretSite[] };
}
