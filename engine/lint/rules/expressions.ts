/**
 * Expressions: syntax (with the position inside the expression), and what they read: known roots,
 * steps that exist and have finished at that point, `error` only in `catch`, loop variables only in
 * their loop, `secrets.*` only where an activity resolves it; functions that exist; members that the
 * known shapes have (engine/lint/shapes.ts).
 */
import { parseTemplate, templateParts, templateReferences, transformNames, type ParsedTemplate, type Reference } from '../../expressions';
import type { ExpressionAst } from '../../expressions/parse';
import { missingMember, shapeAt, shapeOfInput, shapeOfLoopItem, shapeOfStepOutput, UNKNOWN, type Shape } from '../shapes';
import { closest } from '../../diagnostics/suggest';
import { isAllowedSecret, isReservedSetting, parseSecretAllowList, SECRETS_SETTING } from '../../secret-settings';
import type { Rule, RuleContext } from '../rule';
import { expressionSites, type ExpressionSite } from '../scope';
import { whyNotVisible } from './reachability';

const RUN_FIELDS = ['id', 'workflow', 'startedAt'];

export const expressions: Rule = {
  name: 'expressions',
  check(context) {
    for (const site of expressionSites(context.definition)) {
      const { parsed, references } = parsedEntry(site.text);
      for (const error of parsed.errors) {
        context.report({ code: 'expression-syntax', message: `expression error: ${error.message}`, path: site.path, within: { offset: error.offset, length: error.length } });
      }
      for (const reference of references) checkReference(context, site, reference);
      checkFunctions(context, site, parsed);
    }
  },
};

let functionNames: Set<string> | undefined;
/** Names that suggest a clock or randomness: expressions are deterministic (they replay). */
const NONDETERMINISTIC = new Set(['now', 'date', 'time', 'today', 'random', 'uuid', 'guid']);

/** Calls of functions that do not exist (`now()`, `Date.now()`, `x | nosuchfn`): they would fail the run. */
function checkFunctions(context: RuleContext, site: ExpressionSite, parsed: ParsedTemplate): void {
  const known = (functionNames ??= new Set(transformNames()));
  for (const part of templateParts(parsed.template)) {
    if (!part.ast) continue;
    const calls: string[] = [];
    collectCalls(part.ast as ExpressionAst, calls);
    let searchFrom = 0;
    for (const name of calls) {
      if (known.has(name)) continue;
      const found = new RegExp(`((?:[A-Za-z_$][\\w$]*\\.)*)${name}\\b`).exec(part.source.slice(searchFrom));
      const at = found ? searchFrom + found.index : 0;
      if (found) searchFrom = at + found[0].length;
      const called = found ? found[0] : name;
      const guess = closest(name, known);
      const method = found !== null && found[1] !== '';
      const message = method
        ? `\`${called}()\` is not a function expressions can call: they have no methods, only Sluice's functions${guess ? `; did you mean \`${guess}\`?` : ''}`
        : `unknown function \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
      const hint = NONDETERMINISTIC.has(name.toLowerCase())
        ? 'expressions are deterministic (runs replay): no clock or randomness; use `run.startedAt`, or compute it in an activity'
        : `functions: ${[...known].join(', ')}`;
      context.report({ code: 'unknown-function', message, hint, path: site.path, within: { offset: part.offset + at, length: called.length } });
    }
  }
}

function collectCalls(ast: ExpressionAst, out: string[]): void {
  if (ast.type === 'FunctionCall' && typeof ast.name === 'string') out.push(ast.name);
  for (const child of Object.values(ast)) {
    if (Array.isArray(child)) child.forEach((item) => isAst(item) && collectCalls(item, out));
    else if (isAst(child)) collectCalls(child, out);
    else if (child && typeof child === 'object') Object.values(child).forEach((item) => isAst(item) && collectCalls(item, out));
  }
}

