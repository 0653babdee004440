/** How times, durations and statuses read on the page (the CLI's `render.ts` rules, for people). */

import { formatDuration as durationText, formatTime as timeText } from '../../engine/history/format';

/** 850ms, 2.4s, 3m 05s, 2h 10m (as the CLI writes them); a dash for none. */
export const formatDuration = (ms: number | null | undefined): string => durationText(ms, '—');

/** An ISO time as `2025-03-01 10:00:00Z`; a dash for none. */
export const formatTime = (iso: string | null | undefined): string => timeText(iso, '—');

/** How long a run or step has taken: its recorded duration, or up to now while it is going. */
export function elapsed(startedAt: string | null | undefined, endedAt: string | null | undefined, durationMs?: number | null): number | undefined {
  if (durationMs !== null && durationMs !== undefined) return durationMs;
  if (!startedAt) return undefined;
  return Math.max(0, (endedAt ? Date.parse(endedAt) : Date.now()) - Date.parse(startedAt));
}
