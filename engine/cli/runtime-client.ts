/**
 * How CLI commands reach a runtime: a running `sluice serve` (found through `.sluice/runtime.json`), or an
 * embedded runtime started in this process for the duration of the command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeInfo } from '../adapters/local/runtime';
import { SluiceRuntime } from '../adapters/local/runtime';

/** A runtime reachable over HTTP, and how to let go of it. */
export interface RuntimeHandle {
  url: string;
  /** The storage connection string the runtime's queues use. */
  storage: string;
  /** Whether this process started it (then `close` stops it). */
  embedded: boolean;
  close(): Promise<void>;
}

/** A running `sluice serve` for this project, when one answers. */
export async function runningServe(root: string, dataDir?: string): Promise<RuntimeInfo | undefined> {
  let info: RuntimeInfo;
  try {
    info = JSON.parse(readFileSync(join(dataDir ?? join(root, '.sluice'), 'runtime.json'), 'utf8'));
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

/** Connects to a running serve, or starts an embedded runtime on a free port. */
export async function connectRuntime(root: string, options: { url?: string; dataDir?: string; workflowsDir?: string } = {}): Promise<RuntimeHandle> {
  const serving = options.url ? { url: options.url, storage: process.env.AzureWebJobsStorage ?? '' } : await runningServe(root, options.dataDir);
  if (serving) return { url: serving.url, storage: serving.storage, embedded: false, close: async () => undefined };
  const runtime = await new SluiceRuntime({ root, port: 0, dataDir: options.dataDir, workflowsDir: options.workflowsDir, log: () => undefined }).start();
  return { url: runtime.url, storage: runtime.storageConnection, embedded: true, close: () => runtime.stop() };
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
