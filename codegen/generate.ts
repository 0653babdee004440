/**
 * Codegen: the definition types the engine uses, from `schemas/workflow.schema.json`, and one input type
 * per workflow (from its `input` schema) for activity authors and HTTP callers. Generated files carry a
 * do-not-edit header. `--check` writes nothing and exits 1 when a generated file is stale or missing.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync, unlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import standaloneCode from 'ajv/dist/standalone';
import { languageSchemaOptions, newJsonSchemaValidator } from '../engine/definition/json-schema-lib';
import { loadDefinition } from '../engine/definition/load';
import { prepareLanguageSchema, typeName } from './prepare-schema';
import { quickCheckKeywords, quickCheckOptions, quickCheckSchema } from './quick-check';
import { generateRunTypes, runTypesFiles } from '../engine/history/generate-types';

/** Where things are, relative to the repository root. */
export const codegenPaths = {
  schema: 'schemas/workflow.schema.json',
  definitionTypes: 'engine/definition/workflow.generated.ts',
  validator: 'engine/definition/workflow-validator.generated.js',
  validatorTypes: 'engine/definition/workflow-validator.generated.d.ts',
  workflows: 'workflows',
  inputTypes: 'codegen/generated',
} as const;

const options = { additionalProperties: false, unreachableDefinitions: true, style: { singleQuote: true, printWidth: 120 } };

function header(source: string): string {
  return `/* eslint-disable */\n/**\n * DO NOT EDIT: generated from ${source} by codegen/generate.ts.\n * Regenerate with \`npm run codegen\`; CI runs \`npm run codegen:check\`.\n */`;
}

/** Every generated file's path (relative to root) and content. */
export async function generateAll(root: string): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  const schema = JSON.parse(readFileSync(path.join(root, codegenPaths.schema), 'utf8')) as Record<string, unknown>;
  const definition = await compile(prepareLanguageSchema(schema) as JSONSchema, 'WorkflowDefinition', { ...options, bannerComment: header(codegenPaths.schema) });
  outputs.set(codegenPaths.definitionTypes, definition);
  outputs.set(codegenPaths.validator, standaloneValidator(schema));
  outputs.set(codegenPaths.validatorTypes, validatorTypes());
  // The run-history model (schemas/run.schema.json) has its own generator, kept beside the stores.
  outputs.set(runTypesFiles.output, await generateRunTypes(path.join(root, runTypesFiles.schema)));
  for (const file of workflowFiles(root)) {
    // Read, not linted: the linter validates with the generated validator, which this run may be rewriting.
    const value = loadDefinition(file, readFileSync(path.join(root, file), 'utf8')).value as { name?: unknown; input?: unknown } | undefined;
    const input = value?.input;
    const name = value?.name;
    if (typeof name !== 'string' || typeof input !== 'object' || input === null) continue;
    const type = `${typeName({}, name)}Input`;
    const source = await compile({ ...(input as object), title: type } as JSONSchema, type, { ...options, bannerComment: header(`the \`input\` schema of ${file}`) });
    outputs.set(`${codegenPaths.inputTypes}/${name}.input.ts`, source);
  }
  return outputs;
}

/**
 * The language schema's validators as ajv standalone code: the full validator, compiled with the options
 * the linter uses, and the quick check (codegen/quick-check.ts) that answers first. Plain CommonJS with a
 * declaration file beside it, so that engine/definition/schema.ts can require it on first use wherever it
 * runs (compiled, through tsx, under vitest) and the packaged app can leave it out of its start-up bundle.
 */
function standaloneValidator(schema: Record<string, unknown>): string {
  const full = standaloneFactory('createValidator', 'Builds the language validator (every error, with its schema).', newJsonSchemaValidator({ ...languageSchemaOptions, code: CODE }), schema);
  const quickAjv = newJsonSchemaValidator({ ...quickCheckOptions, code: CODE });
  for (const keyword of quickCheckKeywords) quickAjv.addKeyword(keyword);
  const quick = standaloneFactory('createQuickCheck', "Builds the language schema's quick check (the verdict only).", quickAjv, quickCheckSchema(schema));
  return `${header(codegenPaths.schema)}\n'use strict';\n${full}\n${quick}\nmodule.exports = { createValidator, createQuickCheck };\n`;
}

