/**
 * YAML text → a definition value with source positions. The loader refuses what could hurt or mislead:
 * oversized files, deep nesting, alias bombs, merge keys, duplicate keys and prototype-polluting keys.
 */
import type { Alias, Document, YAMLError } from 'yaml';
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
  for (const problem of [...oneErrorPerMistake(text, document.errors), ...document.warnings]) loaded.diagnostics.push(fromYamlError(loaded, problem));
  if (document.errors.length > 0) return loaded;
  const structural = checkStructure(loaded, document, limits);
  loaded.diagnostics.push(...structural);
  if (structural.some((diagnostic) => diagnostic.severity === 'error')) return loaded;
  try {
    loaded.value = document.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    const unknown = unresolvedAlias(document);
    if (unknown) {
      loaded.diagnostics.push(diagnosticAt(loaded, 'yaml-syntax', `unknown alias \`*${unknown.source}\`: no anchor \`&${unknown.source}\` is defined before it`, { start: unknown.range?.[0] ?? 0, end: unknown.range?.[1] ?? 0 }, { hint: 'define the anchor (`&name`) before the alias, or write the value out' }));
      return loaded;
    }
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

/** The first alias with no anchor of its name before it, if any. */
function unresolvedAlias(document: Document.Parsed): Alias | undefined {
  const anchors = new Set<string>();
  let found: Alias | undefined;
  const { visit, isNode } = yaml();
  visit(document, (_key, node) => {
    if (!isNode(node)) return undefined;
    if (node.anchor) anchors.add(node.anchor);
    if (yaml().isAlias(node) && !anchors.has(node.source)) {
      found = node;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** An unquoted `${{` inside a flow collection (`{ v: ${{ x }} }`): `{` and `}` are YAML's own there. */
const FLOW_EXPRESSION = /[[{,]\s*(?:[^\s"'#][^:,]*:\s+)?\$\{\{/;

/**
 * One syntax mistake makes `yaml` report several errors (an unclosed `[` inside `{ }` is two; an
 * unquoted expression in a flow mapping is five): one error per line is kept, the first, and an unquoted
 * expression is said to be one, with the fix.
 */
function oneErrorPerMistake(text: string, errors: readonly YAMLError[]): YAMLError[] {
  const kept: YAMLError[] = [];
  const lines = new Set<number>();
  for (const error of errors) {
    const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
    if (lines.has(lineStart)) continue;
    lines.add(lineStart);
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const expression = FLOW_EXPRESSION.exec(line);
    if (expression && error.code !== 'MULTIPLE_DOCS' && error.code !== 'DUPLICATE_KEY') {
      const at = lineStart + expression.index + expression[0].length - 3;
      const quoted = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as YAMLError, error, {
        pos: [at, at + 3] as [number, number],
        message: 'an unquoted `${{ }}` inside a flow collection (`{ }` or `[ ]`): YAML reads its braces as a mapping',
        code: 'FLOW_EXPRESSION',
      });
      kept.push(quoted);
      continue;
    }
    const unclosed = /^flow (sequence|map)\b.* end with an? ([\]}])$/i.exec(error.message);
    if (unclosed) {
      const [open, name] = unclosed[1] === 'sequence' ? ['[', 'list'] : ['{', 'mapping'];
      kept.push(Object.assign(Object.create(Object.getPrototypeOf(error) as object) as YAMLError, error, { message: `the flow ${name} \`${open}\` is not closed: a \`${unclosed[2]}\` is missing (or it is not indented enough)` }));
      continue;
    }
    kept.push(error);
  }
  return kept;
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
  const hint = (problem.code as string) === 'FLOW_EXPRESSION' ? 'quote it: `v: "${{ input.x }}"`, or write the mapping as a block' : undefined;
  return diagnosticAt(loaded, code, message, { start: problem.pos[0], end: problem.pos[1] }, hint ? { hint } : {});
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
