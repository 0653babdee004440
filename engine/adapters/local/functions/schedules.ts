/**
 * Timer triggers on the embedded runtime: each captured timer function fires at the next occurrence of
 * its NCRONTAB schedule (six fields, UTC) on the runtime's clock, with the host's `Timer` argument.
 */
import { CronExpressionParser } from 'cron-parser';
import type { Clock } from '../durable/clock';
import type { CapturedFunction } from '../durable/registrations';
import { contextFor, type DurableClientBindingValue } from './invoke';

/** The next time at or after `after` (exclusive) that an NCRONTAB expression names. */
export function nextOccurrence(cron: string, after: number): number {
  return CronExpressionParser.parse(cron, { currentDate: new Date(after), tz: 'UTC' }).next().getTime();
}

/** Fires captured timer functions on schedule until stopped. */
export class ScheduleRunner {
  private readonly cancels: Array<() => void> = [];
  private stopped = false;

  constructor(
    private readonly functions: CapturedFunction[],
    private readonly clock: Clock,
    private readonly clientBinding: () => DurableClientBindingValue | undefined,
  ) {}

  /** Arms every schedule. */
  start(): void {
    for (const fn of this.functions) this.arm(fn, this.clock.now());
  }

  /** Disarms every schedule. */
  stop(): void {
    this.stopped = true;
    for (const cancel of this.cancels.splice(0)) cancel();
  }

  private arm(fn: CapturedFunction, after: number): void {
    if (this.stopped) return;
    const cron = String(fn.options.schedule);
    const at = nextOccurrence(cron, after);
    this.cancels.push(
      this.clock.schedule(at, () => {
        const next = nextOccurrence(cron, at);
        const timer = {
          isPastDue: this.clock.now() - at > 1000,
          scheduleStatus: { last: new Date(at).toISOString(), next: new Date(next).toISOString(), lastUpdated: new Date(this.clock.now()).toISOString() },
        };
        const context = contextFor(fn, this.clientBinding(), { scheduledTime: new Date(at).toISOString() });
        Promise.resolve((fn.handler as (t: unknown, c: unknown) => Promise<unknown>)(timer, context)).catch((error: Error) => {
          process.stderr.write(`schedule ${fn.name} failed: ${error.message}\n`);
        });
        this.arm(fn, at);
      }),
    );
  }
}
