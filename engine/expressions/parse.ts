/**
 * Expression parsing. The grammar is jexl's (a maintained, synchronous parser whose AST is plain data);
 * evaluation is ours (`evaluate.ts`), so that no property lookup can leave the data's own properties.
 *
 * Parsing is bounded before jexl sees the text: at most `MAX_EXPRESSION_LENGTH` characters, and a linear
 * pre-scan refuses nesting deeper than `MAX_EXPRESSION_DEPTH` (jexl starts one sub-parser per bracket and
 * per `?`, recursively, and feeds every token down the chain: its time is length × nesting, its stack
 * the nesting). The AST jexl builds is then measured without recursion, since chains of operators, `.`
 * and `|` nest in the AST without brackets; an accepted AST is at most `MAX_EXPRESSION_DEPTH` deep, so
 * every recursive walker (the evaluator, references, secrets) stays far from the stack's end.
 */

/** A node of jexl's AST. */
export interface ExpressionAst {
  type: string;
  [field: string]: unknown;
}

/** The outcome of parsing one expression. */
export type ParseOutcome =
  | { ok: true; ast: ExpressionAst }
  | { ok: false; message: string; offset: number; length: number };

/** jexl's lexer and parser, used as its `Expression.compile` uses them, minus a new lexer per parse. */
interface JexlLexer {
  tokenize(source: string): unknown[];
}
interface JexlParser {
  addTokens(tokens: unknown[]): void;
  complete(): ExpressionAst | undefined;
}
// Loaded on the first expression that is not a plain path: a cold start (the Azure entry imports this
// module) does not pay for jexl and its runtime helpers until a flow needs them.
let jexlParts: { grammar: unknown; Parser: new (grammar: unknown) => JexlParser; lexer: JexlLexer } | undefined;
function jexl(): NonNullable<typeof jexlParts> {
  if (!jexlParts) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    // The grammar a `new Jexl()` starts from, without loading jexl's evaluator (not used: ours evaluates).
    const grammar = (require('jexl/dist/grammar') as { getGrammar(): unknown }).getGrammar();
    const Lexer = require('jexl/dist/Lexer') as new (grammar: unknown) => JexlLexer;
    const Parser = require('jexl/dist/parser/Parser') as new (grammar: unknown) => JexlParser;
    /* eslint-enable @typescript-eslint/no-require-imports */
    // One lexer for every parse: jexl's own compile builds a lexer, and its token regex, each time.
    jexlParts = { grammar, Parser, lexer: new Lexer(grammar) };
  }
  return jexlParts;
}
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Longest accepted expression (the text between `${{` and `}}`), in characters. */
export const MAX_EXPRESSION_LENGTH = 4096;
/**
 * Deepest accepted nesting: of brackets, `? :`, and runs of `!` and unary `-` in the text, and of nodes
 * in the AST (where each binary operator, `.`, `[ ]` and `|` of a chain adds a level).
 */
export const MAX_EXPRESSION_DEPTH = 128;

// The same expressions recur across files and plans, so outcomes (immutable: the evaluator never
// mutates an AST) are kept, within a bound.
const parsed = new Map<string, ParseOutcome>();
const PARSE_CACHE_LIMIT = 10_000;

/** Parses one expression (the text between `${{` and `}}`); never throws. */
export function parseExpression(source: string): ParseOutcome {
  let outcome = parsed.get(source);
  if (!outcome) {
    outcome = parseUncached(source);
    if (parsed.size >= PARSE_CACHE_LIMIT) parsed.clear();
    parsed.set(source, outcome);
  }
  return outcome;
}

