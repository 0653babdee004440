/**
 * Azurite's queue service for tests: a child process on 127.0.0.1 and a free port, with in-memory
 * persistence and telemetry off, so nothing is written to disk and nothing leaves the machine.
 * Usable from a test file's beforeAll or from a vitest globalSetup (pass `connectionString` on
 * with `provide`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** A running Azurite queue service. */
export interface Azurite {
  /** A Storage connection string for its queue endpoint (`AzureWebJobsStorage`). */
  connectionString: string;
  queueEndpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts Azurite's queue service; rejects with its output when it does not come up within `startTimeoutMs`. */
export async function startAzurite(startTimeoutMs = 30_000): Promise<Azurite> {
  // Azurite writes nothing with in-memory persistence, but it resolves paths from its cwd.
  const cwd = mkdtempSync(join(tmpdir(), 'sluice-azurite-'));
  const main = require.resolve('azurite/dist/src/queue/main.js');
  const args = [
    main,
    '--queueHost', '127.0.0.1',
    '--queuePort', '0',
    '--inMemoryPersistence',
    '--extentMemoryLimit', '64',
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--loose',
  ];
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Azurite did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}:\n${output}`));
    });
  });
  const queueEndpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};QueueEndpoint=${queueEndpoint};`,
    queueEndpoint,
    port,
    stop: async () => {
      await stopChild(child);
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
