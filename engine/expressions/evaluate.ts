/**
 * Evaluation of parsed expressions over JSON data. Synchronous and deterministic; property lookups see
 * only own properties of plain data, so no prototype, constructor or function is ever reachable.
 *
 * The recursion follows the AST, whose depth the parser bounds (`MAX_EXPRESSION_DEPTH`); the work is
 * bounded by the evaluation budget (`budget.ts`): every node visited, item compared and text built spends.
 */
import type { ExpressionAst } from './parse';
import { CHARACTERS_PER_UNIT, exceeded, meter, spend, spendOnText } from './budget';
import { ExpressionEvaluationError, text } from './errors';
import { transforms } from './transforms';

/** What an expression can see. Unknown roots evaluate to null. */
export type Scope = Record<string, unknown>;

// Read once: the per-node check below then touches no import binding.
const budget = meter;

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** Reads `key` of `subject` the way users expect of JSON: own properties only, null when absent. */
export function member(subject: unknown, key: unknown): unknown {
  if (subject === null || subject === undefined) return null;
  if (Array.isArray(subject)) {
    if (typeof key === 'number') return Number.isInteger(key) ? (subject[key < 0 ? subject.length + key : key] ?? null) : null;
    if (key === 'length') return subject.length;
    return null;
  }
  if (typeof subject === 'string') {
    if (key === 'length') return subject.length;
    if (typeof key === 'number' && Number.isInteger(key)) return subject[key] ?? null;
    return null;
  }
  if (typeof subject !== 'object') return null;
  const name = String(key);
  if (name === '__proto__' || name === 'constructor' || name === 'prototype') {
    throw new ExpressionEvaluationError(`property \`${name}\` is not accessible`);
  }
  return hasOwn(subject, name) ? ((subject as Record<string, unknown>)[name] ?? null) : null;
}

/** Evaluates an AST in a scope. */
export function evaluateAst(ast: ExpressionAst, scope: Scope, relative?: unknown): unknown {
  if (++budget.spent > budget.limit) exceeded();
  switch (ast.type) {
    case 'Literal':
      return ast.value;
    case 'Identifier': {
      if (ast.from) return member(evaluateAst(ast.from as ExpressionAst, scope, relative), ast.value);
      return member(ast.relative ? relative : scope, ast.value);
    }
    case 'FilterExpression':
      return filter(ast, scope, relative);
    case 'BinaryExpression':
      return binary(String(ast.operator), ast.left as ExpressionAst, ast.right as ExpressionAst, scope, relative);
    case 'UnaryExpression': {
      const operand = evaluateAst(ast.right as ExpressionAst, scope, relative);
      if (ast.operator === '!') return !truthy(operand);
      throw new ExpressionEvaluationError(`unknown operator \`${String(ast.operator)}\``);
    }
    case 'ConditionalExpression': {
      const test = evaluateAst(ast.test as ExpressionAst, scope, relative);
      if (truthy(test)) return ast.consequent ? evaluateAst(ast.consequent as ExpressionAst, scope, relative) : test;
      return evaluateAst(ast.alternate as ExpressionAst, scope, relative);
    }
    case 'ArrayLiteral':
      return (ast.value as ExpressionAst[]).map((item) => evaluateAst(item, scope, relative));
    case 'ObjectLiteral': {
      const result: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(ast.value as Record<string, ExpressionAst>)) {
        result[key] = evaluateAst(value, scope, relative);
      }
      return result;
    }
    case 'FunctionCall': {
      const name = String(ast.name);
      if (!hasOwn(transforms, name)) throw new ExpressionEvaluationError(`unknown function \`${name}\``);
      const args = ((ast.args as ExpressionAst[] | undefined) ?? []).map((arg) => evaluateAst(arg, scope, relative));
      return transforms[name](...args);
    }
    default:
      throw new ExpressionEvaluationError(`unsupported expression \`${ast.type}\``);
  }
}

