/**
 * Diagnostics are data: collected, never thrown; sorted by position, deduplicated, and rendered by
 * separate printers (text, json, sarif, CI annotations).
 */
import type { DiagnosticCode } from './codes';

/** How bad a finding is; warnings fail `sluice lint` only with `--strict`. */
export type Severity = 'error' | 'warning';

/** One finding about one file, with a 1-based position range. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer of the value in the definition (`/steps/0/ai/prompt`); `''` for the whole file. */
  pointer: string;
  /** What to do about it, when there is something useful to say. */
  hint?: string;
}

/** Orders diagnostics by file, position, then code, and drops exact repeats. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const unique: Diagnostic[] = [];
  let previous: Diagnostic | undefined;
  for (const diagnostic of sorted) {
    if (!previous || compareDiagnostics(previous, diagnostic) !== 0 || previous.message !== diagnostic.message) {
      unique.push(diagnostic);
    }
    previous = diagnostic;
  }
  return unique;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Counts errors and warnings. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}
