/** The wall clock's one timeout over a heap of calls: order, cancellation, compaction. */
import { describe, expect, it } from 'vitest';
import { WallClock } from '../../engine/adapters/local/durable';

describe('WallClock', () => {
  it('fires calls in time order, never a cancelled one, and arms earlier calls scheduled later', async () => {
    const clock = new WallClock();
    const fired: string[] = [];
    const now = Date.now();
    clock.schedule(now + 60, () => fired.push('c'));
    const cancel = clock.schedule(now + 20, () => fired.push('cancelled'));
    clock.schedule(now + 40, () => fired.push('b'));
    clock.schedule(now + 10, () => fired.push('a'));
    clock.schedule(now - 5, () => fired.push('due'));
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(fired).toEqual(['due', 'a', 'b', 'c']);
  });

  it('survives many cancellations (compaction) and still fires the rest', async () => {
    const clock = new WallClock();
    const fired: number[] = [];
    const now = Date.now();
    const cancels = Array.from({ length: 5000 }, (_, i) => clock.schedule(now + 3_600_000 + i, () => fired.push(-i)));
    for (const i of [3, 1, 2]) clock.schedule(now + i * 10, () => fired.push(i));
    cancels.forEach((cancel) => cancel());
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fired).toEqual([1, 2, 3]);
  });
});
