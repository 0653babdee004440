/** `sluice runs list|show`: run history from the embedded store (`.sluice/history.db`). */
import { join } from 'node:path';
import { findProjectRoot } from '../adapters/project-root';
import { workflowGraph, type StepStatus } from '../graph/mermaid';
import { runsListCommand, runsShowCommand } from '../history/commands';
import type { Run } from '../history/model';
import { createSqliteHistoryStore, historyFileIn } from '../history/sqlite-store';
import { loadProject } from '../adapters/project';
import { UsageError, type CliIo } from './io';

export const runsUsage = 'usage: sluice runs list [--workflow <name>] [--status <status>] [--since <iso time>] [--limit <n>] [--json]\n       sluice runs show <run-id> [--json]';

const graphStatus: Record<string, StepStatus> = {
  Completed: 'succeeded',
  Failed: 'failed',
  Degraded: 'degraded',
  Skipped: 'skipped',
  Running: 'running',
  Pending: 'pending',
};

/** Runs `sluice runs`. */
export async function runsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list' && sub !== 'show') throw new UsageError('use `runs list` or `runs show <id>`');
  const root = findProjectRoot(io.cwd);
  const store = createSqliteHistoryStore({ file: historyFileIn(io.env.SLUICE_DATA_DIR ?? join(root, '.sluice')) });
  await store.init();
  try {
    const result = sub === 'list'
      ? await runsListCommand(store, rest)
      : await runsShowCommand(store, rest[0] ?? '', rest.slice(1), { graph: (run) => graphOf(root, run) });
    if (result.exitCode === 2) throw new UsageError(result.stdout.trim());
    io.stdout(result.stdout);
    return result.exitCode;
  } finally {
    await store.close();
  }
}

/** The run's workflow as a flowchart coloured by each top-level step's status, when the workflow is known. */
function graphOf(root: string, run: Run): string | undefined {
  let definition;
  try {
    definition = loadProject({ root }).named(run.workflow)?.definition;
  } catch {
    return undefined;
  }
  if (!definition) return undefined;
  const statuses: Record<string, StepStatus> = {};
  for (const step of run.steps ?? []) {
    const id = step.path.split('.').at(-1)!.replace(/\[\d+\]$/, '');
    const status = graphStatus[String(step.status)];
    if (status && !step.path.includes('[')) statuses[id] = status;
  }
  return workflowGraph(definition, { statuses });
}
