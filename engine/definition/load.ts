/**
 * YAML text → a definition value with source positions. The loader refuses what could hurt or mislead:
 * oversized files, deep nesting, alias bombs, merge keys, duplicate keys and prototype-polluting keys.
 */
import type { Document, YAMLError } from 'yaml';
import { yaml } from './yaml-lib';
import type { DiagnosticCode } from '../diagnostics/codes';
import { defaultLimits, type LoadLimits } from './limits';
import { checkStructure } from './structure';
import { diagnosticAt, type LoadedDefinition } from './source';

const yamlCodes: Record<string, DiagnosticCode> = {
  MULTIPLE_DOCS: 'multiple-documents',
  DUPLICATE_KEY: 'duplicate-key',
};

/** Loads one workflow file's text; never throws: every problem is a diagnostic. */
export function loadDefinition(file: string, text: string, limits: LoadLimits = defaultLimits): LoadedDefinition {
  const loaded: LoadedDefinition = { file, text, value: undefined, diagnostics: [] };
  if (text.length > limits.maxChars) {
    loaded.diagnostics.push(
      diagnosticAt(loaded, 'file-too-large', `the file has ${text.length} characters; the limit is ${limits.maxChars}`, { start: 0, end: 0 }, { hint: 'split the workflow into sub-workflows' }),
    );
    return loaded;
  }
  const document = parseYamlDocument(text);
  loaded.document = document;
  for (const problem of [...document.errors, ...document.warnings]) loaded.diagnostics.push(fromYamlError(loaded, problem));
  if (document.errors.length > 0) return loaded;
  const structural = checkStructure(loaded, document, limits);
  loaded.diagnostics.push(...structural);
  if (structural.some((diagnostic) => diagnostic.severity === 'error')) return loaded;
  try {
    loaded.value = document.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    loaded.diagnostics.push(
      diagnosticAt(loaded, 'alias-limit', `aliases expand to more than ${limits.maxAliasCount} nodes (${(error as Error).message})`, firstAlias(document), { hint: 'write the values out instead of nesting aliases' }),
    );
  }
  return loaded;
}

/**
 * The YAML document of a loaded file, built now when the file was read without one
 * (in another thread). Only files with data are ever asked for positions, so this never parses a file
 * the loader refused for its size.
 */
export function documentOf(loaded: LoadedDefinition): Document.Parsed {
  return (loaded.document ??= parseYamlDocument(loaded.text));
}

function parseYamlDocument(text: string): Document.Parsed {
  // uniqueKeys is off because the structure check reports duplicates itself, pointing at the first definition.
  return yaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false, merge: false, strict: true });
}

function firstAlias(document: Document.Parsed): { start: number; end: number } {
  let range = { start: 0, end: 0 };
  const { visit } = yaml();
  visit(document, {
    Alias(_key, node) {
      range = { start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 };
      return visit.BREAK;
    },
  });
  return range;
}

function fromYamlError(loaded: LoadedDefinition, problem: YAMLError) {
  const code = yamlCodes[problem.code] ?? 'yaml-syntax';
  const message = code === 'multiple-documents' ? 'the file holds more than one YAML document (`---`)' : lowerFirst(problem.message);
  return diagnosticAt(loaded, code, message, { start: problem.pos[0], end: problem.pos[1] });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
