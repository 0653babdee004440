/** `sluice serve`: every workflow on http://localhost:7071 on the embedded runtime, until interrupted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../adapters/project-root';
import { routeOf } from '../adapters/azure/triggers';
import type { Project } from '../adapters/project';
import { formatText } from '../diagnostics/printers/text';
import { dataDirUsage, takeDataDir } from './data-dir';
import { UsageError, type CliIo } from './io';
import { startRuntime } from './runtime-client';

export const serveUsage = `usage: sluice serve [--port 7071] ${dataDirUsage}`;

/** Runs `sluice serve`; resolves when SIGINT or SIGTERM stopped the runtime. */
export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const root = findProjectRoot(io.cwd);
  const { dataDir, rest } = takeDataDir(args, io, root);
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { port: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? 7071 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port is a port number');
  const runtime = await startRuntime({
    root,
    port,
    dataDir,
    log: io.stderr,
    onQueueFailure: (failure) =>
      io.stderr(`queue ${failure.queue}: message ${failure.messageId} failed (try ${failure.dequeueCount})${failure.poisoned ? `, moved to ${failure.queue}-poison` : ''}: ${failure.error}`),
  });
  reportInvalid(runtime.project, io);
  io.stdout(`Sluice is serving ${runtime.project.workflows.length} workflows on ${runtime.url}`);
  for (const workflow of runtime.project.workflows) {
    const triggers = workflow.definition.triggers ?? {};
    const via = [
      triggers.http ? `POST ${runtime.url}/api/${routeOf(workflow)}` : undefined,
      triggers.queue ? `queue ${triggers.queue.name}` : undefined,
      triggers.schedule ? 'schedule' : undefined,
    ].filter(Boolean);
    io.stdout(`  ${workflow.name.padEnd(24)} ${via.join(', ') || `POST ${runtime.url}/api/workflows/${workflow.name}/runs`}`);
  }
  for (const workflow of runtime.project.invalid) io.stdout(`  ${(workflow.name ?? workflow.file).padEnd(24)} not served: invalid (${workflow.file})`);
  io.stdout(`Inspector: ${runtime.url}/   (runs, run graphs and timelines, actions; in your browser)`);
  io.stdout(`Runs: ${runtime.url}/api/runs   Durable API: ${runtime.url}/runtime/webhooks/durabletask/instances`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  io.stderr('stopping: in-flight runs resume on the next start');
  await runtime.stop();
  return 0;
}

/** The invalid definitions' diagnostics on stderr, as `sluice lint` prints them; their runs are refused. */
function reportInvalid(project: Project, io: CliIo): void {
  if (project.invalid.length === 0) return;
  const own = project.invalid.filter((workflow) => !workflow.calls);
  const sources = new Map<string, string>();
  for (const workflow of own) {
    try {
      sources.set(workflow.file, readFileSync(join(project.root, workflow.file), 'utf8'));
    } catch {
      // Without its text the diagnostic is printed without a code frame.
    }
  }
  const count = project.invalid.length;
  io.stderr(`${count} ${count === 1 ? 'workflow is' : 'workflows are'} invalid and not served (runs of ${count === 1 ? 'it' : 'them'} are refused with 409); fix and restart:`);
  io.stderr(formatText(own.flatMap((workflow) => workflow.diagnostics), sources));
  for (const workflow of project.invalid.filter((candidate) => candidate.calls)) {
    io.stderr(`${workflow.file}: workflow \`${workflow.name}\` calls ${workflow.calls!.map((name) => `\`${name}\``).join(', ')}, which ${workflow.calls!.length === 1 ? 'is' : 'are'} invalid`);
  }
}
