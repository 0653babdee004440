/**
 * The language schema's quick check: ahead-of-time code that gives the full validator's verdict (valid
 * or not) and nothing else, built for the common case of a valid file.
 *
 * The full validator reports every error with its schema (`allErrors`, `verbose`): the linter's
 * messages need that. On a valid step it still builds an error object, message and all, for each of the
 * thirteen kinds the step is not (a step's "exactly one kind" is a `oneOf` of `required`), and a cold
 * lint spends a third of its validation time on them. The quick check stops at the first error, keeps
 * no messages, and says "exactly one of these keys" with a keyword of its own that counts the keys in
 * place. Only a file it rejects goes through the full validator, for the errors.
 *
 * Same verdict by construction: a `oneOf` (`anyOf`) whose branches each require one key becomes
 * `sluiceOneKeyOf` (`sluiceAnyKeyOf`), which accepts exactly what the branches accept, non-objects
 * included; nothing else changes. test/definition/validator.test.ts compares the verdicts.
 */
import { _, type Code, type KeywordCxt, type KeywordDefinition, type Options } from 'ajv';

type Schema = Record<string, unknown>;

/** How the quick check is compiled: first error only, no messages, no schema copies. */
export const quickCheckOptions: Options = { allErrors: false, verbose: false, messages: false, strict: false };

/** The keys of a `oneOf`/`anyOf` whose every branch is `{ required: [key] }`; otherwise undefined. */
function requiredKeys(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const keys: string[] = [];
  for (const branch of branches as Schema[]) {
    const required = branch?.required;
    if (Object.keys(branch ?? {}).length !== 1 || !Array.isArray(required) || required.length !== 1 || typeof required[0] !== 'string') return undefined;
    keys.push(required[0]);
  }
  return keys;
}

/** A deep copy of the language schema with each such `oneOf`/`anyOf` replaced by the counting keyword. */
export function quickCheckSchema(schema: Schema): Schema {
  const copy = structuredClone(schema);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const object = node as Schema;
    for (const [keyword, replacement] of [['oneOf', ONE_KEY_OF], ['anyOf', ANY_KEY_OF]] as const) {
      const keys = requiredKeys(object[keyword]);
      if (keys && object[replacement] === undefined) {
        delete object[keyword];
        object[replacement] = keys;
      }
    }
    Object.values(object).forEach(visit);
  };
  visit(copy);
  return copy;
}

const ONE_KEY_OF = 'sluiceOneKeyOf';
const ANY_KEY_OF = 'sluiceAnyKeyOf';

/** `sum of (data[key] !== undefined)` over the keys, as generated code. */
function presentCount(data: Code, keys: readonly string[]): Code {
  return keys.reduce<Code>((sum, key) => _`${sum} + (${data}[${key}] !== undefined)`, _`0`);
}

const isObject = (data: Code) => _`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;

/**
 * The two keywords. Like `required`, a key counts when its value is not `undefined`, and a non-object
 * passes every branch: so a `oneOf` of two or more branches rejects it, an `anyOf` accepts it.
 */
export const quickCheckKeywords: KeywordDefinition[] = [
  {
    keyword: ONE_KEY_OF,
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const keys = cxt.schema as string[];
      cxt.fail(_`(${isObject(cxt.data)}) ? ${presentCount(cxt.data, keys)} !== 1 : ${keys.length !== 1}`);
    },
  },
  {
    keyword: ANY_KEY_OF,
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      cxt.fail(_`(${isObject(cxt.data)}) && ${presentCount(cxt.data, cxt.schema as string[])} === 0`);
    },
  },
];
