/**
 * The linter: load → schema → semantic rules → cross-file checks. Semantic rules run only on files the
 * schema accepts, so they can trust the shape and a typo yields one diagnostic, not a cascade.
 */
import { defaultLimits } from '../definition/limits';
import { loadDefinition } from '../definition/load';
import { place } from '../definition/positions';
import { schemaFindings } from '../definition/schema-errors';
import { validateAgainstSchema } from '../definition/schema';
import { diagnosticAt, type LoadedDefinition } from '../definition/source';
import { collectSteps, type StepSite } from '../definition/walk';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { crossFileDiagnostics, factsOf } from './cross-file';
import { wellFormedPart } from './well-formed';
import type { ChildRead, LintOptions, RuleContext } from './rule';
import { rules } from './rules';
import { applySuppressions } from './suppressions';

export type { LintOptions } from './rule';

/** One file's text to lint. */
export interface SourceText {
  file: string;
  text: string;
}

/** One file after linting; `definition` is set when the file is schema-valid. */
export interface LintedFile {
  loaded: LoadedDefinition;
  definition?: WorkflowDefinition;
  /** The definition's steps in pre-order, when it is schema-valid. */
  sites?: readonly StepSite[];
  /** Reads of sub-workflow outputs, checked across files. */
  childReads?: ChildRead[];
  diagnostics: Diagnostic[];
}

/**
 * Lints one file on its own (no cross-file checks): one YAML reader (the `yaml` package) builds the
 * document, which owns every diagnostic's position.
 *
 * Never throws: an exception (a bug) becomes a diagnostic of this file, so that linting many files
 * still reports every other file (and a rule that throws costs only its own findings).
 */
export function lintText(file: string, text: string, options: LintOptions = {}): LintedFile {
  try {
    return lintTextOnce(file, text, options);
  } catch (error) {
    const loaded: LoadedDefinition = { file, text, value: undefined, diagnostics: [] };
    return { loaded, diagnostics: [internalError(loaded, 'the linter', error)] };
  }
}

function lintTextOnce(file: string, text: string, options: LintOptions): LintedFile {
  const limits = options.limits ? { ...defaultLimits, ...options.limits } : defaultLimits;
  return lintLoaded(loadDefinition(file, text, limits), options);
}

function lintLoaded(loaded: LoadedDefinition, options: LintOptions): LintedFile {
  const diagnostics = [...loaded.diagnostics];
  if (loaded.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { loaded, diagnostics: sortDiagnostics(diagnostics) };
  const errors = validateAgainstSchema(loaded.value);
  let definition: WorkflowDefinition;
  let placeholders: WeakSet<object> | undefined;
  if (errors.length > 0 || loaded.value === null || typeof loaded.value !== 'object') {
    for (const finding of schemaFindings(errors, loaded.value)) diagnostics.push(place(loaded, finding));
    // The rules still check what is well formed, so every mistake shows in one pass.
    const part = errors.length > 0 ? wellFormedPart(loaded.value) : undefined;
    if (!part) return { loaded, diagnostics: sortDiagnostics(diagnostics) };
    ({ definition, placeholders } = part);
  } else {
    definition = loaded.value as WorkflowDefinition;
  }
  const sites = collectSteps(definition);
  const byId = new Map<string, StepSite>();
  for (const site of sites) if (!byId.has(site.id)) byId.set(site.id, site);
  const childReads: ChildRead[] = [];
  const context: RuleContext = { loaded, definition, sites, byId, options, placeholders: placeholders ?? new WeakSet(), report: (finding) => diagnostics.push(place(loaded, finding)), childReads };
  for (const rule of rules) {
    try {
      rule.check(context);
    } catch (error) {
      diagnostics.push(internalError(loaded, `lint rule \`${rule.name}\``, error));
    }
  }
  // A file with schema errors yields no definition: the plan, the graph and cross-file facts need a valid one.
  if (placeholders) return { loaded, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
  return { loaded, definition, sites, childReads, diagnostics: sortDiagnostics(diagnostics) };
}

/** A rule may repeat what the schema said about the same place (one mistake, one error): keep the first. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// No code of its own (every code needs a failing example, and this has none once the bug is fixed):
// reported as an error at the top of the file, under `invalid-value`, saying what it is.
function internalError(loaded: Pick<LoadedDefinition, 'file' | 'text'>, where: string, error: unknown): ReturnType<typeof diagnosticAt> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return diagnosticAt(loaded, 'invalid-value', `internal error in ${where}: ${message}; this file's other findings may be missing`, { start: 0, end: 0 }, {
    hint: 'this is a bug in Sluice: please report it with the file',
  });
}

/** Lints a set of files together: each file, then the facts that span files; then the files' suppressions. */
export function lintFiles(files: readonly SourceText[], options: LintOptions = {}): { files: LintedFile[]; diagnostics: Diagnostic[] } {
  const linted = files.map((source) => lintText(source.file, source.text, options));
  const all = linted.flatMap((file) => file.diagnostics);
  all.push(...crossFileDiagnostics(linted.map((file) => ({ facts: factsOf(file.loaded.value, file.definition, file.sites, file.childReads), loaded: file.loaded }))));
  return { files: linted, diagnostics: sortDiagnostics(applySuppressions(all, files)) };
}
