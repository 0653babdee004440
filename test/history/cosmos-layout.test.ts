import { describe, expect, it } from 'vitest';
import { itemId, MAX_TARGETED_DAYS, runPartitionKey, runPartitionsSince, ttlSeconds, withThrottleRetry } from '../../engine/history/cosmos-layout';

describe('cosmos layout rules', () => {
  it('keys runs by workflow and UTC creation day', () => {
    expect(runPartitionKey('order-intake', '2025-05-01T23:59:59.999Z')).toBe('order-intake|2025-05-01');
  });

  it('lists the day partitions of a short window and gives up on a long one', () => {
    expect(runPartitionsSince('w', '2025-05-01T10:00:00Z', new Date('2025-05-03T01:00:00Z'))).toEqual(['w|2025-05-01', 'w|2025-05-02', 'w|2025-05-03']);
    expect(runPartitionsSince('w', '2025-01-01T00:00:00Z', new Date('2025-05-03T00:00:00Z'))).toBeUndefined();
    const longest = runPartitionsSince('w', '2025-05-01T00:00:00Z', new Date(Date.parse('2025-05-01T00:00:00Z') + (MAX_TARGETED_DAYS - 1) * 86_400_000));
    expect(longest).toHaveLength(MAX_TARGETED_DAYS);
    expect(runPartitionsSince('w', '2025-06-01T00:00:00Z', new Date('2025-05-03T00:00:00Z'))).toBeUndefined(); // since in the future
  });

  it('escapes characters Cosmos forbids in ids, reversibly distinct', () => {
    expect(itemId('run/1', 'a#b', 2)).toBe('run%2f1|a%23b|2');
    expect(itemId('a%2f')).not.toBe(itemId('a/'));
  });

  it('turns retention days into defaultTtl seconds, 0 meaning forever', () => {
    expect(ttlSeconds(30)).toBe(2_592_000);
    expect(ttlSeconds(0)).toBeUndefined();
  });

  it('retries throttled operations a bounded number of times, honouring retry-after', async () => {
    const waits: number[] = [];
    let calls = 0;
    const throttled = () => Object.assign(new Error('Request rate is large'), { code: 429, retryAfterInMs: 7 });
    const sleep = async (ms: number) => void waits.push(ms);
    await expect(withThrottleRetry(async () => (++calls < 3 ? Promise.reject(throttled()) : 'ok'), 3, sleep)).resolves.toBe('ok');
    expect(waits).toEqual([7, 7]);
    calls = 0;
    await expect(withThrottleRetry(async () => (calls++, Promise.reject(throttled())), 3, sleep)).rejects.toMatchObject({ code: 429 });
    expect(calls).toBe(3);
    calls = 0;
    await expect(withThrottleRetry(async () => (calls++, Promise.reject(Object.assign(new Error('x'), { code: 500 }))), 3, sleep)).rejects.toThrow('x');
    expect(calls).toBe(1);
  });
});