function isAst(value: unknown): value is ExpressionAst {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

const inputShapes = new WeakMap<object, Shape>();
const outputShapes = new WeakMap<object, Shape>();

/** A member a known shape does not have: `input.ordr`, `steps.first.output.bdy`. */
function checkMembers(context: RuleContext, shape: Shape, path: readonly string[], shown: string, report: (code: 'unknown-member' | 'undeclared-member', message: string, hint?: string) => void): void {
  const missing = missingMember(shape, path);
  if (!missing) return;
  const name = path[missing.at];
  const guess = closest(name, missing.known);
  const where = shown + path.slice(0, missing.at).map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join('');
  if (missing.open) {
    report('undeclared-member', `\`${where}\` does not declare \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, `its schema lists ${missing.known.map((member) => `\`${member}\``).join(', ') || 'no members'}; add \`${name}\` to \`properties\`, or \`additionalProperties: false\` to make this an error`);
    return;
  }
  report('unknown-member', `\`${where}\` has no member \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, missing.known.length ? `it has ${missing.known.map((member) => `\`${member}\``).join(', ')}` : 'it has no members');
}

/** Parsed templates by text: the same expressions recur across files (`${{ input.orderId }}`), parsing is not free. */
const parsed = new Map<string, { parsed: ParsedTemplate; references: Reference[] }>();
const PARSED_LIMIT = 20_000;

function parsedEntry(text: string): { parsed: ParsedTemplate; references: Reference[] } {
  let entry = parsed.get(text);
  if (!entry) {
    const result = parseTemplate(text);
    entry = { parsed: result, references: templateReferences(result.template) };
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, entry);
  }
  return entry;
}

function checkReference(context: RuleContext, site: ExpressionSite, reference: Reference): void {
  const within = { offset: reference.offset, length: reference.length };
  const report = (code: Parameters<RuleContext['report']>[0]['code'], message: string, hint?: string) =>
    context.report({ code, message, hint, path: site.path, within });
  const { scope } = site;
  // The innermost loop binding the name wins (an inner forEach may reuse `item`).
  const loop = [...scope.loops].reverse().find((bound) => bound.name === reference.root);
  if (loop) {
    checkMembers(context, loopItemShape(context, loop.step), reference.path, reference.root, report);
    return;
  }
  switch (reference.root) {
    case 'input':
      checkMembers(context, inputShape(context), reference.path, 'input', report);
      return;
    case 'run':
      if (reference.path.length > 0 && !RUN_FIELDS.includes(reference.path[0])) {
        const guess = closest(reference.path[0], RUN_FIELDS);
        report('unknown-reference', `\`run.${reference.path[0]}\` does not exist${guess ? `; did you mean \`run.${guess}\`?` : ''}`, `\`run\` has ${RUN_FIELDS.join(', ')}`);
      }
      return;
    case 'index':
      if (scope.loops.length === 0) report('loop-variable-outside', '`index` is only bound inside a `forEach`');
      return;
    case 'error':
      if (!scope.inCatch) report('error-outside-catch', '`error` is only bound inside a `catch` clause', 'handle failures with `catch: [{ steps: [...] }]` on the failing step');
      return;
    case 'secrets':
      if (!site.secretsAllowed) {
        report('secret-not-allowed', '`secrets.*` is only resolved inside `ai`, `http`, `queue` and `cosmos` steps and the `input` of `activity` steps', 'secrets never enter run input, history or output; pass them where an activity uses them');
      } else if (reference.path.length !== 1) {
        report('secret-not-allowed', '`secrets` is used as `secrets.NAME`, on its own', 'e.g. "Bearer ${{ secrets.TOKEN }}"');
      } else checkSecretName(context, reference.path[0], report);
      return;
    case 'steps':
      return checkStep(context, site, reference, report);
    default: {
      const loopElsewhere = loopVariables(context).has(reference.root);
      if (loopElsewhere) {
        report('loop-variable-outside', `\`${reference.root}\` is a forEach variable, bound only inside its loop`);
        return;
      }
      const roots = ['input', 'steps', 'run', 'secrets', ...(scope.inCatch ? ['error'] : []), ...scope.loops.map((bound) => bound.name), ...(scope.loops.length ? ['index'] : [])];
      const guess = closest(reference.root, roots);
      report('unknown-reference', `unknown name \`${reference.root}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, `in scope here: ${roots.join(', ')}`);
    }
  }
}

function checkSecretName(context: RuleContext, name: string, report: (code: 'secret-reserved' | 'secret-not-listed', message: string, hint?: string) => void): void {
  if (isReservedSetting(name)) {
    report('secret-reserved', `\`secrets.${name}\` is a setting Sluice or the Functions host reads itself, never a workflow secret`, 'keep the value in a setting of its own and list that in SLUICE_SECRETS');
    return;
  }
  const allowed = context.options.allowedSecrets;
  if (allowed === undefined || isAllowedSecret(name, parseSecretAllowList(allowed))) return;
  report('secret-not-listed', `\`secrets.${name}\` is not allowed by the local ${SECRETS_SETTING} (${allowed.trim() === '' ? 'unset' : `"${allowed}"`}): runs will fail with a ValidationError`, `add ${name} to the app setting ${SECRETS_SETTING} (local.settings.json locally, app settings in Azure)`);
}

