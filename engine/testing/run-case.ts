/**
 * Runs one case on the production code path: the real `sluice` orchestrator, registered on the real
 * durable-functions SDK and executed by the embedded Durable host (in-memory SQLite), with the case's
 * mocks as the activities and virtual time as the clock. Only the activities and the clock are stand-ins.
 */
import { randomBytes } from 'node:crypto';
import * as df from 'durable-functions';
import { checkInput } from '../definition/input-check';
import { captureRegistrations, LocalDurableHost } from '../adapters/local/durable';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import type { RunFinishedInput, RunStartedInput } from '../history/recording';
import { ORCHESTRATOR_NAME, registerOrchestrator } from '../orchestrator';
import { compilePlan } from '../plan/compile';
import { definitionHash } from '../plan/hash';
import type { Plan } from '../plan/model';
import { runInputOf } from '../plan/run-input';
import { definitionTrust } from '../plan/trust';
import type { TestCase } from './format';
import { caseActivities, CaseLog, SUB_WORKFLOW_STAND_IN } from './mock-activities';
import { joinPath, matchesRunPath, staticPathOf } from './paths';
import { CASE_START, VirtualTime, type DriveEnd } from './virtual-time';

/** A run record as the run-record activities received it: the header and the ending, merged. */
export type RunRecord = Partial<RunStartedInput> & Partial<RunFinishedInput>;

/** What a case's run did. */
export interface CaseRun {
  runId: string;
  /** The run's status; `Running` when it still waits and nothing more can happen in the case. */
  status: string;
  output: unknown;
  error?: { name: string; message: string; step?: string | null };
  record?: RunRecord;
  /** Run records of the real sub-workflow runs, by their `workflow` step's run path. */
  childRecords: Map<string, RunRecord>;
  log: CaseLog;
  /** The plan of the workflow under test and of each real sub-workflow, by run path prefix. */
  plans: Map<string, Plan>;
  /** Why the case could not run as written (unknown workflow, an input the schema refuses, a stall). */
  problems: string[];
  end: DriveEnd | 'notStarted';
  /** Wall time of the run, ms. */
  wallMs: number;
}

/** Where a case finds workflows: the one under test and those it calls. */
export interface CaseWorkflows {
  definition: WorkflowDefinition;
  named(name: string): WorkflowDefinition | undefined;
}

// One key per process: the case's runs are signed and checked by the same app, as in production.
const trust = definitionTrust({ keys: [`sluice-test-${randomBytes(24).toString('hex')}`] });
/** Virtual time a case may cover before it is stopped (a workflow waiting on timers forever). */
const VIRTUAL_LIMIT_MS = 400 * 86_400_000;
/** Wall time a case may take. */
const WALL_LIMIT_MS = 60_000;

