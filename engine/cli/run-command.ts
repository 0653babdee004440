/**
 * `sluice run <workflow or file> --input <json|@file>`: starts a run (on a running `sluice serve`, else on
 * an embedded runtime in this process), shows its progress, prints its output. The exit code is the run's:
 * 0 Completed, 1 anything else. `--json` prints the final run record.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../adapters/project-root';
import { isFinished } from '../adapters/run-status';
import { parseDuration } from '../definition/duration';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { lintText } from '../lint/lint';
import { dataDirUsage, takeDataDir } from './data-dir';
import { UsageError, type CliIo } from './io';
import { callRuntime, connectRuntime, RuntimeCallError } from './runtime-client';

export const runUsage = `usage: sluice run <workflow name or file> [--input <json|@file>] [--json] [--timeout 10m] [--url <serve url>] ${dataDirUsage}`;

interface DurableStatus {
  runtimeStatus: string;
  output?: unknown;
  /** A Failed run's error (`GET /api/runs/{id}/status`). */
  error?: { name: string; message: string; step?: string | null };
  customStatus?: { step?: string | null; completed?: number; total?: number } | null;
}

/** Runs `sluice run`. */
export async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  const root = findProjectRoot(io.cwd);
  const { dataDir, rest } = takeDataDir(args, io, root);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { input: { type: 'string' }, json: { type: 'boolean' }, timeout: { type: 'string' }, url: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give one workflow name or file');
  const { name, workflowsDir } = resolveWorkflow(positionals[0], root, io.cwd);
  const input = readInput(values.input, io.cwd);
  const timeoutMs = values.timeout ? parseTimeout(values.timeout) : 10 * 60_000;

  const runtime = await connectRuntime(root, { url: values.url, dataDir, workflowsDir });
  try {
    let runId: string;
    try {
      ({ body: { runId } } = await callRuntime<{ runId: string }>(runtime.url, 'POST', `/api/workflows/${encodeURIComponent(name)}/runs`, input));
    } catch (error) {
      if (error instanceof RuntimeCallError) {
        io.stderr(`sluice run: ${error.message}`);
        const body = error.body as { errors?: Array<{ path: string; message: string }>; diagnostics?: Diagnostic[] } | null;
        for (const problem of body?.errors ?? []) io.stderr(`  input${problem.path === '/' ? '' : problem.path}: ${problem.message}`);
        for (const d of body?.diagnostics ?? []) io.stderr(`  ${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.code}]`);
        return 1;
      }
      throw error;
    }
    if (!values.json) io.stderr(`run ${runId} of ${name} started${runtime.embedded ? ' (embedded runtime)' : ` on ${runtime.url}`}`);
    const status = await follow(runtime.url, runId, timeoutMs, values.json ? () => undefined : progressPrinter(io));
    if (!isFinished(status.runtimeStatus)) {
      io.stderr(`run ${runId} is still ${status.runtimeStatus} after ${values.timeout ?? '10m'}; follow it with GET ${runtime.url}/api/runs/${runId}`);
      return 1;
    }
    if (values.json) {
      const { body: record } = await callRuntime<unknown>(runtime.url, 'GET', `/api/runs/${encodeURIComponent(runId)}`);
      io.stdout(JSON.stringify(record, null, 2));
    } else if (status.runtimeStatus === 'Completed') {
      io.stdout(JSON.stringify(status.output ?? null, null, 2));
    } else {
      io.stderr(`run ${runId} ${status.runtimeStatus}: ${endReason(status)}`);
    }
    return status.runtimeStatus === 'Completed' ? 0 : 1;
  } finally {
    await runtime.close();
  }
}

/** Why a run did not complete: `Name: message (step s)` for a failure, the reason for a termination. */
function endReason(status: DurableStatus): string {
  const { error } = status;
  if (error) return `${error.name}: ${error.message}${error.step ? ` (step ${error.step})` : ''}`;
  return typeof status.output === 'string' ? status.output : JSON.stringify(status.output ?? null);
}

/** Polls a run's status until it ends or the deadline passes, reporting progress. */
async function follow(url: string, runId: string, timeoutMs: number, onProgress: (status: DurableStatus) => void): Promise<DurableStatus> {
  const deadline = Date.now() + timeoutMs;
  let pause = 50;
  for (;;) {
    const { body: status } = await callRuntime<DurableStatus>(url, 'GET', `/api/runs/${encodeURIComponent(runId)}/status`);
    onProgress(status);
    if (isFinished(status.runtimeStatus) || Date.now() >= deadline) return status;
    await new Promise((done) => setTimeout(done, pause));
    pause = Math.min(pause * 2, 500);
  }
}

/** Live progress on a terminal (one line rewritten), plain lines otherwise. */
function progressPrinter(io: CliIo): (status: DurableStatus) => void {
  const live = Boolean(process.stderr.isTTY);
  let last = '';
  return (status) => {
    const progress = status.customStatus;
    const line = progress?.step
      ? `${status.runtimeStatus}: step ${progress.step} (${progress.completed ?? 0}/${progress.total ?? '?'} done)`
      : status.runtimeStatus;
    if (line === last) return;
    last = line;
    if (live) process.stderr.write(`\r\x1b[2K${line}${isFinished(status.runtimeStatus) ? '\n' : ''}`);
    else io.stderr(line);
  };
}

/** A workflow name, or a file whose `name` is read (its folder serves as the workflows folder). */
function resolveWorkflow(target: string, root: string, cwd: string): { name: string; workflowsDir?: string } {
  if (!/\.ya?ml$/.test(target)) return { name: target };
  const file = resolve(cwd, target);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${target}`);
  }
  const linted = lintText(basename(file), text);
  const name = linted.definition?.name;
  if (!name) throw new UsageError(`${target} is not a valid workflow; run \`sluice lint ${target}\``);
  return { name, workflowsDir: relative(root, dirname(file)) || '.' };
}

function readInput(value: string | undefined, cwd: string): unknown {
  if (value === undefined) return {};
  const text = value.startsWith('@') ? readFileOrUsage(resolve(cwd, value.slice(1))) : value;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--input is not valid JSON: ${(error as Error).message}`);
  }
}

function readFileOrUsage(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
}

function parseTimeout(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError('--timeout is a duration such as 30s or 10m');
  return ms;
}
