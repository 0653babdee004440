/**
 * Item 8, expressions: evaluations per second of typical `${{ }}` values through compiled templates
 * (parsed once, as the orchestrator does), against jexl's own evaluator on the same compiled
 * expressions, and against parsing on every evaluation.
 */
import { Jexl } from 'jexl';
import { compileValue, evaluateString, evaluateValue } from '../engine/expressions';
import { figure, type Figure } from './figure';
import { compare, rounded, type Rounds } from './measure';
import { profileTop, sharesText } from './profile';
import type { Sizes } from './sizes';

const scope = {
  input: { count: 7, orderId: 'A-1001', customer: 'acme', total: 1250.5, lines: [{ sku: 'x', qty: 2 }, { sku: 'y', qty: 1 }] },
  steps: { classify: { output: { category: 'priority', score: 0.92 } }, price: { output: { status: 200, body: { amount: 99.5 } } } },
  run: { id: 'run-1', workflow: 'order-intake', startedAt: '2024-01-01T00:00:00.000Z' },
};

/** Typical values: the template form, and the bare jexl expression(s) jexl would evaluate for it. */
const CASES: Array<{ name: string; value: unknown; jexl: string[] }> = [
  { name: 'arithmetic', value: '${{ input.count * 2 }}', jexl: ['input.count * 2'] },
  { name: 'interpolation', value: 'Order ${{ input.orderId }} for ${{ input.customer }}', jexl: ['input.orderId', 'input.customer'] },
  { name: 'comparison', value: "${{ steps.classify.output.category == 'priority' && input.total > 1000 }}", jexl: ["steps.classify.output.category == 'priority' && input.total > 1000"] },
  {
    name: 'object literal',
    value: { id: '${{ input.orderId }}', amount: '${{ steps.price.output.body.amount }}', lines: '${{ input.lines }}' },
    jexl: ['{ id: input.orderId, amount: steps.price.output.body.amount, lines: input.lines }'],
  },
];

/** Measures item 8: one figure per expression shape, plus the mix. */
export async function measureExpressions(sizes: Sizes['expressions']): Promise<Figure[]> {
  const jexl = new Jexl();
  const figures: Figure[] = [];
  const n = sizes.evaluations;
  for (const c of CASES) {
    const compiled = compileValue(c.value);
    const jexlCompiled = c.jexl.map((source) => jexl.compile(source));
    // Sanity: the two evaluators agree on the interpolated parts (a broken evaluator would be fast).
    if (c.name === 'arithmetic' && evaluateValue(compiled, scope) !== jexlCompiled[0].evalSync(scope)) throw new Error('evaluators disagree');
    const result = await compare(
      {
        a: () => {
          for (let i = 0; i < n; i++) evaluateValue(compiled, scope);
        },
        b: () => {
          for (let i = 0; i < n; i++) for (const expression of jexlCompiled) expression.evalSync(scope);
        },
      },
      () => undefined,
      sizes.rounds,
    );
    const uncompiled = await compare(
      { a: () => undefined, b: () => { for (let i = 0; i < n / 10; i++) evaluateString(typeof c.value === 'string' ? c.value : JSON.stringify(c.value), scope); } },
      () => undefined,
      { warmup: 0, repetitions: 1 },
    );
    figures.push(
      figure(8, `expressions, compiled template: ${c.name}`, n / (result.a.cpuMs / 1000), 'evaluations/s', {
        detail: {
          jexlEvalSyncPerSecond: rounded(n / (result.b.cpuMs / 1000)),
          versusJexl: rounded(result.b.cpuMs / result.a.cpuMs),
          parseEveryTimePerSecond: rounded(n / 10 / (uncompiled.b.cpuMs / 1000)),
        },
      }),
    );
  }
  const mix = CASES.map((c) => compileValue(c.value));
  const evaluateMix = () => {
    for (let i = 0; i < n; i++) for (const compiled of mix) evaluateValue(compiled, scope);
  };
  const { a: mixed } = await compare({ a: evaluateMix, b: () => undefined }, () => undefined, sizes.rounds);
  const shares = await profileTop(evaluateMix, 6, 300, 'function');
  figures.push(
    figure(8, 'expressions, compiled templates: the four shapes mixed', (n * mix.length) / (mixed.cpuMs / 1000), 'evaluations/s', {
      limit: `profile (self time): ${sharesText(shares)}`,
    }),
  );
  return figures;
}
