/** Words for schema findings: how to name a place in the definition, a value, a type, a pattern. */

/** Decodes a JSON pointer into path segments (array indexes as numbers). */
export function parsePointer(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** "`timeout`", "item 2 of `steps`", "the workflow". */
export function placeName(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return 'the workflow';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const owner = path.length > 1 ? String(path[path.length - 2]) : 'list';
    return `item ${last + 1} of \`${owner}\``;
  }
  return `\`${last}\``;
}

/** A short description of a value for messages: `"10s"`, a number `5`, a list, a mapping. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${value.length > 60 ? value.slice(0, 57) + '...' : value}\``;
  return `${typeof value} \`${String(value)}\``;
}

const typeWords: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'an integer',
  number: 'a number',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** "a string", "a duration (a string such as `10s`)", "a mapping or a list". */
export function describeType(schema: Record<string, unknown>): string {
  if (schema.title === 'Duration') return 'a duration such as `10s`';
  if (schema.title === 'Expression') return 'a `${{ }}` expression or true/false';
  const type = schema.type;
  if (type === undefined) return typeof schema.title === 'string' ? `a ${schema.title}` : 'a value';
  const types = Array.isArray(type) ? type : [type];
  const words = types.map((t) => typeWords[String(t)] ?? String(t));
  const base = words.length > 1 ? words.slice(0, -1).join(', ') + ' or ' + words[words.length - 1] : words[0];
  return base;
}

const patternWords: Record<string, string> = {
  '^[a-z][a-z0-9-]{0,62}$': 'a valid workflow name (lowercase letters, digits and hyphens, starting with a letter, at most 63 characters)',
  '^[A-Za-z_][A-Za-z0-9_]*$': 'a valid identifier (letters, digits and `_`, not starting with a digit)',
  '^[A-Za-z][A-Za-z0-9_.-]*$': 'a valid error name (letters, digits, `_`, `.`, `-`, starting with a letter)',
  '^[A-Za-z_][A-Za-z0-9_.-]*$': 'a valid activity name (letters, digits, `_`, `.`, `-`)',
  '^[A-Za-z0-9_~./{}-]+$': 'a valid route (letters, digits and `_~./{}-`)',
  '^@[A-Za-z_][A-Za-z0-9_]*$': 'a valid parameter name (`@` followed by an identifier)',
};

/** What a schema pattern means in words. */
export function patternMeaning(pattern: string): string {
  return patternWords[pattern] ?? `matching \`${pattern}\``;
}

/** "ai, http, queue, …" for kind lists. */
export function kindList(kinds: readonly string[]): string {
  return kinds.join(', ');
}
