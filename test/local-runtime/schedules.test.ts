import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../engine/adapters/local/durable/clock';
import type { CapturedFunction } from '../../engine/adapters/local/durable/registrations';
import { nextOccurrence, ScheduleRunner } from '../../engine/adapters/local/functions/schedules';
import { SluiceRuntime } from '../../engine/adapters/local/runtime';

describe('NCRONTAB schedules on the embedded runtime', () => {
  it.each([
    ['0 */5 * * * *', '2026-01-01T00:01:00Z', '2026-01-01T00:05:00Z'],
    ['0 0 2 * * *', '2026-01-01T03:00:00Z', '2026-01-02T02:00:00Z'],
    ['30 0 9 * * 1-5', '2026-01-02T10:00:00Z', '2026-01-05T09:00:30Z'], // Friday after 9: next is Monday
  ])('%s after %s is %s (UTC)', (cron, after, next) => {
    expect(new Date(nextOccurrence(cron, Date.parse(after))).toISOString()).toBe(new Date(next).toISOString());
  });

  it('fires a timer function at each occurrence of its schedule on the runtime clock, with the host Timer argument', async () => {
    const clock = new TestClock({ start: Date.parse('2026-01-01T00:00:30Z') });
    const fired: Array<{ timer: { isPastDue: boolean; scheduleStatus: { last: string; next: string } }; scheduledTime: unknown }> = [];
    const fn: CapturedFunction = {
      name: 'schedule-demo-0',
      trigger: { type: 'timerTrigger' },
      options: { schedule: '0 */5 * * * *' },
      handler: async (timer: never, context: { triggerMetadata?: Record<string, unknown> }) => {
        fired.push({ timer, scheduledTime: context.triggerMetadata?.scheduledTime });
      },
    };
    const runner = new ScheduleRunner([fn], clock, () => undefined);
    runner.start();
    clock.advanceTo(Date.parse('2026-01-01T00:04:59Z'));
    expect(fired).toHaveLength(0);
    clock.advanceTo(Date.parse('2026-01-01T00:05:00Z'));
    clock.advanceTo(Date.parse('2026-01-01T00:10:00Z'));
    await Promise.resolve();
    expect(fired.map((call) => call.scheduledTime)).toEqual(['2026-01-01T00:05:00.000Z', '2026-01-01T00:10:00.000Z']);
    expect(fired[0].timer).toMatchObject({ isPastDue: false, scheduleStatus: { last: '2026-01-01T00:05:00.000Z', next: '2026-01-01T00:10:00.000Z' } });
    runner.stop();
    clock.advanceTo(Date.parse('2026-01-01T00:20:00Z'));
    expect(fired).toHaveLength(2);
  });
});

describe('a schedule trigger on the embedded runtime', () => {
  it('starts one run per occurrence with the schedule input, idempotently per occurrence', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sluice-schedule-'));
    mkdirSync(join(root, 'workflows'));
    writeFileSync(join(root, 'package.json'), '{"name":"schedule-fixture"}');
    writeFileSync(
      join(root, 'workflows', 'nightly.yaml'),
      'name: nightly\ntriggers:\n  schedule: { cron: "0 0 2 * * *", input: { source: timer } }\nsteps:\n  - id: echo\n    set: { from: "${{ input.source }}" }\n',
    );
    const clock = new TestClock({ start: Date.parse('2026-03-01T01:59:00Z'), autoAdvance: false });
    const runtime = await new SluiceRuntime({ root, port: 0, dataDir: join(root, '.sluice'), durableFile: ':memory:', clock, log: () => undefined }).start();
    try {
      clock.advanceTo(Date.parse('2026-03-01T02:00:00Z'));
      const runId = 'nightly-s0-20260301T020000000Z';
      let status: { runtimeStatus?: string; output?: unknown } | undefined;
      for (let i = 0; i < 100 && status?.runtimeStatus !== 'Completed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = runtime.host.getStatus(runId, { showInput: false }) as typeof status;
      }
      expect(status).toMatchObject({ runtimeStatus: 'Completed', output: { from: 'timer' } });
      expect(runtime.host.list({}).instances.filter((instance: { instanceId: string }) => instance.instanceId.startsWith('nightly-'))).toHaveLength(1);
    } finally {
      await runtime.stop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
