/**
 * Turns `schemas/run.schema.json` into `engine/history/run.generated.ts`.
 * The schema is the source of truth; the TypeScript types follow it and are never edited by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const header = `/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/run.schema.json by engine/history/generate-types.ts.
 * Regenerate with \`npx tsx engine/history/generate-types.ts\` (or \`npm run codegen\`).
 */`;

/** Compiles the run-history schema into TypeScript source text. */
export async function generateRunTypes(schemaPath: string): Promise<string> {
  const schema = markAnyValues(JSON.parse(await readFile(schemaPath, 'utf8')) as JSONSchema);
  const source = await compile(schema, 'Run', {
    bannerComment: header,
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 110 },
    cwd: path.dirname(schemaPath),
  });
  return source;
}

/**
 * A property schema with no type (input, output) means "any JSON value"; json-schema-to-typescript would
 * render it as an index-signature object, so the in-memory copy says `unknown` (the file stays plain 2020-12).
 */
function markAnyValues(schema: JSONSchema): JSONSchema {
  const visit = (node: JSONSchema): void => {
    for (const child of Object.values(node.properties ?? {})) {
      const typeless = child.type === undefined && child.$ref === undefined && child.enum === undefined;
      if (typeless) child.tsType = 'unknown';
    }
    for (const def of Object.values((node as { $defs?: Record<string, JSONSchema> }).$defs ?? {})) visit(def);
  };
  visit(schema);
  return schema;
}

/** The schema and generated file locations relative to the repository root. */
export const runTypesFiles = {
  schema: 'schemas/run.schema.json',
  output: 'engine/history/run.generated.ts',
} as const;

/** Regenerates the committed file; with `check`, reports whether it is stale instead of writing. */
export async function writeRunTypes(root: string, check = false): Promise<boolean> {
  const source = await generateRunTypes(path.join(root, runTypesFiles.schema));
  const target = path.join(root, runTypesFiles.output);
  const current = await readFile(target, 'utf8').catch(() => '');
  if (check) return current === source;
  if (current !== source) await writeFile(target, source);
  return true;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  writeRunTypes(process.cwd(), check).then((fresh) => {
    if (!fresh) {
      console.error(`${runTypesFiles.output} is stale: run npx tsx engine/history/generate-types.ts`);
      process.exitCode = 1;
    }
  });
}
