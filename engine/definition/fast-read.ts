/**
 * The fast reader: plain block YAML → data in one pass over the text, for the common case of a workflow
 * written as block mappings and lists of scalars. It declines (returns `undefined`) at the first thing it
 * does not vouch for: anchors, aliases, tags, directives, document markers past the first `---`, several
 * documents, explicit or complex keys, multi-line plain or quoted scalars, flow collections spanning
 * lines, block scalars with indentation indicators or kept trailing lines, tabs, carriage returns or other
 * control characters, a root that is not a mapping, duplicate, merge or prototype keys, nesting beyond the
 * limit, or an oversized file. Declined files take the full path (`load.ts`, the `yaml` package), which
 * owns every diagnostic; so the contract is narrow: when this returns a value, it equals what the full
 * path builds and the full path finds nothing wrong with the YAML (test/definition/fast-read.test.ts
 * checks this on every fixture, the examples, the benchmark corpus, YAML oddities and thousands of
 * mutated definitions).
 *
 * Why hand-written: linting is mostly reading YAML, and a cold process spends its first few hundred
 * milliseconds warming up whatever parser it runs. A general parser runs far more code per file than
 * this subset needs: js-yaml's event stream and a reader over it, the previous fast path, took twice as
 * long on the lint benchmark's corpus, cold or warm (measured by hand before js-yaml was dropped; bench
 * item 5 times the whole lint). This is a few small loops V8
 * optimises early. Plain scalars resolve by the YAML 1.2 core schema, as the `yaml` package resolves them.
 */
import type { LoadLimits } from './limits';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const PIPE = 0x7c;
const GREATER = 0x3e;
const DOT = 0x2e;
/** YAML caps implicit keys at 1,024 characters; longer ones are the full path's to report. */
const LONG_KEY = 1000;

/** Keys the full path reports (merge keys, prototype keys): the fast reader leaves them to it. */
const REFUSED_KEYS = new Set(['<<', '__proto__', 'constructor', 'prototype']);

/**
 * Characters the reader never vouches for anywhere in a file: tabs, carriage returns, other C0 and C1
 * controls, DEL, the byte-order mark, non-characters, line and paragraph separators, lone surrogates.
 */
const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Thrown inside the reader to decline; never escapes it. */
const DECLINE = Symbol('decline');

