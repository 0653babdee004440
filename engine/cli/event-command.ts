/** `sluice event <runId> <name> [payload]`: raises an external event on a run (`waitForEvent` steps). */
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../adapters/project-root';
import { dataDirUsage, takeDataDir } from './data-dir';
import { UsageError, type CliIo } from './io';
import { callRuntime, connectRuntime, RuntimeCallError } from './runtime-client';

export const eventUsage = `usage: sluice event <runId> <name> [json payload] [--url <serve url>] ${dataDirUsage}`;

/** Runs `sluice event`. */
export async function eventCommand(args: readonly string[], io: CliIo): Promise<number> {
  const root = findProjectRoot(io.cwd);
  const { dataDir, rest } = takeDataDir(args, io, root);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { url: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [runId, name, payloadText, ...extra] = parsed.positionals;
  if (!runId || !name || extra.length > 0) throw new UsageError('give a run id, an event name and, optionally, a JSON payload');
  let payload: unknown = null;
  if (payloadText !== undefined) {
    try {
      payload = JSON.parse(payloadText);
    } catch (error) {
      throw new UsageError(`the payload is not valid JSON: ${(error as Error).message}`);
    }
  }
  const runtime = await connectRuntime(root, { url: parsed.values.url, dataDir });
  try {
    await callRuntime(runtime.url, 'POST', `/api/runs/${encodeURIComponent(runId)}/events/${encodeURIComponent(name)}`, payload);
    io.stdout(`raised ${name} on run ${runId}`);
    return 0;
  } catch (error) {
    if (!(error instanceof RuntimeCallError)) throw error;
    io.stderr(`sluice event: ${error.message}`);
    return 1;
  } finally {
    await runtime.close();
  }
}
