/**
 * What one run of a definition costs its Durable history, estimated from the definition alone: how many
 * history events it writes and how many payload bytes they carry. Durable Functions replays the whole
 * history on every step it awaits (so the cost of a run grows with the square of its history), AWS Step
 * Functions refuses a history past 25,000 events, and a Storage queue message holds at most 64 KB (Durable
 * moves larger payloads to blobs, one more round trip each). docs/lint-codes.md (`history-budget`) has the
 * formulas; they are an estimate, and the explanation (`sluice lint --explain`) says what it assumed.
 */
import { kindOf } from '../definition/walk';
import type { Step, WorkflowDefinition } from '../definition/workflow.generated';

/** Events of one Durable task: scheduled (or created) and completed (or fired, raised). */
export const TASK_EVENTS = 2;
/**
 * Events of one replay episode (OrchestratorStarted, OrchestratorCompleted): a step awaited alone is an
 * episode of its own; up to `concurrency` iterations of a forEach share one.
 */
export const EPISODE_EVENTS = 2;
/** Events of every run: ExecutionStarted, ExecutionCompleted, and Sluice's two run-record activities. */
export const RUN_EVENTS = 2 + 2 * (TASK_EVENTS + EPISODE_EVENTS);
/** Iterations assumed for a forEach whose item count nothing bounds. */
export const DEFAULT_ITEMS = 100;
/** A forEach this large (or unbounded) is "large" for `waitForEvent`. */
export const LARGE_FOREACH = 100;
/** Payload assumed for a step's output, known only at run time. */
export const UNKNOWN_VALUE_BYTES = 1024;
/** Payload assumed for an expression's value inside a step's input. */
export const EXPRESSION_BYTES = 256;
/** Warn above this many events per run (Step Functions' history cap). */
export const EVENTS_LIMIT = 25_000;
/** Warn above this many payload bytes per run: 512 queue messages of 64 KB, replayed on every await. */
export const BYTES_LIMIT = 512 * 64 * 1024;
/** Attempts of a step with `retry` but no `maxAttempts` (engine/plan/compile.ts). */
const DEFAULT_ATTEMPTS = 3;

/** Kinds that call an activity (or a sub-orchestration): one Durable task per attempt. */
const TASK_KINDS = new Set(['ai', 'http', 'queue', 'cosmos', 'activity', 'workflow']);

/** How many times a forEach runs its body, and how that is known. */
export interface ItemBound {
  count: number;
  /** `literal`: a list written out; `maxItems`: the input schema's bound; `default`: nothing bounds it. */
  source: 'literal' | 'maxItems' | 'default';
  /** For `items: ${{ input.a.b }}` where the input schema declares that list, the input path read. */
  inputPath?: string[];
}

/** One step's share of the estimate. */
export interface StepCost {
  id: string;
  kind: string;
  /** Depth in the step tree, for display. */
  depth: number;
  /** How many times the step runs in one run (the product of the forEach bounds around it). */
  runs: number;
  attempts: number;
  /** Events of all its runs on the success path (first attempts) and at worst (every attempt, retry timers). */
  events: number;
  worstEvents: number;
  bytes: number;
  note?: string;
}

/** The estimate for one run. */
export interface BudgetEstimate {
  events: number;
  worstEvents: number;
  bytes: number;
  steps: StepCost[];
}

const INPUT_READ = /^\$\{\{\s*input((?:\.[A-Za-z_$][\w$]*)*)\s*\}\}$/;

