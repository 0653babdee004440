/** Definitions and run inputs shared by the orchestrator tests. */
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { runInputOf, type RunInput } from '../../engine/plan/run-input';
import { registerOrchestrator, type OrchestratorOptions } from '../../engine/orchestrator';
import { handlerOf } from './harness';
import { testTrust } from '../support/trust';

/** A run input for `definition` (record off unless asked). */
export function inputFor(
  definition: WorkflowDefinition,
  input: unknown = {},
  options: { record?: boolean; workflows?: WorkflowDefinition[]; /** An older interpreter version (runs in flight). */ version?: number } = {},
): RunInput {
  const named = new Map((options.workflows ?? []).map((w) => [w.name, w]));
  const built = runInputOf({ definition, input, trigger: { kind: 'api' }, sign: testTrust.sign, record: options.record ?? false, workflowNamed: (name) => named.get(name) });
  return options.version === undefined ? built : { ...built, interpreterVersion: options.version };
}

/** The real `sluice` handler. */
export function sluiceHandler(options: Partial<OrchestratorOptions> = {}) {
  return handlerOf((df) => registerOrchestrator(df, { trust: testTrust, ...options }));
}

/** A successful StepActivityResult. */
export const ok = (output: unknown) => ({ ok: true, output });
/** A failed StepActivityResult. */
export const failed = (name: string, message: string, retryable: boolean) => ({ ok: false, error: { name, message, retryable } });
