import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDurableHost, EventType } from '../../engine/adapters/local/durable';

const dir = mkdtempSync(join(tmpdir(), 'sluice-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const worker = join(__dirname, 'fixtures', 'crash-worker.ts');
const RUNS = 12;

/** Runs the worker; kills it `killAfterMs` after it reports ready, or waits for its exit. */
function runWorker(killAfterMs?: number): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, String(RUNS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (killAfterMs !== undefined && chunk.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('crash safety (SIGKILL)', () => {
  it('completes every run exactly once after repeated kills', async () => {
    let kills = 0;
    for (const delay of [30, 90, 10, 160, 50]) {
      const { signal } = await runWorker(delay);
      if (signal === 'SIGKILL') kills++;
    }
    const last = await runWorker();
    expect(last.code).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(3);

    const host = new LocalDurableHost({ registrations: { orchestrations: new Map(), activities: new Map() }, dataDir: dir });
    await host.start();
    const effects = readFileSync(join(dir, 'effects.log'), 'utf8').trim().split('\n');
    for (let i = 0; i < RUNS; i++) {
      const id = `run-${i}`;
      expect(host.getStatus(id)).toMatchObject({ runtimeStatus: 'Completed', output: 5 });
      const history = host.history(id);
      // orchestration decisions exactly once: each step scheduled once, ids unique
      const scheduled = history.filter((e) => e.EventType === EventType.TaskScheduled).map((e) => e.EventId);
      expect(scheduled).toEqual([0, 1, 2, 3, 4]);
      expect(history.filter((e) => e.EventType === EventType.ExecutionCompleted)).toHaveLength(1);
      // activities at least once: every step's effect is there
      for (let step = 0; step < 5; step++) expect(effects).toContain(`${id}/step${step}`);
    }
    const completions = existsSync(join(dir, 'completions.log')) ? readFileSync(join(dir, 'completions.log'), 'utf8').trim().split('\n') : [];
    expect(new Set(completions).size).toBe(completions.length); // never reported twice
    const starts = readFileSync(join(dir, 'starts.log'), 'utf8').trim().split('\n');
    const reRuns = starts.length - RUNS * 5;
    expect(reRuns).toBeGreaterThanOrEqual(0);
    console.log(`crash test: ${RUNS} runs, ${kills} kills, ${reRuns} re-executed activities (${effects.length - RUNS * 5} duplicated effects), ${completions.length} completion notices seen`);
    await host.stop();
  }, 120_000);
});
