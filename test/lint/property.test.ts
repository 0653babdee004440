/**
 * Property test: mutated valid definitions (characters dropped, inserted, swapped; lines duplicated or
 * removed; keys renamed) never make the linter throw or hang, and every diagnostic lies inside the file.
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

  it('an alias bomb fails fast instead of expanding', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(i === 0 ? 'x' : `*l${i}`).join(', ')}]`);
    const text = `name: bomb\n${levels.join('\n')}\nsteps: [{ id: a, set: 1 }]\n`;
    const { diagnostics } = lintFiles([{ file: 'bomb.yaml', text }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['alias-limit']);
  });
});
