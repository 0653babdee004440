/**
 * The quick user-schema check's contract: whatever it vouches for, ajv's strict compile (the one runs use)
 * accepts; what it does not vouch for is compiled, so its verdict and message are ajv's. Checked on the
 * schemas of every linter case and example, hand-picked traps, and generated schemas mixing every
 * keyword it knows with wrong values and keywords it does not know.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workflowText, CORPUS_SIZES } from '../../bench/corpus';
import { loadDefinition } from '../../engine/definition/load';
import { checkUserSchema, compilesWithoutAsking, satisfiesWithoutAsking } from '../../engine/definition/user-schema-check';
import { userSchemaCompiler } from '../../engine/definition/schema';

const root = path.join(__dirname, '..', '..');

function ajvCompiles(schema: unknown): boolean {
  try {
    userSchemaCompiler().compile(schema as object);
    return true;
  } catch {
    return false;
  }
}

function holds(schema: unknown): boolean {
  const vouched = compilesWithoutAsking(schema);
  if (vouched) expect(ajvCompiles(schema), JSON.stringify(schema)).toBe(true);
  return vouched;
}

/** The `input` and `ai.output` schemas of a definition text. */
function schemasIn(text: string): unknown[] {
  const value = loadDefinition('f.yaml', text).value as { input?: unknown; steps?: unknown } | undefined;
  const found: unknown[] = value?.input !== undefined ? [value.input] : [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const ai = (node as { ai?: { output?: unknown } }).ai;
      if (ai?.output !== undefined) found.push(ai.output);
      Object.values(node).forEach(visit);
    }
  };
  visit(value?.steps);
  return found;
}

const traps: unknown[] = [
  { type: 'strng' }, { type: [] }, { type: ['string', 'string'] }, { required: ['a', 'a'] }, { enum: [] }, { pattern: '(' }, { pattern: '\\p{L}+' },
  { pattern: '[' }, { format: 'emial' }, { format: 'date-time' }, { multipleOf: 0 }, { minLength: -1 }, { minLength: 1.5 }, { items: [{ type: 'string' }] },
  { $ref: '#/$defs/x' }, { $defs: {} }, { if: { type: 'string' }, then: {} }, { additionalItems: false }, { properties: { a: { type: 'nope' } } },
  { anyOf: [] }, { not: 3 }, { examples: 'x' }, { const: null }, { default: { a: 1 } }, { type: 'object', properties: { __proto__: { type: 'string' } } },
  { minimum: Infinity }, { $schema: 'https://json-schema.org/draft/2020-12/schema' }, { nullable: true }, { title: 3 }, true, false, null, 'string', [],
];

const known = ['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'uniqueItems', 'pattern', 'format', 'anyOf', 'oneOf', 'allOf', 'not', 'title', 'description', '$comment', 'default', 'examples', 'readOnly', 'writeOnly', 'deprecated'];
const strangers = ['$ref', '$defs', 'if', 'then', 'else', 'dependentRequired', 'prefixItems', 'contains', 'propertyNames', 'unevaluatedProperties', 'nullable', 'x-extra', '$id'];

const leaf = fc.oneof(
  fc.constantFrom('string', 'object', 'integer', 'strng', 'uuid', 'date-time', 'emial', '^[a-z]+$', '(', '[', 'a', ''),
  fc.integer({ min: -2, max: 5 }),
  fc.double({ noNaN: true, min: -2, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('a', 'b', 'string', 'number'), { maxLength: 3 }),
);
const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.boolean(),
    fc.dictionary(fc.constantFrom(...known, ...known, ...known, ...strangers), fc.oneof(leaf, tie('schema'), fc.array(tie('schema'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('schema'), { maxKeys: 3 })), { maxKeys: 5 }),
  ),
})).schema;

