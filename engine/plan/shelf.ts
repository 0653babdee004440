/**
 * The definitions an app can always resolve by reference: every definition text it ever deployed, by the
 * sha256 of the text (content-addressed, so an entry never changes meaning). The embedded runtime keeps
 * them in a table of its Durable store and loads them all at start-up (adapters/local/durable/store.ts):
 * the orchestrator resolves a run's `definitionRef` from memory, with no I/O (docs/security.md).
 */
import { createHash } from 'node:crypto';

/** What a run input carries instead of a definition's text (interpreter version 5). */
export interface DefinitionRef {
  /** `sha256:<hex>` of the exact JSON text (not the canonical hash: the plan is compiled from the text). */
  hash: string;
  /** The app's HMAC over that text (plan/trust.ts), as for a carried text. */
  signature: string;
}

/** Definition texts by the hash of their text. */
export interface DefinitionShelf {
  /** The text stored under a hash, if any. */
  text(hash: string): string | undefined;
}

/** `sha256:<hex>` of a definition's JSON text: its address on a shelf. */
export function textHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** An in-memory shelf of these texts (a persisted store loads its rows into one). */
export function definitionShelf(texts: Iterable<string>): DefinitionShelf & { readonly size: number } {
  const byHash = new Map<string, string>();
  for (const text of texts) byHash.set(textHash(text), text);
  return {
    text: (hash) => byHash.get(hash),
    get size() {
      return byHash.size;
    },
  };
}
