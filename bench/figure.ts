/**
 * What a benchmark reports: figures with their goal and what limits them, printed as one table and
 * written to bench/results.json.
 */
import { rounded } from './measure';

/** One reported number. */
export interface Figure {
  /** Issue 7's item number (1–8). */
  item: number;
  name: string;
  /** Null when the figure could not be measured (see `note`). */
  value: number | null;
  unit: string;
  /** The goal as text (`≤ 1.2`, `≥ 2000`), when the issue sets one. */
  goal?: { op: '<=' | '>='; target: number };
  /** What the value is made of and what else was seen. */
  detail?: Record<string, unknown>;
  /** Where the time goes / what bounds the figure. */
  limit?: string;
  note?: string;
}

/** Builds a figure, rounding its value. */
export function figure(item: number, name: string, value: number | null, unit: string, extra: Omit<Figure, 'item' | 'name' | 'value' | 'unit'> = {}): Figure {
  return { item, name, value: value === null ? null : rounded(value), unit, ...extra };
}

/** A figure that was not measured, with the reason. */
export function notMeasured(item: number, name: string, unit: string, reason: string, goal?: Figure['goal']): Figure {
  return { item, name, value: null, unit, ...(goal ? { goal } : {}), note: `not measured: ${reason}` };
}

/** Whether the figure meets its goal; undefined when it has none or no value. */
export function meets(f: Figure): boolean | undefined {
  if (!f.goal || f.value === null) return undefined;
  return f.goal.op === '<=' ? f.value <= f.goal.target : f.value >= f.goal.target;
}

/** The figures as a Markdown table (the README's Performance section uses the same). */
export function markdownTable(figures: readonly Figure[]): string {
  const rows = [
    '| # | measurement | value | goal | met |',
    '|---|---|---|---|---|',
    ...figures.map((f) => {
      const value = f.value === null ? 'not measured' : `${f.value} ${f.unit}`;
      const goal = f.goal ? `${f.goal.op === '<=' ? '≤' : '≥'} ${f.goal.target}` : '–';
      const met = meets(f);
      return `| ${f.item} | ${f.name} | ${value} | ${goal} | ${met === undefined ? '–' : met ? 'yes' : '**no**'} |`;
    }),
  ];
  return rows.join('\n');
}
