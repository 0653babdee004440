/**
 * ajv's errors → findings a person understands. Cascades are collapsed: a step's "exactly one kind"
 * oneOf becomes one sentence, an anyOf whose value fits one branch reports only that branch, and a
 * missing key that an unknown key was probably meant to be is reported once, as the typo.
 */
import type { ErrorObject } from 'ajv';
import { closest } from '../diagnostics/suggest';
import type { Finding } from './source';
import { languageSchema } from './schema';
import { describeType, describeValue, kindList, parsePointer, patternMeaning, placeName } from './schema-words';

type Schema = Record<string, unknown>;

interface Defs {
  step: Schema;
  cosmos: Schema;
  stepKinds: string[];
}

let defs: Defs | undefined;

function languageDefs(): Defs {
  if (!defs) {
    const all = (languageSchema().$defs ?? {}) as Record<string, Schema>;
    const stepKinds = (all.step.oneOf as Schema[]).map((branch) => (branch.required as string[])[0]);
    defs = { step: all.step, cosmos: all.cosmosStep, stepKinds };
  }
  return defs;
}

/** Maps the schema errors of one definition to findings. */
export function schemaFindings(errors: readonly ErrorObject[], value: unknown): Finding[] {
  if (value === null || value === undefined) {
    return [{ code: 'wrong-type', message: 'the file is empty: a workflow needs at least `name` and `steps`', path: [] }];
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [{ code: 'wrong-type', message: `a workflow file must be a mapping with \`name\` and \`steps\`, not ${describeValue(value)}`, path: [] }];
  }
  const { step, cosmos } = languageDefs();
  const dropped = new Set<ErrorObject>();
  const findings: Finding[] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
    const siblings = byPath.get(error.instancePath) ?? [];
    const branches = error.schema as Schema[];
    const dependentInput = error.schemaPath.endsWith('/dependentSchemas/input/anyOf');
    const isStep = sameSchema(error.parentSchema, step);
    const isCosmos = sameSchema(error.parentSchema, cosmos);
    const branchKeys = new Set(branches.map(schemaKey));
    if (isStep || isCosmos || dependentInput) for (const sibling of siblings) if (branchKeys.has(schemaKey(sibling.parentSchema))) dropped.add(sibling);
    dropped.add(error);
    const at = parsePointer(error.instancePath);
    if (isStep && error.keyword === 'oneOf') findings.push(kindFinding(at, valueAt(value, at), languageDefs().stepKinds, 'step-kind'));
    else if (isCosmos) findings.push(kindFinding(at, valueAt(value, at), ['upsert', 'read', 'query'], 'cosmos-operation'));
    else if (dependentInput) findings.push({ code: 'input-not-allowed', message: '`input` is only used by `activity` and `workflow` steps', path: [...at, 'input'], target: 'key' });
    else findings.push(...branchFindings(error, siblings, valueAt(value, at), at, dropped));
  }
  for (const error of errors) if (!dropped.has(error)) findings.push(...plainFindings(error));
  return collapseTypos(findings);
}

function kindFinding(at: Array<string | number>, node: unknown, kinds: string[], code: 'step-kind' | 'cosmos-operation'): Finding {
  const present = kinds.filter((kind) => node !== null && typeof node === 'object' && kind in node);
  const what = code === 'step-kind' ? `step \`${stepId(node)}\` must have exactly one kind` : 'a `cosmos` step must have exactly one operation';
  const has = present.length === 0 ? 'it has none' : `it has ${present.length === 2 ? 'two' : present.length}: ${present.join(', ')}`;
  return { code, message: `${what}: ${kindList(kinds)}; ${has}`, path: at, target: 'mapping' };
}

