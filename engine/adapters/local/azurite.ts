/**
 * Azurite's queue service (the official Storage emulator, npm `azurite`) as a child process: what the
 * embedded runtime uses when no storage account is configured, and what tests start. Telemetry is off,
 * it listens on 127.0.0.1 only, and its data lives in memory or under `.sluice/azurite`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Where Azurite keeps data and which port it takes. */
export interface AzuriteOptions {
  /** A folder for persistent data; omitted: in memory. */
  location?: string;
  /** The queue port; 0 (default) picks a free one. */
  port?: number;
  startTimeoutMs?: number;
}

/** Starts Azurite's queue service; rejects with its output when it does not come up in time. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  // Azurite resolves paths from its cwd; in-memory mode writes nothing there.
  const cwd = options.location ?? mkdtempSync(join(tmpdir(), 'sluice-azurite-'));
  mkdirSync(cwd, { recursive: true, mode: 0o700 });
  const main = require.resolve('azurite/dist/src/queue/main.js');
  // Azurite must not outlive us even when we are SIGKILLed: it exits once it is re-parented. Its files
  // (queue messages) are its user's alone whatever umask we were started with.
  const watchdog = `process.umask(0o077);const p=process.ppid;setInterval(()=>{if(process.ppid!==p)process.exit(0)},500).unref();require(${JSON.stringify(main)})`;
  const args = [
    '-e', watchdog, '--', main,
    '--queueHost', '127.0.0.1',
    '--queuePort', String(options.port ?? 0),
    ...(options.location ? ['--location', options.location] : ['--inMemoryPersistence', '--extentMemoryLimit', '64']),
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
      if (!options.location) rmSync(cwd, { recursive: true, force: true });
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
