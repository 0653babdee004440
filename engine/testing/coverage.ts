/**
 * Coverage of workflows by their cases: which steps ran and which branches were taken (each `switch`
 * case and its default, both sides of an `if`, each `catch` clause), per workflow, over every case that
 * ran it (as the workflow under test or as a real sub-workflow). Inside forEach iterations a step is seen
 * through its activity calls and its failures (see observe.ts), so a non-I/O step there may be missed.
 */
import type { Plan, PlanStep } from '../plan/model';
import { observedSteps } from './observe';
import { joinPath, staticPathOf } from './paths';

const SEQUENCES = new Set(['forEach', 'steps', 'parallel']);
import type { CaseRun } from './run-case';

/** One branch of a step. */
export interface Branch {
  step: string;
  /** `case[0]`, `default`, `then`, `else`, `catch[1]`. */
  branch: string;
}

/** The coverage of one workflow. */
export interface WorkflowCoverage {
  workflow: string;
  file?: string;
  steps: { total: number; covered: number; uncovered: string[] };
  branches: { total: number; covered: number; uncovered: Branch[] };
}

/** Collects what the cases exercised, per workflow. */
export class CoverageCollector {
  private readonly plans = new Map<string, Plan>();
  private readonly files = new Map<string, string>();
  private readonly ran = new Map<string, Set<string>>();
  private readonly taken = new Map<string, Set<string>>();

  /** Declares a workflow to report on (every workflow of the project, so an untested one shows). */
  declare(plan: Plan, file?: string): void {
    if (!this.plans.has(plan.name)) this.plans.set(plan.name, plan);
    if (file) this.files.set(plan.name, file);
  }

  /** Adds what one case's run exercised. */
  add(run: CaseRun): void {
    const seen = observedSteps(run);
    for (const [prefix, plan] of run.plans) {
      this.declare(plan);
      const ran = this.setOf(this.ran, plan.name);
      const taken = this.setOf(this.taken, plan.name);
      for (const step of seen.values()) {
        const path = staticPathOf(step.path);
        if (prefix !== '' && !path.startsWith(`${prefix}.`)) continue;
        const own = prefix === '' ? path : path.slice(prefix.length + 1);
        if (!plan.byPath.has(own)) continue;
        // A step that ran means its enclosing steps ran too.
        for (let at = own; at; at = parentOf(at)) if (plan.byPath.has(at)) ran.add(at);
        const planStep = plan.byPath.get(own)!;
        if (planStep.when !== undefined) taken.add(key(own, step.status === 'Skipped' ? 'else' : 'then'));
        if (step.status === 'Caught') taken.add(key(own, `catch[${step.clause ?? 0}]`));
      }
      // Inside iterations completed non-I/O steps leave no trace; a sequence that completed with some of
      // its steps seen ran its unconditional steps too (in order, none skipped), so they count as run.
      const completed = new Set([...seen.values()].filter((step) => step.status === 'Completed').map((step) => staticPathOf(step.path)));
      for (const step of plan.byPath.values()) {
        if (!SEQUENCES.has(step.kind) || !completed.has(joinPath(prefix, step.path)) || !ran.has(step.path)) continue;
        const children = [...plan.byPath.values()].filter((child) => parentOf(child.path) === step.path && !child.path.includes('.catch['));
        if (!children.some((child) => ran.has(child.path))) continue;
        for (const child of children) if (child.when === undefined) ran.add(child.path);
      }
      for (const path of [...ran]) {
        const catchAt = /^(.*)\.catch\[(\d+)\](?:\.|$)/.exec(path);
        if (catchAt) taken.add(key(catchAt[1], `catch[${catchAt[2]}]`));
      }
      for (const step of plan.byPath.values()) {
        if (step.kind !== 'switch' || !ran.has(step.path)) continue;
        const branches = branchesOf(step);
        const hit = branches.map(({ steps }) => steps.some((child) => ran.has(child.path)));
        branches.forEach(({ branch, steps }, i) => {
          // A switch without a default (or an empty one) took it when none of its cases ran.
          if (hit[i] || (branch === 'default' && steps.length === 0 && !hit.some(Boolean))) taken.add(key(step.path, branch));
        });
      }
    }
  }

  /** The coverage of every declared workflow, by name. */
  report(): WorkflowCoverage[] {
    return [...this.plans.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((plan) => {
        const ran = this.ran.get(plan.name) ?? new Set<string>();
        const taken = this.taken.get(plan.name) ?? new Set<string>();
        const steps = [...plan.byPath.keys()];
        const branches = allBranches(plan);
        const uncoveredBranches = branches.filter((b) => !taken.has(key(b.step, b.branch)));
        return {
          workflow: plan.name,
          ...(this.files.has(plan.name) ? { file: this.files.get(plan.name) } : {}),
          steps: { total: steps.length, covered: steps.length - steps.filter((s) => !ran.has(s)).length, uncovered: steps.filter((s) => !ran.has(s)) },
          branches: { total: branches.length, covered: branches.length - uncoveredBranches.length, uncovered: uncoveredBranches },
        };
      });
  }

  private setOf(map: Map<string, Set<string>>, name: string): Set<string> {
    let set = map.get(name);
    if (!set) map.set(name, (set = new Set()));
    return set;
  }
}

function allBranches(plan: Plan): Branch[] {
  const branches: Branch[] = [];
  for (const step of plan.byPath.values()) {
    if (step.kind === 'switch') for (const { branch } of branchesOf(step)) branches.push({ step: step.path, branch });
    if (step.when !== undefined) branches.push({ step: step.path, branch: 'then' }, { step: step.path, branch: 'else' });
    step.catch?.forEach((_, i) => branches.push({ step: step.path, branch: `catch[${i}]` }));
  }
  return branches;
}

function branchesOf(step: PlanStep): Array<{ branch: string; steps: readonly PlanStep[] }> {
  const body = step.body as { cases: ReadonlyArray<{ steps: readonly PlanStep[] }>; default?: readonly PlanStep[] };
  return [...body.cases.map((c, i) => ({ branch: `case[${i}]`, steps: c.steps })), { branch: 'default', steps: body.default ?? [] }];
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('.');
  if (at < 0) return '';
  const parent = path.slice(0, at);
  return parent.replace(/\.catch\[\d+\]$/, '');
}

function key(step: string, branch: string): string {
  return `${step}\u0000${branch}`;
}

/** Coverage as text: one line per workflow, then what no case exercised. */
export function formatCoverage(coverage: readonly WorkflowCoverage[]): string {
  const lines = ['coverage:'];
  for (const workflow of coverage) {
    const percent = (covered: number, total: number) => (total === 0 ? '100%' : `${Math.round((covered / total) * 100)}%`);
    lines.push(
      `  ${workflow.workflow}${workflow.file ? ` (${workflow.file})` : ''}: steps ${workflow.steps.covered}/${workflow.steps.total} (${percent(workflow.steps.covered, workflow.steps.total)}), ` +
        `branches ${workflow.branches.covered}/${workflow.branches.total} (${percent(workflow.branches.covered, workflow.branches.total)})`,
    );
    if (workflow.steps.uncovered.length > 0) lines.push(`    steps no case ran: ${workflow.steps.uncovered.join(', ')}`);
    if (workflow.branches.uncovered.length > 0) lines.push(`    branches no case took: ${workflow.branches.uncovered.map((b) => `${b.step} ${b.branch}`).join(', ')}`);
  }
  return lines.join('\n');
}
