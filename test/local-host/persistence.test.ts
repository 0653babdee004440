import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDurableHost, captureRegistrations, EventType } from '../../engine/adapters/local/durable';
import { probe, registerTestApp } from './fixtures/app';

const registrations = captureRegistrations(registerTestApp);
const dir = mkdtempSync(join(tmpdir(), 'sluice-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalDurableHost persistence', () => {
  it('resumes a run after the host closes mid-activity and re-runs the unrecorded activity', async () => {
    let releaseFirstHost!: () => void;
    probe.release = new Promise((resolve) => (releaseFirstHost = () => resolve(undefined)));
    probe.blockStarted = 0;
    probe.effects.length = 0;
    const first = new LocalDurableHost({ registrations, dataDir: dir });
    await first.start();
    const id = await first.startNew('blocking', { instanceId: 'persist-1' });
    while (probe.blockStarted === 0) await new Promise((r) => setTimeout(r, 5));
    await first.stop();
    releaseFirstHost(); // the abandoned attempt finishes after the stop: its result must be ignored

    probe.release = Promise.resolve();
    const second = new LocalDurableHost({ registrations, dataDir: dir });
    await second.start();
    const status = await second.waitForCompletion(id, 10_000);
    expect(status).toMatchObject({ runtimeStatus: 'Completed', output: ['released persist-1#1', 'released persist-1#2'] });
    // at least once: the first step ran in both hosts; the decision to schedule it was made once
    expect(probe.effects.filter((e) => e === 'persist-1#1').length).toBeGreaterThanOrEqual(1);
    const scheduled = second.history(id).filter((e) => e.EventType === EventType.TaskScheduled).map((e) => e.EventId);
    expect(scheduled).toEqual([0, 1]);
    await second.stop();
  });

  it('keeps finished instances readable after a restart', async () => {
    const host = new LocalDurableHost({ registrations, dataDir: dir });
    await host.start();
    expect(host.getStatus('persist-1', { showHistory: true })).toMatchObject({ runtimeStatus: 'Completed' });
    expect(host.getStatus('persist-1', { showHistory: true })!.historyEvents!.map((e) => e.EventType)).toEqual([
      'ExecutionStarted', 'TaskCompleted', 'TaskCompleted', 'ExecutionCompleted',
    ]);
    await host.stop();
  });
});
