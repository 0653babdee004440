import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileValue,
  evaluateString,
  evaluateValue,
  ExpressionEvaluationError,
  parseTemplate,
  templateReferences,
  transformNames,
} from '../../engine/expressions';

const scope = {
  input: { count: 3, text: 'hello', lines: [{ sku: 'a', qty: 2 }, { sku: 'b', qty: 5 }], price: 2.5, nested: { x: null } },
  steps: { classify: { output: { category: 'fraud' } } },
  item: { sku: 'z' },
  index: 4,
  run: { id: 'r1', workflow: 'w', startedAt: '2026-01-01T00:00:00Z' },
};

describe('evaluation', () => {
  it.each([
    ['${{ input.count * 2 }}', 6],
    ['${{ input.count > 3 }}', false],
    ['${{ input.count >= 3 }}', true],
    ['${{ input.price * input.count }}', 7.5],
    ['${{ input.count / 2 }}', 1.5],
    ['${{ input.count // 2 }}', 1],
    ['${{ input.count % 2 }}', 1],
    ["${{ steps.classify.output.category == 'fraud' }}", true],
    ["${{ steps.classify.output.category != 'fraud' }}", false],
    ['${{ input.lines }}', scope.input.lines],
    ['${{ input.lines[1].qty }}', 5],
    ['${{ input.lines[-1].sku }}', 'b'],
    ["${{ input.lines[.qty > 3] }}", [{ sku: 'b', qty: 5 }]],
    ['${{ input.missing }}', null],
    ['${{ input.missing.deeper }}', null],
    ['${{ input.nested.x == null }}', true],
    ['${{ input.missing == null }}', true],
    ['${{ { a: input.count, b: [1, index] } }}', { a: 3, b: [1, 4] }],
    ["${{ input.count > 1 ? 'many' : 'one' }}", 'many'],
    ['${{ input.lines|length }}', 2],
    ["${{ input.text|upper }}", 'HELLO'],
    ["${{ 'ell' in input.text }}", true],
    ['${{ !input.count }}', false],
    ['${{ input.count && input.text }}', 'hello'],
    ['${{ input.missing || 7 }}', 7],
    ['Order ${{ input.count }} of ${{ input.text }}', 'Order 3 of hello'],
    ['n=${{ input.nested }}', 'n={"x":null}'],
    ['plain text', 'plain text'],
    ['${{ item.sku }}-${{ index }}', 'z-4'],
    ["${{ input.lines|pluck('qty')|sum }}", 7],
    ["${{ [1, null, 2]|compact }}", [1, 2]],
  ])('%s', (source, expected) => {
    expect(evaluateString(source, scope)).toEqual(expected);
  });

  it('evaluates mappings and lists recursively and keeps constant subtrees as they are', () => {
    const constant = { a: 1 };
    const compiled = compileValue({ id: '${{ run.id }}', list: ['${{ index }}', 'x'], constant });
    const value = evaluateValue(compiled, scope) as Record<string, unknown>;
    expect(value).toEqual({ id: 'r1', list: [4, 'x'], constant: { a: 1 } });
    expect(value.constant).toBe(constant);
  });

  it('raises ExpressionError on type errors instead of producing NaN', () => {
    expect(() => evaluateString('${{ input.text * 2 }}', scope)).toThrow(ExpressionEvaluationError);
    expect(() => evaluateString('${{ input.count / 0 }}', scope)).toThrow(/not a finite number/);
    expect(() => evaluateString('${{ input.count|nope }}', scope)).toThrow(/unknown function/);
  });
});

describe('sandbox', () => {
  it.each([
    "${{ constructor.constructor('return process')() }}",
    '${{ x.__proto__ }}',
    '${{ input.prototype }}',
    "${{ input['__proto__'] }}",
    "${{ input.lines|pluck('constructor') }}",
  ])('refuses %s at parse time', (source) => {
    expect(parseTemplate(source).errors.length).toBeGreaterThan(0);
    expect(() => evaluateString(source, scope)).toThrow(ExpressionEvaluationError);
  });

  it('refuses computed prototype keys at run time and never reaches a function', () => {
    expect(() => evaluateString("${{ input['constr' + 'uctor'] }}", scope)).toThrow(/not accessible/);
    expect(() => evaluateString("${{ input['__pro' + 'to__'] }}", scope)).toThrow(/not accessible/);
    expect(evaluateString("${{ input['toString'] }}", scope)).toBeNull();
    expect(evaluateString('${{ input.text.length }}', scope)).toBe(5);
    // jexl's lexer refuses Object.prototype member names as identifiers; either way no function leaks.
    for (const name of ['hasOwnProperty', 'valueOf', 'toString']) {
      let value: unknown;
      try {
        value = evaluateString(`\${{ input.${name} }}`, scope);
      } catch (error) {
        value = error;
      }
      expect(typeof value).not.toBe('function');
    }
  });

  it('leaves Object.prototype untouched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const source of ["${{ {'__proto__': {polluted: 1}} }}", '${{ merge({}, input) }}']) {
      try {
        evaluateString(source, scope);
      } catch {
        // refused is fine; what matters is what follows
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('secrets', () => {
  it('passes secrets.NAME through verbatim, alone or inside text', () => {
    expect(evaluateString('${{ secrets.TOKEN }}', scope)).toBe('${{ secrets.TOKEN }}');
    expect(evaluateString('Bearer ${{ secrets.TOKEN }} for ${{ run.id }}', scope)).toBe('Bearer ${{ secrets.TOKEN }} for r1');
  });
  it('refuses any other use of secrets', () => {
    expect(() => evaluateString("${{ secrets.TOKEN + 'x' }}", scope)).toThrow(/on its own/);
    expect(() => evaluateString('${{ secrets }}', scope)).toThrow(/on its own/);
  });
});

describe('parsing', () => {
  it('reports syntax errors with their position inside the text', () => {
    const text = 'Hello ${{ input.count + }}';
    const { errors } = parseTemplate(text);
    expect(errors).toHaveLength(1);
    expect(errors[0].offset).toBeGreaterThanOrEqual(text.indexOf('${{'));
    expect(errors[0].offset).toBeLessThan(text.length);
    expect(errors[0].message).toMatch(/unexpected end/);
  });
  it('reports an unterminated expression', () => {
    expect(parseTemplate('x ${{ input.a').errors[0]).toMatchObject({ offset: 2, message: expect.stringMatching(/unterminated/) });
  });
  it('does not end an expression at braces inside object literals or strings', () => {
    expect(evaluateString("${{ {a: {b: '}}'}} }}", scope)).toEqual({ a: { b: '}}' } });
  });
  it('lists references with their roots, paths and positions', () => {
    const text = "x ${{ steps.classify.output.category == input.lines[0].sku }}";
    const references = templateReferences(parseTemplate(text).template);
    expect(references.map((r) => [r.root, r.path])).toEqual([
      ['steps', ['classify', 'output', 'category']],
      ['input', ['lines', '0', 'sku']],
    ]);
    expect(text.slice(references[0].offset, references[0].offset + 5)).toBe('steps');
  });
});

describe('documentation', () => {
  it('docs/language.md lists every function expressions may call', () => {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'language.md'), 'utf8');
    const table = page.slice(page.indexOf('| function | result |'));
    const documented = new Set([...table.split('\n\n')[0].matchAll(/`([a-zA-Z]+)(?:\([^`]*\))?`/g)].map((match) => match[1]));
    expect(transformNames().filter((name) => !documented.has(name))).toEqual([]);
  });
});
