/**
 * The orchestration input of a run. It carries the definition itself (and those of the sub-workflows it
 * may call), so a run always finishes on the definition it started with, even when the YAML is edited
 * and redeployed while it runs.
 */
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { definitionHash } from './hash';
import { INTERPRETER_VERSION } from './model';
import type { DefinitionRef } from './shelf';
import type { DefinitionSigner } from './trust';

/** How a run was started (the history model's trigger kinds). */
export interface RunTrigger {
  kind: 'http' | 'queue' | 'schedule' | 'api' | 'subWorkflow' | 'redrive';
  /** Route, queue name, schedule, parent run id… */
  source?: string | null;
}

/**
 * A child orchestration that runs part of a parent's run (see docs/orchestrator.md): a `chunk` is a
 * contiguous slice of a forEach's long list; a `lane` is every `stride`-th item, run one after the
 * other, so N lanes keep at most N iterations in flight; a `step` is one attempt of a composite step
 * with a timeout (raced with a timer by the parent).
 */
export interface FragmentInput {
  kind: 'chunk' | 'lane' | 'step';
  /** Static path of the step in the plan. */
  step: string;
  /** Run path of the forEach step (`outer[2].perLine`). */
  path: string;
  items: unknown[];
  /** Index of `items[0]` in the whole list. */
  offset: number;
  /** Distance in the whole list between consecutive items (lanes); 1 for chunks. */
  stride: number;
  /** The scope the forEach runs in: input stays in the run input; these are the rest. */
  scope: { steps: Record<string, { output: unknown }>; vars: Record<string, unknown> };
  /** The attempt, for a `step` fragment. */
  attempt?: number;
  /** The run the fragment belongs to (ids and `run` in expressions stay the run's, not the child's). */
  run: { id: string; workflow: string; startedAt: string };
}

/**
 * A definition as a run carries it. From interpreter version 3 it travels as JSON text: the SDK walks
 * the whole orchestration input on every replay (converting timestamps), and a string costs that walk
 * nothing; the plan cache, keyed by hash, parses it once per process.
 */
export interface CarriedDefinition {
  /** Versions 1-2: the definition itself. */
  definition?: WorkflowDefinition;
  /** Version 3+: the definition's JSON text. */
  definitionText?: string;
  /** What the app computed when it started the run; shown in history, never trusted (plan/trust.ts). */
  hash: string;
  /** The app's signature over `definitionText` (plan/trust.ts): proof that this app deployed it. */
  signature?: string;
  /**
   * Version 5: instead of the text, its address on the app's shelf and the app's signature over it
   * (plan/shelf.ts); only when the app can always resolve it (the embedded runtime's definition store).
   */
  definitionRef?: DefinitionRef;
}

/** The definition a run carries, whichever way it carries it. */
export function definitionOf(carried: CarriedDefinition): WorkflowDefinition {
  if (carried.definition) return carried.definition;
  if (carried.definitionText !== undefined) return JSON.parse(carried.definitionText) as WorkflowDefinition;
  if (carried.definitionRef) throw new Error(`run input carries its definition by reference (${carried.hash}): resolve it through the app's trust`);
  throw new Error(`run input carries no definition for ${carried.hash}`);
}

/** Gives a reference to a definition text when the app can always resolve it (DefinitionTrust's `refer`). */
export type DefinitionReferrer = (text: string) => DefinitionRef | undefined;

/** How a new run carries a definition: by reference when the app can resolve it, else as JSON text, signed by the app. */
export function carry(definition: WorkflowDefinition, sign: DefinitionSigner, hash = definitionHash(definition), refer?: DefinitionReferrer): CarriedDefinition {
  const definitionText = JSON.stringify(definition);
  const definitionRef = refer?.(definitionText);
  return definitionRef ? { hash, definitionRef } : { definitionText, hash, signature: sign(definitionText) };
}

