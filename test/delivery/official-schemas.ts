/**
 * The official schemas the project's configuration is checked against, vendored in
 * `test/delivery/schemas` with their sources and commits (SOURCES.md there): the tests and the
 * pipeline read them from the checkout, never from the network. Both are draft-07, so the default Ajv class.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

/** The repository root (two levels above this folder). */
export const repoRoot = path.resolve(__dirname, '..', '..');
/** The vendored copies (SOURCES.md names each one's repository and commit). */
export const schemasDir = path.join(__dirname, 'schemas');

function readSchema(name: string): Record<string, any> {
  const file = path.join(schemasDir, name);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: the configuration tests read the official schemas vendored there (see SOURCES.md beside them)`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
}

function compile(schema: Record<string, any>, coerceTypes: boolean): ValidateFunction {
  // strict: false because both schemas use editor keywords Ajv does not know (ignoreCase,
  // firstProperty, doNotSuggest...); unicodeRegExp: false because the pipeline schema's patterns
  // are not valid in unicode mode (SOURCES.md).
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, coerceTypes });
  const validate = ajv.compile(schema);
  if (!coerceTypes) return validate;
  // Coercion rewrites the data it checks: validate a copy so callers keep theirs.
  const onCopy = ((data: unknown) => {
    const ok = validate(structuredClone(data));
    onCopy.errors = validate.errors;
    return ok;
  }) as ValidateFunction;
  return onCopy;
}

/** SchemaStore's host.json schema, compiled. */
export function hostJsonValidator(): ValidateFunction {
  return compile(readSchema('host.schema.json'), false);
}

/**
 * The pinned Azure Pipelines schema (v1.261.1) lists PublishCodeCoverageResults@2 as a task name
 * but has no branch describing its inputs, so every use of the task fails validation. This adds
 * that branch, with the inputs Microsoft documents for the task (summaryFileLocation required,
 * pathToSources, failIfCoverageEmpty), as strict as the schema's own task branches.
 */
const publishCodeCoverageV2 = {
  properties: {
    task: { pattern: '^PublishCodeCoverageResults@2$' },
    inputs: {
      properties: {
        summaryFileLocation: { type: 'string' },
        pathToSources: { type: 'string' },
        failIfCoverageEmpty: { type: 'boolean' },
      },
      additionalProperties: false,
      required: ['summaryFileLocation'],
    },
  },
  required: ['task', 'inputs'],
};

/** Microsoft's Azure Pipelines schema, compiled, with the one missing task branch added. */
export function pipelineValidator(): ValidateFunction {
  const schema = readSchema('azure-pipelines.schema.json');
  const taskBranches = schema.definitions.task.anyOf as unknown[];
  if (taskBranches.some((branch) => JSON.stringify(branch).includes('^PublishCodeCoverageResults@2$'))) {
    throw new Error('the pipeline schema now describes PublishCodeCoverageResults@2: drop the supplement in official-schemas.ts');
  }
  taskBranches.push(publishCodeCoverageV2);
  // Azure Pipelines reads every YAML scalar as a string and converts it where a task input wants
  // a boolean or number; the schema models that (timeoutInMinutes is a string, `boolean` is a
  // string pattern, task inputs are typed). Ajv's type coercion is the same conversion.
  return compile(schema, true);
}

/** A deep copy of `value` with the key at `keyPath` renamed to `newName`, to prove a misspelling is caught. */
export function renameKey(value: unknown, keyPath: readonly (string | number)[], newName: string): unknown {
  const copy = structuredClone(value) as any;
  let parent = copy;
  for (const segment of keyPath.slice(0, -1)) parent = parent[segment];
  const last = keyPath[keyPath.length - 1]!;
  if (!(last in parent)) throw new Error(`no key ${keyPath.join('.')} to misspell`);
  // Rebuild the object so the misspelt key keeps its position (some schemas care about the first key).
  const renamed = Object.fromEntries(Object.entries(parent).map(([key, child]) => [key === String(last) ? newName : key, child]));
  for (const key of Object.keys(parent)) delete parent[key];
  Object.assign(parent, renamed);
  return copy;
}