/** Runs one case; `index` makes its run id (`<workflow>-case-<n>`). */
export async function runCase(testCase: TestCase, workflows: CaseWorkflows, index: number): Promise<CaseRun> {
  const started = performance.now();
  const { definition } = workflows;
  const runId = `${definition.name}-case-${index + 1}`;
  const log = new CaseLog();
  const plans = new Map<string, Plan>();
  const result: CaseRun = { runId, status: 'NotStarted', output: null, childRecords: new Map(), log, plans, problems: [], end: 'notStarted', wallMs: 0 };

  const stubbed = new Set<string>();
  try {
    collectPlans(definition, '', workflows, testCase, plans, stubbed);
  } catch (error) {
    result.problems.push((error as Error).message);
    return result;
  }
  const inputProblems = checkInput(definitionHash(definition), definition.input, testCase.input);
  if (inputProblems.length > 0) {
    result.problems.push(`the case input does not match the workflow's input schema: ${inputProblems.map((p) => `input${p.path === '/' ? '' : p.path} ${p.message}`).join('; ')}`);
    return result;
  }

  const time = new VirtualTime();
  const handlers = caseActivities(runId, testCase.mocks, stubbed, time, log);
  const registrations = captureRegistrations(() => {
    registerOrchestrator(df, { trust });
    for (const [name, handler] of Object.entries(handlers)) df.app.activity(name, { handler: (input: unknown) => handler(input) });
  });
  const host = new LocalDurableHost({ registrations, file: ':memory:', clock: time.clock, activityConcurrency: 100_000 });
  await host.start();
  try {
    const input = runInputOf({
      definition,
      input: testCase.input,
      trigger: { kind: 'api', source: 'sluice test' },
      sign: trust.sign,
      workflowNamed: (name) => (stubbed.has(name) ? standIn(name) : workflows.named(name)),
    });
    let finished = false;
    host.on('completed', (notice: { instanceId: string }) => {
      if (notice.instanceId === runId) finished = true;
    });
    await host.startNew(ORCHESTRATOR_NAME, { instanceId: runId, input });
    for (const event of testCase.events) {
      time.at(CASE_START + event.afterMs, () => {
        host.raiseEvent(runId, event.name, event.payload).catch(() => undefined); // the run may have ended
      });
    }
    let wallTimer: NodeJS.Timeout | undefined;
    const wall = new Promise<'wallLimit'>((resolve) => (wallTimer = setTimeout(() => resolve('wallLimit'), WALL_LIMIT_MS)));
    const end = await Promise.race([time.drive(host, () => finished, VIRTUAL_LIMIT_MS), wall]);
    clearTimeout(wallTimer);
    result.end = end === 'wallLimit' ? 'timeLimit' : end;
    if (end === 'wallLimit') result.problems.push(`the case did not finish within ${WALL_LIMIT_MS / 1000} s of wall time`);
    if (end === 'timeLimit') result.problems.push(`the run still runs after ${VIRTUAL_LIMIT_MS / 86_400_000} days of virtual time`);
    const status = host.getStatus(runId);
    const finishedRecord = log.finished.get(runId);
    result.status = end === 'finished' ? (finishedRecord?.status ?? status?.runtimeStatus ?? 'Unknown') : 'Running';
    result.output = status?.runtimeStatus === 'Completed' ? (status.output ?? null) : null;
    if (finishedRecord?.error) result.error = finishedRecord.error as CaseRun['error'];
    else if (status?.runtimeStatus === 'Failed') result.error = { name: 'Error', message: String(status.output ?? 'the run failed') };
    if (log.started.has(runId)) result.record = { ...log.started.get(runId), ...finishedRecord };
    for (const [id, header] of log.started) {
      if (id === runId || !header.parentRunId) continue;
      const prefix = id.slice(runId.length + 1).split(':').filter((_, i) => i % 2 === 0).join('.');
      result.childRecords.set(prefix, { ...header, ...log.finished.get(id) });
    }
  } finally {
    await host.stop();
    result.wallMs = performance.now() - started;
  }
  return result;
}

// The plans of the workflow and of the real sub-workflows it reaches, by run path prefix (static), and
// the names of the sub-workflows a mock stands in for.
function collectPlans(definition: WorkflowDefinition, prefix: string, workflows: CaseWorkflows, testCase: TestCase, plans: Map<string, Plan>, stubbed: Set<string>): void {
  const plan = compilePlan(definition);
  plans.set(prefix, plan);
  for (const step of plan.byPath.values()) {
    if (step.kind !== 'workflow') continue;
    const path = joinPath(prefix, step.path);
    const name = (step.body as { name: string }).name;
    if (testCase.mocks.some((mock) => matchesRunPath(staticPathOf(mock.path), path))) {
      stubbed.add(name);
      continue;
    }
    if (plans.has(path) || prefix.split('.').length > 8) continue; // a workflow calling itself
    const called = workflows.named(name);
    if (!called) throw new Error(`step \`${path}\` calls workflow \`${name}\`, which is not in the project: mock \`${path}\` or add the workflow`);
    collectPlans(called, path, workflows, testCase, plans, stubbed);
  }
}

// A mocked sub-workflow: one step whose call the case's mock of the `workflow` step answers.
function standIn(name: string): WorkflowDefinition {
  return {
    name,
    steps: [{ id: 'mocked', activity: SUB_WORKFLOW_STAND_IN, input: '${{ input }}' as never }],
    output: '${{ steps.mocked.output }}' as never,
  };
}