/** The input of every `sluice` orchestration. */
export interface RunInput extends CarriedDefinition {
  interpreterVersion: number;
  input: unknown;
  trigger: RunTrigger;
  /** Set for a sub-workflow run. */
  parent?: { runId: string; stepPath: string };
  /** Set for a redrive of a dead-lettered run. */
  redriveOf?: string;
  /** Set for a redrive: the first run of its chain of redrives, and which try of it this is (2, 3…). */
  redrive?: RedriveLineage;
  /** Definitions (and their hashes) of the workflows this run may call: the transitive closure, by name. */
  workflows?: Record<string, CarriedDefinition>;
  /** Set when this orchestration is a chunk of a forEach, not a run. */
  fragment?: FragmentInput;
  /** Whether the run calls `sluice.run.started`/`sluice.run.finished`; default true. */
  record?: boolean;
  /**
   * Version 4: the deadline (ms since the epoch) of the step or run that started this child (a fragment
   * or a sub-workflow): it starts no work after it and fails with `Timeout` (orchestrator/deadline.ts).
   */
  deadline?: number;
  /** Version 4: set for a redrive from a step: what the run takes from the run it redrives instead of running it. */
  resume?: RunResume;
  /**
   * Version 4: the W3C trace context the run was started under (an HTTP trigger's incoming `traceparent`),
   * inherited by its sub-workflows; activities see it as `run.traceparent` (engine/telemetry/ids.ts).
   * Additive: the signature covers the definition text only.
   */
  trace?: { traceparent: string };
}

/**
 * A redrive from a step (`sluice redrive --from`): the top-level steps before `from` are not run again,
 * their outputs are the recorded ones; inside a forEach (at `from`) the iterations that completed are
 * not run again either. Outputs come from the original run's history (adapters/redrive.ts).
 */
export interface RunResume {
  /** The top-level step id the run starts executing at. */
  from: string;
  /** Outputs of top-level steps, by step id: such a step is not executed, it is recorded as Skipped. */
  outputs: Record<string, unknown>;
  /** Outputs of completed forEach iterations, by the forEach's run path, then by index. */
  iterations?: Record<string, Record<string, unknown>>;
}

/** Which try of which run a redrive is: its dead letter and run record carry the same. */
export interface RedriveLineage {
  originalRunId: string;
  runAttempt: number;
}

/** What a starter needs to build a run input. */
export interface RunStart {
  definition: WorkflowDefinition;
  input: unknown;
  trigger: RunTrigger;
  /** The app's signer (its DefinitionTrust's `sign`): only the app can start a run its orchestrator executes. */
  sign: DefinitionSigner;
  /** The app's referrer (its DefinitionTrust's `refer`): definitions it can always resolve travel by reference. */
  refer?: DefinitionReferrer;
  /** Looks up other workflows by name (for `workflow` steps); required when the definition calls any. */
  workflowNamed?: (name: string) => WorkflowDefinition | undefined;
  parent?: RunInput['parent'];
  redriveOf?: string;
  redrive?: RedriveLineage;
  resume?: RunResume;
  record?: boolean;
  trace?: RunInput['trace'];
}

/** Builds the orchestration input of a new run; throws when a called workflow is unknown. */
export function runInputOf(start: RunStart): RunInput {
  const workflows = calledWorkflows(start.definition, start.sign, start.workflowNamed, start.refer);
  return {
    ...carry(start.definition, start.sign, undefined, start.refer),
    interpreterVersion: INTERPRETER_VERSION,
    input: start.input,
    trigger: start.trigger,
    ...(start.parent ? { parent: start.parent } : {}),
    ...(start.redriveOf ? { redriveOf: start.redriveOf } : {}),
    ...(start.redrive ? { redrive: start.redrive } : {}),
    ...(start.resume ? { resume: start.resume } : {}),
    ...(Object.keys(workflows).length > 0 ? { workflows } : {}),
    ...(start.record === false ? { record: false } : {}),
    ...(start.trace ? { trace: start.trace } : {}),
  };
}

/** The definitions reachable through `workflow` steps, by name (the root excluded unless it recurses). */
export function calledWorkflows(
  root: WorkflowDefinition,
  sign: DefinitionSigner,
  workflowNamed?: (name: string) => WorkflowDefinition | undefined,
  refer?: DefinitionReferrer,
): Record<string, CarriedDefinition> {
  const found: Record<string, CarriedDefinition> = {};
  const pending = [...workflowNames(root.steps)];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (found[name]) continue;
    const definition = name === root.name ? root : workflowNamed?.(name);
    if (!definition) throw new Error(`workflow \`${root.name}\` calls unknown workflow \`${name}\``);
    found[name] = carry(definition, sign, undefined, refer);
    pending.push(...workflowNames(definition.steps));
  }
  return found;
}

// Walks the raw definition (not the plan) so starters need not compile to build an input.
function workflowNames(value: unknown, names: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) workflowNames(item, names);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.workflow === 'string') names.push(record.workflow);
    for (const [key, child] of Object.entries(record)) {
      if (key === 'steps' || key === 'parallel' || key === 'forEach' || key === 'switch' || key === 'cases' || key === 'default' || key === 'catch' || Array.isArray(child)) {
        workflowNames(child, names);
      }
    }
  }
  return names;
}
