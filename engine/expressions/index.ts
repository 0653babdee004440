/**
 * `${{ }}` expressions: parse once, evaluate many times. Synchronous, deterministic and sandboxed: no
 * code runs, no prototype is reachable, and `secrets.NAME` is never resolved here: it evaluates to the text
 * `${{ secrets.NAME }}` for display, and `evaluateTemplateParts` gives the secret sites the activity resolves.
 */
import { beginEvaluation, endEvaluation } from './budget';
import { concat, evaluateAst, type Scope } from './evaluate';
import { ExpressionEvaluationError } from './errors';
import { parseTemplate, type Template, type TemplatePart } from './template';

export { parseTemplate, isTemplate } from './template';
export type { Template, TemplatePart, ParsedTemplate, ExpressionError } from './template';
export { templateReferences, templateParts } from './references';
export type { Reference } from './references';
export { ExpressionEvaluationError } from './errors';
export { EVALUATION_BUDGET } from './budget';
export { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './parse';
export { equal, truthy } from './evaluate';
export type { Scope } from './evaluate';
export { transformNames } from './transforms';
export { secretName } from './secrets';

/** A JSON value with every string template parsed; subtrees without expressions are kept as constants. */
export type CompiledValue =
  | { kind: 'constant'; value: unknown }
  | { kind: 'template'; template: Template; text: string }
  | { kind: 'array'; items: CompiledValue[] }
  | { kind: 'object'; entries: Array<[string, CompiledValue]> };

/** Pre-parses every string template in a JSON value. Throws on a syntax error (validated definitions have none). */
export function compileValue(value: unknown): CompiledValue {
  if (typeof value === 'string') {
    const { template, errors } = parseTemplate(value);
    if (errors.length > 0) throw new ExpressionEvaluationError(`${errors[0].message} in \`${value}\``);
    return template.kind === 'literal' ? { kind: 'constant', value } : { kind: 'template', template, text: value };
  }
  if (Array.isArray(value)) {
    const items = value.map(compileValue);
    return items.every((item) => item.kind === 'constant') ? { kind: 'constant', value } : { kind: 'array', items };
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]): [string, CompiledValue] => [key, compileValue(item)]);
    return entries.every(([, item]) => item.kind === 'constant') ? { kind: 'constant', value } : { kind: 'object', entries };
  }
  return { kind: 'constant', value };
}

/**
 * Evaluates a compiled value, within one evaluation budget for the whole value. Constants are returned
 * as they are (shared: do not mutate them). Throws `ExpressionError` (`ExpressionEvaluationError`).
 */
export function evaluateValue(compiled: CompiledValue, scope: Scope): unknown {
  if (compiled.kind === 'constant') return compiled.value;
  const began = beginEvaluation();
  try {
    return valueOf(compiled, scope);
  } finally {
    endEvaluation(began);
  }
}

function valueOf(compiled: CompiledValue, scope: Scope): unknown {
  switch (compiled.kind) {
    case 'constant':
      return compiled.value;
    case 'template':
      return templateValue(compiled.template, scope);
    // Indexed loops: no iterator or destructuring garbage (replays evaluate every step's config anew).
    case 'array': {
      const { items } = compiled;
      const result: unknown[] = [];
      for (let i = 0; i < items.length; i++) result.push(valueOf(items[i], scope));
      return result;
    }
    case 'object': {
      const { entries } = compiled;
      const result: Record<string, unknown> = {};
      for (let i = 0; i < entries.length; i++) result[entries[i][0]] = valueOf(entries[i][1], scope);
      return result;
    }
  }
}

function templateValue(template: Template, scope: Scope): unknown {
  if (template.kind === 'literal') return template.text;
  if (template.kind === 'single') return evaluatePart(template.expression, scope) ?? null;
  let result = '';
  for (const part of template.parts) result = typeof part === 'string' ? result + part : concat(result, evaluatePart(part, scope) ?? '');
  return result;
}

/**
 * Evaluates a template as parts: evaluated text, and `{ secret: NAME }` for each `secrets.NAME`, in
 * order (adjacent text merged). What a step activity needs to put secrets where the definition does.
 */
export function evaluateTemplateParts(template: Template, scope: Scope): Array<string | { secret: string }> {
  if (template.kind === 'literal') return [template.text];
  const began = beginEvaluation();
  try {
    return partsOf(template, scope);
  } finally {
    endEvaluation(began);
  }
}

function partsOf(template: Exclude<Template, { kind: 'literal' }>, scope: Scope): Array<string | { secret: string }> {
  const parts: Array<string | { secret: string }> = [];
  let pending = '';
  for (const part of template.kind === 'single' ? [template.expression] : template.parts) {
    if (typeof part === 'string') pending += part;
    else if (part.secret) {
      if (pending !== '') parts.push(pending);
      parts.push({ secret: part.secret });
      pending = '';
    } else pending = concat(pending, evaluatePart(part, scope) ?? '');
  }
  if (pending !== '') parts.push(pending);
  return parts;
}

/** Parses and evaluates a string in one go (tests, one-off use). */
export function evaluateString(source: string, scope: Scope): unknown {
  return evaluateValue(compileValue(source), scope);
}

function evaluatePart(part: TemplatePart, scope: Scope): unknown {
  if (!part.ast) throw new ExpressionEvaluationError(`expression \`${part.source.trim()}\` did not parse`);
  if (part.secret) return `\${{ secrets.${part.secret} }}`;
  if (part.misusesSecrets) {
    throw new ExpressionEvaluationError('`secrets.NAME` can only be used on its own, e.g. "Bearer ${{ secrets.TOKEN }}"');
  }
  try {
    return evaluateAst(part.ast, scope);
  } catch (error) {
    if (error instanceof ExpressionEvaluationError) {
      error.message = `${error.message} in \`${part.source.trim()}\``;
      throw error;
    }
    throw new ExpressionEvaluationError(`${(error as Error).message} in \`${part.source.trim()}\``);
  }
}