function parseUncached(source: string): ParseOutcome {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    const start = source.length - source.trimStart().length;
    return { ok: false, message: `expression is longer than ${MAX_EXPRESSION_LENGTH.toLocaleString('en-US')} characters (${source.length.toLocaleString('en-US')})`, offset: start, length: 1 };
  }
  const path = dottedPath(source);
  if (path) return { ok: true, ast: path };
  const tooDeepAt = nestingLimitAt(source);
  if (tooDeepAt >= 0) {
    return { ok: false, message: `expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, offset: tooDeepAt, length: 1 };
  }
  let ast: ExpressionAst | undefined;
  try {
    const { grammar, Parser, lexer } = jexl();
    const parser = new Parser(grammar);
    parser.addTokens(lexer.tokenize(source));
    ast = parser.complete();
  } catch (error) {
    return describeSyntaxError(source, (error as Error).message);
  }
  if (!ast) return { ok: false, message: 'empty expression', offset: 0, length: source.length };
  const { tooDeep, forbidden } = inspect(ast);
  if (tooDeep) {
    const start = source.length - source.trimStart().length;
    return { ok: false, message: `expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels (each operator, \`.\`, \`[ ]\` and \`|\` of a chain is a level)`, offset: start, length: source.trim().length };
  }
  if (forbidden) {
    const at = source.indexOf(forbidden);
    return { ok: false, message: `\`${forbidden}\` is not allowed in expressions`, offset: Math.max(0, at), length: forbidden.length };
  }
  return { ok: true, ast };
}

const DOTTED = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/;
/** Words jexl reads as operators or literals, not as property names. */
const JEXL_WORDS = new Set(['in', 'true', 'false', 'null']);
// jexl finds those words up to a word boundary, and `$` is no word character: it reads `in$x` as `in`
// and `$x`, so a name that starts with one of them and a `$` goes to jexl as well.
const JEXL_WORD_THEN_DOLLAR = /^(?:in|true|false|null)\$/;

/**
 * The commonest expression, a plain path (`input.orderId`, `steps.classify.output`), as the AST jexl
 * builds for it, without running jexl's lexer and parser; anything else (a keyword, a name an object
 * prototype has, any other character) is left to jexl. A property test checks the two agree.
 */
function dottedPath(source: string): ExpressionAst | undefined {
  const match = DOTTED.exec(source);
  if (!match) return undefined;
  const names = match[1].split('.');
  // A path deeper than the limit goes to jexl, whose AST is then refused as too deep.
  if (names.length > MAX_EXPRESSION_DEPTH) return undefined;
  let ast: ExpressionAst | undefined;
  for (const name of names) {
    if (JEXL_WORDS.has(name) || JEXL_WORD_THEN_DOLLAR.test(name) || FORBIDDEN.has(name) || name in Object.prototype) return undefined;
    ast = ast ? { type: 'Identifier', value: name, from: ast } : { type: 'Identifier', value: name };
  }
  return ast;
}

