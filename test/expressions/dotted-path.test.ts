/**
 * Plain paths (`input.orderId`) are parsed without jexl; the AST must be exactly the one jexl builds,
 * and whatever jexl would refuse or read differently (keywords, prototype names) must go to jexl.
 */
import fc from 'fast-check';
import { Jexl } from 'jexl';
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../engine/expressions/parse';

const jexl = new Jexl();

// Sluice reads a bare `null` as the literal (jexl reads it as a name): the one rewrite of jexl's AST.
function withNullLiteral(ast: unknown): unknown {
  if (!ast || typeof ast !== 'object') return ast;
  const node = ast as Record<string, unknown>;
  if (node.type === 'Identifier' && node.value === 'null' && !node.from && !node.relative) return { type: 'Literal', value: null };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withNullLiteral(value)]));
}

function jexlOutcome(source: string): unknown {
  try {
    const ast = (jexl.compile(source) as unknown as { _getAst(): unknown })._getAst();
    return ast === undefined || ast === null ? 'refused' : { ast: withNullLiteral(ast) };
  } catch {
    return 'refused';
  }
}

const names = fc.oneof(
  fc.constantFrom('input', 'steps', 'output', 'orderId', 'in', 'true', 'false', 'null', 'toString', 'constructor', '__proto__', 'prototype', 'valueOf', 'hasOwnProperty', '$x', '_a1', 'NaN', 'é', 'a b', '1a', ''),
  fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,6}$/),
);
const paths = fc.tuple(fc.array(names, { minLength: 1, maxLength: 5 }), fc.constantFrom('', ' ', '  ', '\t', '\n'), fc.constantFrom('', ' ', '\n')).map(([segments, before, after]) => `${before}${segments.join('.')}${after}`);

describe('plain paths', () => {
  it('parse to the AST jexl builds, or go to jexl', () => {
    fc.assert(
      fc.property(paths, (source) => {
        const outcome = parseExpression(source);
        const expected = jexlOutcome(source);
        if (outcome.ok) {
          expect(expected, source).not.toBe('refused');
          expect(outcome.ast, source).toEqual((expected as { ast: unknown }).ast);
        } else if (expected !== 'refused') {
          // jexl parses it, Sluice refuses it: only for names that reach a prototype.
          expect(outcome.message, source).toMatch(/not allowed/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves to jexl a name that starts with one of its words and a `$` (found by the property test)', () => {
    for (const source of ['in$._', 'true$', 'a.false$x', 'steps.in$']) {
      expect(jexlOutcome(source), source).toBe('refused');
      expect(parseExpression(source).ok, source).toBe(false);
    }
    expect(parseExpression('x$in').ok).toBe(true);
  });

  it('reads the common ones', () => {
    expect(parseExpression('steps.classify.output')).toEqual({ ok: true, ast: { type: 'Identifier', value: 'output', from: { type: 'Identifier', value: 'classify', from: { type: 'Identifier', value: 'steps' } } } });
    expect(parseExpression('a.toString').ok).toBe(false);
  });
});
