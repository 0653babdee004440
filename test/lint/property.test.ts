/**
 * Property test: mutated valid definitions (characters dropped, inserted, swapped; lines duplicated or
 * removed; keys renamed) never make the linter throw or hang, and every diagnostic lies inside the file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../engine/lint/lint';

const root = path.join(__dirname, '..', '..');
const seeds = [
  ...readdirSync(path.join(root, 'workflows')).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(path.join(root, 'workflows', f), 'utf8')),
  ...readdirSync(path.join(__dirname, 'ok')).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(path.join(__dirname, 'ok', f), 'utf8')),
];
const tokens = [':', '-', ' ', '\n', '{', '}', '[', ']', '"', "'", '&a', '*a', '<<', '${{', '}}', '#', '|', '>', '\t', 'steps.', 'id: x', '__proto__', '!!str', '%'];

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 8 })).map(([at, length]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + length)),
  fc.tuple(fc.nat(), fc.constantFrom(...tokens)).map(([at, token]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + token + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const lines = t.split('\n');
    const [i, j] = [a % lines.length, b % lines.length];
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
  fc.nat().map((a): Mutation => (t) => {
    const lines = t.split('\n');
    lines.splice(a % lines.length, 0, lines[a % lines.length]);
    return lines.join('\n');
  }),
  fc.nat().map((a): Mutation => (t) => t.split('\n').filter((_, index, all) => index !== a % all.length).join('\n')),
);

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
