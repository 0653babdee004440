/**
 * The app every benchmark runs on the embedded Durable host: the generic `sluice` orchestrator with
 * its `sluice.activity` step activity and no-op bookkeeping activities, the custom activities the
 * bench flows call, and the hand-written baselines.
 */
import * as df from 'durable-functions';
import { captureRegistrations, type CapturedRegistrations } from '../engine/adapters/local/durable';
import { registerActivity } from '../engine/activities/registry';
import { customActivityRunner } from '../engine/steps/activity/activity';
import { registerOrchestrator, type OrchestratorOptions } from '../engine/orchestrator';
import { benchTrust, registerHandWritten, registerSameHistoryTwins } from './flows';

/** Registers the custom activities the bench workflows use (`noop`, `flaky`) in the process registry. */
export function registerBenchActivities(): void {
  registerActivity('noop', noop);
  registerActivity('flaky', flaky);
}

const noop = (): null => null;
// Fails while the attempt number is at most `failures`: deterministic, so replays see the same history.
const flaky = (input: { failures: number }, context: { attempt: number }): null => {
  if (context.attempt <= input.failures) throw new Error(`planned failure ${context.attempt} of ${input.failures}`);
  return null;
};

/** Captures the bench app's registrations (orchestrator options such as the forEach chunk size apply to `sluice`). */
export function benchRegistrations(options: Partial<OrchestratorOptions> = {}): CapturedRegistrations {
  registerBenchActivities();
  return captureRegistrations(() => {
    registerOrchestrator(df, { trust: benchTrust, ...options });
    df.app.activity('sluice.activity', { handler: customActivityRunner });
    // The run-history recording activities, as no-ops: benchmarks count their events, not a store's cost.
    df.app.activity('sluice.run.started', { handler: () => null });
    df.app.activity('sluice.run.finished', { handler: () => null });
    registerHandWritten();
    registerSameHistoryTwins();
  });
}
