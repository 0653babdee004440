/**
 * `${{ EXPR }}` templates: finding expressions inside a string. A string that is exactly one expression
 * yields the typed value; an expression inside longer text is interpolated as text.
 */
import { parseExpression, type ExpressionAst } from './parse';
import { mentionsSecrets, secretName } from './secrets';

/** A problem found while parsing a template; offsets are inside the template's text. */
export interface ExpressionError {
  message: string;
  offset: number;
  length: number;
}

/** One `${{ … }}` occurrence. */
export interface TemplatePart {
  /** The expression's source between the braces, untrimmed. */
  source: string;
  /** Offset of the expression source inside the template text. */
  offset: number;
  /** The parsed expression; absent when it did not parse. */
  ast?: ExpressionAst;
  /** `NAME` when the expression is exactly `secrets.NAME` (passed through verbatim, never evaluated). */
  secret?: string;
  /** Whether `secrets` appears any other way (an evaluation error: secrets are resolved only in activities). */
  misusesSecrets?: boolean;
}

/** A string value, pre-parsed. `parts` alternates text (strings) and expressions. */
export type Template =
  | { kind: 'literal'; text: string }
  | { kind: 'single'; expression: TemplatePart }
  | { kind: 'interpolated'; parts: Array<string | TemplatePart> };

/** A template with the errors found while parsing it. */
export interface ParsedTemplate {
  template: Template;
  errors: ExpressionError[];
}

const OPEN = '${{';

/** Whether a string contains a `${{` expression. */
export function isTemplate(text: string): boolean {
  return text.includes(OPEN);
}

/** Parses a string into a template; never throws. */
export function parseTemplate(text: string): ParsedTemplate {
  if (!text.includes(OPEN)) return { template: { kind: 'literal', text }, errors: [] };
  const parts: Array<string | TemplatePart> = [];
  const errors: ExpressionError[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const start = text.indexOf(OPEN, cursor);
    if (start < 0) {
      parts.push(text.slice(cursor));
      break;
    }
    if (start > cursor) parts.push(text.slice(cursor, start));
    const bodyStart = start + OPEN.length;
    const end = findClose(text, bodyStart);
    if (end < 0) {
      errors.push({ message: 'unterminated expression: `${{` has no matching `}}`', offset: start, length: text.length - start });
      parts.push(text.slice(start));
      break;
    }
    const source = text.slice(bodyStart, end);
    const part: TemplatePart = { source, offset: bodyStart };
    if (source.trim() === '') {
      errors.push({ message: 'empty expression `${{ }}`', offset: start, length: end + 2 - start });
    } else {
      const parsed = parseExpression(source);
      if (parsed.ok) {
        // Decided once here, not per evaluation: replays evaluate the same templates many times.
        part.ast = parsed.ast;
        part.secret = secretName(parsed.ast);
        part.misusesSecrets = !part.secret && mentionsSecrets(parsed.ast);
      } else errors.push({ message: parsed.message, offset: bodyStart + parsed.offset, length: Math.max(1, parsed.length) });
    }
    parts.push(part);
    cursor = end + 2;
  }
  if (parts.length === 1 && typeof parts[0] !== 'string') {
    return { template: { kind: 'single', expression: parts[0] }, errors };
  }
  return { template: { kind: 'interpolated', parts }, errors };
}

/**
 * Finds the `}}` closing an expression that starts at `from`, skipping quoted strings and balanced
 * braces so object literals (`{a: {b: 1}}`) and strings containing `}}` do not end it early.
 */
function findClose(text: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0 && text[i + 1] === '}') return i;
      if (depth > 0) depth--;
    }
  }
  return -1;
}
