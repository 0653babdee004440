/**
 * The in-memory image of one running instance: the committed row, the execution book, the
 * history as JSON texts and the pending work the host holds for it. A warm instance keeps its
 * history in memory between episodes (the store only receives appends); a cold one (idle, beyond
 * the host's cache of runs) keeps only what routes deliveries to it, and is loaded from the store
 * before its next episode (host.ts `warm`).
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
  /** Whether `row` is slim and `played` and `book` are not loaded: the store has them. */
  cold: boolean;
}

const NOT_LOADED: string[] = [];
/** The activities of a cold instance that awaits none: shared, replaced before the first `set` (rounds.ts `runActivity`). */
export const NO_ACTIVITIES: ReadonlyMap<number, WorkRow> = new Map();
// Names and statuses repeat across every instance; rows read from SQLite bring a copy of each.
const interned = new Map<string, string>();
function intern(text: string): string {
  let kept = interned.get(text);
  if (kept === undefined) {
    if (interned.size > 1000) interned.clear();
    interned.set(text, text);
    kept = text;
  }
  return kept;
}

/** Drops what the store holds of an idle instance: its history, book, input, output and custom status. */
export function chill(live: LiveInstance): void {
  const { row } = live;
  // A literal of one fixed shape (not a spread), so its fields live in the object: about half the bytes.
  live.row = {
    id: row.id, name: intern(row.name), status: intern(row.status), input: null, output: null, customStatus: null, createdAt: row.createdAt, updatedAt: row.updatedAt,
    parentId: row.parentId, parentTaskId: row.parentTaskId, parentGeneration: row.parentGeneration, generation: row.generation, book: '',
  };
  live.played = NOT_LOADED;
  live.book = undefined as unknown as ExecutionBook;
  // A parked run holds tens of thousands of these: an empty Map or a drained array still has its table.
  if (live.activities.size === 0) live.activities = NO_ACTIVITIES as Map<number, WorkRow>;
  if (live.inbox.length === 0) live.inbox = [];
  live.cold = true;
}

/** Puts back what `chill` dropped, from the store's committed row and history. */
export function thaw(live: LiveInstance, row: InstanceRow, played: string[]): void {
  live.row = row;
  live.book = JSON.parse(row.book) as ExecutionBook;
  live.played = played;
  live.cold = false;
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
    cold: false,
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
