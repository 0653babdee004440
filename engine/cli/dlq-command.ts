/**
 * `sluice dlq list <queue>` and `sluice dlq redrive <queue>`: dead-lettered runs. A redrive re-submits each
 * dead letter once (the new run's id derives from the original's, and it is linked to it in run history),
 * then deletes the message; a letter that cannot be redriven stays in the queue.
 */
import { QueueClient } from '@azure/storage-queue';
import { parseArgs } from 'node:util';
import { findProjectRoot } from '../adapters/project-root';
import type { DeadLetterMessage } from '../orchestrator/dead-letter';
import { dataDirUsage, takeDataDir } from './data-dir';
import { UsageError, type CliIo } from './io';
import { callRuntime, connectRuntime, RuntimeCallError } from './runtime-client';

export const dlqUsage = `usage: sluice dlq list <queue> [--json] ${dataDirUsage}\n       sluice dlq redrive <queue> [--url <serve url>] ${dataDirUsage}`;

/** Runs `sluice dlq`. */
export async function dlqCommand(args: readonly string[], io: CliIo): Promise<number> {
  const root = findProjectRoot(io.cwd);
  const { dataDir, rest } = takeDataDir(args, io, root);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, url: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [sub, queueName, ...extra] = parsed.positionals;
  if ((sub !== 'list' && sub !== 'redrive') || !queueName || extra.length > 0) throw new UsageError('use `dlq list <queue>` or `dlq redrive <queue>`');
  const runtime = await connectRuntime(root, { url: parsed.values.url, dataDir });
  try {
    if (!runtime.storage) throw new UsageError('no storage connection: set AzureWebJobsStorage or start `sluice serve`');
    const queue = new QueueClient(runtime.storage, queueName);
    if (!(await queue.exists())) {
      io.stderr(`queue ${queueName} does not exist`);
      return 1;
    }
    return sub === 'list' ? await list(queue, io, parsed.values.json === true) : await redrive(queue, runtime.url, io);
  } finally {
    await runtime.close();
  }
}

async function list(queue: QueueClient, io: CliIo, json: boolean): Promise<number> {
  const { approximateMessagesCount = 0 } = await queue.getProperties();
  // Peeking changes nothing (receiving would raise dequeue counts); the service shows at most 32.
  const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
  const letters = peekedMessageItems.map((item) => ({ messageId: item.messageId, insertedOn: item.insertedOn.toISOString(), letter: decode(item.messageText) }));
  if (json) {
    io.stdout(JSON.stringify({ queue: queue.name, approximateCount: approximateMessagesCount, messages: letters }, null, 2));
    return 0;
  }
  io.stdout(`${queue.name}: about ${approximateMessagesCount} dead-lettered runs${approximateMessagesCount > letters.length ? ` (showing ${letters.length})` : ''}`);
  for (const { insertedOn, letter } of letters) {
    if (!letter) {
      io.stdout(`  ${insertedOn}  (not a Sluice dead letter)`);
      continue;
    }
    io.stdout(`  ${letter.failedAt}  ${letter.workflow}  run ${letter.runId}  step ${letter.failedStep}  ${letter.error.name}: ${letter.error.message} (${letter.attempts} attempts)`);
  }
  return 0;
}

async function redrive(queue: QueueClient, url: string, io: CliIo): Promise<number> {
  let redriven = 0;
  let kept = 0;
  for (;;) {
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 60 });
    if (receivedMessageItems.length === 0) break;
    for (const message of receivedMessageItems) {
      const letter = decode(message.messageText);
      if (!letter) {
        kept++;
        io.stderr(`kept message ${message.messageId}: not a Sluice dead letter`);
        continue;
      }
      try {
        const { body } = await callRuntime<{ runId: string }>(url, 'POST', `/api/runs/${encodeURIComponent(letter.runId)}/redrive`, letter);
        await queue.deleteMessage(message.messageId, message.popReceipt);
        redriven++;
        io.stdout(`redrove run ${letter.runId} of ${letter.workflow} as ${body.runId}`);
      } catch (error) {
        if (!(error instanceof RuntimeCallError)) throw error;
        kept++;
        io.stderr(`kept run ${letter.runId}: ${error.message}`);
      }
    }
  }
  io.stdout(`${redriven} redriven, ${kept} kept in ${queue.name}`);
  return kept > 0 ? 1 : 0;
}

/** A queue message as the dead letter the orchestrator sent (base64 JSON), or undefined. */
function decode(text: string): DeadLetterMessage | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as DeadLetterMessage;
    return typeof value?.runId === 'string' && typeof value.workflow === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
