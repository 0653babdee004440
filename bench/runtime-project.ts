/** A throwaway project with one workflow, served by a fresh embedded runtime: what the HTTP benches load. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SluiceRuntime } from '../engine/adapters/local/runtime';

/** Runs `measure` against a started runtime serving `workflow` (YAML text) as `<name>.yaml`; cleans up after. */
export async function withRuntimeProject<T>(name: string, workflow: string, measure: (runtime: SluiceRuntime) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), `sluice-${name}-`));
  mkdirSync(join(root, 'workflows'));
  writeFileSync(join(root, 'workflows', `${name}.yaml`), workflow);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name, private: true }));
  const runtime = new SluiceRuntime({ root, port: 0, dataDir: join(root, '.sluice'), log: () => undefined });
  await runtime.start();
  try {
    return await measure(runtime);
  } finally {
    await runtime.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
