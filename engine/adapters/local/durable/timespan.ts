/** .NET TimeSpan text (`d.hh:mm:ss[.fff]` or `hh:mm:ss`), as the extension sends timer settings. */

/** Milliseconds in a TimeSpan string such as `"6.00:00:00"`. */
export function timeSpanMs(text: string): number {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match) throw new Error(`Not a TimeSpan: '${text}' (expected d.hh:mm:ss)`);
  const [, days, hours, minutes, seconds] = match;
  return Math.round(((Number(days ?? 0) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000);
}
