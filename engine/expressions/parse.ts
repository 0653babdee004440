/**
 * Expression parsing. The grammar is jexl's (a maintained, synchronous parser whose AST is plain data);
 * evaluation is ours (`evaluate.ts`), so that no property lookup can leave the data's own properties.
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
  const path = dottedPath(source);
  if (path) return { ok: true, ast: path };
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
  const forbidden = findForbidden(ast);
  if (forbidden) {
    const at = source.indexOf(forbidden);
    return { ok: false, message: `\`${forbidden}\` is not allowed in expressions`, offset: Math.max(0, at), length: forbidden.length };
  }
  return { ok: true, ast };
}

const DOTTED = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$/;
/** Words jexl reads as operators or literals, not as property names. */
const JEXL_WORDS = new Set(['in', 'true', 'false']);
// jexl finds those words up to a word boundary, and `$` is no word character: it reads `in$x` as `in`
// and `$x`, so a name that starts with one of them and a `$` goes to jexl as well.
const JEXL_WORD_THEN_DOLLAR = /^(?:in|true|false)\$/;

/**
 * The commonest expression, a plain path (`input.orderId`, `steps.classify.output`), as the AST jexl
 * builds for it, without running jexl's lexer and parser; anything else (a keyword, a name an object
 * prototype has, any other character) is left to jexl. A property test checks the two agree.
 */
function dottedPath(source: string): ExpressionAst | undefined {
  const match = DOTTED.exec(source);
  if (!match) return undefined;
  let ast: ExpressionAst | undefined;
  for (const name of match[1].split('.')) {
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

/** Literal property names that would reach a prototype; computed ones are refused at evaluation. */
function findForbidden(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const ast = node as ExpressionAst;
  if ((ast.type === 'Identifier' || ast.type === 'FunctionCall') && FORBIDDEN.has(String(ast.type === 'Identifier' ? ast.value : ast.name))) {
    return String(ast.type === 'Identifier' ? ast.value : ast.name);
  }
  if (ast.type === 'Literal' && typeof ast.value === 'string' && FORBIDDEN.has(ast.value)) return ast.value;
  if (ast.type === 'ObjectLiteral') {
    for (const key of Object.keys(ast.value as object)) if (FORBIDDEN.has(key)) return key;
  }
  for (const child of Object.values(ast)) {
    if (Array.isArray(child)) {
      for (const item of child) {
        const found = findForbidden(item);
        if (found) return found;
      }
    } else if (child && typeof child === 'object') {
      const found = (child as ExpressionAst).type ? findForbidden(child) : findForbiddenInMap(child as Record<string, unknown>);
      if (found) return found;
    }
  }
  return undefined;
}

function findForbiddenInMap(map: Record<string, unknown>): string | undefined {
  for (const value of Object.values(map)) {
    const found = findForbidden(value);
    if (found) return found;
  }
  return undefined;
}
