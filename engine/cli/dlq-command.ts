/**
 * `sluice dlq list <queue>` and `sluice dlq redrive <queue>`: dead-lettered runs. `list` reads the letters
 * through the runtime's API (`GET /api/dead-letters/{queue}`), so a URL is all it needs, locally or in
 * Azure. `redrive` takes the letters in the queue when it starts and re-submits each once
 * (`POST /api/runs/{id}/redrive`), deleting the ones it redrove; a redriven run that fails again leaves a
 * new letter for the next redrive. It reads the queue itself, so it needs the storage connection: the
 * running serve's, or `AzureWebJobsStorage`.
 */
import { QueueClient } from '@azure/storage-queue';
import { parseArgs } from 'node:util';
import { listDeadLetters, redriveDeadLetters, type DeadLetterListing, type RedriveResult } from '../adapters/dead-letters';
import { findProjectRoot } from '../adapters/project-root';
import type { DeadLetterMessage } from '../orchestrator/dead-letter';
import { dataDirUsage, takeDataDir } from './data-dir';
import { UsageError, type CliIo } from './io';
import { redriveQuery } from './redrive-command';
import { callRuntime, connectRuntime, runningServe, RuntimeCallError } from './runtime-client';

export const dlqUsage = `usage: sluice dlq list <queue> [--json] [--url <runtime url>] ${dataDirUsage}\n       sluice dlq redrive <queue> [--from-failed] [--url <runtime url>] ${dataDirUsage}`;

/** Runs `sluice dlq`. */
export async function dlqCommand(args: readonly string[], io: CliIo): Promise<number> {
  const root = findProjectRoot(io.cwd);
  const { dataDir, rest } = takeDataDir(args, io, root);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, url: { type: 'string' }, 'from-failed': { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [sub, queueName, ...extra] = parsed.positionals;
  if ((sub !== 'list' && sub !== 'redrive') || !queueName || extra.length > 0) throw new UsageError('use `dlq list <queue>` or `dlq redrive <queue>`');
  const runtime = await connectRuntime(root, { url: parsed.values.url, dataDir });
  try {
    if (sub === 'list') return await list(runtime.url, queueName, io, parsed.values.json === true);
    // A URL given by hand may be this project's serve: then its Azurite is the queue's storage.
    const serve = runtime.storage ? undefined : await runningServe(root);
    const storage = runtime.storage || (serve?.url === runtime.url ? serve.storage : '');
    if (!storage) throw new UsageError('redrive reads the queue itself: set AzureWebJobsStorage to the storage connection of the app at --url');
    const queue = new QueueClient(storage, queueName);
    if (!(await queue.exists())) {
      io.stderr(`queue ${queueName} does not exist`);
      return 1;
    }
    return await redrive(queue, runtime.url, io, parsed.values['from-failed'] === true);
  } finally {
    await runtime.close();
  }
}

async function list(url: string, queue: string, io: CliIo, json: boolean): Promise<number> {
  let listing: DeadLetterListing;
  try {
    listing = (await callRuntime<DeadLetterListing>(url, 'GET', `/api/dead-letters/${encodeURIComponent(queue)}`)).body;
  } catch (error) {
    if (!(error instanceof RuntimeCallError)) throw error;
    io.stderr(error.message);
    return 1;
  }
  if (json) {
    io.stdout(JSON.stringify(listing, null, 2));
    return 0;
  }
  const { approximateCount, messages } = listing;
  io.stdout(`${listing.queue}: about ${approximateCount} dead-lettered runs${approximateCount > messages.length ? ` (showing ${messages.length})` : ''}`);
  for (const { insertedOn, letter } of messages) {
    if (!letter) {
      io.stdout(`  ${insertedOn}  (not a Sluice dead letter)`);
      continue;
    }
    const attempt = letter.runAttempt && letter.runAttempt > 1 ? `, try ${letter.runAttempt} of run ${letter.originalRunId}` : '';
    io.stdout(`  ${letter.failedAt}  ${letter.workflow}  run ${letter.runId}  step ${letter.failedStep}  ${letter.error.name}: ${letter.error.message} (${letter.attempts} attempts${attempt})`);
  }
  return 0;
}

// `fromFailed`: each run from the step it failed at, reusing the outputs before it (`sluice redrive`).
async function redrive(queue: QueueClient, url: string, io: CliIo, fromFailed: boolean): Promise<number> {
  const query = fromFailed ? `?${redriveQuery(undefined, false)}` : '';
  const redriveOne = async (letter: DeadLetterMessage): Promise<RedriveResult> => {
    try {
      const { body } = await callRuntime<{ runId: string }>(url, 'POST', `/api/runs/${encodeURIComponent(letter.runId)}/redrive${query}`, letter);
      return { ok: true, runId: body.runId };
    } catch (error) {
      if (!(error instanceof RuntimeCallError)) throw error;
      return { ok: false, reason: error.message };
    }
  };
  const report = await redriveDeadLetters(queue, redriveOne, ({ letter, messageId, result }) => {
    if (result.ok) io.stdout(`redrove run ${letter!.runId} of ${letter!.workflow} as ${result.runId}`);
    else io.stderr(letter ? `kept run ${letter.runId}: ${result.reason}` : `kept message ${messageId}: ${result.reason}`);
  });
  const later = report.leftForNext > 0 ? `; ${report.leftForNext} arrived meanwhile, left for the next redrive` : '';
  io.stdout(`${report.redriven.length} redriven, ${report.kept.length} kept in ${queue.name}${later}`);
  return report.kept.length > 0 ? 1 : 0;
}
