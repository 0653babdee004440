/**
 * Expressions cannot crash or freeze the host (issue #15, finding 8): parsing is bounded (length and
 * nesting depth) and never overflows the stack; evaluation has a budget of deterministic work units and
 * fails the step with `ExpressionError` when it runs out; lint turns every such case into a diagnostic,
 * and one file that breaks the linter does not hide the others' diagnostics.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  compileValue,
  EVALUATION_BUDGET,
  evaluateString,
  evaluateValue,
  ExpressionEvaluationError,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  parseTemplate,
  templateReferences,
} from '../../engine/expressions';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { lintFiles, lintText } from '../../engine/lint/lint';
import { lintBatches } from '../../engine/lint/parallel';
import { rules } from '../../engine/lint/rules';
import { evaluateIn } from '../../engine/orchestrator/evaluate';
import { StepFailure } from '../../engine/orchestrator/failure';
import { SLUICE_BIN } from '../e2e/serve-process';
import { ReplayHost } from '../orchestrator/harness';
import { inputFor, sluiceHandler } from '../orchestrator/workflows';

/** Expressions that used to overflow the stack or take seconds to parse. */
const pathological: Array<[string, string]> = [
  ['3 KB of `!`', '!'.repeat(3000) + 'true'],
  ['10,000 nested parentheses', '('.repeat(10_000) + '1' + ')'.repeat(10_000)],
  ['2,000 nested lists', '['.repeat(2000) + '1' + ']'.repeat(2000)],
  ['1,000 nested objects', '{a:'.repeat(1000) + '1' + '}'.repeat(1000)],
  ['a 1,500-step property path', 'input' + '.a'.repeat(1500)],
  ['a 1,500-step path ending in an index', 'input' + '.a'.repeat(1500) + '[0]'],
  ['600 chained additions', '1' + ' + 1'.repeat(600)],
  ['5,000 chained additions', '1' + ' + 1'.repeat(5000)],
  ['300 chained conditionals', 'true ? 1 : '.repeat(300) + '1'],
  ['600 chained transforms', 'input' + '|length'.repeat(600)],
  ['3,000 alternating `!` and parentheses', '!('.repeat(3000) + 'true' + ')'.repeat(3000)],
  ['2,000 nested filters', 'input.a'.concat('[.b'.repeat(2000), ']'.repeat(2000))],
  ['4,000 minus signs', '-'.repeat(4000) + '1'],
];

const workflowWith = (expression: string, name = 'deep') => `name: ${name}\nsteps:\n  - id: a\n    set: "\${{ ${expression} }}"\n`;

describe('parsing is bounded', () => {
  it.each(pathological)('%s: a parse error, not a crash', (_, expression) => {
    const { errors } = parseTemplate(`\${{ ${expression} }}`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].message).toMatch(/deeper than|longer than/);
  });

  it.each(pathological)('%s: compiling fails with an ExpressionError', (_, expression) => {
    expect(() => compileValue(`\${{ ${expression} }}`)).toThrow(ExpressionEvaluationError);
  });

  it.each(pathological)('%s: lint reports expression-syntax at a position', (_, expression) => {
    const { diagnostics } = lintText('deep.yaml', workflowWith(expression));
    const syntax = diagnostics.filter((d) => d.code === 'expression-syntax');
    expect(syntax).toHaveLength(1);
    expect(syntax[0]).toMatchObject({ file: 'deep.yaml', line: 4 });
    expect(syntax[0].column).toBeGreaterThan(0);
  });

  it('names its limits in the message', () => {
    const long = parseTemplate(`\${{ ${'1 + '.repeat(MAX_EXPRESSION_LENGTH)}1 }}`).errors[0];
    expect(long.message).toContain(`longer than ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')} characters`);
    const deep = parseTemplate(`\${{ ${'('.repeat(MAX_EXPRESSION_DEPTH + 1)}1${')'.repeat(MAX_EXPRESSION_DEPTH + 1)} }}`).errors[0];
    expect(deep.message).toContain(`nests deeper than ${MAX_EXPRESSION_DEPTH} levels`);
    // The parse error points at the bracket that goes one level too deep.
    expect(deep.offset).toBe(4 + MAX_EXPRESSION_DEPTH);
  });

  it('accepts nesting up to the limit, and ordinary long expressions', () => {
    const depth = MAX_EXPRESSION_DEPTH - 1;
    expect(evaluateString(`\${{ ${'('.repeat(depth)}1${')'.repeat(depth)} }}`, {})).toBe(1);
    expect(evaluateString(`\${{ ${'!'.repeat(depth - 1)}true }}`, {})).toBe((depth - 1) % 2 === 0);
    expect(evaluateString(`\${{ 1${' + 1'.repeat(100)} }}`, {})).toBe(101);
    const fields = Array.from({ length: 40 }, (_, i) => `input.f${i}`).join(" + ',' + ");
    const input = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, i]));
    expect(String(evaluateString(`\${{ ${fields} }}`, { input })).split(',')).toHaveLength(40);
  });
});