/** How many items a forEach iterates, as far as the definition says. */
export function itemBound(definition: WorkflowDefinition, items: unknown): ItemBound {
  if (Array.isArray(items)) return { count: items.length, source: 'literal' };
  const read = typeof items === 'string' ? INPUT_READ.exec(items.trim()) : null;
  if (!read) return { count: DEFAULT_ITEMS, source: 'default' };
  const inputPath = read[1].split('.').filter(Boolean);
  let schema: unknown = definition.input;
  for (const name of inputPath) schema = (schema as { properties?: Record<string, unknown> } | undefined)?.properties?.[name];
  const described = schema as { maxItems?: unknown; type?: unknown } | undefined;
  const maxItems = described?.maxItems;
  if (typeof maxItems === 'number' && Number.isInteger(maxItems) && maxItems >= 0) return { count: maxItems, source: 'maxItems', inputPath };
  const declaredList = described?.type === 'array' || (Array.isArray(described?.type) && described.type.includes('array'));
  return { count: DEFAULT_ITEMS, source: 'default', ...(declaredList ? { inputPath } : {}) };
}

/** The estimate of one run of `definition` (its sub-workflows' own histories are not counted: each has its own). */
export function estimateBudget(definition: WorkflowDefinition): BudgetEstimate {
  const steps: StepCost[] = [];
  const total = listCost(definition, definition.steps ?? [], 1, 1, 0, steps);
  return { events: Math.ceil(RUN_EVENTS + total.events), worstEvents: Math.ceil(RUN_EVENTS + total.worstEvents), bytes: total.bytes, steps };
}

interface Cost {
  events: number;
  worstEvents: number;
  bytes: number;
}

const NONE: Cost = { events: 0, worstEvents: 0, bytes: 0 };
const add = (a: Cost, b: Cost): Cost => ({ events: a.events + b.events, worstEvents: a.worstEvents + b.worstEvents, bytes: a.bytes + b.bytes });
const most = (a: Cost, b: Cost): Cost => ({ events: Math.max(a.events, b.events), worstEvents: Math.max(a.worstEvents, b.worstEvents), bytes: Math.max(a.bytes, b.bytes) });

/** `sharing`: how many runs of a task share one replay episode (the enclosing forEach's concurrency). */
function listCost(definition: WorkflowDefinition, list: readonly Step[], runs: number, sharing: number, depth: number, out: StepCost[]): Cost {
  let cost = NONE;
  for (const step of Array.isArray(list) ? list : []) if (step && typeof step === 'object') cost = add(cost, stepCost(definition, step, runs, sharing, depth, out));
  return cost;
}