/** The validators' declarations (the generated JavaScript has no types of its own). */
function validatorTypes(): string {
  return `${header(codegenPaths.schema)}
import type { ErrorObject } from 'ajv';

/** A generated validator: ajv's shape, with the errors of the last call on the function. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Builds the language validator (every error, with its schema). */
export function createValidator(): GeneratedValidator;

/** Builds the language schema's quick check (the verdict only). */
export function createQuickCheck(): GeneratedValidator;
`;
}

const CODE = { source: true, esm: true, lines: true };

/** One validator's standalone code, wrapped in a factory function named `name`. */
function standaloneFactory(name: string, doc: string, ajv: ReturnType<typeof newJsonSchemaValidator>, schema: Record<string, unknown>): string {
  // ajv's runtime helpers (deep equality for `uniqueItems`) are required on first use, not when the
  // module loads.
  const code = standaloneCode(ajv, ajv.compile(schema)).replace(
    /const (func\d+) = require\(("[^"]+")\)\.default;/g,
    (_match, func: string, module: string) => `let ${func}Loaded; const ${func} = (...args) => (${func}Loaded ??= require(${module}).default)(...args);`,
  );
  // Wrapped in a factory: loading the module defines two functions; the schema constants and the
  // validator functions are built on first use.
  const main = /export default (\w+);/.exec(code)?.[1];
  if (!main) throw new Error('ajv standalone code without a default export');
  const body = withoutUnusedSchemas(code.replace(/^"use strict";\n?/, '').replace(/export const validate = \w+;\n?/, '').replace(/export default \w+;\n?/, ''));
  return `/** ${doc} */\nfunction ${name}() {\n${body}\nreturn ${main};\n}\n`;
}

/** Drops the schema constants standalone code defines but never reads (the quick check keeps no schemas). */
function withoutUnusedSchemas(body: string): string {
  return body.replace(/^const (schema\d+) = .*;\n/gm, (line, name: string) => (body.match(new RegExp(`\\b${name}\\b`, 'g'))!.length > 1 ? line : ''));
}

function workflowFiles(root: string): string[] {
  const directory = path.join(root, codegenPaths.workflows);
  if (!existsSync(directory)) return [];
  return readdirSync(directory).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => `${codegenPaths.workflows}/${name}`);
}

/** Files that differ from what codegen would write, and generated input types whose workflow is gone. */
export async function staleFiles(root: string): Promise<string[]> {
  const outputs = await generateAll(root);
  const stale: string[] = [];
  for (const [file, content] of outputs) {
    const current = existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : undefined;
    if (current !== content) stale.push(file);
  }
  for (const orphan of generatedInputFiles(root)) if (!outputs.has(orphan)) stale.push(orphan);
  return stale;
}

function generatedInputFiles(root: string): string[] {
  const directory = path.join(root, codegenPaths.inputTypes);
  if (!existsSync(directory)) return [];
  return readdirSync(directory).filter((name) => name.endsWith('.input.ts')).map((name) => `${codegenPaths.inputTypes}/${name}`);
}

/** Writes every generated file and removes orphaned input types; returns the files that changed. */
export async function writeAll(root: string): Promise<string[]> {
  const stale = await staleFiles(root);
  const outputs = await generateAll(root);
  mkdirSync(path.join(root, codegenPaths.inputTypes), { recursive: true });
  for (const file of stale) {
    const content = outputs.get(file);
    if (content === undefined) unlinkSync(path.join(root, file));
    else writeFileSync(path.join(root, file), content);
  }
  return stale;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const check = process.argv.includes('--check');
  (check ? staleFiles(root) : writeAll(root)).then(
    (files) => {
      if (check && files.length > 0) {
        console.error(`stale generated files (run \`npm run codegen\`):\n${files.map((file) => `  ${file}`).join('\n')}`);
        process.exitCode = 1;
      } else if (!check) {
        console.log(files.length > 0 ? `updated:\n${files.map((file) => `  ${file}`).join('\n')}` : 'generated files are up to date');
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
