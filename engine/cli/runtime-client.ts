/**
 * How CLI commands reach a runtime: a running `sluice serve` (found through `.sluice/runtime.json`), or an
 * embedded runtime started in this process for the duration of the command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeInfo, RuntimeOptions } from '../adapters/local/runtime';
import { SluiceRuntime } from '../adapters/local/runtime';
import { CliError } from './io';

/** A runtime reachable over HTTP, and how to let go of it. */
export interface RuntimeHandle {
  url: string;
  /** The storage connection string the runtime's queues use. */
  storage: string;
  /** Whether this process started it (then `close` stops it). */
  embedded: boolean;
  close(): Promise<void>;
}

/** The `sluice serve` running on this data folder (engine/cli/data-dir.ts), when one answers. */
export async function runningServe(dataDir: string): Promise<RuntimeInfo | undefined> {
  let info: RuntimeInfo;
  try {
    info = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'));
  } catch {
    return undefined;
  }
  try {
    const response = await fetch(`${info.url}/api/workflows`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Connects to the serve running on the data folder (or at `url`), or starts an embedded runtime on a free port there. */
export async function connectRuntime(root: string, options: { url?: string; dataDir: string; workflowsDir?: string }): Promise<RuntimeHandle> {
  const serving = options.url ? { url: options.url, storage: process.env.AzureWebJobsStorage ?? '' } : await runningServe(options.dataDir);
  if (serving) return { url: serving.url, storage: serving.storage, embedded: false, close: async () => undefined };
  const runtime = await startRuntime({ root, port: 0, dataDir: options.dataDir, workflowsDir: options.workflowsDir, log: () => undefined });
  return { url: runtime.url, storage: runtime.storageConnection, embedded: true, close: () => runtime.stop() };
}

/**
 * Starts an embedded runtime. What stops a start (a port in use, a malformed setting, no workflows folder,
 * Azurite failing) is the user's to fix, so it surfaces as a CliError: its message, no stack trace.
 */
export async function startRuntime(options: RuntimeOptions): Promise<SluiceRuntime> {
  try {
    return await new SluiceRuntime(options).start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'EADDRINUSE') throw new CliError(`cannot start: port ${options.port} is in use (another \`sluice serve\`?); choose another with --port`);
    if (code === 'EACCES') throw new CliError(`cannot start: no permission to listen on port ${options.port}`);
    throw new CliError(`cannot start: ${(error as Error)?.message ?? String(error)}`);
  }
}

/** A JSON request to the runtime; rejects with the server's message on a non-2xx answer. */
export async function callRuntime<T>(url: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = parsed && typeof parsed === 'object' && 'message' in parsed ? String(parsed.message) : text;
    throw new RuntimeCallError(response.status, message, parsed);
  }
  return { status: response.status, body: parsed as T };
}

/** A refused runtime call. */
export class RuntimeCallError extends Error {
  constructor(readonly status: number, message: string, readonly body: unknown) {
    super(message);
    this.name = 'RuntimeCallError';
  }
}
