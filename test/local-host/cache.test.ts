/**
 * Parked instances beyond the host's cache of runs (`cacheRuns`, SLUICE_HOST_CACHE_RUNS) live on disk:
 * idle ones drop their history from memory and load it before their next episode. Runs parked on an
 * event with a timeout, across a restart with a cache much smaller than their number, all complete,
 * by their event or by their timeout; none is lost and no activity runs twice.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDurableHost, captureRegistrations, TestClock } from '../../engine/adapters/local/durable';

const effects: string[] = [];
const registrations = captureRegistrations(() => {
  df.app.orchestration('parkedApproval', function* (context: OrchestrationContext) {
    const { order } = context.df.getInput() as { order: number };
    const prepared = yield context.df.callActivity('effect', `${order}:prepared`);
    const timer = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3600_000));
    const decision = context.df.waitForExternalEvent('decided');
    const winner = yield context.df.Task.any([decision, timer]);
    if (winner === decision) timer.cancel();
    const outcome = winner === decision ? `approved=${(decision.result as { approved: boolean }).approved}` : 'timedOut';
    const done = yield context.df.callActivity('effect', `${order}:${outcome}`);
    return { order, prepared, done };
  });
  df.app.activity('effect', {
    handler: (what: string) => {
      effects.push(what);
      return what;
    },
  });
});

const dir = mkdtempSync(join(tmpdir(), 'sluice-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const START = Date.parse('2026-03-01T00:00:00Z');
const RUNS = 60;
const CACHE = 4;

async function settled(host: LocalDurableHost): Promise<void> {
  while (!host.quiet || !host.runner.idle) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the host cache of runs', () => {
  it('parks more runs than it caches, restarts, and completes them all by events and timeouts, each effect once', async () => {
    const first = new LocalDurableHost({ registrations, dataDir: dir, cacheRuns: CACHE, clock: new TestClock({ start: START }) });
    await first.start();
    const ids = await Promise.all(Array.from({ length: RUNS }, (_, order) => first.startNew('parkedApproval', { instanceId: `run-${order}`, input: { order } })));
    while (effects.filter((e) => e.endsWith(':prepared')).length < RUNS) await new Promise((resolve) => setTimeout(resolve, 5));
    await settled(first);
    expect(first.warmed.size).toBeLessThanOrEqual(CACHE);
    expect([...first.live.values()].filter((live) => live.cold).length).toBeGreaterThanOrEqual(RUNS - CACHE);
    // A cold instance still answers status and history from the store.
    const cold = [...first.live.values()].find((live) => live.cold)!;
    expect(first.getStatus(cold.row.id, { showInput: true })).toMatchObject({ runtimeStatus: 'Running', input: { order: Number(cold.row.id.slice(4)) } });
    expect(first.history(cold.row.id).length).toBeGreaterThan(5);
    // Some decisions arrive before the restart (loaded on demand), the rest after it.
    for (const id of ids.slice(0, 10)) await first.raiseEvent(id, 'decided', { approved: true });
    await Promise.all(ids.slice(0, 10).map((id) => first.waitForCompletion(id, 10_000)));
    await first.stop();

    const clock = new TestClock({ start: START + 60_000 });
    const second = new LocalDurableHost({ registrations, dataDir: dir, cacheRuns: CACHE, clock });
    await second.start();
    expect([...second.live.values()].every((live) => live.cold)).toBe(true);
    const byEvent = ids.slice(10, 40);
    for (const [i, id] of byEvent.entries()) await second.raiseEvent(id, 'decided', { approved: i % 2 === 0 });
    await Promise.all(byEvent.map((id) => second.waitForCompletion(id, 10_000)));
    await settled(second);
    expect(second.warmed.size).toBeLessThanOrEqual(CACHE);
    clock.advance(2 * 3600_000); // the other 20 time out
    const ends = await Promise.all(ids.map((id) => second.waitForCompletion(id, 10_000)));
    expect(ends.map((status) => status?.runtimeStatus)).toEqual(ids.map(() => 'Completed'));
    ends.forEach((status, order) => {
      const expected = order < 10 ? 'approved=true' : order < 40 ? `approved=${(order - 10) % 2 === 0}` : 'timedOut';
      expect(status?.output).toEqual({ order, prepared: `${order}:prepared`, done: `${order}:${expected}` });
    });
    // Every effect exactly once (no restart happened mid-activity here, so at-least-once means once).
    expect(effects.length).toBe(RUNS * 2);
    expect(new Set(effects).size).toBe(RUNS * 2);
    expect(second.live.size).toBe(0);
    expect(second.warmed.size).toBe(0);
    await second.stop();
  });
});