/** `list[expr]`: an index or key; `list[.field == x]`: the items for which the relative test holds. */
function filter(ast: ExpressionAst, scope: Scope, relative: unknown): unknown {
  const subject = evaluateAst(ast.subject as ExpressionAst, scope, relative);
  if (ast.relative) {
    const items = Array.isArray(subject) ? subject : subject === null || subject === undefined ? [] : [subject];
    return items.filter((item) => truthy(evaluateAst(ast.expr as ExpressionAst, scope, item)));
  }
  const key = evaluateAst(ast.expr as ExpressionAst, scope, relative);
  if (typeof key === 'boolean') return key ? subject : null;
  return member(subject, key);
}

function binary(operator: string, leftAst: ExpressionAst, rightAst: ExpressionAst, scope: Scope, relative: unknown): unknown {
  const left = evaluateAst(leftAst, scope, relative);
  if (operator === '&&') return truthy(left) ? evaluateAst(rightAst, scope, relative) : left;
  if (operator === '||') return truthy(left) ? left : evaluateAst(rightAst, scope, relative);
  const right = evaluateAst(rightAst, scope, relative);
  switch (operator) {
    case '==': return equal(left, right);
    case '!=': return !equal(left, right);
    case '+':
      if (typeof left === 'string' || typeof right === 'string') return concat(left, right);
      return arithmetic(operator, left, right, (a, b) => a + b);
    case '-': return arithmetic(operator, left, right, (a, b) => a - b);
    case '*': return arithmetic(operator, left, right, (a, b) => a * b);
    case '/': return arithmetic(operator, left, right, (a, b) => a / b);
    case '//': return arithmetic(operator, left, right, (a, b) => Math.floor(a / b));
    case '%': return arithmetic(operator, left, right, (a, b) => a % b);
    case '^': return arithmetic(operator, left, right, (a, b) => a ** b);
    case '<': return compare(operator, left, right) < 0;
    case '<=': return compare(operator, left, right) <= 0;
    case '>': return compare(operator, left, right) > 0;
    case '>=': return compare(operator, left, right) >= 0;
    case 'in':
      if (typeof right === 'string') {
        spendOnText(right);
        return right.includes(textOf(left));
      }
      if (Array.isArray(right)) return right.some((item) => equal(item, left));
      if (right && typeof right === 'object') return typeof left === 'string' && hasOwn(right, left);
      return false;
    default:
      throw new ExpressionEvaluationError(`unknown operator \`${operator}\``);
  }
}

/**
 * `a + b` with text. Text an operand turns into (an object's JSON) is paid in full; the join itself costs
 * the shorter side, so a chain that appends to one long text stays cheap, while any tree of joins that
 * builds a long text still pays at least that text's length (each join pays for its smaller half).
 */
export function concat(left: unknown, right: unknown): string {
  const a = textOf(left);
  const b = textOf(right);
  spend(Math.floor(Math.min(a.length, b.length) / CHARACTERS_PER_UNIT));
  return a + b;
}

/** The text form of a value, paying for any text built (a string is already text and costs nothing). */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : spendOnText(text(value));
}

function arithmetic(operator: string, left: unknown, right: unknown, op: (a: number, b: number) => number): number {
  if (typeof left !== 'number' || typeof right !== 'number') {
    throw new ExpressionEvaluationError(`\`${operator}\` needs numbers, got ${describe(left)} and ${describe(right)}`);
  }
  const result = op(left, right);
  if (!Number.isFinite(result)) throw new ExpressionEvaluationError(`\`${left} ${operator} ${right}\` is not a finite number`);
  return result;
}

function compare(operator: string, left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  throw new ExpressionEvaluationError(`\`${operator}\` compares two numbers or two strings, got ${describe(left)} and ${describe(right)}`);
}

/** Deep equality of JSON values; a missing value equals null. */
export function equal(left: unknown, right: unknown): boolean {
  if (++budget.spent > budget.limit) exceeded();
  const a = left ?? null;
  const b = right ?? null;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => equal(item, (b as unknown[])[i]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Truthiness as users expect: null, false, 0 and '' are false. */
export function truthy(value: unknown): boolean {
  return Boolean(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
