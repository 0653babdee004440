/**
 * Real final histories: a flow is run to completion on an in-memory embedded host (test clock that
 * jumps to the next timer when idle, so retry waits cost nothing), then its history is read back.
 * These histories are what the replay benchmark feeds to the SDK handler.
 */
import { LocalDurableHost, TestClock, type CapturedRegistrations, type HistoryEvent } from '../engine/adapters/local/durable';

/** One finished instance: its history and everything needed to replay it. */
export interface FinishedRun {
  orchestration: string;
  instanceId: string;
  /** The orchestration input as the trigger carries it (parsed JSON). */
  input: unknown;
  history: HistoryEvent[];
  /** Instances of the run, parent first (sub-orchestrations follow), with their history lengths. */
  instances: Array<{ id: string; events: number }>;
  output: unknown;
}

/** Runs `orchestration` with `input` to completion on a fresh in-memory host; throws unless it Completed. */
export async function finishedRun(registrations: CapturedRegistrations, orchestration: string, input: unknown, instanceId = 'bench'): Promise<FinishedRun> {
  const host = new LocalDurableHost({ registrations, file: ':memory:', clock: new TestClock({ autoAdvance: true }) });
  await host.start();
  try {
    await host.startNew(orchestration, { instanceId, input });
    const status = await host.waitForCompletion(instanceId, 600_000);
    if (status?.runtimeStatus !== 'Completed') throw new Error(`${orchestration} ended ${status?.runtimeStatus}: ${JSON.stringify(status?.output)}`);
    const history = host.history(instanceId);
    const children = host.list({ top: 10_000 }).instances.filter((s) => s.instanceId !== instanceId);
    const instances = [{ id: instanceId, events: history.length }, ...children.map((s) => ({ id: s.instanceId, events: host.history(s.instanceId).length }))];
    return { orchestration, instanceId, input, history, instances, output: status.output };
  } finally {
    await host.stop();
  }
}

/** The trigger the Durable extension sends for a full replay of `run` (durable-protocol.md §1), as JSON text. */
export function replayTriggerText(run: FinishedRun): string {
  const history = run.history.map((event) => ({ ...event, IsPlayed: true }));
  return JSON.stringify({
    history,
    input: run.input,
    instanceId: run.instanceId,
    parentInstanceId: null,
    isReplaying: true,
    upperSchemaVersion: 1,
    upperSchemaVersionNew: 2,
    maximumShortTimerDuration: '6.00:00:00',
    longRunningTimerIntervalDuration: '3.00:00:00',
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  });
}

/** How many events of each type a history holds, by DTFx name. */
export function eventCounts(history: readonly HistoryEvent[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const event of history) counts[event.EventType] = (counts[event.EventType] ?? 0) + 1;
  return counts;
}