function checkStep(context: RuleContext, site: ExpressionSite, reference: Reference, report: (code: 'unknown-step' | 'step-not-run-yet' | 'self-reference' | 'unknown-member' | 'undeclared-member', message: string, hint?: string) => void): void {
  const id = reference.path[0];
  if (id === undefined) return;
  if (site.scope.visible.has(id)) {
    const member = reference.path[1];
    if (member === undefined) return;
    if (member !== 'output') {
      report('unknown-member', `\`steps.${id}\` has no member \`${member}\`${closest(member, ['output']) ? '; did you mean `output`?' : ''}`, "a step's result has only `output`");
      return;
    }
    const target = context.byId.get(id);
    if (!target) return;
    let shape = outputShapes.get(target.step);
    if (!shape) outputShapes.set(target.step, (shape = shapeOfStepOutput(target.step, context.placeholders)));
    checkMembers(context, shape, reference.path.slice(2), `steps.${id}.output`, report);
    const workflow = target.step.workflow;
    if (typeof workflow === 'string' && reference.path.length > 2 && !context.placeholders.has(target.step)) {
      context.childReads.push({ workflow, step: id, members: reference.path.slice(2), path: site.path, within: { offset: reference.offset, length: reference.length } });
    }
    return;
  }
  const target = context.byId.get(id);
  if (!target) {
    const guess = closest(id, context.byId.keys());
    report('unknown-step', `there is no step \`${id}\`${guess ? `; did you mean \`${guess}\`?` : ''}`);
    return;
  }
  if (site.scope.ancestors.includes(id)) {
    const own = site.scope.ancestors[site.scope.ancestors.length - 1] === id;
    report('self-reference', own ? `step \`${id}\` cannot read its own output` : `step \`${id}\` cannot read its own output from a step inside it`, 'a step\'s output exists only once it has finished');
    return;
  }
  const why = whyNotVisible(target, site.scope);
  report('step-not-run-yet', `step \`${id}\` ${why.reason}`, why.hint);
}

const itemShapes = new WeakMap<object, Shape>();

/** The shape of the variable of forEach `id`: an item of its list, when the list's shape is known. */
function loopItemShape(context: RuleContext, id: string): Shape {
  const step = context.byId.get(id)?.step;
  if (!step?.forEach || context.placeholders.has(step)) return UNKNOWN;
  let shape = itemShapes.get(step);
  if (!shape) {
    shape = shapeOfLoopItem(step.forEach.items, (root, path) => {
      if (root === 'input') return shapeAt(inputShape(context), path);
      const source = root === 'steps' && path[1] === 'output' ? context.byId.get(path[0])?.step : undefined;
      return source ? shapeAt(shapeOfStepOutput(source, context.placeholders), path.slice(2)) : UNKNOWN;
    });
    itemShapes.set(step, shape);
  }
  return shape;
}

function inputShape(context: RuleContext): Shape {
  let shape = inputShapes.get(context.definition);
  if (!shape) inputShapes.set(context.definition, (shape = shapeOfInput(context.definition)));
  return shape;
}

const loopCache = new WeakMap<object, Set<string>>();

/** Every forEach variable name in the file. */
function loopVariables(context: RuleContext): Set<string> {
  let names = loopCache.get(context.definition);
  if (!names) {
    names = new Set(context.sites.filter((site) => site.step.forEach).map((site) => site.step.forEach?.as ?? 'item'));
    loopCache.set(context.definition, names);
  }
  return names;
}
