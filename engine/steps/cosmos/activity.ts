/**
 * The `sluice.cosmos` activity: upsert, read (missing → null) or parameterized query on a
 * container. Throttling (429) the SDK could not absorb comes back as a retryable `CosmosError`.
 */
import type { CosmosClient } from '@azure/cosmos';
import type { StepActivityInput, StepActivityResult } from '../../activities/contract';
import { cosmosClientCache, type CosmosClientExtras } from '../../activities/cosmos-client';
import { describeError, fail, isAbort, succeed, withDeadline } from '../../activities/outcome';
import { resolveSecrets, type Redactor } from '../../activities/secrets';
import { readCosmosSettings, type SettingsEnv } from '../../settings';
import { invalidOperation, runOperation, statusOf, TooManyItemsError, type CosmosStepConfig } from './operation';

export type { CosmosStepConfig } from './operation';

/** What the cosmos activity reads from its environment. */
export interface CosmosActivityOptions {
  /** Cosmos settings and secrets; default `process.env`. */
  env?: SettingsEnv;
  /** Client additions, e.g. an https agent for a local server with a self-signed certificate. */
  client?: CosmosClientExtras;
  /** Upper bound of an operation when the step has no timeout. */
  defaultTimeoutMs?: number;
}

// Statuses worth another attempt: throttled, timed out, "retry with", and server failures.
const RETRYABLE = new Set([408, 429, 449]);

/** Creates the `sluice.cosmos` activity. */
export function createCosmosActivity(options: CosmosActivityOptions = {}) {
  const clientFor = cosmosClientCache(options.client);
  return async function cosmosActivity(input: StepActivityInput<CosmosStepConfig>): Promise<StepActivityResult> {
    const env = options.env ?? process.env;
    const secrets = resolveSecrets(input.config, input.secrets, env);
    if (!secrets.ok) return { ok: false, error: secrets.error };
    const config = secrets.value;
    const invalid = invalidOperation(config);
    if (invalid) return fail('ValidationError', invalid, false);
    const settings = readCosmosSettings(env);
    let client: CosmosClient;
    try {
      client = clientFor(settings);
    } catch (error) {
      return fail('CosmosError', describeError(error, secrets.redact), false);
    }
    const database = config.database ?? settings.database;
    const where = `container "${config.container}" of database "${database}"`;
    const timeoutMs = input.timeoutMs ?? options.defaultTimeoutMs ?? 60_000;
    return withDeadline(
      timeoutMs,
      `cosmos ${operationName(config)} on ${where}`,
      async (signal) => {
        try {
          const container = client.database(database).container(config.container);
          return succeed(await runOperation(container, config, signal));
        } catch (error) {
          return cosmosFailure(config, where, error, signal, secrets.redact);
        }
      },
      secrets.redact,
    );
  };
}

/** The `sluice.cosmos` activity reading `process.env`. */
export const cosmosActivity = createCosmosActivity();

function cosmosFailure(config: CosmosStepConfig, where: string, error: unknown, signal: AbortSignal, redact: Redactor): StepActivityResult {
  const op = operationName(config);
  if (isAbort(error, signal)) return fail('Timeout', `cosmos ${op} on ${where} was aborted at the step's deadline`, true);
  if (error instanceof TooManyItemsError) return fail('CosmosError', error.message, false);
  const status = statusOf(error);
  const detail = firstLine(describeError(error, redact));
  if (status === undefined) return fail('CosmosError', `cosmos ${op} on ${where} failed: ${detail}`, true);
  if (status === 404) return fail('CosmosError', `cosmos ${op}: ${where} does not exist`, false, 404);
  if (status === 429) return fail('CosmosError', `cosmos ${op} on ${where} was throttled (429) beyond the SDK's retries`, true, 429);
  return fail('CosmosError', `cosmos ${op} on ${where} failed (${status}): ${detail}`, RETRYABLE.has(status) || status >= 500, status);
}

function operationName(config: CosmosStepConfig): string {
  return config.upsert !== undefined ? 'upsert' : config.read !== undefined ? 'read' : 'query';
}

// Cosmos error messages carry a multi-line diagnostics dump after the first line.
function firstLine(message: string): string {
  const line = message.split(/\r?\n/)[0];
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
