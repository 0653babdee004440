/**
 * Which definitions a run may execute: only those this app deployed. A starter signs the definition text
 * it puts in a run input (HMAC-SHA256 with the app's signing key); the orchestrator runs a definition only
 * when its signature verifies with one of the app's keys, or when it is, byte for byte as canonical JSON,
 * a definition the app deploys now (runs started before signatures existed). Whatever the run input says
 * of itself (its `hash`, its version) decides nothing. See docs/security.md, "Deployed definitions".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import { definitionHash } from './hash';
import { textHash } from './shelf';
import type { DefinitionRef, DefinitionShelf } from './shelf';

/** Signs a definition's JSON text for a run input. */
export type DefinitionSigner = (text: string) => string;

/** A carried definition, as far as trust is concerned. */
export interface SignedDefinition {
  definitionText?: string;
  definition?: WorkflowDefinition;
  signature?: string;
  /** Version 5: the definition by reference, resolved from the app's shelf (plan/shelf.ts). */
  definitionRef?: DefinitionRef;
}

/** The app's keys and the definitions it deploys now. */
export interface DefinitionTrust {
  sign: DefinitionSigner;
  /** A reference to this text, when the app's shelf holds it (so it can always resolve it); else undefined. */
  refer(text: string): DefinitionRef | undefined;
  /** The definition (parsed) and its app-computed hash; throws UntrustedDefinitionError. */
  check(carried: SignedDefinition): TrustedDefinition;
}

/** A definition the app vouches for: its text (the plan cache's key), the definition, the hash the app computed. */
export interface TrustedDefinition {
  key: string;
  definition: () => WorkflowDefinition;
  hash: () => string;
}

/** A run input whose definition this app did not deploy. */
export class UntrustedDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UntrustedDefinitionError';
  }
}

const PREFIX = 'hmac-sha256:';
// Domain separation: the key signs definitions and nothing else Sluice might one day sign with it.
const CONTEXT = 'sluice/definition/v1\n';
/** Keys shorter than this are refused: an HMAC key is only as strong as it is long. */
export const MIN_SIGNING_KEY_LENGTH = 32;

/** Trust from signing keys (the first signs, every one verifies: rotation) and the hashes deployed now. */
export function definitionTrust(options: { keys: readonly string[]; deployed?: Iterable<string>; shelf?: DefinitionShelf }): DefinitionTrust {
  const keys = options.keys.map((key) => Buffer.from(key, 'utf8'));
  if (keys.length === 0) throw new Error('definition trust needs at least one signing key');
  for (const key of keys) {
    if (key.length < MIN_SIGNING_KEY_LENGTH) throw new Error(`a signing key must be at least ${MIN_SIGNING_KEY_LENGTH} bytes long`);
  }
  const deployed = new Set(options.deployed ?? []);
  const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(CONTEXT).update(text).digest();
  const sign: DefinitionSigner = (text) => PREFIX + mac(keys[0]!, text).toString('base64url');
  // Verified texts, so a replay costs one map lookup, not an HMAC (the text is the proof's subject, so
  // any input carrying a verified text carries a deployed definition).
  const verified = new Map<string, TrustedDefinition>();
  // Verified references by hash and signature: a ref proves nothing by its text (it has none), so every
  // new signature on it is checked once.
  const verifiedRefs = new Map<string, TrustedDefinition>();
  const { shelf } = options;
  // A start refers to the same few texts again and again: one hash and one HMAC per text per process.
  const referred = new Map<string, DefinitionRef>();

  const signed = (text: string, signature: string | undefined): boolean => {
    if (!signature?.startsWith(PREFIX)) return false;
    const given = Buffer.from(signature.slice(PREFIX.length), 'base64url');
    return keys.some((key) => {
      const expected = mac(key, text);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  };

  return {
    sign,
    refer(text) {
      if (!shelf) return undefined;
      let ref = referred.get(text);
      if (!ref) {
        const hash = textHash(text);
        if (shelf.text(hash) !== text) return undefined;
        ref = { hash, signature: sign(text) };
        referred.set(text, ref); // only shelf texts: bounded by what the app deployed
      }
      return ref;
    },
    check(carried) {
      if (carried.definitionRef) return checkRef(carried.definitionRef);
      const key = carried.definitionText ?? (carried.definition ? JSON.stringify(carried.definition) : undefined);
      if (key === undefined) throw new UntrustedDefinitionError('the run input carries no definition');
      const known = verified.get(key);
      if (known) return known;
      const definition = once(() => (carried.definitionText !== undefined ? (JSON.parse(carried.definitionText) as WorkflowDefinition) : carried.definition!));
      const hash = once(() => definitionHash(definition()));
      if (!signed(key, carried.signature) && !deployedNow(definition, hash)) {
        throw new UntrustedDefinitionError(
          'the run input carries a definition this app did not deploy (its signature does not verify with SLUICE_SIGNING_KEY ' +
            'and it is none of the workflows deployed now); runs can only execute deployed workflows',
        );
      }
      const trusted = { key, definition, hash };
      verified.set(key, trusted);
      return trusted;
    },
  };

  // A reference runs only when it names a text on this app's shelf and carries this app's signature over
  // that text: no "deployed now" fallback (refs are newer than signatures).
  function checkRef(ref: DefinitionRef): TrustedDefinition {
    const id = `${ref.hash}\n${ref.signature}`;
    const known = verifiedRefs.get(id);
    if (known) return known;
    const text = typeof ref.hash === 'string' ? shelf?.text(ref.hash) : undefined;
    if (text === undefined) {
      throw new UntrustedDefinitionError(`the run input refers to a definition this app never deployed (${String(ref.hash).slice(0, 80)}); runs can only execute deployed workflows`);
    }
    if (typeof ref.signature !== 'string' || !signed(text, ref.signature)) {
      throw new UntrustedDefinitionError('the run input refers to a definition with a signature that does not verify with SLUICE_SIGNING_KEY; runs can only execute deployed workflows');
    }
    const trusted = verified.get(text) ?? textTrusted(text);
    verified.set(text, trusted);
    verifiedRefs.set(id, trusted);
    return trusted;
  }

  function textTrusted(text: string): TrustedDefinition {
    const definition = once(() => JSON.parse(text) as WorkflowDefinition);
    return { key: text, definition, hash: once(() => definitionHash(definition())) };
  }

  function deployedNow(definition: () => WorkflowDefinition, hash: () => string): boolean {
    if (deployed.size === 0) return false;
    try {
      definition();
    } catch {
      return false;
    }
    return deployed.has(hash());
  }
}

function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