/** jexl's messages carry no position: recover one from the token they quote. */
function describeSyntaxError(source: string, message: string): ParseOutcome {
  const token = /^Token (.+?) \(/.exec(message)?.[1];
  if (token !== undefined) {
    const at = source.indexOf(token);
    const what = FORBIDDEN.has(token) ? `\`${token}\` is not allowed in expressions` : `unexpected \`${token}\``;
    return { ok: false, message: what, offset: Math.max(0, at), length: token.length };
  }
  if (/Unexpected end of expression/.test(message)) {
    const end = source.trimEnd().length;
    return { ok: false, message: 'unexpected end of expression', offset: Math.max(0, end - 1), length: 1 };
  }
  const invalid = /Invalid expression token: (.+)$/.exec(message)?.[1];
  if (invalid !== undefined) {
    const at = source.indexOf(invalid);
    return { ok: false, message: `invalid token \`${invalid}\``, offset: Math.max(0, at), length: invalid.length };
  }
  return { ok: false, message: message.replace(/: .*$/, ''), offset: 0, length: source.length };
}

/**
 * Where the text nests deeper than `MAX_EXPRESSION_DEPTH`, or -1; one pass, no recursion. Counts what
 * makes jexl nest sub-parsers (brackets; `?`, whose alternative runs to the end of the enclosing
 * brackets) plus the current run of unary operators (each a level of the AST). Quoted strings are
 * skipped; unbalanced text is left to jexl to report.
 */
function nestingLimitAt(source: string): number {
  let level = 0;
  let ternaries = 0;
  const enclosing: number[] = [];
  let unary = 0;
  let afterOperand = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    switch (ch) {
      case ' ': case '\t': case '\n': case '\r':
        continue;
      case '"': case "'": {
        let j = i + 1;
        while (j < source.length && source[j] !== ch) j += source[j] === '\\' ? 2 : 1;
        i = j;
        unary = 0;
        afterOperand = true;
        continue;
      }
      case '(': case '[': case '{':
        enclosing.push(ternaries);
        ternaries = 0;
        level++;
        unary = 0;
        afterOperand = false;
        break;
      case ')': case ']': case '}':
        if (enclosing.length > 0) {
          level -= 1 + ternaries;
          ternaries = enclosing.pop() ?? 0;
        }
        unary = 0;
        afterOperand = true;
        continue;
      case '?':
        ternaries++;
        level++;
        unary = 0;
        afterOperand = false;
        break;
      case '!':
        if (source[i + 1] === '=') {
          i++;
          unary = 0;
        } else unary++;
        afterOperand = false;
        break;
      case '-':
        if (afterOperand) unary = 0;
        else unary++;
        afterOperand = false;
        break;
      default:
        unary = 0;
        afterOperand = /[\w$]/.test(ch);
        continue;
    }
    if (level + unary > MAX_EXPRESSION_DEPTH) return i;
  }
  return -1;
}

/**
 * Whether the AST is deeper than `MAX_EXPRESSION_DEPTH`, and the first literal property name (in source
 * order) that would reach a prototype; computed ones are refused at evaluation. An explicit stack, not
 * recursion: this is what makes the AST safe for the recursive walkers.
 */
function inspect(root: ExpressionAst): { tooDeep: boolean; forbidden?: string } {
  const nodes: ExpressionAst[] = [root];
  const depths: number[] = [1];
  const children: ExpressionAst[] = [];
  while (nodes.length > 0) {
    const ast = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_EXPRESSION_DEPTH) return { tooDeep: true };
    const forbidden = forbiddenName(ast);
    if (forbidden) return { tooDeep: false, forbidden };
    nullLiteral(ast);
    children.length = 0;
    for (const child of Object.values(ast)) {
      if (Array.isArray(child)) {
        for (const item of child) if (isAst(item)) children.push(item);
      } else if (isAst(child)) children.push(child);
      else if (child && typeof child === 'object') {
        for (const item of Object.values(child)) if (isAst(item)) children.push(item);
      }
    }
    // Reversed onto the stack, so nodes are visited in source order (the first forbidden name is reported).
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]);
      depths.push(depth + 1);
    }
  }
  return { tooDeep: false };
}

// jexl knows `true` and `false` but reads `null` as a name: make it the literal users mean
// (`input.x != null`). A member named `null` (`input.null`) stays a member.
function nullLiteral(ast: ExpressionAst): void {
  if (ast.type !== 'Identifier' || ast.value !== 'null' || ast.from || ast.relative) return;
  const literal = ast as { type: string; value: unknown };
  literal.type = 'Literal';
  literal.value = null;
}

function forbiddenName(ast: ExpressionAst): string | undefined {
  if ((ast.type === 'Identifier' || ast.type === 'FunctionCall') && FORBIDDEN.has(String(ast.type === 'Identifier' ? ast.value : ast.name))) {
    return String(ast.type === 'Identifier' ? ast.value : ast.name);
  }
  if (ast.type === 'Literal' && typeof ast.value === 'string' && FORBIDDEN.has(ast.value)) return ast.value;
  if (ast.type === 'ObjectLiteral') {
    for (const key of Object.keys(ast.value as object)) if (FORBIDDEN.has(key)) return key;
  }
  return undefined;
}

function isAst(value: unknown): value is ExpressionAst {
  return Boolean(value) && typeof value === 'object' && typeof (value as ExpressionAst).type === 'string';
}
