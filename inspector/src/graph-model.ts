/**
 * A workflow definition as nodes and edges, the shapes `engine/graph/mermaid.ts` draws in Mermaid:
 * sequences as arrows, parallel as fork and join, forEach as a loop, switch as a decision, catch as
 * dashed paths. Nodes are keyed by step id, so run history (step paths) maps onto them.
 */
import { kindOf } from '../../engine/definition/walk';
import type { Step, WorkflowDefinition } from '../../engine/definition/workflow.generated';

/** A node: a step (`step` set to its id), the start, the end, or a parallel join. */
export interface GraphNode {
  key: string;
  step?: string;
  title: string;
  detail: string;
  shape: 'step' | 'terminal' | 'join' | 'decision' | 'loop' | 'fork' | 'fail';
}

/** An edge, labelled when it is a branch, dashed for a catch path or a loop's next item. */
export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  dashed?: boolean;
}

/** The graph of a definition. */
export interface WorkflowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface Exit {
  key: string;
  label?: string;
}

const brief = (text: unknown, max = 36): string => {
  const raw = String(text ?? '').trim();
  const inner = /^\$\{\{\s*([\s\S]*?)\s*\}\}$/.exec(raw)?.[1] ?? raw;
  return inner.length > max ? `${inner.slice(0, max - 1)}…` : inner;
};

function detailOf(step: Step): string {
  const kind = kindOf(step);
  switch (kind) {
    case 'ai': return `ai ${step.ai?.model ?? ''}`.trim();
    case 'http': return `http ${step.http?.method ?? 'GET'}`;
    case 'queue': return `queue → ${brief(step.queue?.name)}`;
    case 'cosmos': return `cosmos ${brief(step.cosmos?.container)}`;
    case 'activity': return `activity ${step.activity}`;
    case 'workflow': return `workflow ${step.workflow}`;
    case 'wait': return typeof step.wait === 'string' ? `wait ${brief(step.wait)}` : `wait until ${brief(step.wait?.until)}`;
    case 'waitForEvent': return `event ${step.waitForEvent?.name}`;
    case 'fail': return `fail ${step.fail?.error}`;
    case 'forEach': return `for each ${step.forEach?.as ?? 'item'}${step.forEach?.concurrency ? `, ${step.forEach.concurrency} at a time` : ''}`;
    case 'switch': return 'switch';
    case 'parallel': return 'parallel';
    case 'steps': return 'steps';
    default: return kind ?? '?';
  }
}

/** Builds the graph of a workflow definition. */
export function graphOf(definition: WorkflowDefinition): WorkflowGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const edge = (from: Exit, to: string, label?: string, dashed = false) => {
    const text = label ?? from.label;
    edges.push({ from: from.key, to, ...(text ? { label: text } : {}), ...(dashed ? { dashed } : {}) });
  };

  const sequence = (steps: readonly Step[] | undefined): { entry: string; exits: Exit[] } | undefined => {
    let entry: string | undefined;
    let exits: Exit[] = [];
    for (const step of steps ?? []) {
      const fragment = render(step);
      if (entry === undefined) entry = fragment.entry;
      else for (const exit of exits) edge(exit, fragment.entry);
      exits = fragment.exits;
    }
    return entry === undefined ? undefined : { entry, exits };
  };

  const render = (step: Step): { entry: string; exits: Exit[] } => {
    const kind = kindOf(step);
    const key = `s:${step.id}`;
    const condition = step.if !== undefined ? ` · if ${brief(step.if, 24)}` : '';
    const shape: GraphNode['shape'] =
      kind === 'switch' ? 'decision' : kind === 'forEach' ? 'loop' : kind === 'parallel' ? 'fork' : kind === 'fail' ? 'fail' : 'step';
    nodes.push({ key, step: step.id, title: `${step.name ?? step.id}${condition}`, detail: detailOf(step), shape });
    let exits: Exit[];
    if (kind === 'parallel') {
      const join = `${key}:join`;
      nodes.push({ key: join, title: 'all done', detail: '', shape: 'join' });
      for (const child of step.parallel ?? []) {
        const inner = render(child);
        edge({ key }, inner.entry);
        for (const exit of inner.exits) edge(exit, join);
      }
      exits = [{ key: join }];
    } else if (kind === 'forEach') {
      const body = sequence(step.forEach?.steps);
      if (body) {
        edge({ key }, body.entry, 'each item');
        for (const exit of body.exits) edge(exit, key, 'next', true);
      }
      exits = [{ key, label: 'done' }];
    } else if (kind === 'switch') {
      exits = [];
      for (const item of step.switch?.cases ?? []) {
        const branch = sequence(item.steps);
        const label = `when ${brief(item.when, 30)}`;
        if (branch) {
          edge({ key }, branch.entry, label);
          exits.push(...branch.exits);
        } else exits.push({ key, label });
      }
      const otherwise = sequence(step.switch?.default);
      if (otherwise) {
        edge({ key }, otherwise.entry, 'default');
        exits.push(...otherwise.exits);
      } else exits.push({ key, label: 'no match' });
    } else if (kind === 'steps') {
      const inner = sequence(step.steps);
      if (inner) edge({ key }, inner.entry);
      exits = inner?.exits ?? [{ key }];
    } else if (kind === 'fail') {
      exits = [];
    } else {
      exits = [{ key }];
    }
    for (const clause of step.catch ?? []) {
      const handler = sequence(clause.steps);
      if (!handler) continue;
      edge({ key }, handler.entry, `catch ${clause.errors ? clause.errors.join(', ') : 'any error'}`, true);
      exits.push(...handler.exits);
    }
    // A step with `if` may be skipped: the flow goes on past it (a `fail` with `if` too).
    if (step.if !== undefined && step.if !== true && !exits.some((exit) => exit.key === key)) exits.push({ key, label: 'skipped' });
    return { entry: key, exits };
  };

  nodes.push({ key: 'start', title: definition.name, detail: 'start', shape: 'terminal' });
  const body = sequence(definition.steps);
  nodes.push({ key: 'finish', title: 'end', detail: '', shape: 'terminal' });
  if (body) {
    edge({ key: 'start' }, body.entry);
    for (const exit of body.exits) edge(exit, 'finish');
  } else edge({ key: 'start' }, 'finish');
  return { nodes, edges };
}
