/**
 * Virtual time for a case. The embedded host runs on a TestClock that only this driver moves: whenever
 * the host is quiet (no episode to run) and every running activity is a mock waiting out its `delay`,
 * time jumps to the next due moment: a Durable timer (waits, timeouts, retry intervals), a mock's
 * answer or an event the case raises `after` a delay. So a 24 h approval timeout takes milliseconds.
 */
import { TestClock, type LocalDurableHost } from '../adapters/local/durable';

/** The moment every case starts at (orchestration time; runs see it as `run.startedAt`). */
export const CASE_START = Date.parse('2026-01-01T00:00:00Z');

/** How a drive ended: the run finished, or nothing more can happen while it still runs. */
export type DriveEnd = 'finished' | 'stalled' | 'timeLimit';

/** The clock of one case and what is due on it. */
export class VirtualTime {
  readonly clock = new TestClock({ start: CASE_START, autoAdvance: false });
  private readonly due: number[] = [];
  /** Mock activities running now, and how many of them wait on the clock. */
  running = 0;
  sleeping = 0;

  /** Calls `fire` at virtual time `at`. */
  at(at: number, fire: () => void): void {
    this.due.push(at);
    this.clock.schedule(at, () => {
      this.due.splice(this.due.indexOf(at), 1);
      fire();
    });
  }

  /** Resolves after `ms` of virtual time. */
  sleep(ms: number): Promise<void> {
    this.sleeping++;
    return new Promise((resolve) =>
      this.at(this.clock.now() + ms, () => {
        this.sleeping--;
        resolve();
      }),
    );
  }

  /**
   * Moves time until `finished()` holds, nothing more can happen, or virtual time passes `limitMs` after
   * the start (a workflow that loops on timers forever).
   */
  async drive(host: LocalDurableHost, finished: () => boolean, limitMs: number): Promise<DriveEnd> {
    for (let calm = 0; ; ) {
      await new Promise((resolve) => setImmediate(resolve));
      if (finished()) return 'finished';
      if (!host.quiet || this.running > this.sleeping) {
        calm = 0;
        continue;
      }
      const next = Math.min(host.nextTimerAt(), ...this.due);
      if (next === Infinity) {
        // Quiet twice in a row with nothing due: the run waits for something the case never sends.
        if (++calm >= 2) return 'stalled';
        continue;
      }
      if (next > CASE_START + limitMs) return 'timeLimit';
      calm = 0;
      this.clock.advanceTo(next);
    }
  }
}
