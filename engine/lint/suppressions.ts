/**
 * Inline suppressions: `# sluice-disable-next-line CODE[, CODE…]` silences those codes on the next line,
 * `# sluice-disable-file CODE[, CODE…]` in the whole file. A code is always named (a blanket disable would
 * hide the next mistake too), and a directive that silences nothing, or names a code that does not exist,
 * is itself reported (`unused-suppression`), so suppressions do not outlive the findings they were for.
 *
 * Directives are found by a line scan: a `#` at the start of a line or after a space. A block scalar's
 * line that looks like one (inside a `prompt: |`) is taken as one too; YAML has no way to tell them apart
 * without the whole parse, and such a line in a prompt is improbable.
 */
import { allCodes, type DiagnosticCode } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { closest } from '../diagnostics/suggest';
import type { SourceText } from './lint';

const DIRECTIVE = /(?:^|\s)#\s*sluice-disable-(next-line|file)\b([^\n#]*)/;

interface Directive {
  kind: 'next-line' | 'file';
  /** 1-based line of the comment. */
  line: number;
  column: number;
  endColumn: number;
  codes: string[];
  used: Set<string>;
}

let known: Set<string> | undefined;

/** The directives of one file's text. */
function directivesOf(text: string): Directive[] {
  if (!text.includes('sluice-disable-')) return [];
  const found: Directive[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = DIRECTIVE.exec(lines[index]);
    if (!match) continue;
    const start = match.index + match[0].indexOf('#');
    const codes = match[2].split(/[\s,]+/).filter(Boolean);
    found.push({ kind: match[1] as Directive['kind'], line: index + 1, column: start + 1, endColumn: match.index + match[0].trimEnd().length + 1, codes, used: new Set() });
  }
  return found;
}

/**
 * Drops the diagnostics the files' directives silence, and adds an `unused-suppression` warning for each
 * directive (or code in it) that silenced nothing. Loader and cross-file diagnostics are silenced alike.
 */
export function applySuppressions(diagnostics: readonly Diagnostic[], sources: readonly SourceText[]): Diagnostic[] {
  const byFile = new Map<string, Directive[]>();
  for (const source of sources) {
    const directives = directivesOf(source.text);
    if (directives.length > 0) byFile.set(source.file, directives);
  }
  if (byFile.size === 0) return [...diagnostics];
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const directive = byFile.get(diagnostic.file)?.find((candidate) => candidate.codes.includes(diagnostic.code) && (candidate.kind === 'file' || candidate.line + 1 === diagnostic.line));
    if (directive) directive.used.add(diagnostic.code);
    else kept.push(diagnostic);
  }
  known ??= new Set(allCodes());
  for (const [file, directives] of byFile) {
    for (const directive of directives) {
      const place = { file, line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.endColumn, pointer: '' };
      const what = directive.kind === 'file' ? 'in this file' : 'on the next line';
      if (directive.codes.length === 0) {
        kept.push({ ...place, code: 'unused-suppression', severity: 'warning', message: `\`sluice-disable-${directive.kind}\` names no code, so it silences nothing`, hint: 'name the codes to silence, e.g. `# sluice-disable-next-line insecure-url`' });
        continue;
      }
      for (const code of directive.codes) {
        if (directive.used.has(code)) continue;
        const exists = known.has(code);
        const guess = exists ? undefined : closest(code, known);
        kept.push({
          ...place,
          code: 'unused-suppression',
          severity: 'warning',
          message: exists ? `\`${code}\` is suppressed ${what}, but nothing ${what} reports it` : `\`${code}\` is not a lint code${guess ? `; did you mean \`${guess}\`?` : ''}`,
          hint: exists ? 'remove the suppression (the finding it was for is gone)' : 'codes are listed in docs/lint-codes.md',
        });
      }
    }
  }
  return kept;
}

/** Whether `code` is a diagnostic code. */
export function isCode(code: string): code is DiagnosticCode {
  known ??= new Set(allCodes());
  return known.has(code);
}
