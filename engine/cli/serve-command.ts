/** `sluice serve`: every workflow on http://localhost:7071 on the embedded runtime, until interrupted. */
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../adapters/project-root';
import { SluiceRuntime } from '../adapters/local/runtime';
import { routeOf } from '../adapters/azure/triggers';
import { UsageError, type CliIo } from './io';

export const serveUsage = 'usage: sluice serve [--port 7071] [--data-dir .sluice]';

/** Runs `sluice serve`; resolves when SIGINT or SIGTERM stopped the runtime. */
export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options: { port: { type: 'string' }, 'data-dir': { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? 7071 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port is a port number');
  const root = findProjectRoot(io.cwd);
  const runtime = await new SluiceRuntime({
    root,
    port,
    dataDir: values['data-dir'],
    log: io.stderr,
    onQueueFailure: (failure) =>
      io.stderr(`queue ${failure.queue}: message ${failure.messageId} failed (try ${failure.dequeueCount})${failure.poisoned ? `, moved to ${failure.queue}-poison` : ''}: ${failure.error}`),
  }).start();
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