function stepCost(definition: WorkflowDefinition, step: Step, runs: number, sharing: number, depth: number, out: StepCost[]): Cost {
  const task = TASK_EVENTS + EPISODE_EVENTS / sharing;
  const kind = kindOf(step) ?? 'unknown';
  const entry: StepCost = { id: String(step.id), kind, depth, runs, attempts: 1, events: 0, worstEvents: 0, bytes: 0 };
  out.push(entry);
  let own = NONE;
  if (TASK_KINDS.has(kind)) {
    const retry = step.retry ?? definition.defaults?.retry;
    const attempts = retry ? Math.max(1, Math.floor(retry.maxAttempts ?? DEFAULT_ATTEMPTS)) : 1;
    entry.attempts = attempts;
    // Each attempt is a task; each retry waits on a durable timer first (another task).
    const message = payloadBytes(kind === 'activity' || kind === 'workflow' ? step.input : (step as unknown as Record<string, unknown>)[kind]) + UNKNOWN_VALUE_BYTES;
    own = { events: task, worstEvents: attempts * task + (attempts - 1) * task, bytes: message };
    if (kind === 'workflow') entry.note = 'its own history is not counted here';
  } else if (kind === 'wait') {
    own = { events: task, worstEvents: task, bytes: 0 };
  } else if (kind === 'waitForEvent') {
    // The raised event, and the timer of a timeout (created; fired only when it wins).
    const timer = step.waitForEvent?.timeout !== undefined || step.timeout !== undefined ? 1 : 0;
    own = { events: task + timer, worstEvents: task + timer, bytes: UNKNOWN_VALUE_BYTES };
  }
  let nested = NONE;
  if (kind === 'forEach' && step.forEach) {
    const bound = itemBound(definition, step.forEach.items);
    entry.note = `${bound.count} items (${bound.source === 'literal' ? 'a literal list' : bound.source === 'maxItems' ? `maxItems of input.${bound.inputPath!.join('.')}` : `default: nothing bounds it`})`;
    const concurrency = typeof step.forEach.concurrency === 'number' && step.forEach.concurrency >= 1 ? Math.min(step.forEach.concurrency, Math.max(1, bound.count)) : Math.max(1, bound.count);
    nested = listCost(definition, step.forEach.steps, runs * bound.count, concurrency, depth + 1, out);
    nested = { ...nested, events: nested.events * bound.count, worstEvents: nested.worstEvents * bound.count, bytes: nested.bytes * bound.count };
  } else if (kind === 'parallel') {
    nested = listCost(definition, step.parallel ?? [], runs, sharing, depth + 1, out);
  } else if (kind === 'steps') {
    nested = listCost(definition, step.steps ?? [], runs, sharing, depth + 1, out);
  } else if (kind === 'switch' && step.switch) {
    // One branch runs: the dearest one counts.
    for (const branch of [...(step.switch.cases ?? []).map((item) => item?.steps ?? []), step.switch.default ?? []]) nested = most(nested, listCost(definition, branch, runs, sharing, depth + 1, out));
  }
  // A catch clause runs only when the step failed: it counts at worst.
  let handler = NONE;
  for (const clause of step.catch ?? []) handler = most(handler, listCost(definition, clause?.steps ?? [], runs, sharing, depth + 1, out));
  entry.events = Math.ceil(own.events * runs);
  entry.worstEvents = Math.ceil(own.worstEvents * runs);
  entry.bytes = own.bytes * runs;
  return { events: own.events + nested.events, worstEvents: own.worstEvents + nested.worstEvents + handler.worstEvents, bytes: own.bytes + nested.bytes };
}

/** A value's JSON size as written, plus `EXPRESSION_BYTES` per `${{ }}` in it (JSON.stringify is native: cheap per file). */
function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  const text = JSON.stringify(value) ?? '';
  let expressions = 0;
  for (let at = text.indexOf('${{'); at >= 0; at = text.indexOf('${{', at + 3)) expressions++;
  return text.length + expressions * EXPRESSION_BYTES;
}

/** The estimate as text, for `sluice lint --explain`. */
export function formatBudget(file: string, estimate: BudgetEstimate): string {
  const lines = [`${file}: one run, estimated`, '', '  step                               kind          runs  attempts   events (worst)      bytes'];
  for (const step of estimate.steps) {
    const name = `${'  '.repeat(step.depth)}${step.id}`;
    lines.push(`  ${name.padEnd(34)} ${step.kind.padEnd(12)} ${String(step.runs).padStart(5)}  ${String(step.attempts).padStart(8)}  ${`${step.events} (${step.worstEvents})`.padStart(15)}  ${String(step.bytes).padStart(9)}${step.note ? `  ${step.note}` : ''}`);
  }
  lines.push(
    '',
    `  history events: ${n(estimate.events)} on the success path, ${n(estimate.worstEvents)} at worst (every attempt, retry timers, the dearest catch); limit ${n(EVENTS_LIMIT)}`,
    `  payload bytes:  ${n(estimate.bytes)} (task inputs as written with ${EXPRESSION_BYTES} bytes per expression, ${n(UNKNOWN_VALUE_BYTES)} per output); limit ${n(BYTES_LIMIT)}`,
    `  assumed: ${TASK_EVENTS} events per task and ${EPISODE_EVENTS} per replay episode (shared by up to \`concurrency\` forEach iterations), ${RUN_EVENTS} per run, ${DEFAULT_ITEMS} items for an unbounded forEach; the total over the run (forEach chunks run as child orchestrations, so one history may hold less); a sub-workflow counts as one task (its own history is not counted)`,
  );
  return lines.join('\n') + '\n';
}

const n = (count: number) => count.toLocaleString('en-US');