/** The file's data, or `undefined` when the fast reader declines and the full loader must read it. */
export function readPlainYaml(text: string, limits: LoadLimits): unknown {
  if (text.length > limits.maxChars || UNSUPPORTED_CHARACTER.test(text)) return undefined;
  try {
    return new PlainReader(text, limits.maxDepth).document();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

function decline(): never {
  throw DECLINE;
}

/** Whether `code` may start a plain scalar here (no indicator the reader does not vouch for). */
function startsPlain(code: number, next: number): boolean {
  switch (code) {
    case DASH:
      // `-x` and `-1` are plain; `- ` is a list entry.
      return next !== SPACE && next !== NEWLINE && !Number.isNaN(next);
    case 0x3f: // ?
    case COLON:
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case PIPE:
    case GREATER:
    case SINGLE_QUOTE:
    case DOUBLE_QUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return false;
    default:
      return true;
  }
}

/**
 * Reads the block structure line by line. The current line is described by `indent` (its column, or for
 * a list entry's content, the column after `- `), `begin` (where the line starts), `at` (where its content
 * starts) and `end` (its newline or the end of the text). Once the text is read, `at` and `indent` are
 * -1: below every block's indent, so every block ends there without a check of its own.
 */
class PlainReader {
  private indent = 0;
  private begin = 0;
  private at = 0;
  private end = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): Record<string, unknown> {
    this.lineFrom(0, true);
    if (this.at === -1 || this.indent !== 0 || this.isEntry()) decline();
    const value = this.mapping(0, 0);
    if (this.at !== -1) decline();
    return value;
  }

  /**
   * Moves to the first line from `from` with content, skipping blank and comment-only lines. The first
   * line of the document may be a bare `---`; any other document marker or directive declines.
   */
  private lineFrom(from: number, first = false): void {
    const text = this.text;
    let start = from;
    while (start < text.length) {
      const end = lineEnd(text, start);
      const at = skipSpaces(text, start, end);
      if (at < end && text.charCodeAt(at) !== HASH) {
        if (at === start && this.isMarker(start, end)) {
          if (!first || text.charCodeAt(start) !== DASH || this.afterSpaces(start + 3, end) !== end) decline();
          first = false;
          start = end + 1;
          continue;
        }
        this.indent = at - start;
        this.begin = start;
        this.at = at;
        this.end = end;
        return;
      }
      start = end + 1;
    }
    this.at = -1;
    this.indent = -1;
    this.end = text.length;
  }

  /** A directive (`%`) or a document marker (`---`, `...`) at the start of a line. */
  private isMarker(start: number, end: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(start);
    if (c === 0x25) return true;
    if ((c !== DASH && c !== DOT) || text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) return false;
    return start + 3 === end || text.charCodeAt(start + 3) === SPACE;
  }

  /** The first non-space position from `from` (at most `end`); a comment counts as the end. */
  private afterSpaces(from: number, end: number): number {
    const at = skipSpaces(this.text, from, end);
    return at < end && this.text.charCodeAt(at) === HASH && at > from ? end : at;
  }

  private next(): void {
    this.lineFrom(this.end + 1);
  }

  /** Whether the current line's content is a list entry (`-` then a space or the line's end). */
  private isEntry(): boolean {
    if (this.text.charCodeAt(this.at) !== DASH) return false;
    const after = this.at + 1;
    return after === this.end || this.text.charCodeAt(after) === SPACE;
  }

  /** The block node starting on the current line, at its indent. */
  private block(depth: number): unknown {
    if (depth >= this.maxDepth) decline();
    return this.isEntry() ? this.sequence(this.indent, depth) : this.mapping(this.indent, depth);
  }

  private sequence(indent: number, depth: number): unknown[] {
    const list: unknown[] = [];
    while (this.indent === indent && this.isEntry()) {
      const content = this.afterSpaces(this.at + 1, this.end);
      if (content === this.end) {
        // `-` alone: the entry is the block below it, or null.
        this.next();
        list.push(this.indent > indent ? this.block(depth + 1) : null);
      } else if (this.keyEnd(content) !== -1) {
        // `- key: value`: a mapping whose keys line up after the dash.
        this.indent = content - this.begin;
        this.at = content;
        list.push(this.block(depth + 1));
      } else {
        list.push(this.inline(content, indent, depth + 1));
      }
      if (this.indent > indent) decline();
    }
    return list;
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (this.indent === indent) {
      if (this.isEntry()) decline();
      const colon = this.keyEnd(this.at);
      if (colon === -1) decline();
      const name = this.key(this.at, colon);
      if (REFUSED_KEYS.has(name) || Object.prototype.hasOwnProperty.call(map, name)) decline();
      const content = this.afterSpaces(colon + 1, this.end);
      if (content === this.end) {
        // `key:` alone: the value is the block below it (a list may sit at the key's own indent), or null.
        this.next();
        const nested = this.indent > indent || (this.indent === indent && this.isEntry());
        map[name] = nested ? this.block(depth + 1) : null;
      } else {
        map[name] = this.inline(content, indent, depth + 1);
      }
      if (this.indent > indent) decline();
    }
    return map;
  }

  /**
   * Where the implicit key starting at `at` ends (its `:`), or -1 when the line holds no key there. Plain
   * keys end at the first `: ` (or `:` ending the line); quoted keys right after their closing quote.
   */
  private keyEnd(at: number): number {
    const text = this.text;
    const end = this.end;
    const c = text.charCodeAt(at);
    let colon: number;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = closingQuote(text, at + 1, end, c);
      if (close === -1) return -1;
      colon = close + 1;
      if (text.charCodeAt(colon) !== COLON) return -1;
    } else {
      if (!startsPlain(c, text.charCodeAt(at + 1)) || c === DASH) return -1;
      colon = -1;
      for (let i = at + 1; i < end; i++) {
        const code = text.charCodeAt(i);
        if (code === COLON) {
          const after = text.charCodeAt(i + 1);
          if (i + 1 === end || after === SPACE) {
            colon = i;
            break;
          }
        } else if (code === HASH && text.charCodeAt(i - 1) === SPACE) {
          return -1;
        }
      }
      if (colon === -1) return -1;
    }
    const after = colon + 1;
    return after === end || text.charCodeAt(after) === SPACE ? colon : -1;
  }

  /** The key from `at` to its `:`, named as the `yaml` package names keys (null is the empty string). */
  private key(at: number, colon: number): string {
    if (colon - at > LONG_KEY) decline();
    const c = this.text.charCodeAt(at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return unquote(this.text.slice(at + 1, colon - 1), c);
    const resolved = resolvePlain(this.text.slice(at, colon).trimEnd());
    return resolved === null ? '' : String(resolved);
  }

  /** The value written on the key's (or dash's) own line, from `at`; moves past it. */
  private inline(at: number, indent: number, depth: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    let value: unknown;
    let after: number;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = closingQuote(text, at + 1, this.end, c);
      if (close === -1) {
        value = this.multiLineQuoted(at, c, indent);
        after = this.at;
      } else {
        value = unquote(text.slice(at + 1, close), c);
        after = close + 1;
      }
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      const flow = new FlowReader(text, at, this.end, this.maxDepth);
      value = flow.node(depth);
      after = flow.at;
    } else if (c === PIPE || c === GREATER) {
      return this.blockScalar(at, indent);
    } else {
      if (!startsPlain(c, text.charCodeAt(at + 1))) decline();
      let stop = this.end;
      for (let i = at + 1; i < stop; i++) {
        const code = text.charCodeAt(i);
        if (code === HASH && text.charCodeAt(i - 1) === SPACE) stop = i;
        else if (code === COLON && (i + 1 === this.end || text.charCodeAt(i + 1) === SPACE)) decline();
      }
      value = resolvePlain(text.slice(at, stop).trimEnd());
      after = this.end;
    }
    // Only spaces and a comment may follow a quoted or flow value on its line.
    if (after < this.end) {
      if (text.charCodeAt(after) !== SPACE) decline();
      if (this.afterSpaces(after, this.end) !== this.end) decline();
    }
    this.next();
    return value;
  }

  /**
   * A quoted scalar opened at `at` and closed on a later line, owned by a node at `indent`: line breaks
   * fold into a space, empty lines into line feeds, as YAML folds flow scalars. Leaves `end` at the end of
   * the closing line and `at` just past the closing quote. An escaped line break (`\` ending a line), an
   * opening or closing line with nothing else on it, and a line not indented past the owner decline.
   */
  private multiLineQuoted(at: number, quote: number, indent: number): string {
    const text = this.text;
    let value = text.slice(at + 1, this.end).trimEnd();
    if (value === '' || value.endsWith('\\')) decline();
    let empty = 0;
    let start = this.end + 1;
    while (start < text.length) {
      const end = lineEnd(text, start);
      const from = skipSpaces(text, start, end);
      if (from === end) {
        empty++;
        start = end + 1;
        continue;
      }
      if (from - start <= indent) decline();
      const close = closingQuote(text, from, end, quote);
      const piece = close === -1 ? text.slice(from, end).trimEnd() : text.slice(from, close);
      if (piece === '' || (close === -1 && piece.endsWith('\\'))) decline();
      value = foldOnto(value, piece, empty);
      empty = 0;
      if (close !== -1) {
        this.end = end;
        this.at = close + 1;
        return unquote(value, quote);
      }
      start = end + 1;
    }
    return decline();
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `at`, owned by a node at `indent`;
   * clip (default) or strip (`-`) chomping. Moves to the first line after it.
   */
  private blockScalar(at: number, indent: number): string {
    const text = this.text;
    const folded = text.charCodeAt(at) === GREATER;
    let header = at + 1;
    const strip = text.charCodeAt(header) === DASH;
    if (strip) header++;
    if (header < this.end && (text.charCodeAt(header) !== SPACE || this.afterSpaces(header, this.end) !== this.end)) decline();
    const lines: string[] = [];
    let contentIndent = -1;
    let trailingEmpty = 0;
    // The most spaces on an all-space line before the first content line: no more than its indent.
    let leadingSpaces = 0;
    let start = this.end + 1;
    while (start < text.length) {
      const end = lineEnd(text, start);
      const at = skipSpaces(text, start, end);
      const spaces = at - start;
      if (at === end) {
        // An all-space line: empty content, unless it has more spaces than the content's indent.
        if (contentIndent === -1) leadingSpaces = Math.max(leadingSpaces, spaces);
        else if (spaces > contentIndent) decline();
        lines.push('');
        trailingEmpty++;
        start = end + 1;
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= indent) break;
        contentIndent = spaces;
        if (leadingSpaces > contentIndent || (folded && lines.length > 0)) decline();
      } else if (spaces < contentIndent) {
        break;
      }
      if (folded && spaces > contentIndent) decline();
      lines.push(text.slice(start + contentIndent, end));
      trailingEmpty = 0;
      start = end + 1;
    }
    const content = lines.length - trailingEmpty;
    this.lineFrom(start);
    if (content === 0) return '';
    let value: string;
    if (folded) {
      value = lines[0];
      let empty = 0;
      for (let i = 1; i < content; i++) {
        if (lines[i] === '') empty++;
        else {
          value = foldOnto(value, lines[i], empty);
          empty = 0;
        }
      }
    } else {
      value = lines.slice(0, content).join('\n');
    }
    return strip ? value : `${value}\n`;
  }
}

