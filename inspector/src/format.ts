/** How times, durations and statuses read on the page (the CLI's `render.ts` rules, for people). */

/** 850ms, 2.4s, 3m 05s, 2h 10m. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** An ISO time as `2025-03-01 10:00:00Z`. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z` : '—';
}

/** How long a run or step has taken: its recorded duration, or up to now while it is going. */
export function elapsed(startedAt: string | null | undefined, endedAt: string | null | undefined, durationMs?: number | null): number | undefined {
  if (durationMs !== null && durationMs !== undefined) return durationMs;
  if (!startedAt) return undefined;
  return Math.max(0, (endedAt ? Date.parse(endedAt) : Date.now()) - Date.parse(startedAt));
}
