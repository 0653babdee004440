/**
 * `sluice runs list` and `sluice runs show <id>`, as functions the CLI calls with its arguments.
 * They print nothing themselves: they return the exit code and the text to write to stdout.
 */
import { parseArgs } from 'node:util';
import { parseListQuery } from './api';
import type { Run } from './model';
import { renderRunsTable, renderRunTimeline } from './render';
import { InvalidContinuationError } from './store';
import type { RunHistoryStore } from './store';

/** What a command returns to the CLI. */
export interface CommandResult {
  exitCode: number;
  stdout: string;
}

const usageList = 'usage: sluice runs list [--workflow NAME] [--status STATUS[,STATUS...]] [--degraded] [--since ISO-TIME] [--until ISO-TIME] [--error TEXT] [--input FIELD=VALUE]... [--limit N] [--continuation TOKEN] [--json]';

/** `sluice runs list`: a table (or `--json`) of runs, newest first, with filters and paging. */
export async function runsListCommand(store: RunHistoryStore, args: readonly string[]): Promise<CommandResult> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({
      args: [...args],
      options: {
        workflow: { type: 'string' }, status: { type: 'string', multiple: true }, since: { type: 'string' }, until: { type: 'string' },
        error: { type: 'string' }, input: { type: 'string', multiple: true }, degraded: { type: 'boolean' },
        limit: { type: 'string' }, continuation: { type: 'string' }, json: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    return { exitCode: 2, stdout: `${(error as Error).message}\n${usageList}\n` };
  }
  const { json, input, degraded, ...filters } = values;
  const query: Record<string, string | string[] | undefined> = filters as Record<string, string | string[] | undefined>;
  if (degraded) query.degraded = 'true';
  for (const pair of (input as string[] | undefined) ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) return { exitCode: 2, stdout: `--input: "${pair}" is not FIELD=VALUE (e.g. --input customerId=acme-77)\n${usageList}\n` };
    query[`input.${pair.slice(0, at)}`] = pair.slice(at + 1);
  }
  const parsed = parseListQuery(query);
  if ('problems' in parsed) {
    const lines = parsed.problems.map((p) => `--${p.field.replace(/^query\./, '').replace(/^input\..*/, 'input')}: ${p.message}`);
    return { exitCode: 2, stdout: `${lines.join('\n')}\n${usageList}\n` };
  }
  try {
    const page = await store.listRuns(parsed.query);
    if (json) return { exitCode: 0, stdout: `${JSON.stringify(page, null, 2)}\n` };
    const more = page.continuation ? `\n\nMore runs: --continuation ${page.continuation}` : '';
    return { exitCode: 0, stdout: `${renderRunsTable(page.runs)}${more}\n` };
  } catch (error) {
    if (error instanceof InvalidContinuationError) return { exitCode: 2, stdout: `--continuation: ${error.message}\n` };
    throw error;
  }
}

/** Options of `runs show`: the workflow graph comes from the graph module, given the run. */
export interface ShowOptions {
  graph?: (run: Run) => string | undefined | Promise<string | undefined>;
}

/** `sluice runs show <id>`: the run's step timeline (or `--json`: the full record). */
export async function runsShowCommand(store: RunHistoryStore, id: string, args: readonly string[] = [], options: ShowOptions = {}): Promise<CommandResult> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--json');
  if (!id || unknown.length) return { exitCode: 2, stdout: 'usage: sluice runs show <run-id> [--json]\n' };
  const run = await store.getRun(id);
  if (!run) return { exitCode: 1, stdout: json ? `${JSON.stringify({ error: 'RunNotFound', message: `no run with id "${id}"` })}\n` : `No run with id "${id}".\n` };
  if (json) return { exitCode: 0, stdout: `${JSON.stringify(run, null, 2)}\n` };
  const graph = await options.graph?.(run);
  return { exitCode: 0, stdout: `${renderRunTimeline(run, { graph })}\n` };
}
