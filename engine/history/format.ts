/**
 * How times and durations read for people, the same in the CLI's tables (history/render.ts) and on the
 * inspector page (inspector/src/format.ts). Pure, no imports: the page bundles it.
 */

/** 850ms, 2.4s, 3m 05s, 2h 10m; `missing` for no duration. */
export function formatDuration(ms: number | null | undefined, missing = '-'): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return missing;
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** An ISO time shown as `2025-03-01 10:00:00Z`; `missing` for none. */
export function formatTime(iso: string | null | undefined, missing = '-'): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z` : missing;
}
