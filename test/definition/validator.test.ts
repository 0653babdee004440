/**
 * The ahead-of-time validator (ajv standalone code generated from the language schema) answers exactly
 * as the schema compiled now would: same verdict and same errors, on every linter case and corpus file.
 * The quick check that answers first gives the same verdict, there and on definitions changed where
 * its own keywords decide.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workflowText } from '../../bench/corpus';
import { languageSchemaOptions, newJsonSchemaValidator } from '../../engine/definition/json-schema-lib';
import { loadDefinition } from '../../engine/definition/load';
import { languageSchema, validateAgainstSchema } from '../../engine/definition/schema';
import { createQuickCheck } from '../../engine/definition/workflow-validator.generated';

const lintCases = ['ok', 'err'].flatMap((folder) => {
  const dir = path.join(__dirname, '..', 'lint', folder);
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => readFileSync(path.join(dir, name), 'utf8'));
});

describe('generated language validator', () => {
  it('gives the errors a fresh compilation of the schema gives', () => {
    const compiled = newJsonSchemaValidator(languageSchemaOptions).compile(languageSchema());
    const values = [...lintCases, ...Array.from({ length: 20 }, (_, n) => workflowText(n))].map((text) => loadDefinition('f.yaml', text).value).filter((value) => value !== undefined);
    let invalid = 0;
    for (const value of values) {
      const expected = compiled(value) ? [] : compiled.errors ?? [];
      expect(validateAgainstSchema(value)).toEqual(expected);
      if (expected.length > 0) invalid++;
    }
    expect(invalid).toBeGreaterThan(10);
  });
});

/** Every object in a value, with the key it sits under (steps, kind configurations, everything). */
function objectsIn(value: unknown, under = '', found: Array<{ object: Record<string, unknown>; under: string }> = []) {
  if (Array.isArray(value)) for (const item of value) objectsIn(item, under, found);
  else if (value !== null && typeof value === 'object') {
    found.push({ object: value as Record<string, unknown>, under });
    for (const [key, child] of Object.entries(value)) objectsIn(child, key, found);
  }
  return found;
}

/** Keys whose presence decides a step's kind, a cosmos operation and whether `input` is allowed. */
const DECIDING_KEYS = ['ai', 'http', 'queue', 'cosmos', 'activity', 'workflow', 'parallel', 'forEach', 'switch', 'steps', 'wait', 'waitForEvent', 'set', 'fail', 'input', 'upsert', 'read', 'query'];
/** Values that are valid for some of those keys. */
const VALUES: unknown[] = ['10s', 'reserveStock', 'child-flow', { x: 1 }, { id: 'a' }, { sql: 'SELECT 1' }, [{ id: 'n', set: 1 }], null, 1, [], { error: 'Rejected' }];

/** One change to a copy of the value: a deciding key added, removed or replaced, or an object replaced by a non-object. */
const change = fc.record({ at: fc.nat(), key: fc.constantFrom(...DECIDING_KEYS), value: fc.constantFrom(...VALUES), how: fc.constantFrom('add', 'remove', 'replace') });

describe('the quick check', () => {
  const full = newJsonSchemaValidator(languageSchemaOptions).compile(languageSchema());
  const quick = createQuickCheck() as (value: unknown) => boolean;
  const values = [...lintCases, ...Array.from({ length: 30 }, (_, n) => workflowText(n))].map((text) => loadDefinition('f.yaml', text).value).filter((value) => value !== undefined);

  it('gives the full validator\'s verdict on every linter case and corpus file', () => {
    for (const value of values) expect(quick(value)).toBe(full(value));
  });

  it('gives the full validator\'s verdict on definitions with a step\'s kind, a cosmos operation or an input added, removed or replaced', () => {
    const objects = values.filter((value) => value !== null && typeof value === 'object');
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.nat({ max: objects.length - 1 }), fc.array(change, { minLength: 1, maxLength: 3 }), (seed, changes) => {
        const value = structuredClone(objects[seed]);
        for (const { at, key, value: replacement, how } of changes) {
          const objects = objectsIn(value);
          const { object, under } = objects[at % objects.length];
          if (how === 'add') object[key] = structuredClone(replacement);
          else if (how === 'remove') delete object[Object.keys(object).includes(key) ? key : Object.keys(object)[at % Math.max(1, Object.keys(object).length)]];
          else if (under) for (const parent of objectsIn(value)) if (parent.object[under] === object) parent.object[under] = structuredClone(replacement);
        }
        const verdict = full(value);
        expect(quick(value)).toBe(verdict);
        if (verdict) valid++;
        else invalid++;
      }),
      { numRuns: 2000 },
    );
    // Both verdicts occur often enough for the comparison to mean something.
    expect(Math.min(valid, invalid)).toBeGreaterThan(100);
  });
});
