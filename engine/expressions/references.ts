/** What an expression reads: the roots and property paths it references, for the linter. */
import type { ExpressionAst } from './parse';
import type { Template, TemplatePart } from './template';

/** One data reference, e.g. `steps.classify.output.category` → root `steps`, path `[classify, output, category]`. */
export interface Reference {
  root: string;
  path: string[];
  /** Offset and length inside the template's text (best effort: the first occurrence of the dotted text). */
  offset: number;
  length: number;
}

/** The expressions of a template. */
export function templateParts(template: Template): TemplatePart[] {
  if (template.kind === 'literal') return [];
  if (template.kind === 'single') return [template.expression];
  return template.parts.filter((part): part is TemplatePart => typeof part !== 'string');
}

/** Every data reference of a template, in source order. */
export function templateReferences(template: Template): Reference[] {
  const references: Reference[] = [];
  for (const part of templateParts(template)) {
    if (!part.ast) continue;
    const chains: Array<{ root: string; path: string[] }> = [];
    collect(part.ast, chains);
    let searchFrom = 0;
    for (const chain of chains) {
      const dotted = [chain.root, ...chain.path].join('.');
      let at = part.source.indexOf(dotted, searchFrom);
      if (at < 0) at = part.source.indexOf(chain.root, searchFrom);
      if (at >= 0) searchFrom = at + chain.root.length;
      references.push({ ...chain, offset: part.offset + Math.max(0, at), length: at >= 0 ? dotted.length : part.source.length });
    }
  }
  return references;
}

/** Collects maximal identifier chains (`a.b[0].c` → a, [b, 0, c]) rooted in the scope, not relative ones. */
function collect(ast: ExpressionAst, out: Array<{ root: string; path: string[] }>): void {
  const chain = chainOf(ast);
  if (chain) {
    out.push(chain.chain);
    for (const inner of chain.computed) collect(inner, out);
    return;
  }
  if (ast.type === 'Identifier' && ast.relative) return;
  for (const child of Object.values(ast)) {
    if (Array.isArray(child)) child.forEach((item) => isAst(item) && collect(item, out));
    else if (isAst(child)) collect(child, out);
    else if (child && typeof child === 'object') Object.values(child).forEach((item) => isAst(item) && collect(item, out));
  }
}

function chainOf(ast: ExpressionAst): { chain: { root: string; path: string[] }; computed: ExpressionAst[] } | undefined {
  if (ast.type === 'Identifier') {
    if (ast.relative) return undefined;
    if (!ast.from) return { chain: { root: String(ast.value), path: [] }, computed: [] };
    const inner = chainOf(ast.from as ExpressionAst);
    if (!inner) return undefined;
    inner.chain.path.push(String(ast.value));
    return inner;
  }
  if (ast.type === 'FilterExpression' && !ast.relative) {
    const inner = chainOf(ast.subject as ExpressionAst);
    if (!inner) return undefined;
    const key = ast.expr as ExpressionAst;
    if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) inner.chain.path.push(String(key.value));
    else inner.computed.push(key);
    return inner;
  }
  if (ast.type === 'FilterExpression' && ast.relative) {
    const inner = chainOf(ast.subject as ExpressionAst);
    if (inner) inner.computed.push(ast.expr as ExpressionAst);
    return inner;
  }
  return undefined;
}

function isAst(value: unknown): value is ExpressionAst {
  return Boolean(value) && typeof value === 'object' && typeof (value as ExpressionAst).type === 'string';
}
