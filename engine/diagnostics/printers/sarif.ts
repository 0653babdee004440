/** SARIF 2.1.0 (OASIS), as code-scanning services read it: one run, the rule list, one result per diagnostic. */
import { codes, type DiagnosticCode } from '../codes';
import type { Diagnostic } from '../diagnostic';

/** Renders diagnostics as a SARIF 2.1.0 log; file paths become relative URIs. */
export function formatSarif(diagnostics: readonly Diagnostic[], toolVersion = '0.1.0'): string {
  const used = [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort();
  const index = new Map<DiagnosticCode, number>(used.map((code, at) => [code, at]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sluice',
            version: toolVersion,
            informationUri: 'https://github.com/sluice/sluice/blob/main/docs/lint-codes.md',
            rules: used.map((code) => ({
              id: code,
              shortDescription: { text: codes[code].summary },
              helpUri: `https://github.com/sluice/sluice/blob/main/docs/lint-codes.md#${code}`,
              defaultConfiguration: { level: codes[code].severity },
            })),
          },
        },
        results: diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.code,
          ruleIndex: index.get(diagnostic.code),
          level: diagnostic.severity,
          message: { text: diagnostic.hint ? `${diagnostic.message} (${diagnostic.hint})` : diagnostic.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(diagnostic.file) },
                region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
