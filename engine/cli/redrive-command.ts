/**
 * `sluice redrive <runId> [--from <stepPath>] [--latest]`: a new run of a failed run that reuses the
 * outputs of the steps before the step it failed at (or `--from`) and runs from there on, through the
 * runtime's `POST /api/runs/{id}/redrive?from=…` (adapters/redrive.ts). `--latest` runs on the
 * definition deployed now, refused when a step before `--from` changed.
 */
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../adapters/project-root';
import { dataDirUsage, takeDataDir } from './data-dir';
import { UsageError, type CliIo } from './io';
import { callRuntime, connectRuntime, RuntimeCallError } from './runtime-client';

export const redriveUsage = `usage: sluice redrive <runId> [--from <stepPath>] [--latest] [--url <serve url>] ${dataDirUsage}`;

/** What the redrive endpoint answers for a redrive from a step. */
export interface RedriveAnswer {
  runId: string;
  from: string;
  reused: string[];
  reusedIterations: number;
  definition: 'original' | 'latest';
}

/** The query of a redrive from `from` (the failed step when undefined). */
export function redriveQuery(from: string | undefined, latest: boolean): string {
  const query = from ? `from=${encodeURIComponent(from)}` : 'fromFailed=true';
  return latest ? `${query}&latest=true` : query;
}

/** One line saying what a redrive from a step started. */
export function describeRedrive(runId: string, answer: RedriveAnswer): string {
  const reused = answer.reused.length > 0 ? `reusing ${answer.reused.join(', ')}` : 'reusing no step';
  const iterations = answer.reusedIterations > 0 ? ` and ${answer.reusedIterations} completed iterations` : '';
  return `redrove run ${runId} as ${answer.runId} from step ${answer.from} (${reused}${iterations}; ${answer.definition} definition)`;
}

/** Runs `sluice redrive`. */
export async function redriveCommand(args: readonly string[], io: CliIo): Promise<number> {
  const root = findProjectRoot(io.cwd);
  const { dataDir, rest } = takeDataDir(args, io, root);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { from: { type: 'string' }, latest: { type: 'boolean' }, url: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [runId, ...extra] = parsed.positionals;
  if (!runId || extra.length > 0) throw new UsageError('give the id of the run to redrive');
  const runtime = await connectRuntime(root, { url: parsed.values.url, dataDir });
  try {
    const path = `/api/runs/${encodeURIComponent(runId)}/redrive?${redriveQuery(parsed.values.from, parsed.values.latest === true)}`;
    const { body } = await callRuntime<RedriveAnswer>(runtime.url, 'POST', path);
    io.stdout(describeRedrive(runId, body));
    return 0;
  } catch (error) {
    if (!(error instanceof RuntimeCallError)) throw error;
    io.stderr(`sluice redrive: ${error.message}`);
    return 1;
  } finally {
    await runtime.close();
  }
}
