/**
 * Runs activity functions with a concurrency limit and turns each outcome into the completion
 * event the SDK expects (`TaskCompleted` with a JSON `Result`, or `TaskFailed` with `Reason` and
 * `Details` worded like the extension).
 */
import { EventType, type HistoryEvent, historyEvent, jsonText } from './events';
import { type ActivityHandler, newInvocationContext } from './registrations';

/** One activity to run for an instance's task id. */
export interface ActivityJob {
  workId: number;
  instanceId: string;
  taskId: number;
  name: string;
  input: unknown;
}

/** A queue of activity jobs, at most `limit` running at once. */
export class ActivityRunner {
  private readonly queue: ActivityJob[] = [];
  private running = 0;

  constructor(
    private readonly handlers: (name: string) => ActivityHandler | undefined,
    private readonly limit: number,
    private readonly done: (job: ActivityJob, completion: HistoryEvent) => void,
  ) {}

  /** Whether nothing is queued or running. */
  get idle(): boolean {
    return this.running === 0 && this.queue.length === 0;
  }

  /** Queues a job; it starts as soon as a slot is free. */
  enqueue(job: ActivityJob): void {
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    while (this.running < this.limit && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(job: ActivityJob): Promise<void> {
    const timestamp = new Date().toISOString(); // replaced by the episode's time when delivered
    const handler = this.handlers(job.name);
    let completion: HistoryEvent;
    try {
      if (!handler) throw new Error(`The activity function '${job.name}' is not registered.`);
      const result = await handler(job.input, newInvocationContext(job.name));
      completion = historyEvent(EventType.TaskCompleted, timestamp, { TaskScheduledId: job.taskId, Result: jsonText(result) });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const details = err instanceof Error ? (err.stack ?? message) : message;
      completion = historyEvent(EventType.TaskFailed, timestamp, { TaskScheduledId: job.taskId, Reason: `Activity function '${job.name}' failed: ${message}`, Details: details });
    }
    this.done(job, completion);
  }
}
