/** JUnit XML (one testsuite per file, one testcase per case), as Azure Pipelines' PublishTestResults reads it. */
import { describeFailure } from '../expectations';
import type { FileResult } from '../runner';
import { totals } from './text';

/** The JUnit document of a run. */
export function formatJunit(results: readonly FileResult[], durationMs: number): string {
  const { passed, failed, skipped, broken } = totals(results);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sluice test" tests="${passed + failed + skipped + broken}" failures="${failed}" errors="${broken}" skipped="${skipped}" time="${seconds(durationMs)}">`,
  ];
  for (const result of results) {
    const failures = result.cases.filter((c) => c.status === 'failed').length;
    const skips = result.cases.filter((c) => c.status === 'skipped').length;
    const errors = result.problems.length > 0 ? 1 : 0;
    lines.push(`  <testsuite name="${xml(result.file)}" tests="${result.cases.length + errors}" failures="${failures}" errors="${errors}" skipped="${skips}" time="${seconds(result.durationMs)}">`);
    const classname = xml(result.workflow ?? result.file);
    if (errors) {
      const text = result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n');
      lines.push(`    <testcase name="${xml(result.file)}" classname="${classname}" time="0">`, `      <error message="${xml(result.problems[0].message)}">${xml(text)}</error>`, '    </testcase>');
    }
    for (const testCase of result.cases) {
      lines.push(`    <testcase name="${xml(testCase.name)}" classname="${classname}" time="${seconds(testCase.durationMs)}">`);
      if (testCase.status === 'skipped') lines.push('      <skipped/>');
      if (testCase.status === 'failed') {
        const text = testCase.failures.flatMap(describeFailure).join('\n');
        const first = testCase.failures[0];
        lines.push(`      <failure message="${xml(`${first.what}${first.message ? `: ${first.message}` : ''}`)}">${xml(text)}</failure>`);
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five specials are escaped.
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