function stepId(node: unknown): string {
  const id = (node as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '?';
}

/** An anyOf/oneOf elsewhere: report the branch whose type fits the value, or one "must be A or B". */
function branchFindings(error: ErrorObject, siblings: ErrorObject[], node: unknown, at: Array<string | number>, dropped: Set<ErrorObject>): Finding[] {
  const raw = error.schema as Schema[];
  const resolved = raw.map(resolveRef);
  const fitting = resolved.filter((branch) => typeFits(branch.type, node));
  const branchSchemas = new Set([...raw, ...resolved].map(schemaKey));
  for (const sibling of siblings) if (sibling.keyword === 'type' && branchSchemas.has(schemaKey(sibling.parentSchema))) dropped.add(sibling);
  // One branch fits the value's type: its own errors (still in the list) say what is wrong.
  if (fitting.length === 1) return [];
  const names = resolved.map((branch) => describeType(branch)).join(' or ');
  return [{ code: 'wrong-type', message: `${placeName(at)} must be ${names}, not ${describeValue(node)}`, path: at }];
}

function plainFindings(error: ErrorObject): Finding[] {
  const at = parsePointer(error.instancePath);
  const parent = (error.parentSchema ?? {}) as Schema;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as Schema);
      const guess = closest(key, allowed);
      const where = typeof parent.title === 'string' ? ` in ${parent.title.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}` : '';
      return [{
        code: 'unknown-key',
        message: `unknown key \`${key}\`${where}${guess ? `; did you mean \`${guess}\`?` : ''}`,
        hint: `allowed keys: ${allowed.join(', ')}`,
        path: [...at, key],
        target: 'key',
      }];
    }
    case 'required':
      return [{ code: 'missing-key', message: `${placeName(at)} is missing the required key \`${String(params.missingProperty)}\``, path: at, target: 'mapping' }];
    case 'type':
      return [{ code: 'wrong-type', message: `${placeName(at)} must be ${describeType(parent)}, not ${describeValue(error.data)}`, path: at }];
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return [{ code: 'invalid-value', message: `${placeName(at)} must be one of ${allowed.join(', ')}; got ${describeValue(error.data)}${guess ? `; did you mean \`${guess}\`?` : ''}`, path: at }];
    }
    case 'pattern':
      if (String(params.pattern) === CONDITION_PATTERN) return [conditionFinding(at, String(error.data))];
      return [{ code: 'invalid-value', message: `${placeName(at)} is ${describeValue(error.data)}, which is not ${patternMeaning(String(params.pattern))}`, path: at }];
    default:
      return [{ code: 'invalid-value', message: `${placeName(at)} ${error.message ?? 'is invalid'}`, path: at }];
  }
}

// The schema's pattern for `if` and `when` ($defs/expression): one `${{ }}` expression.
const CONDITION_PATTERN = '^\\s*\\$\\{\\{[\\s\\S]*\\}\\}\\s*$';

// Plain text as a condition is always true: say so, and how to write what was meant.
function conditionFinding(at: (string | number)[], text: string): Finding {
  const literal = text.trim();
  const hint = literal === 'true' || literal === 'false' ? `write ${literal} without quotes, or \`\${{ ${literal} }}\`` : `wrap it: \`\${{ ${literal} }}\``;
  return {
    code: 'invalid-value',
    message: `${placeName(at)} is ${describeValue(text)}, plain text, not a condition (a non-empty string is always true)`,
    hint,
    path: at,
  };
}

/** A missing key (or missing step kind) next to an unknown key that looks like it: report only the typo. */
function collapseTypos(findings: Finding[]): Finding[] {
  const typos = new Map<string, Set<string>>();
  for (const finding of findings) {
    const guess = finding.code === 'unknown-key' ? /did you mean `([^`]+)`/.exec(finding.message)?.[1] : undefined;
    if (!guess) continue;
    const parent = JSON.stringify(finding.path.slice(0, -1));
    const set = typos.get(parent) ?? new Set<string>();
    set.add(guess);
    typos.set(parent, set);
  }
  if (typos.size === 0) return findings;
  const { stepKinds } = languageDefs();
  return findings.filter((finding) => {
    // `activty:` beside `input:` is one mistake: the step has no kind that takes input because of the typo.
    if (finding.code === 'input-not-allowed') {
      const stepGuesses = typos.get(JSON.stringify(finding.path.slice(0, -1)));
      return !stepGuesses || ![...stepGuesses].some((guess) => guess === 'activity' || guess === 'workflow');
    }
    const guesses = typos.get(JSON.stringify(finding.path));
    if (!guesses) return true;
    if (finding.code === 'missing-key') return !guesses.has(/`([^`]+)`$/.exec(finding.message)?.[1] ?? '');
    if (finding.code === 'step-kind' && finding.message.endsWith('it has none')) return ![...guesses].some((guess) => stepKinds.includes(guess));
    if (finding.code === 'cosmos-operation' && finding.message.endsWith('it has none')) return ![...guesses].some((guess) => ['upsert', 'read', 'query'].includes(guess));
    return true;
  });
}

/**
 * Schemas are compared by content, not identity: the validator is generated code holding its own copies
 * of the language schema's parts. A titled definition is known by its title (titles are unique).
 */
function schemaKey(schema: unknown): string {
  const title = (schema as Schema | undefined)?.title;
  return typeof title === 'string' ? `title:${title}` : JSON.stringify(schema) ?? 'undefined';
}

function sameSchema(a: unknown, b: Schema): boolean {
  return schemaKey(a) === schemaKey(b);
}

function resolveRef(branch: Schema): Schema {
  const ref = branch.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return branch;
  return ((languageSchema().$defs as Record<string, Schema>)[ref.slice('#/$defs/'.length)] ?? branch);
}

function typeFits(type: unknown, node: unknown): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  const actual = node === null ? 'null' : Array.isArray(node) ? 'array' : typeof node;
  return types.some((t) => t === actual || (t === 'integer' && Number.isInteger(node)) || (t === 'number' && actual === 'number'));
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = root;
  for (const segment of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  return node;
}
