/**
 * Issue #15, finding 9: what the runtime writes (runtime.json with the storage connection string, the SQLite
 * databases, Azurite's data) is readable by its user only, even when `sluice serve` runs under umask 000,
 * and what an earlier, looser version left behind is tightened on start.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrivate } from '../../engine/adapters/local/private-files';
import { call, until } from '../e2e/api';
import { createTestProject, type TestProject } from '../e2e/project';
import { startServe, type ServeProcess } from '../e2e/serve-process';

/** Every path under `dir` (itself included) with its permission bits, in octal. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (path: string, name: string): void => {
    const stat = lstatSync(path);
    found[name] = (stat.mode & 0o777).toString(8);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry), `${name}/${entry}`);
  };
  walk(dir, '.');
  return found;
}

const privateModes = (found: Record<string, string>, dir: string) =>
  Object.fromEntries(Object.keys(found).map((name) => [name, lstatSync(join(dir, name)).isDirectory() ? '700' : '600']));

describe('sluice serve under umask 000', () => {
  let project: TestProject;
  let serve: ServeProcess | undefined;

  beforeAll(async () => {
    project = createTestProject({ servicesUrl: 'http://127.0.0.1:9' });
    // What an earlier version left: a world-readable folder, runtime.json and database.
    mkdirSync(join(project.dataDir, 'azurite'), { recursive: true, mode: 0o777 });
    chmodSync(project.dataDir, 0o755);
    chmodSync(join(project.dataDir, 'azurite'), 0o777);
    writeFileSync(join(project.dataDir, 'runtime.json'), '{}', { mode: 0o644 });
    chmodSync(join(project.dataDir, 'runtime.json'), 0o644);
    writeFileSync(join(project.dataDir, 'old.log'), 'line\n');
    chmodSync(join(project.dataDir, 'old.log'), 0o666);
    const env: NodeJS.ProcessEnv = { ...process.env, SLUICE_WORKFLOWS_DIR: project.workflowsDir, NODE_NO_WARNINGS: '1' };
    delete env.AzureWebJobsStorage;
    serve = await startServe(project.root, project.dataDir, env, undefined, { umask: 0o000 });
  }, 120_000);

  afterAll(async () => {
    await serve?.stop();
    project?.remove();
  }, 60_000);

  it('keeps runtime.json, the databases and Azurite data private (files 0600, folders 0700)', async () => {
    // A run makes every store write (history, Durable WAL, Azurite extents for the queue it touches).
    const started = await call(`${serve!.url}/api/workflows/order-quote/runs`, 'POST', { orderId: 'q-files', lines: [{ sku: 'A-1', qty: 1, unitPrice: 1 }] });
    expect(started.status).toBe(202);
    await until(() => call(`${serve!.url}/api/runs/${started.body.runId}`), (answer) => answer.body?.status === 'Completed', 'the run to complete');
    const found = modes(project.dataDir);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['.', './runtime.json', './durable.sqlite', './history.db', './azurite']));
    expect(found).toEqual(privateModes(found, project.dataDir));
  }, 90_000);
});

describe('makePrivate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-private-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes group and other bits off everything under a folder and keeps the owner bits', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'data'), 'x');
    writeFileSync(join(dir, 'tool.sh'), '#!/bin/sh\n');
    chmodSync(join(dir, 'a'), 0o777);
    chmodSync(join(dir, 'a', 'b', 'data'), 0o664);
    chmodSync(join(dir, 'tool.sh'), 0o755);
    makePrivate(dir);
    expect(modes(dir)).toEqual({ '.': '700', './a': '700', './a/b': '700', './a/b/data': '600', './tool.sh': '700' });
  });
});
