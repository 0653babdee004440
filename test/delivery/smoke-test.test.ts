/**
 * The post-deployment smoke test (scripts/deploy/smoke-test.mjs) against `sluice serve` on the example
 * workflows: it passes when every workflow of the bundle the packager writes is served, fails on a missing
 * one and on an app that never answers, and refuses to run without the function key.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../engine/adapters/bundle';
import { activityNames } from '../../engine/activities/registry';
import '../../activities';
import { startServe, type ServeProcess } from '../e2e/serve-process';
import { repoRoot } from './official-schemas';

const SMOKE_TEST = path.join(repoRoot, 'scripts', 'deploy', 'smoke-test.mjs');
const KEY = 'smoke-test-function-key';

let workDir: string;
let bundleFile: string;
let serve: ServeProcess;

/** Runs the smoke test as the pipeline does: its own process, the key in the environment. */
function smokeTest(args: readonly string[], env: NodeJS.ProcessEnv = { SLUICE_FUNCTION_KEY: KEY }) {
  return new Promise<{ code: number | null; output: string }>((done, fail) => {
    const child = spawn(process.execPath, [SMOKE_TEST, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, output }));
  });
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-smoke-'));
  // The bundle `npm run package` puts in the zip, from the repository's workflows.
  bundleFile = path.join(workDir, 'workflows.bundle.json');
  writeBundle({ root: repoRoot, activities: activityNames() }, bundleFile);
  const env = { ...process.env };
  for (const name of ['AzureWebJobsStorage', 'SLUICE_DATA_DIR', 'SLUICE_WORKFLOWS_DIR']) delete env[name];
  serve = await startServe(repoRoot, path.join(workDir, 'data'), env);
}, 120_000);

afterAll(async () => {
  await serve?.stop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
}, 60_000);

describe('the smoke test against sluice serve', () => {
  it('passes when every workflow of the package is registered and valid', async () => {
    const names = (JSON.parse(fs.readFileSync(bundleFile, 'utf8')).workflows as any[]).map((workflow) => workflow.definition.name);
    expect(names.length).toBeGreaterThanOrEqual(6);
    const run = await smokeTest(['--url', serve.url, '--bundle', bundleFile, '--timeout', '30']);
    expect(run.output).toMatch(new RegExp(`smoke test passed: .*lists all ${names.length} workflows`));
    expect(run.code, run.output).toBe(0);
  });

  it('fails, without retrying, when a workflow of the package is not registered', async () => {
    const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8'));
    bundle.workflows.push({ ...bundle.workflows[0], definition: { ...bundle.workflows[0].definition, name: 'not-deployed' } });
    const extra = path.join(workDir, 'extra.bundle.json');
    fs.writeFileSync(extra, JSON.stringify(bundle));
    const run = await smokeTest(['--url', serve.url, '--bundle', extra, '--timeout', '30']);
    expect(run.code).toBe(1);
    expect(run.output).toContain('workflow `not-deployed` is not registered');
    expect(run.output).not.toMatch(/^try \d/m);
  });

  it('fails once the deadline passes when the app does not answer', async () => {
    const run = await smokeTest(['--url', 'http://127.0.0.1:9', '--bundle', bundleFile, '--timeout', '0']);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/did not answer 200 within 0 s \(1 tries; last: /);
  });

  it('refuses to run without the function key, and never takes it as an argument', async () => {
    const run = await smokeTest(['--url', serve.url, '--bundle', bundleFile], {});
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/SLUICE_FUNCTION_KEY is not set/);
  });
});
