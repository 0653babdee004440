/**
 * Maps a path in the definition value back to the YAML text: the key of a property, the value, or the
 * first line of a mapping. Only the nodes along the path are visited (aliases resolved one hop at a
 * time), so placing a diagnostic costs the path's length, not the file's size.
 */
import type { Node, Scalar } from 'yaml';
import { documentOf } from './load';
import { yaml } from './yaml-lib';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { diagnosticAt, toPointer, type Finding, type LoadedDefinition, type TextRange } from './source';

interface Located {
  node: Node | null;
  key: Node | null;
  /** The deepest node found when the path does not exist to its end. */
  fallback: Node | null;
}

/** Turns a rule's finding into a diagnostic with a file position. */
export function place(loaded: LoadedDefinition, finding: Finding): Diagnostic {
  return diagnosticAt(loaded, finding.code, finding.message, rangeOf(loaded, finding), {
    pointer: toPointer(finding.path),
    hint: finding.hint,
    severity: finding.severity,
  });
}

/** The text range a finding points at. */
export function rangeOf(loaded: LoadedDefinition, finding: Pick<Finding, 'path' | 'target' | 'within'>): TextRange {
  const located = locate(loaded, finding.path);
  const target = finding.target ?? 'value';
  if (target === 'key' && located.key) return nodeRange(located.key);
  const node = located.node ?? located.key ?? located.fallback;
  if (!node) return { start: 0, end: 0 };
  if (target === 'mapping') {
    if (located.key) return nodeRange(located.key);
    return firstLine(loaded.text, nodeRange(node));
  }
  if (finding.within && yaml().isScalar(node) && typeof node.value === 'string') {
    return withinScalar(loaded.text, node, finding.within) ?? nodeRange(node);
  }
  return nodeRange(node);
}

function locate(loaded: LoadedDefinition, path: ReadonlyArray<string | number>): Located {
  const document = documentOf(loaded);
  let node = resolve(document?.contents ?? null, loaded);
  let key: Node | null = null;
  let fallback: Node | null = node;
  for (const segment of path) {
    key = null;
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => yaml().isPair(item) && yaml().isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { node: null, key: null, fallback };
      key = pair.key as Node;
      fallback = key;
      node = resolve(pair.value as Node | null, loaded);
    } else if (yaml().isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = resolve(node.items[segment] as Node | null, loaded);
    } else {
      return { node: null, key: null, fallback };
    }
    if (node) fallback = node;
  }
  return { node, key, fallback };
}

function resolve(node: Node | null, loaded: LoadedDefinition): Node | null {
  if (yaml().isAlias(node) && loaded.document) return (node.resolve(loaded.document) as Node | undefined) ?? node;
  return node;
}

function nodeRange(node: Node): TextRange {
  const range = node.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

function firstLine(text: string, range: TextRange): TextRange {
  const newline = text.indexOf('\n', range.start);
  return { start: range.start, end: newline < 0 || newline > range.end ? range.end : newline };
}

/**
 * A range inside a string scalar's value, mapped to the text. Exact for plain and quoted scalars without
 * escapes and for literal/folded blocks line by line; otherwise undefined (the caller uses the whole node).
 */
function withinScalar(text: string, node: Scalar, within: { offset: number; length: number }): TextRange | undefined {
  const [start, end] = node.range ?? [0, 0];
  const value = node.value as string;
  const raw = text.slice(start, end);
  if (node.type === yaml().Scalar.PLAIN && raw === value) return shift(start, within);
  if ((node.type === yaml().Scalar.QUOTE_DOUBLE || node.type === yaml().Scalar.QUOTE_SINGLE) && raw.slice(1, -1) === value) return shift(start + 1, within);
  if (node.type === yaml().Scalar.BLOCK_LITERAL || node.type === yaml().Scalar.BLOCK_FOLDED) return withinBlock(text, start, end, value, within);
  const plainAt = raw.indexOf(value.slice(within.offset, within.offset + within.length));
  return plainAt >= 0 && value.length > 0 ? { start: start + plainAt, end: start + plainAt + within.length } : undefined;
}

function shift(base: number, within: { offset: number; length: number }): TextRange {
  return { start: base + within.offset, end: base + within.offset + within.length };
}

/**
 * Block scalars: a literal block's value lines are its body lines minus the block indentation; a folded
 * block joins lines, so there the expression's text is searched for among the body lines instead.
 */
function withinBlock(text: string, start: number, end: number, value: string, within: { offset: number; length: number }): TextRange | undefined {
  const before = value.slice(0, within.offset);
  const lineIndex = before.split('\n').length - 1;
  const column = within.offset - (before.lastIndexOf('\n') + 1);
  const bodyStart = text.indexOf('\n', start) + 1;
  if (bodyStart <= 0 || bodyStart >= end) return undefined;
  const body = text.slice(bodyStart, end).split('\n');
  const indent = blockIndent(body);
  const lineStarts: number[] = [];
  let cursor = bodyStart;
  for (const line of body) {
    lineStarts.push(cursor);
    cursor += line.length + 1;
  }
  const wanted = value.slice(within.offset, within.offset + within.length);
  const literal = text.charAt(start) === '|';
  if (literal && lineIndex < body.length && body[lineIndex].slice(indent + column).startsWith(wanted)) {
    const at = lineStarts[lineIndex] + indent + column;
    return { start: at, end: at + within.length };
  }
  for (let index = 0; index < body.length; index++) {
    const found = body[index].indexOf(wanted);
    if (found >= 0 && wanted.length > 0) return { start: lineStarts[index] + found, end: lineStarts[index] + found + wanted.length };
  }
  return undefined;
}

function blockIndent(body: string[]): number {
  for (const line of body) if (line.trim().length > 0) return line.length - line.trimStart().length;
  return 0;
}