describe('evaluation has a budget', () => {
  const items = Array.from({ length: 12_000 }, (_, i) => ({ x: i, tags: ['a', 'b'] }));
  const scope = { input: { items, copy: structuredClone(items) } };
  const quadratic = [
    "input.items[.x in input.items|pluck('x')]",
    'input.items[.x in input.items]',
    // A filter is relative (runs per item) when its test reads the item (`.x`).
    'input.items[.x >= 0 && (input.items[.x == 1]|length) > 0]',
    'input.items[.x >= 0 && (input.items|json|length) > 0]',
    "input.items[.x >= 0 && (input.items|pluck('x')|sum) > 0]",
    'input.items[.x >= 0 && input.items == input.copy]',
    "input.items[.x >= 0 && input.items[.x >= 0 && input.items[.x == 1]]]",
  ];

  it.each(quadratic)('`%s` over 12,000 items fails with ExpressionError', (expression) => {
    let thrown: unknown;
    try {
      evaluateString(`\${{ ${expression} }}`, scope);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExpressionEvaluationError);
    expect((thrown as Error).name).toBe('ExpressionError');
    expect((thrown as Error).message).toContain(`expression exceeded its evaluation budget of ${EVALUATION_BUDGET.toLocaleString('en-US')} steps`);
  });

  it('linear work over the same items stays within the budget', () => {
    expect(evaluateString("${{ input.items|pluck('x')|sum }}", scope)).toBe((12_000 * 11_999) / 2);
    expect(evaluateString('${{ input.items[.x >= 11998] }}', scope)).toEqual([items[11998], items[11999]]);
    expect(evaluateString("${{ input.items[.tags[1] == 'b']|length }}", scope)).toBe(12_000);
    expect(String(evaluateString('${{ input.items|json }}', scope)).length).toBeGreaterThan(12_000 * 20);
  });

  it('a big string concatenated once is not pathological', () => {
    const body = 'x'.repeat(2_000_000);
    expect(evaluateString("${{ 'Summarize: ' + input.body }}", { input: { body } })).toHaveLength(2_000_011);
    expect(evaluateString('prefix ${{ input.body }} suffix', { input: { body } })).toHaveLength(2_000_014);
  });

  it('the budget is per evaluation: later evaluations start afresh', () => {
    const expensive = compileValue('${{ input.items[.x in input.items] }}');
    const cheap = compileValue("${{ input.items|pluck('x')|length }}");
    for (let round = 0; round < 3; round++) {
      expect(() => evaluateValue(expensive, scope)).toThrow(/evaluation budget/);
      expect(evaluateValue(cheap, scope)).toBe(12_000);
    }
  });

  it('an orchestrated step fails with a non-retryable ExpressionError', () => {
    const compiled = compileValue("${{ input.items[.x in input.items|pluck('x')] }}");
    let thrown: unknown;
    try {
      evaluateIn(compiled, scope as unknown as Parameters<typeof evaluateIn>[1], 'quad');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StepFailure);
    expect((thrown as StepFailure).view).toMatchObject({ name: 'ExpressionError', step: 'quad' });
    expect((thrown as StepFailure).error.retryable).toBe(false);
    expect((thrown as StepFailure).error.message).toContain('evaluation budget');
  });

  it('a run whose step blows the budget fails, the same way on every replay', async () => {
    const definition: WorkflowDefinition = { name: 'quadratic', steps: [{ id: 'quad', set: "${{ input.items[.x in input.items|pluck('x')] }}" }] };
    for (let replay = 0; replay < 2; replay++) {
      const host = new ReplayHost(sluiceHandler(), inputFor(definition, { items }));
      const episode = await host.start();
      expect(episode.failed).toBe(true);
      expect(JSON.parse(episode.error!)).toMatchObject({ name: 'ExpressionError', step: 'quad' });
      expect(JSON.parse(episode.error!).message).toContain('evaluation budget');
    }
  });
});

