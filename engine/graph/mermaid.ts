/**
 * A workflow as a Mermaid flowchart (renders in GitHub and Azure DevOps markdown): sequences as arrows,
 * parallel as fork and join, forEach as a loop, switch as a decision, catch as dashed paths. Given step
 * statuses (from a run's history), nodes are coloured by status.
 */
import type { Step, WorkflowDefinition } from '../definition/workflow.generated';
import { kindOf } from '../definition/walk';
import { brief, escapeLabel, stepDetail } from './labels';

/** A step's state in a run, for colouring. */
export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'caught' | 'skipped' | 'degraded';

/** Options for the graph. */
export interface GraphOptions {
  /** Statuses by step id; steps without one are drawn plain. */
  statuses?: Readonly<Record<string, StepStatus>>;
  direction?: 'TD' | 'LR';
}

interface Exit {
  node: string;
  label?: string;
}

interface Fragment {
  entry: string;
  exits: Exit[];
}

const statusStyles: Record<StepStatus, string> = {
  succeeded: 'fill:#dcfce7,stroke:#16a34a',
  failed: 'fill:#fee2e2,stroke:#dc2626',
  caught: 'fill:#ffedd5,stroke:#ea580c',
  degraded: 'fill:#fef9c3,stroke:#ca8a04',
  running: 'fill:#dbeafe,stroke:#2563eb',
  skipped: 'fill:#f3f4f6,stroke:#9ca3af,stroke-dasharray:4',
  pending: 'fill:#ffffff,stroke:#9ca3af',
};

/** Builds the Mermaid source of a workflow's flowchart. */
export function workflowGraph(definition: WorkflowDefinition, options: GraphOptions = {}): string {
  const lines: string[] = [`flowchart ${options.direction ?? 'TD'}`];
  const drawn = new Set<string>();
  const node = (id: string, shape: string) => (drawn.add(id), lines.push(`  ${id}${shape}`));
  const edge = (from: Exit, to: string, label?: string, dashed = false) => {
    const text = label ?? from.label;
    const arrow = dashed ? '-.->' : '-->';
    lines.push(`  ${from.node} ${arrow}${text ? `|"${escapeLabel(text)}"|` : ''} ${to}`);
  };

  const sequence = (steps: readonly Step[]): Fragment | undefined => {
    let first: Fragment | undefined;
    let exits: Exit[] = [];
    for (const step of steps) {
      const fragment = render(step);
      if (!first) first = fragment;
      else for (const exit of exits) edge(exit, fragment.entry);
      exits = fragment.exits;
    }
    return first ? { entry: first.entry, exits } : undefined;
  };

  const render = (step: Step): Fragment => {
    const id = `s_${step.id}`;
    const condition = step.if !== undefined ? ` · if ${brief(String(step.if), 30)}` : '';
    const title = escapeLabel(`${step.name ?? step.id}${condition}`);
    const kind = kindOf(step);
    let fragment: Fragment;
    if (kind === 'parallel') {
      node(id, `{{"${title} · parallel"}}`);
      const join = `${id}_join`;
      node(join, '(("all done"))');
      for (const child of step.parallel ?? []) {
        const inner = render(child);
        edge({ node: id }, inner.entry);
        for (const exit of inner.exits) edge(exit, join);
      }
      fragment = { entry: id, exits: [{ node: join }] };
    } else if (kind === 'forEach') {
      const each = step.forEach!;
      const bound = each.concurrency ? `, ${each.concurrency} at a time` : '';
      node(id, `[["${title} · for each ${escapeLabel(each.as ?? 'item')} in ${escapeLabel(brief(String(typeof each.items === 'string' ? each.items : 'list')))}${bound}"]]`);
      const body = sequence(each.steps);
      if (body) {
        edge({ node: id }, body.entry, 'each item');
        for (const exit of body.exits) edge(exit, id, 'next', true);
      }
      fragment = { entry: id, exits: [{ node: id, label: 'done' }] };
    } else if (kind === 'switch') {
      node(id, `{"${title} · switch"}`);
      const exits: Exit[] = [];
      for (const item of step.switch?.cases ?? []) {
        const branch = sequence(item.steps);
        const label = `when ${brief(String(item.when), 60)}`;
        if (branch) {
          edge({ node: id }, branch.entry, label);
          exits.push(...branch.exits);
        } else {
          exits.push({ node: id, label });
        }
      }
      const otherwise = sequence(step.switch?.default ?? []);
      if (otherwise) {
        edge({ node: id }, otherwise.entry, 'default');
        exits.push(...otherwise.exits);
      } else {
        exits.push({ node: id, label: 'no match' });
      }
      fragment = { entry: id, exits };
    } else if (kind === 'steps') {
      lines.push(`  subgraph ${id}_group ["${title}"]`);
      const inner = sequence(step.steps ?? []);
      lines.push('  end');
      fragment = inner ?? { entry: id, exits: [{ node: id }] };
      if (!inner) node(id, `["${title}"]`);
    } else if (kind === 'fail') {
      node(id, `>"${title} · ${escapeLabel(stepDetail(step))}"]`);
      fragment = { entry: id, exits: [] };
    } else {
      node(id, `["${title}<br/>${escapeLabel(stepDetail(step))}"]`);
      fragment = { entry: id, exits: [{ node: id }] };
    }
    for (const clause of step.catch ?? []) {
      const handler = sequence(clause.steps);
      const label = `catch ${clause.errors ? clause.errors.join(', ') : 'any error'}`;
      if (handler) {
        edge({ node: id }, handler.entry, label, true);
        fragment.exits.push(...handler.exits);
      }
    }
    return fragment;
  };

  node('start', `(["${escapeLabel(definition.name)}"])`);
  const body = sequence(definition.steps ?? []);
  node('finish', '(["end"])');
  if (body) {
    edge({ node: 'start' }, body.entry);
    for (const exit of body.exits) edge(exit, 'finish');
  } else {
    edge({ node: 'start' }, 'finish');
  }
  lines.push(...statusClasses(options.statuses, drawn));
  return lines.join('\n') + '\n';
}

// Only nodes the graph has get a class: a status for anything else (`$deadLetter`, a step of another
// version of the workflow) would make Mermaid invent a bare node of that name.
function statusClasses(statuses: GraphOptions['statuses'], drawn: ReadonlySet<string>): string[] {
  if (!statuses) return [];
  const lines: string[] = [];
  const byStatus = new Map<StepStatus, string[]>();
  for (const [id, status] of Object.entries(statuses)) {
    if (!statusStyles[status] || !drawn.has(`s_${id}`)) continue;
    byStatus.set(status, [...(byStatus.get(status) ?? []), `s_${id}`]);
  }
  for (const [status, ids] of byStatus) {
    lines.push(`  classDef ${status} ${statusStyles[status]}`);
    lines.push(`  class ${ids.join(',')} ${status}`);
  }
  return lines;
}
