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
    expect(withExamples).toBeGreaterThanOrEqual(40);
  });

  // yaml-language-server labels a completion with '' + value: an object-valued `examples` or `default`
  // entry shows as `[object Object]` (it did inside `set: ${{ steps. }}`). Lists are labelled as JSON.
  it('has no object-valued examples or defaults anywhere (yaml-language-server shows them as [object Object])', () => {
    const found: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${pointer}/${i}`));
      const object = node as Node;
      // `properties` and `$defs` map names to schemas (a property may be called `default`).
      if (/\/(properties|\$defs|patternProperties|dependentSchemas)$/.test(pointer)) {
        for (const [key, value] of Object.entries(object)) walk(value, `${pointer}/${key}`);
        return;
      }
      const offered = [...(Array.isArray(object.examples) ? object.examples : []), ...(object.default !== undefined ? [object.default] : [])];
      for (const value of offered) if (value !== null && typeof value === 'object' && !Array.isArray(value)) found.push(`${pointer}: ${JSON.stringify(value)}`);
      if (object.examples !== undefined && !Array.isArray(object.examples)) found.push(`${pointer}: examples is not a list`);
      for (const [key, value] of Object.entries(object)) if (key !== 'examples' && key !== 'default' && key !== 'const' && key !== 'enum') walk(value, `${pointer}/${key}`);
    };
    walk(schema, '');
    expect(found).toEqual([]);
  });

  it('gives every property a value is typed into examples (docs/editor-setup.md): strings, numbers, untyped values', () => {
    const defs = schema.$defs as Record<string, Node>;
    const missing: string[] = [];
    for (const [pointer, property] of properties()) {
      const target = typeof property.$ref === 'string' ? defs[property.$ref.replace('#/$defs/', '')] : property;
      if (!target || target.enum !== undefined || target.const !== undefined) continue;
      const types = [target.type].flat().filter(Boolean);
      // Mappings, lists of steps and booleans get completion from their structure (keys, true/false) instead.
      const typed = types.length === 0 ? !target.anyOf && !target.oneOf && !target.properties : types.some((type) => type === 'string' || type === 'number' || type === 'integer');
      // An untyped value whose examples are mappings shows them in its description ("E.g. …") instead.
      const shownInHover = types.length === 0 && /E\.g\. `/.test(String(property.description));
      if (typed && !shownInHover && !Array.isArray(property.examples) && !Array.isArray(target.examples)) missing.push(pointer);
    }
    expect(missing).toEqual([]);
  });
});
