/** `sluice runs list|show`: run history from the embedded store (`history.db` in the data folder). */
import { existsSync } from 'node:fs';
import { findProjectRoot } from '../adapters/project-root';
import { workflowGraph, type StepStatus } from '../graph/mermaid';
import { runsListCommand, runsShowCommand } from '../history/commands';
import type { Run } from '../history/model';
import type { RunHistoryStore } from '../history/store';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { createSqliteHistoryStore, historyFileIn } from '../history/sqlite-store';
import { loadProject } from '../adapters/project';
import { dataDirUsage, takeDataDir } from './data-dir';
import { UsageError, type CliIo } from './io';

export const runsUsage = `usage: sluice runs list [--workflow <name>] [--status <status>[,<status>...]] [--degraded] [--since <iso time>] [--until <iso time>] [--error <text>] [--input <field>=<value>]... [--limit <n>] [--json] ${dataDirUsage}\n       sluice runs show <run-id> [--json] ${dataDirUsage}`;

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
  const root = findProjectRoot(io.cwd);
  const { dataDir, rest: remaining } = takeDataDir(args, io, root);
  const [sub, ...rest] = remaining;
  if (sub !== 'list' && sub !== 'show') throw new UsageError('use `runs list` or `runs show <id>`');
  const file = historyFileIn(dataDir);
  // Opening the store would create an empty one: a wrong folder would then read as "no runs".
  if (!existsSync(file)) {
    io.stderr(`sluice runs: no run history in ${dataDir}: no \`sluice serve\` or \`sluice run\` has used this data folder; pass the serve's --data-dir or set SLUICE_DATA_DIR`);
    return 1;
  }
  const store = createSqliteHistoryStore({ file });
  await store.init();
  try {
    const result = sub === 'list'
      ? await runsListCommand(store, rest)
      : await runsShowCommand(store, rest[0] ?? '', rest.slice(1), { graph: (run) => graphOf(store, root, run) });
    if (result.exitCode === 2) throw new UsageError(result.stdout.trim());
    io.stdout(result.stdout);
    return result.exitCode;
  } finally {
    await store.close();
  }
}

/**
 * The run's workflow as a flowchart coloured by each top-level step's status, drawn from the definition
 * the run ran: history keeps each definition by hash (stored when a run of it starts). A run recorded
 * before that has no stored definition: the current file is used only when its hash is the run's.
 */
async function graphOf(store: RunHistoryStore, root: string, run: Run): Promise<string | undefined> {
  let definition = (await store.getDefinition(run.definitionHash).catch(() => undefined)) as WorkflowDefinition | undefined;
  if (!definition) {
    try {
      const current = loadProject({ root }).named(run.workflow);
      if (current?.hash === run.definitionHash) definition = current.definition;
    } catch {
      return undefined;
    }
  }
  if (!definition) return undefined;
  return workflowGraph(definition, { statuses: graphStatuses(run) });
}

/** Each top-level step's status for the graph (steps inside forEach items and catch handlers are not nodes of it). */
export function graphStatuses(run: Run): Record<string, StepStatus> {
  const statuses: Record<string, StepStatus> = {};
  for (const step of run.steps ?? []) {
    if (step.path.includes('[')) continue;
    const id = step.path.split('.').at(-1)!;
    const status = step.caught ? 'caught' : graphStatus[String(step.status)];
    if (status) statuses[id] = status;
  }
  return statuses;
}
