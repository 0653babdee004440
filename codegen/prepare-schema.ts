/**
 * The language schema, reshaped for json-schema-to-typescript (in memory; the file stays plain 2020-12):
 * - validation-only constraints (a step's exactly-one-kind `oneOf`, the cosmos `oneOf`, `dependentSchemas`)
 *   are dropped: they would turn every step into a union of fourteen near-identical interfaces;
 * - a schema without `type` means "any JSON value": `unknown`, not an index-signature object;
 * - an object schema without properties (a JSON Schema, an item) is `Record<string, unknown>`;
 * - a `$ref` with sibling keywords (a description) becomes the referenced type's name, instead of the
 *   numbered aliases (`Duration1`…`Duration7`) json-schema-to-typescript makes of such refs.
 */
type Schema = Record<string, unknown>;

/** Returns a reshaped deep copy of the language schema. */
export function prepareLanguageSchema(schema: Schema): Schema {
  const copy = structuredClone(schema);
  const defs = (copy.$defs ?? {}) as Record<string, Schema>;
  delete defs.step?.oneOf;
  delete defs.step?.dependentSchemas;
  delete defs.cosmosStep?.oneOf;
  visit(copy, defs);
  return copy;
}

const VALUE_KEYWORDS = ['type', '$ref', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'properties', 'items', 'tsType'];

function visit(node: Schema, defs: Record<string, Schema>): void {
  for (const container of ['properties', '$defs'] as const) {
    const children = node[container] as Record<string, Schema> | undefined;
    if (!children) continue;
    for (const [key, child] of Object.entries(children)) {
      if (typeof child.$ref === 'string' && Object.keys(child).some((k) => k !== '$ref' && k !== 'description')) {
        // A ref narrowed by siblings (`type`, `minItems`): keep the referenced type, document the rest.
        children[key] = { description: child.description, tsType: typeName(defs, child.$ref) };
      } else if (typeof child.$ref === 'string' && child.description !== undefined) {
        children[key] = { description: child.description, tsType: typeName(defs, child.$ref) };
      } else if (!VALUE_KEYWORDS.some((keyword) => keyword in child)) {
        child.tsType = 'unknown';
      } else if (child.type === 'object' && !child.properties && !child.additionalProperties) {
        child.tsType = 'Record<string, unknown>';
      }
      visit(children[key], defs);
    }
  }
  for (const keyword of ['items', 'additionalProperties'] as const) {
    const child = node[keyword];
    if (child && typeof child === 'object') visit(child as Schema, defs);
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) for (const branch of (node[keyword] as Schema[] | undefined) ?? []) visit(branch, defs);
}

/** The TypeScript name json-schema-to-typescript gives a `$defs` entry: its title in PascalCase. */
export function typeName(defs: Record<string, Schema>, ref: string): string {
  const target = defs[ref.replace('#/$defs/', '')];
  const title = String(target?.title ?? ref.split('/').pop());
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
