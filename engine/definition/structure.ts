/**
 * Structural checks on the YAML tree, before it becomes data: nesting depth, duplicate keys (pointing at
 * the first one), merge keys and keys that would reach an object's prototype. Aliases are not followed
 * here, so the walk is linear in the file's size whatever the aliases would expand to.
 */
import type { Document, Node } from 'yaml';
import { yaml } from './yaml-lib';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { LoadLimits } from './limits';
import { diagnosticAt, linePos, type LoadedDefinition } from './source';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns the structural problems of a parsed document. */
export function checkStructure(loaded: LoadedDefinition, document: Document.Parsed, limits: LoadLimits): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (node: { range?: [number, number, number] | null }) => ({ start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 });
  const visit = (node: unknown, depth: number): boolean => {
    if (depth > limits.maxDepth) {
      found.push(diagnosticAt(loaded, 'too-deep', `the document nests deeper than ${limits.maxDepth} levels`, at(node as Node)));
      return false;
    }
    if (yaml().isSeq(node)) {
      for (const item of node.items) if (!visit(item, depth + 1)) return false;
      return true;
    }
    if (!yaml().isMap(node)) return true;
    const seen = new Map<string, Node>();
    for (const pair of node.items) {
      if (!yaml().isPair(pair)) continue;
      const key = pair.key;
      if (yaml().isScalar(key)) {
        const name = String(key.value);
        if (name === '<<') {
          found.push(diagnosticAt(loaded, 'merge-key', 'merge keys (`<<`) are not supported', at(key), { hint: 'repeat the keys, or move shared settings to `defaults`' }));
        } else if (FORBIDDEN_KEYS.has(name)) {
          found.push(diagnosticAt(loaded, 'forbidden-key', `the key \`${name}\` is not allowed`, at(key)));
        }
        const first = seen.get(name);
        if (first) {
          const line = linePos(loaded, first.range?.[0] ?? 0).line;
          found.push(diagnosticAt(loaded, 'duplicate-key', `duplicate key \`${name}\`; first defined at line ${line}`, at(key)));
        } else {
          seen.set(name, key);
        }
      } else if (key !== null) {
        found.push(diagnosticAt(loaded, 'yaml-syntax', 'keys must be plain strings, not mappings or lists', at(key as Node)));
      }
      if (!visit(pair.value, depth + 1)) return false;
    }
    return true;
  };
  visit(document.contents, 0);
  return found;
}