describe('quick user-schema check', () => {
  it('vouches for the schemas of the examples, the linter cases and the corpus, and ajv agrees', () => {
    const texts = [
      ...['workflows', 'test/lint/ok', 'test/lint/err'].flatMap((dir) => readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).map((f) => readFileSync(path.join(root, dir, f), 'utf8'))),
      ...Array.from({ length: 50 }, (_, n) => workflowText(n, CORPUS_SIZES.typical)),
    ];
    let vouched = 0;
    for (const text of texts) for (const found of schemasIn(text)) if (holds(found)) vouched++;
    expect(vouched).toBeGreaterThan(50);
  });

  it('leaves every trap to ajv or is right about it', () => {
    for (const trap of traps) holds(trap);
    expect(compilesWithoutAsking({ type: 'strng' })).toBe(false);
    expect(compilesWithoutAsking({ format: 'emial' })).toBe(false);
    expect(compilesWithoutAsking({ $ref: '#/$defs/x' })).toBe(false);
    expect(compilesWithoutAsking({ type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } })).toBe(true);
  });

  it('reports what ajv reports when it does not vouch', () => {
    expect(checkUserSchema({ type: 'strng' })).toMatchObject({ ok: false });
    expect(checkUserSchema({ properties: { a: { $ref: '#/nowhere' } } })).toMatchObject({ ok: false });
    expect(checkUserSchema({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({ ok: true });
  });

  it('keeps the contract on generated schemas', () => {
    let vouched = 0;
    fc.assert(
      fc.property(schema, (generated) => {
        if (holds(generated)) vouched++;
      }),
      { numRuns: 3000, interruptAfterTimeLimit: 20_000 },
    );
    expect(vouched).toBeGreaterThan(100);
  }, 30_000);

  it('says a value satisfies a schema only when ajv says so too', () => {
    const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, 1, -1, 2.5, 3, 100, '', 'a', 'ab', 'standard', 'fraud', '😀', 'é', 'toString', NaN, Infinity),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'label', 'score', 'constructor'), tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    const validating = ['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'description', 'pattern', 'uniqueItems', 'anyOf'];
    const bound = fc.constantFrom(0, 1, 2, 3, 2.5, -1);
    const typed = fc.oneof(fc.constantFrom('string', 'number', 'integer', 'object', 'array', 'boolean', 'null'), fc.constantFrom(['string', 'null'], ['integer', 'string']));
    const plain: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      schema: fc.oneof(
        { depthSize: 'small' },
        fc.boolean(),
        fc.record(
          {
            type: typed,
            properties: fc.dictionary(fc.constantFrom('a', 'b', 'label', 'score', 'constructor'), tie('schema'), { maxKeys: 3 }),
            required: fc.uniqueArray(fc.constantFrom('a', 'b', 'label', 'toString'), { maxLength: 2 }),
            additionalProperties: tie('schema'),
            items: tie('schema'),
            enum: fc.array(json, { minLength: 1, maxLength: 3 }),
            const: json,
            minimum: bound, maximum: bound, exclusiveMinimum: bound, exclusiveMaximum: bound,
            minLength: fc.nat(3), maxLength: fc.nat(3), minItems: fc.nat(3), maxItems: fc.nat(3), minProperties: fc.nat(3), maxProperties: fc.nat(3),
            description: fc.constant('x'), pattern: fc.constant('^a'), uniqueItems: fc.boolean(), anyOf: fc.array(tie('schema'), { minLength: 1, maxLength: 2 }),
          },
          { requiredKeys: [] },
        ).map((record) => Object.fromEntries(Object.entries(record).filter(([key]) => validating.includes(key)))),
      ),
    })).schema;
    let said = 0;
    fc.assert(
      fc.property(plain, json, (schema, data) => {
        if (!satisfiesWithoutAsking(schema, data)) return;
        said++;
        const validate = userSchemaCompiler().compile(schema as object);
        expect(validate(data), `${JSON.stringify(schema)} / ${JSON.stringify(data)}`).toBe(true);
      }),
      { numRuns: 4000, interruptAfterTimeLimit: 20_000 },
    );
    expect(said).toBeGreaterThan(200);
    expect(satisfiesWithoutAsking({ type: 'object', required: ['label'], properties: { label: { enum: ['standard', 'urgent'] }, score: { type: 'number' } } }, { label: 'standard' })).toBe(true);
    expect(satisfiesWithoutAsking({ type: 'object', required: ['label'] }, { other: 1 })).toBe(false);
  }, 30_000);
});
