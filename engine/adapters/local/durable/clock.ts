/**
 * Where the local Durable host takes time from. Orchestrators see it only through
 * `OrchestratorStarted.Timestamp`, so swapping the clock never touches orchestrator code.
 */

/** A source of time plus a way to be called back when a moment arrives. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fire` once `now() >= at`; returns a function that cancels the call. */
  schedule(at: number, fire: () => void): () => void;
  /** Called by the host when nothing runs and the earliest timer is due at `nextDueAt`. */
  idle?(nextDueAt: number): void;
}

// setTimeout overflows above 2^31-1 ms (about 24.8 days); longer waits re-arm in steps.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The wall clock: timers are real `setTimeout`s. */
export class WallClock implements Clock {
  now(): number {
    return Date.now();
  }

  schedule(at: number, fire: () => void): () => void {
    let handle: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const wait = at - Date.now();
      if (wait <= 0) {
        handle = undefined;
        fire();
        return;
      }
      handle = setTimeout(arm, Math.min(wait, MAX_TIMEOUT_MS));
      // A pending Durable timer must not keep a CLI process alive on its own.
      handle.unref?.();
    };
    arm();
    return () => {
      if (handle) clearTimeout(handle);
    };
  }
}

interface PendingCall {
  at: number;
  seq: number;
  fire: () => void;
}

/**
 * A manual clock for tests: time moves only through `advance`/`advanceTo`, or, with
 * `autoAdvance`, jumps to the next due timer whenever the host has nothing else to do.
 */
export class TestClock implements Clock {
  private current: number;
  private readonly calls = new Set<PendingCall>();
  private seq = 0;
  autoAdvance: boolean;

  constructor(options: { start?: number | Date; autoAdvance?: boolean } = {}) {
    const start = options.start ?? Date.UTC(2024, 0, 1);
    this.current = typeof start === 'number' ? start : start.getTime();
    this.autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.current;
  }

  schedule(at: number, fire: () => void): () => void {
    const call = { at, seq: this.seq++, fire };
    if (at <= this.current) {
      queueMicrotask(fire);
      return () => undefined;
    }
    this.calls.add(call);
    return () => this.calls.delete(call);
  }

  /** Moves time forward by `ms` and fires every call that became due, in time order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** Moves time to `at` (never backwards) and fires every call that became due. */
  advanceTo(at: number): void {
    this.current = Math.max(this.current, at);
    const due = [...this.calls].filter((c) => c.at <= this.current).sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const call of due) {
      this.calls.delete(call);
      call.fire();
    }
  }

  idle(nextDueAt: number): void {
    if (this.autoAdvance && nextDueAt > this.current) this.advanceTo(nextDueAt);
  }
}
