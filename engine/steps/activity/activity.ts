/**
 * The `sluice.activity` activity: calls a registered custom activity with the step's `input`.
 * A throw becomes an `ActivityError` (retryable unless the error says `retryable: false`).
 */
import type { StepActivityInput, StepActivityResult } from '../../activities/contract';
import { describeError, fail, succeed, withDeadline } from '../../activities/outcome';
import { activityNames, findActivity, type CustomActivity } from '../../activities/registry';
import { resolveSecrets } from '../../activities/secrets';
import type { SettingsEnv } from '../../settings';

/** The `activity` step body, expressions evaluated. */
export interface ActivityStepConfig {
  name: string;
  input?: unknown;
}

/** Where the custom activity activity finds activities and secrets. */
export interface CustomActivityOptions {
  /** Secrets referenced in `input`; default `process.env`. */
  env?: SettingsEnv;
  /** Looks activities up here instead of the process registry. */
  find?: (name: string) => CustomActivity | undefined;
}

/** Creates the `sluice.activity` activity. */
export function createCustomActivityRunner(options: CustomActivityOptions = {}) {
  const find = options.find ?? findActivity;
  return async function customActivityRunner(input: StepActivityInput<ActivityStepConfig>): Promise<StepActivityResult> {
    const name = input.config?.name;
    const activity = typeof name === 'string' ? find(name) : undefined;
    if (!activity) {
      const known = activityNames();
      const list = known.length > 0 ? `registered: ${known.join(', ')}` : 'none is registered';
      return fail('ActivityError', `no activity named "${String(name)}" (${list}); register it with defineActivities`, false);
    }
    // Sites are paths in the whole config (`['input', …]`): the input is resolved as part of it.
    const secrets = resolveSecrets(input.config, input.secrets, options.env ?? process.env);
    if (!secrets.ok) return { ok: false, error: secrets.error };
    const value = secrets.value.input ?? null;
    return withDeadline(
      input.timeoutMs,
      `activity ${name}`,
      async (signal) => {
        try {
          const output = await activity(value, { run: input.run, stepPath: input.stepPath, attempt: input.attempt, signal });
          return toJsonOutput(name, output);
        } catch (error) {
          const retryable = (error as { retryable?: unknown } | null)?.retryable !== false;
          const kind = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
          return fail('ActivityError', `activity ${name} failed: ${kind}${describeError(error, secrets.redact)}`, retryable);
        }
      },
      secrets.redact,
    );
  };
}

/** The `sluice.activity` activity on the process registry. */
export const customActivityRunner = createCustomActivityRunner();

// Outputs are stored in Durable history as JSON: what JSON cannot carry is refused, not lost silently.
function toJsonOutput(name: string, output: unknown): StepActivityResult {
  if (output === undefined) return succeed(null);
  let text: string | undefined;
  try {
    text = JSON.stringify(output);
  } catch (error) {
    return fail('ActivityError', `activity ${name} returned a value that is not JSON: ${(error as Error).message}`, false);
  }
  if (text === undefined) return fail('ActivityError', `activity ${name} returned a ${typeof output}, which is not JSON`, false);
  return succeed(JSON.parse(text));
}