/**
 * A flow collection (`[a, b]`, `{a: 1}`) written on one line: scalars, quoted scalars and nested flow
 * collections; anything else (empty entries, trailing commas, implicit pairs, colons in plain scalars)
 * declines.
 */
class FlowReader {
  constructor(
    private readonly text: string,
    public at: number,
    private readonly end: number,
    private readonly maxDepth: number,
  ) {}

  node(depth: number): unknown {
    const c = this.text.charCodeAt(this.at);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (depth >= this.maxDepth) decline();
      return c === OPEN_BRACKET ? this.sequence(depth) : this.mapping(depth);
    }
    return this.scalar();
  }

  private spaces(): void {
    this.at = skipSpaces(this.text, this.at, this.end);
  }

  /** After an entry: `,` then more, or the closing bracket. Returns whether the collection closed. */
  private separator(close: number): boolean {
    this.spaces();
    const c = this.text.charCodeAt(this.at);
    if (this.at < this.end && c === close) {
      this.at++;
      return true;
    }
    if (this.at >= this.end || c !== COMMA) decline();
    this.at++;
    this.spaces();
    // A trailing comma or an empty entry is valid YAML 1.2, but rare: the full path reads it.
    const next = this.text.charCodeAt(this.at);
    if (this.at >= this.end || next === COMMA || next === close) decline();
    return false;
  }

  private sequence(depth: number): unknown[] {
    const list: unknown[] = [];
    this.at++;
    this.spaces();
    if (this.text.charCodeAt(this.at) === CLOSE_BRACKET && this.at < this.end) {
      this.at++;
      return list;
    }
    do list.push(this.node(depth + 1));
    while (!this.separator(CLOSE_BRACKET));
    return list;
  }

  private mapping(depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    this.at++;
    this.spaces();
    if (this.text.charCodeAt(this.at) === CLOSE_BRACE && this.at < this.end) {
      this.at++;
      return map;
    }
    do {
      const c = this.text.charCodeAt(this.at);
      if (c === OPEN_BRACKET || c === OPEN_BRACE) decline();
      const resolved = this.scalar();
      const name = resolved === null ? '' : String(resolved);
      if (name.length > LONG_KEY || REFUSED_KEYS.has(name) || Object.prototype.hasOwnProperty.call(map, name)) decline();
      if (this.text.charCodeAt(this.at) !== COLON || this.text.charCodeAt(this.at + 1) !== SPACE) decline();
      this.at += 2;
      this.spaces();
      const v = this.text.charCodeAt(this.at);
      if (this.at >= this.end || v === COMMA || v === CLOSE_BRACE) decline();
      map[name] = this.node(depth + 1);
    } while (!this.separator(CLOSE_BRACE));
    return map;
  }

  /** A quoted or plain scalar inside a flow collection; a plain one ends at `,`, `]`, `}` or `:`. */
  private scalar(): unknown {
    const text = this.text;
    const c = text.charCodeAt(this.at);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = closingQuote(text, this.at + 1, this.end, c);
      if (close === -1) decline();
      const value = unquote(text.slice(this.at + 1, close), c);
      this.at = close + 1;
      this.spaces();
      return value;
    }
    if (!startsPlain(c, text.charCodeAt(this.at + 1)) || c === DASH) decline();
    const start = this.at;
    let i = start;
    for (; i < this.end; i++) {
      const code = text.charCodeAt(i);
      if (code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === COLON) break;
      if (code === OPEN_BRACKET || code === OPEN_BRACE) decline();
      if (code === HASH && text.charCodeAt(i - 1) === SPACE) decline();
    }
    this.at = i;
    return resolvePlain(text.slice(start, i).trimEnd());
  }
}

