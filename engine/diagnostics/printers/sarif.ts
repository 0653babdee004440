/**
 * SARIF 2.1.0 (OASIS), as code-scanning services read it (GitHub code scanning, Azure DevOps' SARIF
 * viewer): one run, the rule list with each rule's metadata (`name`, short and full descriptions, `help`,
 * `helpUri` into docs/lint-codes.md), one result per diagnostic. A test validates it against the
 * official schema (test/lint/schemas/).
 */
import { codes, type DiagnosticCode } from '../codes';
import type { Diagnostic } from '../diagnostic';

/** Renders diagnostics as a SARIF 2.1.0 log; file paths become relative URIs. */
export function formatSarif(diagnostics: readonly Diagnostic[], toolVersion = '0.1.0'): string {
  const used = [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort();
  const index = new Map<DiagnosticCode, number>(used.map((code, at) => [code, at]));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sluice',
            version: toolVersion,
            informationUri: 'https://github.com/sluice/sluice/blob/main/docs/lint-codes.md',
            rules: used.map((code) => ruleMetadata(code)),
          },
        },
        columnKind: 'unicodeCodePoints',
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

const DOCS = 'https://github.com/sluice/sluice/blob/main/docs/lint-codes.md';

/** A rule's metadata: what SARIF viewers show beside a result. */
function ruleMetadata(code: DiagnosticCode) {
  const { summary, severity } = codes[code];
  const helpUri = `${DOCS}#${code}`;
  return {
    id: code,
    // A friendly name in PascalCase, distinct from the id, as SARIF's rule-metadata checks ask.
    name: code.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(''),
    shortDescription: { text: summary },
    fullDescription: { text: `${summary} Reported as ${severity === 'error' ? 'an error' : 'a warning'} by default (\`sluice lint\`, code \`${code}\`).` },
    help: { text: `${summary} See ${helpUri} for a failing and a fixed example.`, markdown: `${summary} See [\`${code}\`](${helpUri}) for a failing and a fixed example.` },
    helpUri,
    defaultConfiguration: { level: severity },
  };
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
