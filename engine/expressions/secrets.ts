/** How expressions may mention `secrets`: only as exactly `secrets.NAME`, passed through to the activity. */
import type { ExpressionAst } from './parse';

/** `secrets.NAME` exactly: the name; otherwise undefined. */
export function secretName(ast: ExpressionAst): string | undefined {
  if (ast.type !== 'Identifier' || !ast.from || ast.relative) return undefined;
  const from = ast.from as ExpressionAst;
  return from.type === 'Identifier' && !from.from && !from.relative && from.value === 'secrets' ? String(ast.value) : undefined;
}

/** Whether the `secrets` root appears anywhere in an expression. */
export function mentionsSecrets(ast: ExpressionAst): boolean {
  if (ast.type === 'Identifier' && !ast.from && !ast.relative && ast.value === 'secrets') return true;
  return Object.values(ast).some((child) => {
    if (Array.isArray(child)) return child.some((item) => isAst(item) && mentionsSecrets(item));
    if (isAst(child)) return mentionsSecrets(child);
    return Boolean(child) && typeof child === 'object' && Object.values(child as object).some((item) => isAst(item) && mentionsSecrets(item));
  });
}

function isAst(value: unknown): value is ExpressionAst {
  return Boolean(value) && typeof value === 'object' && typeof (value as ExpressionAst).type === 'string';
}
