/**
 * Item 6, cold start: the Azure entry as packaged (compiled, bundled into dist/app.js) loaded in fresh
 * child processes against a bare `@azure/functions` + `durable-functions` app, alternated, median
 * import time; plus a count of ajv schema compilations during the entry's import (goal: none).
 *
 * The app is compiled into a temp folder laid out like the deployment package (dist/, package.json,
 * workflows/, schemas/, node_modules linked), so the shared work tree's dist/ is left alone.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileEngine } from './build';
import { figure, notMeasured, type Figure } from './figure';
import { median, rounded } from './measure';
import { sharesOf, sharesText, type CpuProfile, type TimeShare } from './profile';
import type { Sizes } from './sizes';
import '../activities';
import { BUNDLE_FILE, writeBundle } from '../engine/adapters/bundle';
import { activityNames } from '../engine/activities/registry';
import { BUNDLED_MAIN, bundleEntry } from '../scripts/package/bundle';

const ROOT = resolve(__dirname, '..');
const WORKER = join(__dirname, 'cold-start-worker.js');
// The Azure entry refuses to start without a key to sign run inputs with.
const COLD_START_SIGNING_KEY = 'cold-start-signing-key-0123456789abcdef';

interface WorkerReport {
  mode: string;
  importMs: number;
  registered: number;
  compiles?: number;
}

/** Compiles the app into a temp deployment-like folder; returns its root. */
export function buildApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'sluice-cold-'));
  compileEngine(join(root, 'dist'));
  for (const folder of ['workflows', 'schemas']) if (existsSync(join(ROOT, folder))) cpSync(join(ROOT, folder), join(root, folder), { recursive: true });
  cpSync(join(ROOT, 'host.json'), join(root, 'host.json'));
  // As `npm run package` does: one bundled file for the host to load.
  const main = bundleEntry(root, 'dist/engine/adapters/azure/app.js');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'sluice-cold-start', private: true, main }));
  // As `npm run package` does: the linted workflow bundle, so the entry starts without linting.
  writeBundle({ root, activities: activityNames() }, join(root, 'dist', BUNDLE_FILE));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

// One more cold import under --cpu-prof: where the entry's import time goes.
function importProfile(root: string, app: string): TimeShare[] {
  const dir = join(root, 'profile');
  const { SLUICE_WORKFLOWS_DIR: _ignored, ...env }: NodeJS.ProcessEnv = { ...process.env, SLUICE_SIGNING_KEY: COLD_START_SIGNING_KEY };
  execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', WORKER, 'sluice', app], { cwd: root, stdio: 'pipe', env });
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  return file ? sharesOf(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, 7, 'package') : [];
}

function runWorker(root: string, args: string[]): WorkerReport {
  // The entry must read the copied workflows/ folder, whatever the parent's environment says.
  const { SLUICE_WORKFLOWS_DIR: _ignored, ...env }: NodeJS.ProcessEnv = { ...process.env, SLUICE_SIGNING_KEY: COLD_START_SIGNING_KEY };
  const out = execFileSync(process.execPath, [WORKER, ...args], { cwd: root, encoding: 'utf8', env });
  return JSON.parse(out.trim().split('\n').pop()!) as WorkerReport;
}

/** Measures item 6. */
export function measureColdStart(sizes: Sizes['coldStart']): Figure[] {
  let root: string;
  try {
    root = buildApp();
  } catch (error) {
    return [notMeasured(6, 'cold start, Azure entry ÷ bare Durable app', '×', `the app did not compile: ${(error as Error).message.split('\n')[0]}`, { op: '<=', target: 1.25 })];
  }
  try {
    const app = join(root, BUNDLED_MAIN);
    const sluice: number[] = [];
    const bare: number[] = [];
    let registered = 0;
    // One untimed pair warms the OS file cache.
    runWorker(root, ['sluice', app]);
    runWorker(root, ['bare']);
    for (let round = 0; round < sizes.rounds; round++) {
      const first = round % 2 === 0;
      if (first) sluice.push(runWorker(root, ['sluice', app]).importMs);
      bare.push(runWorker(root, ['bare']).importMs);
      if (!first) {
        const report = runWorker(root, ['sluice', app]);
        sluice.push(report.importMs);
        registered = report.registered;
      }
    }
    const counted = runWorker(root, ['sluice', app, 'count']);
    const shares = importProfile(root, app);
    const bareCounted = runWorker(root, ['bare', 'count']);
    return [
      figure(6, 'cold start, Azure entry ÷ bare Durable app (import time)', median(sluice) / median(bare), '×', {
        goal: { op: '<=', target: 1.25 },
        detail: { sluiceImportMs: rounded(median(sluice)), bareImportMs: rounded(median(bare)), rounds: sizes.rounds, sluiceFunctionsRegistered: registered || counted.registered, workflows: 'the repository\'s workflows/ folder' },
        limit: `import profile of the entry (self time by package): ${sharesText(shares)}`,
      }),
      figure(6, 'ajv schema compilations while importing the Azure entry', counted.compiles ?? null, 'compilations', {
        goal: { op: '<=', target: 0 },
        detail: { bareAppCompilations: bareCounted.compiles },
      }),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
