/** The generic Durable orchestrator. */
export { orchestratorOf, registerOrchestrator, ORCHESTRATOR_NAME, CHUNK_SIZE, type OrchestratorOptions } from './sluice';
export { StepFailure, childError } from './failure';
export type { DeadLetterMessage } from './dead-letter';
export type { StepRecord } from './run';
export type { FragmentResult } from './chunks';
