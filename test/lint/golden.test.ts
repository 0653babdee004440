/**
 * Golden files, actionlint-style: every `err/X.yaml` has the expected diagnostics in `err/X.out`; every
 * `ok/*.yaml` lints clean. Companions `X.2.yaml` are linted together with `X.yaml` (cross-file checks).
 * A first-line `# sluice-test: maxChars=N secrets=A,B_*` comment lowers a loader limit, or sets the local
 * SLUICE_SECRETS, for that case.
 * Run with UPDATE_GOLDEN=1 to rewrite the .out files, then review the diff.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/diagnostics/diagnostic';
import { goldenCases, lintCase } from './golden-cases';

const here = __dirname;

function render(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.message} [${d.code}]`).join('\n') + '\n';
}

describe('golden: err/', () => {
  const cases = goldenCases('err');
  it('has at least 40 broken definitions', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  for (const main of cases) {
    it(main, () => {
      const actual = render(lintCase('err', main));
      const expectedFile = path.join(here, 'err', main.replace(/\.yaml$/, '.out'));
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, actual);
      expect(existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual.trim().length, 'an err case must produce diagnostics').toBeGreaterThan(0);
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});

describe('golden: ok/', () => {
  for (const main of goldenCases('ok')) {
    it(main, () => expect(render(lintCase('ok', main)).trim()).toBe(''));
  }
});
