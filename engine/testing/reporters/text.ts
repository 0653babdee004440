/** The human reporter: one line per case as it finishes, the diff of each failure, a summary. */
import { describeFailure } from '../expectations';
import type { CaseResult, FileResult } from '../runner';

/** The line of a finished case (and its diff when it failed). */
export function formatCase(file: string, result: CaseResult): string {
  const mark = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✗' : '-';
  const time = result.status === 'skipped' ? ' (skipped)' : ` (${Math.round(result.durationMs)} ms)`;
  const lines = [`${mark} ${file} › ${result.name}${time}`];
  for (const failure of result.failures) lines.push(...describeFailure(failure).map((line) => `    ${line}`));
  for (const note of result.notes) lines.push(`    note: ${note}`);
  return lines.join('\n');
}

/** The problems of files that could not run. */
export function formatProblems(results: readonly FileResult[]): string {
  return results.flatMap((result) => result.problems.map((p) => `✗ ${p.file}:${p.line}:${p.column}: ${p.message}`)).join('\n');
}

/** Counts of a run. */
export function totals(results: readonly FileResult[]): { passed: number; failed: number; skipped: number; broken: number } {
  const cases = results.flatMap((result) => result.cases);
  return {
    passed: cases.filter((c) => c.status === 'passed').length,
    failed: cases.filter((c) => c.status === 'failed').length,
    skipped: cases.filter((c) => c.status === 'skipped').length,
    broken: results.filter((result) => result.problems.length > 0).length,
  };
}

/** The last line: how many cases passed and failed, in how many files. */
export function formatSummary(results: readonly FileResult[], durationMs: number): string {
  const { passed, failed, skipped, broken } = totals(results);
  const parts = [`${passed} passed`, `${failed} failed`, ...(skipped ? [`${skipped} skipped`] : []), ...(broken ? [`${broken} file${broken === 1 ? '' : 's'} with problems`] : [])];
  return `${parts.join(', ')} (${results.length} file${results.length === 1 ? '' : 's'}, ${Math.round(durationMs)} ms)`;
}
