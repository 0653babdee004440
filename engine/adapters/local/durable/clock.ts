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

/**
 * The wall clock: one real `setTimeout` for the earliest pending call, the others in a binary heap.
 * A `setTimeout` per Durable timer cost about 500 bytes of heap each (a Timeout object with its
 * property array, and closures): 50 MB for 100,000 runs parked on a `waitForEvent` timeout.
 */
export class WallClock implements Clock {
  private readonly heap: WallCall[] = [];
  private seq = 0;
  private handle: NodeJS.Timeout | undefined;
  private armedAt = Infinity;
  private cancelled = 0;

  now(): number {
    return Date.now();
  }

  schedule(at: number, fire: () => void): () => void {
    const call: WallCall = { at, seq: this.seq++, fire, cancelled: false };
    push(this.heap, call);
    if (at < this.armedAt) this.arm();
    return () => {
      if (call.cancelled) return;
      call.cancelled = true;
      call.fire = noop; // a cancelled 24 h timeout must not hold its finished instance until then
      if (++this.cancelled > 1024 && this.cancelled > this.heap.length / 2) this.compact();
    };
  }

  // Drops cancelled calls (a sorted array is a heap).
  private compact(): void {
    const live = this.heap.filter((call) => !call.cancelled).sort((a, b) => (before(a, b) ? -1 : 1));
    this.heap.length = 0;
    this.heap.push(...live);
    this.cancelled = 0;
  }

  // One timeout for the earliest live call; cancelled calls are dropped when they reach the top.
  private arm(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) {
      pop(this.heap);
      this.cancelled--;
    }
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
    this.armedAt = Infinity;
    const next = this.heap[0];
    if (!next) return;
    this.armedAt = next.at;
    this.handle = setTimeout(() => this.fireDue(), Math.max(0, Math.min(next.at - Date.now(), MAX_TIMEOUT_MS)));
    // A pending Durable timer must not keep a CLI process alive on its own.
    this.handle.unref?.();
  }

  private fireDue(): void {
    this.handle = undefined;
    this.armedAt = Infinity;
    const now = Date.now();
    const due: WallCall[] = [];
    while (this.heap.length > 0 && this.heap[0]!.at <= now) {
      const call = pop(this.heap)!;
      if (!call.cancelled) due.push(call);
      else this.cancelled--;
    }
    this.arm();
    for (const call of due) call.fire();
  }
}

const noop = (): void => undefined;

interface WallCall {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

const before = (a: WallCall, b: WallCall): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

function push(heap: WallCall[], call: WallCall): void {
  heap.push(call);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function pop(heap: WallCall[]): WallCall | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
      if (right < heap.length && before(heap[right]!, heap[least]!)) least = right;
      if (least === i) break;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
  return top;
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
