/**
 * Property test: mutated valid definitions (characters dropped, inserted, swapped; lines duplicated or
 * removed; keys renamed) never make the linter throw or hang, and every diagnostic lies inside the file.
 * And one mistake, one error, every mistake in one pass: k independent mistakes, each in its own step,
 * give at least k errors and at most 2k.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../engine/lint/lint';
import { mutation, seeds } from '../support/yaml-mutations';

function insideFile(text: string, line: number, column: number): boolean {
  const lines = text.split('\n');
  return line >= 1 && line <= lines.length && column >= 1 && column <= (lines[line - 1]?.length ?? 0) + 1;
}

describe('linter on mutated definitions', () => {
  it('never throws and keeps every position inside the file', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
        const text = mutations.reduce((t, m) => m(t), seeds[seed]);
        const { diagnostics } = lintFiles([{ file: 'm.yaml', text }], { activities: ['reserveStock', 'checkLine'] });
        for (const d of diagnostics) {
          expect(insideFile(text, d.line, d.column), `${d.code} at ${d.line}:${d.column}`).toBe(true);
          expect(insideFile(text, d.endLine, d.endColumn), `${d.code} ends at ${d.endLine}:${d.endColumn}`).toBe(true);
          expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
        }
      }),
      // Sized for a 2-core machine shared with other suites; each run lints one file.
      { numRuns: 400, interruptAfterTimeLimit: 20_000 },
    );
  }, 30_000);

  it('k independent mistakes give between k and 2k errors', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: SLOTS - 1 }), { minLength: 1, maxLength: SLOTS }), fc.array(fc.nat({ max: 9 }), { minLength: SLOTS, maxLength: SLOTS }), fc.boolean(), (slots, picks, topLevel) => {
        const chosen = new Map(slots.map((slot) => [slot, mistakesFor(slot)[picks[slot] % mistakesFor(slot).length]]));
        const text = workflowWith(chosen, topLevel);
        const k = chosen.size + (topLevel ? 1 : 0);
        const errors = lintFiles([{ file: 'k.yaml', text }], { activities: ['reserveStock'] }).diagnostics.filter((d) => d.severity === 'error');
        const listed = errors.map((d) => `${d.line}: ${d.code} ${d.message}`).join('\n');
        expect(errors.length, `${k} mistakes:\n${text}\n${listed}`).toBeGreaterThanOrEqual(k);
        expect(errors.length, `${k} mistakes:\n${text}\n${listed}`).toBeLessThanOrEqual(2 * k);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  }, 30_000);

  it('an alias bomb fails fast instead of expanding', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(i === 0 ? 'x' : `*l${i}`).join(', ')}]`);
    const text = `name: bomb\n${levels.join('\n')}\nsteps: [{ id: a, set: 1 }]\n`;
    const { diagnostics } = lintFiles([{ file: 'bomb.yaml', text }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['alias-limit']);
  });
});

/** Steps of the generated workflow that a mistake may go into (a step `first` before them stays right). */
const SLOTS = 8;
type Mistake = 'extra-key' | 'duplicate-id' | 'bad-timeout' | 'kind-typo' | 'bad-queue' | 'unknown-step' | 'bad-method';
const shapeOf = (slot: number) => (['http', 'queue', 'set'] as const)[slot % 3];

function mistakesFor(slot: number): Mistake[] {
  const common: Mistake[] = ['extra-key', 'duplicate-id', 'bad-timeout'];
  const shape = shapeOf(slot);
  return [...common, ...(shape === 'http' ? (['kind-typo', 'bad-method'] as const) : shape === 'queue' ? (['bad-queue'] as const) : (['unknown-step'] as const))];
}

/** A valid workflow of SLOTS steps, with the chosen mistake in each chosen step (and an unknown top-level key). */
function workflowWith(mistakes: ReadonlyMap<number, Mistake>, topLevel: boolean): string {
  const lines = ['name: k-mistakes', ...(topLevel ? ['colour: blue'] : []), 'steps:', '  - id: first', '    set: 1'];
  for (let slot = 0; slot < SLOTS; slot++) {
    const mistake = mistakes.get(slot);
    lines.push(`  - id: ${mistake === 'duplicate-id' ? 'first' : `s${slot}`}`);
    if (mistake === 'extra-key') lines.push('    colour: blue');
    lines.push(`    timeout: ${mistake === 'bad-timeout' ? 'soon' : '30s'}`);
    const shape = shapeOf(slot);
    if (shape === 'http') lines.push(`    ${mistake === 'kind-typo' ? 'htpp' : 'http'}: { method: ${mistake === 'bad-method' ? 'FETCH' : 'GET'}, url: "https://api.example.com/\${{ steps.first.output }}" }`);
    if (shape === 'queue') lines.push(`    queue: { name: ${mistake === 'bad-queue' ? 'Bad_Queue' : 'orders-out'}, message: "\${{ steps.first.output }}" }`);
    if (shape === 'set') lines.push(`    set: "\${{ steps.${mistake === 'unknown-step' ? 'nosuch' : 'first'}.output }}"`);
  }
  return `${lines.join('\n')}\n`;
}
