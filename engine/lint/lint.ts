/**
 * The linter: load → schema → semantic rules → cross-file checks. Semantic rules run only on files the
 * schema accepts, so they can trust the shape and a typo yields one diagnostic, not a cascade.
 */
import { defaultLimits } from '../definition/limits';
import { loadDefinition } from '../definition/load';
import { place } from '../definition/positions';
import { schemaFindings } from '../definition/schema-errors';
import { validateAgainstSchema } from '../definition/schema';
import type { LoadedDefinition } from '../definition/source';
import { collectSteps, type StepSite } from '../definition/walk';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { crossFileDiagnostics } from './cross-file';
import type { LintOptions, RuleContext } from './rule';
import { rules } from './rules';

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
  diagnostics: Diagnostic[];
}

/** Lints one file on its own (no cross-file checks). */
export function lintText(file: string, text: string, options: LintOptions = {}): LintedFile {
  const loaded = loadDefinition(file, text, options.limits ? { ...defaultLimits, ...options.limits } : defaultLimits);
  const diagnostics = [...loaded.diagnostics];
  if (loaded.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { loaded, diagnostics: sortDiagnostics(diagnostics) };
  const errors = validateAgainstSchema(loaded.value);
  if (errors.length > 0 || loaded.value === null || typeof loaded.value !== 'object') {
    for (const finding of schemaFindings(errors, loaded.value)) diagnostics.push(place(loaded, finding));
    return { loaded, diagnostics: sortDiagnostics(diagnostics) };
  }
  const definition = loaded.value as WorkflowDefinition;
  const sites = collectSteps(definition);
  const byId = new Map<string, StepSite>();
  for (const site of sites) if (!byId.has(site.id)) byId.set(site.id, site);
  const context: RuleContext = { loaded, definition, sites, byId, options, report: (finding) => diagnostics.push(place(loaded, finding)) };
  for (const rule of rules) rule.check(context);
  return { loaded, definition, diagnostics: sortDiagnostics(diagnostics) };
}

/** Lints a set of files together: each file, then the facts that span files. */
export function lintFiles(files: readonly SourceText[], options: LintOptions = {}): { files: LintedFile[]; diagnostics: Diagnostic[] } {
  const linted = files.map((source) => lintText(source.file, source.text, options));
  const all = linted.flatMap((file) => file.diagnostics);
  all.push(...crossFileDiagnostics(linted));
  return { files: linted, diagnostics: sortDiagnostics(all) };
}
