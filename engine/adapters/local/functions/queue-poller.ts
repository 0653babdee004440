/**
 * Queue triggers on the embedded runtime, polling as the Functions host does: messages in batches, a
 * failed message retried after `visibilityTimeout` until its dequeue count reaches `maxDequeueCount`,
 * then moved to `<queue>-poison` with its body byte-for-byte intact. (Sluice's starter poisons a message
 * that can never pass itself, at once: engine/adapters/queue-intake.ts.)
 */
import { QueueClient, QueueServiceClient, type DequeuedMessageItem } from '@azure/storage-queue';
import type { QueueSettings } from '../../host-config';
import type { CapturedFunction } from '../durable/registrations';
import { contextFor, type DurableClientBindingValue } from './invoke';

/** Why a message did not reach its handler, or what the handler threw. */
export interface QueueFailure {
  queue: string;
  messageId: string;
  dequeueCount: number;
  error: string;
  poisoned: boolean;
}

/** Options of a poller. */
export interface QueuePollerOptions {
  service: QueueServiceClient;
  settings: QueueSettings;
  clientBinding: () => DurableClientBindingValue | undefined;
  /** Called for every failure, for logs and tests. */
  onFailure?: (failure: QueueFailure) => void;
  /** How long a message being processed stays invisible to other pollers. */
  leaseMs?: number;
  /** The shortest pause between empty polls; backoff doubles it up to `maxPollingIntervalMs`. */
  minPollingIntervalMs?: number;
}

/** Polls one captured queue function's queue until stopped. */
export class QueuePoller {
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private readonly queue: QueueClient;
  private readonly poison: QueueClient;

  constructor(private readonly fn: CapturedFunction, private readonly options: QueuePollerOptions) {
    const name = String(fn.options.queueName);
    this.queue = options.service.getQueueClient(name);
    this.poison = options.service.getQueueClient(`${name}-poison`);
  }

  /** Creates the queue when missing and starts polling. */
  async start(): Promise<void> {
    await this.queue.createIfNotExists();
    this.loop = this.run();
  }

  /** Stops polling and waits for the batch in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const minimum = this.options.minPollingIntervalMs ?? 100;
    let pause = minimum;
    while (!this.stopped) {
      let messages: DequeuedMessageItem[] = [];
      try {
        const response = await this.queue.receiveMessages({
          numberOfMessages: Math.min(32, Math.max(1, this.options.settings.batchSize)),
          visibilityTimeout: Math.ceil((this.options.leaseMs ?? 5 * 60_000) / 1000),
        });
        messages = response.receivedMessageItems;
      } catch (error) {
        if (this.stopped) return;
        process.stderr.write(`queue ${this.queue.name}: receive failed: ${(error as Error).message}\n`);
      }
      if (messages.length === 0) {
        await this.sleep(pause);
        pause = Math.min(pause * 2, Math.max(minimum, this.options.settings.maxPollingIntervalMs));
        continue;
      }
      pause = minimum;
      await Promise.all(messages.map((message) => this.process(message)));
    }
  }

  private async process(message: DequeuedMessageItem): Promise<void> {
    const { maxDequeueCount, visibilityTimeoutMs } = this.options.settings;
    try {
      const { text, value } = this.decode(message.messageText);
      const context = contextFor(this.fn, this.options.clientBinding(), {
        id: message.messageId,
        dequeueCount: message.dequeueCount,
        insertionTime: message.insertedOn.toISOString(),
        expirationTime: message.expiresOn.toISOString(),
        nextVisibleTime: message.nextVisibleOn.toISOString(),
        popReceipt: message.popReceipt,
        // The binding data carries the (decoded) text itself, whatever the value was parsed into.
        queueTrigger: text,
      });
      await (this.fn.handler as (m: unknown, c: unknown) => Promise<unknown>)(value, context);
      await this.queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      const poisoned = message.dequeueCount >= maxDequeueCount;
      this.options.onFailure?.({
        queue: this.queue.name,
        messageId: message.messageId,
        dequeueCount: message.dequeueCount,
        error: (error as Error).message,
        poisoned,
      });
      if (poisoned) {
        // The original text, not a re-encoding of what we decoded: the poison message is byte-identical.
        await this.poison.createIfNotExists();
        await this.poison.sendMessage(message.messageText);
        await this.queue.deleteMessage(message.messageId, message.popReceipt);
      } else {
        await this.queue.updateMessage(message.messageId, message.popReceipt, undefined, Math.ceil(visibilityTimeoutMs / 1000));
      }
    }
  }

  /** Decodes as the host does: base64 (host.json `messageEncoding: base64`), then JSON when the text is JSON. */
  private decode(wire: string): { text: string; value: unknown } {
    let text = wire;
    if (this.options.settings.messageEncoding === 'base64') {
      const bytes = Buffer.from(wire, 'base64');
      if (bytes.toString('base64').replace(/=+$/, '') !== wire.replace(/=+$/, '')) {
        throw new Error('the message is not valid base64 (host.json messageEncoding is base64)');
      }
      text = bytes.toString('utf8');
    }
    try {
      return { text, value: JSON.parse(text) };
    } catch {
      return { text, value: text };
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
