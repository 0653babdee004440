/** Human output: `file:line:col: severity message [code]`, the hint, and a code frame with a caret. */
import type { Diagnostic } from '../diagnostic';

/** ANSI styles for a terminal; identity functions when colour is off. */
interface Paint {
  error(text: string): string;
  warning(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const COLOURS: Paint = { error: ansi(31, 39), warning: ansi(33, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
const PLAIN: Paint = { error: (t) => t, warning: (t) => t, dim: (t) => t, bold: (t) => t };

/** Renders diagnostics for a terminal; `sources` maps file names to their text for code frames; `colour` adds ANSI styles. */
export function formatText(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, colour = false): string {
  const paint = colour ? COLOURS : PLAIN;
  const blocks: string[] = [];
  const lineCache = new Map<string, string[]>();
  for (const diagnostic of diagnostics) {
    const severity = diagnostic.severity === 'error' ? paint.error(diagnostic.severity) : paint.warning(diagnostic.severity);
    const head = `${paint.bold(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}:`)} ${severity} ${diagnostic.message} ${paint.dim(`[${diagnostic.code}]`)}`;
    const text = sources.get(diagnostic.file);
    let lines = lineCache.get(diagnostic.file);
    if (!lines && text !== undefined) {
      lines = text.split('\n');
      lineCache.set(diagnostic.file, lines);
    }
    const frame = lines ? codeFrame(lines, diagnostic) : '';
    blocks.push([head, frame && paint.dim(frame), diagnostic.hint ? `  hint: ${diagnostic.hint}` : ''].filter(Boolean).join('\n'));
  }
  return blocks.join('\n\n');
}

/** The diagnostic's line with its number and a caret run under the range. */
function codeFrame(lines: string[], diagnostic: Diagnostic): string {
  const source = lines[diagnostic.line - 1];
  if (source === undefined) return '';
  const gutter = String(diagnostic.line);
  const width = diagnostic.endLine === diagnostic.line ? Math.max(1, diagnostic.endColumn - diagnostic.column) : Math.max(1, source.length - diagnostic.column + 1);
  const visible = source.replace(/\t/g, ' ').slice(0, 200);
  const caret = ' '.repeat(Math.max(0, diagnostic.column - 1)) + '^'.repeat(Math.min(width, Math.max(1, visible.length - diagnostic.column + 1)));
  return `  ${gutter} | ${visible}\n  ${' '.repeat(gutter.length)} | ${caret}`;
}

/** The closing summary line. */
export function formatSummary(files: number, errors: number, warnings: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
