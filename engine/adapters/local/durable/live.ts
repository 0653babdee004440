/**
 * The in-memory image of one running instance: the committed row, the execution book, the
 * history as JSON texts and the pending work the host holds for it. Histories stay in memory
 * between episodes; the store only receives appends.
 */
import type { ExecutionBook } from './book';
import type { Message } from './episode';
import type { InstanceRow, WorkRow } from './store';

/** A pending message with the work row that persists it. */
export interface Delivery {
  work: WorkRow;
  message: Message;
}

/** A running instance as the host holds it. */
export interface LiveInstance {
  row: InstanceRow;
  book: ExecutionBook;
  played: string[];
  /** Messages ready for an episode, oldest first (due timers join here). */
  inbox: Delivery[];
  /** Timers not yet due: timer id → its row and the clock cancel function. */
  timers: Map<number, { work: WorkRow; fireAt: number; cancel: () => void }>;
  /** Activity rows whose results are still awaited: work id → row. */
  activities: Map<number, WorkRow>;
  /** The time of the latest episode: episode timestamps never go backwards. */
  lastTime: number;
  queued: boolean;
}

/** A live instance built from its committed row and history. */
export function liveInstance(row: InstanceRow, played: string[]): LiveInstance {
  return {
    row,
    book: JSON.parse(row.book) as ExecutionBook,
    played,
    inbox: [],
    timers: new Map(),
    activities: new Map(),
    lastTime: row.updatedAt,
    queued: false,
  };
}

/** Takes the next message for an episode: a termination first, then the oldest delivery. */
export function nextDelivery(live: LiveInstance): Delivery | undefined {
  const terminate = live.inbox.findIndex((d) => d.message.type === 'terminate');
  if (terminate >= 0) return live.inbox.splice(terminate, 1)[0];
  return live.inbox.shift();
}

/** A message row for an instance's current generation. */
export function messageRow(live: { row: InstanceRow }, message: Message): WorkRow {
  return { instanceId: live.row.id, generation: live.row.generation, kind: 'message', dueAt: null, body: JSON.stringify(message) };
}
