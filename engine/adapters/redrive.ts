/**
 * A redrive from a step: what the new run carries (plan/run-input.ts `RunResume`) so that it reuses the
 * outputs of the top-level steps that completed before `from` and of the completed iterations of a forEach
 * at `from`, and runs from `from` on. It runs on the redriven run's own definition (carried, signed, in its
 * Durable input), or with `latest` on the one deployed now when the steps before `from` compile the same.
 *
 * Outputs come from run history (step records), and from the redriven run's own `resume` when it was a
 * redrive itself. A step before `from` whose output is not recorded is run again when it has no side
 * effect (`set`); any other refuses the redrive, which would otherwise repeat that step's effects.
 */
import type { WorkflowDefinition } from '../definition/workflow.generated';
import type { Run as RunRecord, Step as StepRecord } from '../history/model';
import { compilePlan } from '../plan/compile';
import type { PlanStep } from '../plan/model';
import type { RunInput, RunResume } from '../plan/run-input';
import type { DefinitionTrust } from '../plan/trust';

/** Kinds that only compute from their scope: run again when their output is not recorded. */
const PURE_KINDS = new Set(['set']);

/** What to start: the definition, the workflows it may call, and what the run reuses. */
export interface RedrivePlan {
  definition: WorkflowDefinition;
  workflowNamed: (name: string) => WorkflowDefinition | undefined;
  resume: RunResume;
  /** Ids of the top-level steps whose outputs are reused. */
  reused: string[];
  /** How many forEach iterations at `from` are reused. */
  reusedIterations: number;
}

/** Why a redrive from a step cannot start: the status and error name the API answers with. */
export interface RedriveRefusal {
  status: 400 | 409;
  error: string;
  message: string;
}

/** What a redrive from a step is planned from. */
export interface RedriveRequest {
  runId: string;
  /** The redriven run's Durable input. */
  original: RunInput;
  /** The step path given (`--from`), else the run path of the step that failed. */
  from: string;
  /** The definition deployed now under the run's workflow name, for `latest`. */
  latest?: { definition: WorkflowDefinition; named: (name: string) => WorkflowDefinition | undefined };
  /** The redriven run's history record, when history has it. */
  history?: RunRecord;
  trust: DefinitionTrust;
}

/** The top-level step id of a run path: `perLine[2].check` → `perLine`. */
export function topLevelStep(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

/** Plans a redrive from a step, or says why it cannot be done. */
export function planRedriveFrom(request: RedriveRequest): RedrivePlan | RedriveRefusal {
  const { original, runId } = request;
  // The carried definition is re-signed for the new run: only one this app signed (or deploys) may be.
  const trusted = request.trust.check(original);
  const originalDefinition = trusted.definition();
  const from = topLevelStep(request.from);
  const originalSteps = compilePlan(originalDefinition, trusted.hash()).steps;
  const definition = request.latest?.definition ?? originalDefinition;
  const steps = request.latest ? compilePlan(definition).steps : originalSteps;
  const at = steps.findIndex((step) => step.id === from);
  if (at < 0) return { status: 400, error: 'StepNotFound', message: `workflow "${definition.name}" has no top-level step "${from}" to redrive from` };
  if (request.latest) {
    const changed = changedBefore(originalSteps, steps, at);
    if (changed.length > 0) {
      return {
        status: 409,
        error: 'DefinitionChanged',
        message: `the steps before "${from}" changed since run "${runId}" started (${changed.map((id) => `"${id}"`).join(', ')}): their recorded outputs may not fit the current definition; redrive without --latest, or from "${changed[0]}"`,
      };
    }
  }
  const recorded = new Map((request.history?.steps ?? []).map((step) => [step.path, step]));
  const earlier = original.resume;
  const outputs: Record<string, unknown> = {};
  const reused: string[] = [];
  for (const step of steps.slice(0, at)) {
    const output = recordedOutput(recorded.get(step.id)) ?? (earlier && Object.hasOwn(earlier.outputs, step.id) ? { value: earlier.outputs[step.id] } : undefined);
    if (output) {
      outputs[step.id] = output.value;
      reused.push(step.id);
    } else if (!PURE_KINDS.has(step.kind)) {
      return {
        status: 409,
        error: 'OutputNotRecorded',
        message: `the output of step "${step.id}" (${step.kind}) of run "${runId}" is not in run history, so redriving from "${from}" would run it again; redrive from "${step.id}" or earlier`,
      };
    }
  }
  const iterations = steps[at].kind === 'forEach' ? completedIterations(steps[at], recorded, earlier) : {};
  const count = Object.keys(iterations).length;
  const resume: RunResume = { from, outputs, ...(count > 0 ? { iterations: { [from]: iterations } } : {}) };
  const named = request.latest?.named ?? ((name: string) => (original.workflows?.[name] ? request.trust.check(original.workflows[name]).definition() : undefined));
  return { definition, workflowNamed: named, resume, reused, reusedIterations: count };
}

/** Whether a plan is a refusal. */
export function isRefusal(value: RedrivePlan | RedriveRefusal): value is RedriveRefusal {
  return 'error' in value;
}

// A step record's output, when the step ended with one that history kept whole (not only its summary).
function recordedOutput(step: StepRecord | undefined): { value: unknown } | undefined {
  if (!step || step.outputSummary) return undefined;
  if (step.status === 'Skipped') return { value: step.output ?? null };
  if ((step.status === 'Completed' || step.status === 'Degraded') && step.output !== undefined) return { value: step.output };
  return undefined;
}

// The ids of the steps before `at` whose compiled form differs (or that are missing) in `current`.
function changedBefore(original: readonly PlanStep[], current: readonly PlanStep[], at: number): string[] {
  const before = new Map(original.map((step) => [step.id, JSON.stringify(step)]));
  const changed = current.slice(0, at).filter((step) => before.get(step.id) !== JSON.stringify(step)).map((step) => step.id);
  const kept = new Set(current.slice(0, at).map((step) => step.id));
  const at0 = original.findIndex((step) => step.id === current[at].id);
  const dropped = original.slice(0, at0 < 0 ? original.length : at0).filter((step) => !kept.has(step.id)).map((step) => step.id);
  return [...changed, ...dropped];
}

// An iteration completed when its last step has a recorded output: that output is the iteration's.
function completedIterations(step: PlanStep, recorded: ReadonlyMap<string, StepRecord>, earlier: RunResume | undefined): Record<string, unknown> {
  const body = (step.body as { steps: readonly PlanStep[] }).steps;
  const last = body[body.length - 1];
  const found: Record<string, unknown> = { ...(earlier?.iterations?.[step.id] ?? {}) };
  if (!last) return found;
  const pattern = new RegExp(`^${escape(step.id)}\\[(\\d+)\\]\\.${escape(last.id)}$`);
  for (const [path, record] of recorded) {
    const index = pattern.exec(path)?.[1];
    const output = index === undefined ? undefined : recordedOutput(record);
    if (output && record.status !== 'Skipped') found[index!] = output.value;
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
