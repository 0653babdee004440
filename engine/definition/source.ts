/**
 * A loaded workflow file: its text, the YAML document with source ranges, the plain value, and the
 * diagnostics found so far. Positions are kept so that every later finding maps back to the text.
 */
import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { codes, type DiagnosticCode } from '../diagnostics/codes';

/**
 * A workflow file after loading. `value` is undefined when the YAML could not be turned into data.
 * `document` is absent for a file read elsewhere (another thread); `documentOf` builds it when a position is needed.
 */
export interface LoadedDefinition {
  file: string;
  text: string;
  document?: Document.Parsed;
  value: unknown;
  diagnostics: Diagnostic[];
}

/** An offset range inside a file's text (end exclusive). */
export interface TextRange {
  start: number;
  end: number;
}

/** A diagnostic before it has a position: rules produce these; `place` turns them into diagnostics. */
export interface Finding {
  code: DiagnosticCode;
  message: string;
  hint?: string;
  /** Path of the value in the definition, e.g. `['steps', 0, 'ai', 'prompt']`. */
  path: ReadonlyArray<string | number>;
  /** Point at the key (unknown key), the value (default), or the mapping's first line (missing key). */
  target?: 'key' | 'value' | 'mapping';
  /** A sub-range inside a string value (an expression inside a template), in value characters. */
  within?: { offset: number; length: number };
  /** Overrides the code's default severity. */
  severity?: Diagnostic['severity'];
}

/** Builds a diagnostic at a text range. */
export function diagnosticAt(
  source: Pick<LoadedDefinition, 'file' | 'text'>,
  code: DiagnosticCode,
  message: string,
  range: TextRange,
  extra: { pointer?: string; hint?: string; severity?: Diagnostic['severity'] } = {},
): Diagnostic {
  const start = clamp(range.start, source.text.length);
  const end = Math.max(start, clamp(range.end, source.text.length));
  const from = linePos(source, start);
  const to = linePos(source, end);
  const diagnostic: Diagnostic = {
    code,
    severity: extra.severity ?? codes[code].severity,
    message,
    file: source.file,
    line: from.line,
    column: from.col,
    endLine: to.line,
    endColumn: to.col,
    pointer: extra.pointer ?? '',
  };
  if (extra.hint) diagnostic.hint = extra.hint;
  return diagnostic;
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, offset), length);
}

const lineIndex = new WeakMap<object, number[]>();

/**
 * 1-based line and column of an offset, from the text itself: the parser's LineCounter only knows the
 * lines it lexed, which is not all of them when parsing stops early. Built once per file, on demand.
 */
export function linePos(source: Pick<LoadedDefinition, 'text'>, offset: number): { line: number; col: number } {
  let starts = lineIndex.get(source);
  if (!starts) {
    starts = [0];
    for (let at = source.text.indexOf('\n'); at >= 0; at = source.text.indexOf('\n', at + 1)) starts.push(at + 1);
    lineIndex.set(source, starts);
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, col: offset - starts[low] + 1 };
}

/** Encodes a path as a JSON pointer (RFC 6901). */
export function toPointer(path: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (const segment of path) pointer += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return pointer;
}
