/**
 * The benchmark harness works: every item of `npm run bench` runs at tiny sizes and yields numbers,
 * with consistent event counts. Speed is never asserted here (it lives in bench/results.json).
 */
import { describe as suite, expect, it } from 'vitest';
import { runSuite } from '../../bench/suite';
import { SIZES } from '../../bench/sizes';
import type { Figure } from '../../bench/figure';

suite('bench harness at tiny sizes', () => {
  it('measures every item of issue 7 with numbers and consistent history counts', async () => {
    const figures = await runSuite(SIZES.tiny);
    const unmeasured = figures.filter((f) => f.value === null).map((f) => `${f.name}: ${f.note}`);
    expect(unmeasured).toEqual([]);
    expect(new Set(figures.map((f) => f.item))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]));
    for (const f of figures) expect(Number.isFinite(f.value), f.name).toBe(true);

    const named = (prefix: string): Figure => figures.find((f) => f.name.startsWith(prefix))!;
    // The same flow yields the same history as a workflow and hand-written; recording adds two activities.
    expect(named('history events per run').value).toBe(1);
    expect(named('extra events per recorded run').value).toBe(8);
    const replays = figures.filter((f) => f.name.startsWith('replay CPU'));
    for (const f of replays) {
      const detail = f.detail as { yamlEvents: number; handEvents: number; sameHistory: boolean };
      expect(detail.yamlEvents, f.name).toBe(detail.handEvents);
      // Issue 7 compares the two fed the same histories: the goal-bearing pairs must really be identical.
      if (f.goal) expect(detail.sameHistory, f.name).toBe(true);
    }
    expect(replays.filter((f) => f.goal)).toHaveLength(3);
    const throughput = named('embedded throughput').detail as { yaml: { runs: number; events: number }; handWritten: { events: number } };
    expect(throughput.yaml.events).toBe(throughput.handWritten.events);
    expect(throughput.yaml.events).toBe(throughput.yaml.runs * 24);
    // 25 items in chunks of 10: split into child instances, none holding the whole run's events.
    const largest = named('forEach over 25: max history events per instance').value!;
    const fanOut = named('forEach over 25 no-op items').detail as { instances: number; totalEvents: number };
    expect(fanOut.instances).toBeGreaterThan(1);
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(fanOut.totalEvents);
    expect(named('HTTP start: accepted runs persisted and recorded').value).toBe(1);
    // Issue 22: parked runs all complete; every run started over HTTP completes with its own event.
    expect(named('parked runs: raised').value).toBe(1);
    expect(named('HTTP starts and raises: runs completed').value).toBe(1);
    expect(named('stored per finished one-step run').value).toBeGreaterThan(0);
  }, 300_000);
});
