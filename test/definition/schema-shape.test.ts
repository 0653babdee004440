import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import schema from '../../schemas/workflow.schema.json';

type Node = Record<string, unknown>;

// Schemas users write themselves (a run's input, an AI answer's shape) and free values (`set`, `body`, …)
// are open on purpose; everything else in the language is closed so a typo anywhere is caught.
const OPEN_BY_DESIGN = new Set(['/properties/input', '/$defs/aiStep/properties/output', '/$defs/cosmosStep/properties/upsert']);

/** Every property schema in the language schema, with its JSON pointer. */
function properties(): Array<[string, Node]> {
  const found: Array<[string, Node]> = [];
  const walk = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    const object = node as Node;
    if (object.properties && typeof object.properties === 'object') {
      for (const [key, value] of Object.entries(object.properties as Node)) found.push([`${pointer}/properties/${key}`, value as Node]);
    }
    for (const [key, value] of Object.entries(object)) {
      if (key === 'examples' || key === 'default') continue;
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${pointer}/${key}/${i}`));
      else walk(value, `${pointer}/${key}`);
    }
  };
  walk(schema, '');
  return found;
}

describe('schemas/workflow.schema.json', () => {
  it('is a valid JSON Schema 2020-12 that ajv compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('gives every $defs entry a title (unique: error mapping knows definitions by it) and a description', () => {
    const titles = new Set<unknown>();
    for (const [name, definition] of Object.entries(schema.$defs as Record<string, Node>)) {
      expect(definition.title, name).toEqual(expect.any(String));
      expect(definition.description, name).toEqual(expect.any(String));
      expect(titles.has(definition.title), `${name}: title ${String(definition.title)} repeats`).toBe(false);
      titles.add(definition.title);
    }
  });

  it('describes every property (for hover docs) directly or through its $ref', () => {
    const defs = schema.$defs as Record<string, Node>;
    for (const [pointer, property] of properties()) {
      const target = typeof property.$ref === 'string' ? defs[property.$ref.replace('#/$defs/', '')] : undefined;
      expect(property.description ?? target?.description, pointer).toEqual(expect.any(String));
    }
  });

  it('closes every object except the user-written schemas', () => {
    const open: string[] = [];
    for (const [pointer, property] of properties()) {
      if (property.type === 'object' && property.additionalProperties === undefined && !property.$ref && !OPEN_BY_DESIGN.has(pointer)) open.push(pointer);
    }
    for (const [name, definition] of Object.entries(schema.$defs as Record<string, Node>)) {
      if (definition.type === 'object' && definition.additionalProperties !== false) open.push(`/$defs/${name}`);
    }
    if ((schema as Node).additionalProperties !== false) open.push('/');
    expect(open).toEqual([]);
  });

  it('offers examples for the values people type most', () => {
    const withExamples = properties().filter(([, property]) => Array.isArray(property.examples)).length;
    expect(withExamples).toBeGreaterThanOrEqual(25);
  });
});
