/**
 * The crash test (issue 4 acceptance): 200 runs of a realistic mix of test-only workflows (sequence with a
 * timer; parallel branches, one behind a timer; a bounded forEach) on the embedded runtime, whose process
 * is SIGKILLed at seeded-random moments and started again on the same data folder. Every run must complete
 * exactly once, with every step effect present and none duplicated, as a sink that records the effect key
 * (run id + step path) of every activity execution shows. Runs are started idempotently
 * (`?runId=crash-<n>`) and re-submitted after every kill. Set CRASH_SEED to replay another schedule.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../support/azurite';
import { readSink } from './fixtures/sink';
import { killServing, startServing, stopServing, type ServingProcess } from './fixtures/serving-process';
import { planRuns, seededRandom, type PlannedRun } from './plan';

const SEED = Number(process.env.CRASH_SEED ?? 20_240_611);
const RUNS = 200;
const KILLS = 15;
// Few activities at a time, so that work carries over from one life to the next.
const ACTIVITY_CONCURRENCY = 2;

let azurite: Azurite;
let dir: string;
let serving: ServingProcess | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
  dir = mkdtempSync(join(tmpdir(), 'sluice-crash-e2e-'));
}, 60_000);

afterAll(async () => {
  if (serving) await killServing(serving);
  await azurite?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

/**
 * POSTs runs not yet acknowledged (200 or 202), a few at a time, until the process goes away: first the
 * ones sent before (a kill may have cut them off), then at most `fresh` new ones.
 */
