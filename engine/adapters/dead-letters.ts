/**
 * Reading and redriving a dead-letter queue (engine/orchestrator/dead-letter.ts writes the letters). A
 * redrive works on a snapshot: the letters in the queue when it starts, each once. Azure Storage queues
 * have no cursor, so the snapshot is kept by hand: every message received stays invisible (its lease) while
 * the redrive runs, letters that arrive meanwhile (inserted after the start, or the letter of a run this
 * redrive started) are held back and made visible again at the end, for the next redrive.
 */
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import type { DeadLetterMessage } from '../orchestrator/dead-letter';

/** A dead-letter queue's contents as `GET /api/dead-letters/{queue}` and `sluice dlq list --json` show them. */
export interface DeadLetterListing {
  queue: string;
  approximateCount: number;
  messages: Array<{ messageId: string; insertedOn: string; letter?: DeadLetterMessage }>;
}

/** A queue message's text as the dead letter the orchestrator sent (base64 JSON), or undefined. */
export function readDeadLetter(text: string): DeadLetterMessage | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as DeadLetterMessage;
    return typeof value?.runId === 'string' && typeof value.workflow === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The first letters of a queue, peeked: dequeue counts stay as they are; the service shows at most 32. */
export async function listDeadLetters(queue: QueueClient): Promise<DeadLetterListing> {
  const { approximateMessagesCount = 0 } = await queue.getProperties();
  const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
  return {
    queue: queue.name,
    approximateCount: approximateMessagesCount,
    messages: peekedMessageItems.map((item) => {
      const letter = readDeadLetter(item.messageText);
      return { messageId: item.messageId, insertedOn: item.insertedOn.toISOString(), ...(letter ? { letter } : {}) };
    }),
  };
}

/** What redriving one letter did: the new run's id, or why the letter stays. */
export type RedriveResult = { ok: true; runId: string } | { ok: false; reason: string };

/** What a redrive did with the snapshot. */
export interface RedriveReport {
  redriven: Array<{ letter: DeadLetterMessage; runId: string }>;
  kept: Array<{ messageId: string; runId?: string; reason: string }>;
  /** Letters that arrived while it ran, left for the next redrive. */
  leftForNext: number;
}

/** How long a received message stays invisible: longer than a redrive of a large queue takes. */
const LEASE_SECONDS = 10 * 60;

/**
 * Redrives each letter present in `queue` at the start once (`redriveOne`), deleting the letters it
 * redrove; kept letters and letters that arrived meanwhile are visible again when it returns.
 */
export async function redriveDeadLetters(
  queue: QueueClient,
  redriveOne: (letter: DeadLetterMessage) => Promise<RedriveResult>,
  onEach: (outcome: { letter?: DeadLetterMessage; messageId: string; result: RedriveResult }) => void = () => undefined,
): Promise<RedriveReport> {
  // The service's clock, not ours: insertion times are the service's (to the second).
  const startedAt = (await queue.getProperties()).date ?? new Date();
  const report: RedriveReport = { redriven: [], kept: [], leftForNext: 0 };
  const seen = new Set<string>();
  // Runs this redrive started: their letters are new even when inserted in the second it started.
  const started = new Set<string>();
  // Messages to make visible again at the end, with their latest pop receipts.
  const held = new Map<string, string>();
  const heldBack = new Set<string>();
  try {
    for (;;) {
      const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: LEASE_SECONDS });
      let fresh = 0;
      for (const message of receivedMessageItems) {
        if (seen.has(message.messageId)) {
          // Its lease ran out while this redrive went on: hold it again (it was handled or is new).
          held.set(message.messageId, message.popReceipt);
          continue;
        }
        seen.add(message.messageId);
        fresh++;
        const letter = readDeadLetter(message.messageText);
        if (isNewer(message, startedAt) || (letter && started.has(letter.runId))) {
          held.set(message.messageId, message.popReceipt);
          heldBack.add(message.messageId);
          continue;
        }
        const result: RedriveResult = letter ? await redriveOne(letter) : { ok: false, reason: 'not a Sluice dead letter' };
        onEach({ letter, messageId: message.messageId, result });
        if (result.ok && letter) {
          started.add(result.runId);
          await queue.deleteMessage(message.messageId, message.popReceipt);
          report.redriven.push({ letter, runId: result.runId });
        } else if (!result.ok) {
          held.set(message.messageId, message.popReceipt);
          report.kept.push({ messageId: message.messageId, ...(letter ? { runId: letter.runId } : {}), reason: result.reason });
        }
      }
      // An empty answer, or only messages seen before: every letter of the snapshot has been handled.
      if (fresh === 0) break;
    }
  } finally {
    await release(queue, held);
  }
  report.leftForNext = heldBack.size;
  return report;
}

function isNewer(message: DequeuedMessageItem, startedAt: Date): boolean {
  // Insertion times have whole seconds: a letter inserted in the second the redrive started counts as
  // present (unless a run of this redrive wrote it, which the caller's `started` set catches).
  return message.insertedOn.getTime() > Math.floor(startedAt.getTime() / 1000) * 1000;
}

async function release(queue: QueueClient, held: Map<string, string>): Promise<void> {
  await Promise.all(
    [...held].map(([messageId, popReceipt]) =>
      // A stale receipt means the lease ran out already: the message is visible anyway.
      queue.updateMessage(messageId, popReceipt, undefined, 0).catch(() => undefined),
    ),
  );
}
