/**
 * The crash test's runs: which workflow, which input, and the step effects and output each must produce.
 */

/** A run the test starts, with what it must produce. */
export interface PlannedRun {
  id: string;
  workflow: 'crash-sequence' | 'crash-fanout';
  input: { n: number; items?: number[] };
  /** The step paths of its activity effects. */
  effects: string[];
  output: unknown;
}

export { seededRandom } from '../support/seeded-random';

/** Half sequences, half fan-outs with 1 to 4 forEach items. */
export function planRuns(count: number, random: () => number): PlannedRun[] {
  return Array.from({ length: count }, (_, n): PlannedRun => {
    const id = `crash-${n}`;
    if (n % 2 === 0) {
      return { id, workflow: 'crash-sequence', input: { n }, effects: ['first', 'second', 'third'], output: { n, last: `${id}/third` } };
    }
    const items = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => i);
    return {
      id,
      workflow: 'crash-fanout',
      input: { n, items },
      effects: ['fan.left', 'fan.right.after', ...items.map((i) => `each[${i}].touch`), 'last'],
      output: { n, touched: items.length },
    };
  });
}