async function submitPending(url: string, runs: PlannedRun[], acknowledged: Set<string>, sent: Set<string>, fresh = Infinity): Promise<void> {
  const retries = runs.filter((run) => sent.has(run.id) && !acknowledged.has(run.id));
  const pending = [...retries, ...runs.filter((run) => !sent.has(run.id)).slice(0, fresh)];
  for (const run of pending) sent.add(run.id);
  const worker = async () => {
    for (let run = pending.shift(); run; run = pending.shift()) {
      let response: Response;
      try {
        response = await fetch(`${url}/api/workflows/${run.workflow}/runs?runId=${run.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(run.input),
        });
        await response.text();
      } catch {
        return; // killed: the next process gets the rest (and this one again)
      }
      if (response.status !== 200 && response.status !== 202) throw new Error(`starting ${run.id} answered ${response.status}`);
      acknowledged.add(run.id);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Waits until every run reports Completed (or one ends otherwise); returns the statuses. */
async function allEnded(url: string, runs: PlannedRun[], timeoutMs: number): Promise<Map<string, any>> {
  const statuses = new Map<string, any>();
  const deadline = Date.now() + timeoutMs;
  while (statuses.size < runs.length) {
    if (Date.now() > deadline) throw new Error(`${runs.length - statuses.size} runs did not end within ${timeoutMs} ms`);
    const open = runs.filter((run) => !statuses.has(run.id));
    for (let i = 0; i < open.length; i += 20) {
      await Promise.all(
        open.slice(i, i + 20).map(async (run) => {
          const status = (await (await fetch(`${url}/api/runs/${run.id}/status`)).json()) as { runtimeStatus?: string };
          if (['Completed', 'Failed', 'Terminated'].includes(status?.runtimeStatus ?? '')) statuses.set(run.id, status);
        }),
      );
    }
    if (statuses.size < runs.length) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return statuses;
}

describe('crash safety of the embedded runtime (SIGKILL at random moments)', () => {
  it(`completes ${RUNS} runs exactly once across ${KILLS} kills, with no lost and no duplicated step effects`, async () => {
    const started = Date.now();
    const random = seededRandom(SEED);
    const runs = planRuns(RUNS, random);
    const dataDir = join(dir, 'data');
    const sinkFile = join(dir, 'effects.sqlite');
    const env = { ...process.env, AzureWebJobsStorage: azurite.connectionString, NODE_NO_WARNINGS: '1' };
    const acknowledged = new Set<string>();
    const sent = new Set<string>();
    // Runs arrive in waves, one per life, so every life has work in flight when it is killed.
    const wave = Math.ceil(RUNS / (KILLS + 1));
    const lives: Array<{ killAfterMs: number; executionsAtKill: number }> = [];

    for (let kill = 0; kill < KILLS; kill++) {
      serving = await startServing(dataDir, sinkFile, env, ACTIVITY_CONCURRENCY);
      const submitting = submitPending(serving.url, runs, acknowledged, sent, wave);
      const killAfterMs = Math.round(100 + random() * 1400);
      await new Promise((resolve) => setTimeout(resolve, killAfterMs)); // the random moment of the kill
      await killServing(serving);
      await submitting;
      lives.push({ killAfterMs, executionsAtKill: safeExecutions(sinkFile) });
    }

    serving = await startServing(dataDir, sinkFile, env, ACTIVITY_CONCURRENCY);
    await submitPending(serving.url, runs, acknowledged, sent);
    expect(acknowledged.size).toBe(RUNS);
    const statuses = await allEnded(serving.url, runs, 90_000);

    for (const run of runs) {
      const status = statuses.get(run.id);
      expect(status?.runtimeStatus, run.id).toBe('Completed');
      expect(status.output, run.id).toEqual(run.output);
      const history = await historyOf(serving.url, run.id);
      // Orchestration decisions exactly once: one completion, one scheduled call per step effect (across
      // the run's sub-orchestrations, e.g. forEach chunks), no failures.
      expect(history.filter((event) => event.EventType === 'ExecutionCompleted' && event.instance === run.id), run.id).toHaveLength(1);
      expect(history.filter((event) => event.EventType === 'TaskCompleted' && event.FunctionName === 'sluice.activity'), run.id).toHaveLength(run.effects.length);
      expect(history.filter((event) => event.EventType === 'TaskFailed'), run.id).toEqual([]);
      const record = (await (await fetch(`${serving.url}/api/runs/${run.id}`)).json()) as { status: string };
      expect(record.status, run.id).toBe('Completed');
    }
    await stopServing(serving);
    serving = undefined;

    const sink = readSink(sinkFile);
    for (const run of runs) expect(sink.effects.get(run.id) ?? [], run.id).toEqual([...run.effects].sort());
    expect([...sink.effects.keys()].filter((id) => !runs.some((run) => run.id === id))).toEqual([]);
    expect(sink.repeatedInOneProcess).toEqual([]);
    const keys = runs.reduce((sum, run) => sum + run.effects.length, 0);
    const reExecuted = sink.executions - keys;
    const interrupted = lives.filter((life, i) => i === 0 || life.executionsAtKill > lives[i - 1].executionsAtKill).length;
    // The kills must land while there is work: most lives executed activities before being killed.
    expect(interrupted).toBeGreaterThanOrEqual(KILLS / 2);
    // Some kills landed between an effect and the commit of its result: the at-least-once path was taken.
    expect(reExecuted).toBeGreaterThan(0);
    console.log(
      `crash test (seed ${SEED}): ${RUNS} runs, ${KILLS} kills (${interrupted} with activities executed in that life), ` +
        `${keys} step effects, ${sink.executions} activity executions, ${reExecuted} re-executed activities, ` +
        `0 lost, 0 duplicated, ${((Date.now() - started) / 1000).toFixed(1)} s wall time`,
    );
  }, 240_000);
});

type HistoryView = { EventType: string; FunctionName?: string; InstanceId?: string; instance: string };

/** The condensed history of a run and of its sub-orchestrations, recursively. */
async function historyOf(url: string, instanceId: string): Promise<HistoryView[]> {
  const status = (await (await fetch(`${url}/runtime/webhooks/durabletask/instances/${encodeURIComponent(instanceId)}?showHistory=true`)).json()) as { historyEvents: unknown[] };
  const events = (status.historyEvents as Array<Omit<HistoryView, 'instance'>>).map((event) => ({ ...event, instance: instanceId }));
  const children = events.filter((event) => event.EventType === 'SubOrchestrationInstanceCreated' && event.InstanceId);
  for (const child of children) events.push(...(await historyOf(url, child.InstanceId!)));
  return events;
}

/** The sink's execution count, or 0 before the first activity created it. */
function safeExecutions(file: string): number {
  try {
    return readSink(file).executions;
  } catch {
    return 0;
  }
}
