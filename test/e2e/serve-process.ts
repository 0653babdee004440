/**
 * The real `sluice` command as a child process: `sluice serve` started in a test project's root (its URL
 * read from stdout), and one-shot commands (`sluice run`, `sluice dlq redrive`, …) with their exit code
 * and output. Children are stopped even when a test fails (the caller's afterAll calls `stop`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's `bin/sluice.js`: it loads the TypeScript sources through tsx when dist/ is absent. */
export const SLUICE_BIN = resolve(__dirname, '..', '..', 'bin', 'sluice.js');

/** A running `sluice serve`. */
export interface ServeProcess {
  url: string;
  /** The storage connection its queues use (from `runtime.json` in its data folder). */
  storage: string;
  child: ChildProcess;
  /** Everything it wrote, for failure messages. */
  output(): string;
  /** SIGTERM (a graceful stop), then SIGKILL if it lingers. */
  stop(): Promise<void>;
}

/** How to start it: `umask` (e.g. 0o000) runs it under that file-creation mask, through `sh`. */
export interface ServeStartOptions {
  umask?: number;
}

/** Starts `sluice serve --port 0 --data-dir <dataDir>` in `cwd`; resolves once it prints its URL. */
export function startServe(cwd: string, dataDir: string, env: NodeJS.ProcessEnv, startTimeoutMs = 60_000, options: ServeStartOptions = {}): Promise<ServeProcess> {
  const command = [process.execPath, SLUICE_BIN, 'serve', '--port', '0', '--data-dir', dataDir];
  // `exec` keeps one process: signals sent to the child reach `sluice serve` itself.
  const child = options.umask === undefined
    ? spawn(command[0], command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('/bin/sh', ['-c', `umask ${options.umask.toString(8).padStart(3, '0')} && exec "$@"`, 'sh', ...command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveServe, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sluice serve did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    let serving = false;
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!serving) reject(new Error(`sluice serve exited (${code ?? signal}) before serving:\n${output}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The banner ends with the `Runs:` line; by then runtime.json is written.
      const match = /Sluice is serving \d+ workflows on (http:\/\/\S+)/.exec(output);
      if (serving || !match || !/^Runs: /m.test(output)) return;
      serving = true;
      clearTimeout(timer);
      const info = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as { storage: string };
      resolveServe({
        url: match[1],
        storage: info.storage,
        child,
        output: () => output,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/** What a one-shot command did. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `sluice <args>` in `cwd` to its end. */
export function sluice(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<CommandResult> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [SLUICE_BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sluice ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