/** Where the line starting at `start` ends: its newline, or the end of the text. */
function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** The first position from `from` (at most `end`) that is not a space. */
function skipSpaces(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && text.charCodeAt(at) === SPACE) at++;
  return at;
}

/**
 * `value` with the next non-empty line of a folded scalar after it: a line break between them folds into
 * a space, `empty` empty lines between them into as many line feeds.
 */
function foldOnto(value: string, line: string, empty: number): string {
  return empty === 0 ? `${value} ${line}` : value + '\n'.repeat(empty) + line;
}

/** The index of the quote closing a quoted scalar whose text starts at `from`, before `end`; or -1. */
function closingQuote(text: string, from: number, end: number, quote: number): number {
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    if (quote === DOUBLE_QUOTE && code === BACKSLASH) i++;
    else if (code === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
      else return i;
    }
  }
  return -1;
}

/** A quoted scalar's value from the text between its quotes (folded already when it spans lines). */
function unquote(raw: string, quote: number): string {
  if (quote === SINGLE_QUOTE) return raw.includes("'") ? raw.replaceAll("''", "'") : raw;
  return raw.includes('\\') ? unescapeDouble(raw) : raw;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r' };

/** A double-quoted scalar's escapes; escapes beyond the common ones (and `\u` surrogates) decline. */
function unescapeDouble(raw: string): string {
  let value = '';
  let from = 0;
  for (let i = raw.indexOf('\\'); i !== -1; i = raw.indexOf('\\', from)) {
    value += raw.slice(from, i);
    const escape = raw[i + 1];
    if (escape === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) decline();
      const code = parseInt(hex, 16);
      if (code >= 0xd800 && code <= 0xdfff) decline();
      value += String.fromCharCode(code);
      from = i + 6;
    } else {
      const replacement = ESCAPES[escape];
      if (replacement === undefined) decline();
      value += replacement;
      from = i + 2;
    }
  }
  return value + raw.slice(from);
}

const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** A plain scalar's value under the YAML 1.2 core schema (null, bool, int, float, else string). */
export function resolvePlain(text: string): unknown {
  switch (text) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const c = text.charCodeAt(0);
  // Every number starts with a digit, a sign or a dot; anything else is a string without a regex test.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return text;
  // And ends with a digit, a hex digit, a dot or the n of .nan (durations such as 30s end otherwise).
  const last = text.charCodeAt(text.length - 1) | 0x20;
  if (!((last >= 48 && last <= 57) || (last >= 0x61 && last <= 0x66) || last === 46 || last === 0x6e)) return text;
  if (INT.test(text)) return parseInt(text, 10);
  if (FLOAT.test(text)) return parseFloat(text);
  if (OCTAL.test(text)) return parseInt(text.slice(2), 8);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (INFINITY.test(text)) return text.charCodeAt(0) === 45 ? -Infinity : Infinity;
  if (NAN.test(text)) return NaN;
  return text;
}