describe('lint isolates files', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an unexpected exception in a rule becomes a diagnostic on that file only', () => {
    const expressionsRule = rules.find((rule) => rule.name === 'expressions')!;
    const original = expressionsRule.check.bind(expressionsRule);
    vi.spyOn(expressionsRule, 'check').mockImplementation((context) => {
      if (context.loaded.file === 'bad.yaml') throw new RangeError('Maximum call stack size exceeded');
      original(context);
    });
    const files = [
      { file: 'bad.yaml', text: workflowWith('input.a') },
      { file: 'other.yaml', text: 'name: other\nsteps:\n  - id: a\n    set: "${{ nope.x }}"\n' },
    ];
    for (const diagnostics of [lintFiles(files).diagnostics, lintBatches({ sources: files, options: {}, next: new SharedArrayBuffer(4) }).flatMap((r) => r.diagnostics)]) {
      expect(diagnostics.find((d) => d.file === 'bad.yaml')?.message).toMatch(/internal error.*expressions.*Maximum call stack size exceeded/);
      expect(diagnostics.find((d) => d.file === 'other.yaml')?.code).toBe('unknown-reference');
    }
  });

  describe('`sluice lint` over several files, one of them pathological', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'sluice-expr-'));
      writeFileSync(path.join(dir, 'a-warned.yaml'), 'name: warned\nsteps:\n  - id: call\n    http: { url: "http://example.com" }\n');
      writeFileSync(path.join(dir, 'b-bangs.yaml'), workflowWith('!'.repeat(3000) + 'true', 'bangs'));
      writeFileSync(path.join(dir, 'c-parens.yaml'), workflowWith('('.repeat(10_000) + '1' + ')'.repeat(10_000), 'parens'));
      writeFileSync(path.join(dir, 'd-unknown.yaml'), 'name: unknown\nsteps:\n  - id: a\n    set: "${{ nope.x }}"\n');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports every file', async () => {
      const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) =>
        execFile(process.execPath, [SLUICE_BIN, 'lint', '.', '--activities', ''], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }, (error, out) =>
          done({ code: error ? Number((error as { code?: number }).code ?? -1) : 0, stdout: out }),
        ),
      );
      expect(code).toBe(1);
      expect(stdout).toContain('a-warned.yaml:4:18: warning');
      expect(stdout).toMatch(/b-bangs\.yaml:4:\d+: error expression error: .*nests deeper than/);
      expect(stdout).toMatch(/c-parens\.yaml:4:\d+: error expression error: .*longer than/);
      expect(stdout).toMatch(/d-unknown\.yaml:4:\d+: error unknown name `nope`/);
      expect(stdout).toContain('4 files checked: 3 errors, 1 warning');
    }, 60_000);
  });
});

/** Grammar pieces that wrap an expression `x`; applied in a loop, so the generator never recurses. */
const wrappers: Array<(x: string) => string> = [
  (x) => `!${x}`,
  (x) => `-${x}`,
  (x) => `(${x})`,
  (x) => `[${x}]`,
  (x) => `[1, ${x}]`,
  (x) => `{a: ${x}}`,
  (x) => `${x}.a`,
  (x) => `${x}[0]`,
  (x) => `${x}['k']`,
  (x) => `${x} + 1`,
  (x) => `1 * ${x}`,
  (x) => `${x} == input.a`,
  (x) => `${x} && true`,
  (x) => `${x} in input.list`,
  (x) => `${x}|length`,
  (x) => `${x}|default(1)`,
  (x) => `input.list[.a == ${x}]`,
  (x) => `${x}[.b > 1]`,
  (x) => `${x} ? 1 : 2`,
  (x) => `true ? ${x} : 2`,
  (x) => `false ? 1 : ${x}`,
  (x) => `max(${x})`,
];
const seeds = ['1', 'true', 'input.a', "'s'", 'input.list', 'null', '.a', 'steps.x.output'];

const expressionArbitrary = fc
  .record({
    seed: fc.constantFrom(...seeds),
    // Mostly short runs of one wrapper (deep unary chains, deep parentheses) mixed with random ones.
    runs: fc.array(fc.record({ wrap: fc.nat(wrappers.length - 1), times: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3000 })) }), { maxLength: 12 }),
  })
  .map(({ seed, runs }) => {
    let expression = seed;
    for (const { wrap, times } of runs) {
      for (let i = 0; i < times && expression.length < 60_000; i++) expression = wrappers[wrap](expression);
    }
    return expression;
  });

describe('property: no expression crashes parsing, lint or evaluation', () => {
  const scope = { input: { a: 1, list: [{ a: 1, b: 2 }, { a: 2, b: 0 }] }, steps: { x: { output: [1, 2] } } };

  it('returns a value, a diagnostic or an ExpressionError, never a RangeError', () => {
    fc.assert(
      fc.property(expressionArbitrary, (expression) => {
        const source = `\${{ ${expression} }}`;
        const parsed = parseTemplate(source);
        templateReferences(parsed.template);
        const linted = lintText('prop.yaml', `name: prop\nsteps:\n  - id: a\n    set: ${JSON.stringify(source)}\n`);
        expect(linted.diagnostics.every((d) => d.line > 0)).toBe(true);
        if (parsed.errors.length > 0) {
          expect(linted.diagnostics.some((d) => d.code === 'expression-syntax')).toBe(true);
          expect(() => compileValue(source)).toThrow(ExpressionEvaluationError);
          return;
        }
        try {
          evaluateValue(compileValue(source), scope);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionEvaluationError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
