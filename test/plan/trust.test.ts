import { describe, expect, it } from 'vitest';
import { carry, definitionHash, definitionTrust, UntrustedDefinitionError } from '../../engine/plan';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { readSigningKeys } from '../../engine/settings';
import { definitionShelf, textHash } from '../../engine/plan/shelf';

const OLD = 'old-signing-key-0123456789abcdef-0123';
const NEW = 'new-signing-key-0123456789abcdef-0123';
const definition: WorkflowDefinition = { name: 'trusted', steps: [{ id: 's', set: { a: 1 } }] };

describe('definition trust', () => {
  it('verifies its own signature and refuses another key, a missing signature and altered text', () => {
    const trust = definitionTrust({ keys: [NEW] });
    const carried = carry(definition, trust.sign);
    expect(trust.check(carried).hash()).toBe(definitionHash(definition));
    const other = definitionTrust({ keys: [OLD] });
    expect(() => other.check(carried)).toThrow(UntrustedDefinitionError);
    expect(() => definitionTrust({ keys: [NEW] }).check({ definitionText: carried.definitionText })).toThrow(/did not deploy/);
    expect(() => trust.check({ ...carried, definitionText: carried.definitionText!.replace('"a":1', '"a":2') })).toThrow(/did not deploy/);
    expect(() => trust.check({ ...carried, signature: 'hmac-sha256:' })).not.toThrow(); // this text was verified before
    expect(() => definitionTrust({ keys: [NEW] }).check({ ...carried, signature: 'hmac-sha256:' })).toThrow(/did not deploy/);
  });

  it('rotates keys: the first signs, every one verifies', () => {
    const signedWithOld = carry(definition, definitionTrust({ keys: [OLD] }).sign);
    const rotated = definitionTrust({ keys: [NEW, OLD] });
    expect(() => rotated.check(signedWithOld)).not.toThrow();
    expect(carry(definition, rotated.sign).signature).toBe(carry(definition, definitionTrust({ keys: [NEW] }).sign).signature);
  });

  it('trusts an unsigned definition (a run started before signatures) only when it is deployed now', () => {
    const legacy = { definition: structuredClone(definition) };
    expect(() => definitionTrust({ keys: [NEW] }).check(legacy)).toThrow(UntrustedDefinitionError);
    expect(definitionTrust({ keys: [NEW], deployed: [definitionHash(definition)] }).check(legacy).definition()).toEqual(definition);
    const text = { definitionText: JSON.stringify({ steps: definition.steps, name: definition.name }) };
    expect(() => definitionTrust({ keys: [NEW], deployed: [definitionHash(definition)] }).check(text)).not.toThrow();
    expect(() => definitionTrust({ keys: [NEW], deployed: [definitionHash(definition)] }).check({ definitionText: '{not json' })).toThrow(UntrustedDefinitionError);
  });

  it('carries a definition by reference when its shelf holds the text, and resolves it from the shelf', () => {
    const text = JSON.stringify(definition);
    const trust = definitionTrust({ keys: [NEW], shelf: definitionShelf([text]) });
    const carried = carry(definition, trust.sign, undefined, trust.refer);
    expect(carried).toEqual({ hash: definitionHash(definition), definitionRef: { hash: textHash(text), signature: trust.sign(text) } });
    expect(trust.check(carried).definition()).toEqual(definition);
    expect(trust.check(carried).key).toBe(text); // the plan cache's key is the text, as for a carried text
    const other = { name: 'other', steps: [] } as unknown as WorkflowDefinition;
    expect(carry(other, trust.sign, undefined, trust.refer).definitionText).toBe(JSON.stringify(other)); // not on the shelf: text
  });

  it('refuses a reference to a hash its shelf does not hold, a bad signature, another key, and a shelf it lacks', () => {
    const text = JSON.stringify(definition);
    const trust = definitionTrust({ keys: [NEW], shelf: definitionShelf([text]) });
    const ref = trust.refer(text)!;
    expect(() => trust.check({ definitionRef: { ...ref, hash: textHash(`${text} `) } })).toThrow(/never deployed/);
    expect(() => trust.check({ definitionRef: { ...ref, signature: `hmac-sha256:${'A'.repeat(43)}` } })).toThrow(/does not verify/);
    expect(() => trust.check({ definitionRef: { ...ref, signature: 'hmac-sha256:' } })).toThrow(/does not verify/);
    expect(() => definitionTrust({ keys: [OLD], shelf: definitionShelf([text]) }).check({ definitionRef: ref })).toThrow(/does not verify/);
    expect(() => definitionTrust({ keys: [NEW] }).check({ definitionRef: ref })).toThrow(/never deployed/);
    // A deployed-now hash does not stand in for a reference's signature.
    expect(() => definitionTrust({ keys: [NEW], shelf: definitionShelf([text]), deployed: [definitionHash(definition)] }).check({ definitionRef: { hash: ref.hash, signature: '' } })).toThrow(UntrustedDefinitionError);
    expect(() => trust.check({ definitionRef: ref })).not.toThrow();
  });

  it('refuses short keys and no keys', () => {
    expect(() => definitionTrust({ keys: ['short'] })).toThrow(/at least 32/);
    expect(() => definitionTrust({ keys: [] })).toThrow(/at least one/);
  });
});

describe('signing keys from settings', () => {
  it.each([
    [{ SLUICE_SIGNING_KEY: `${NEW}, ${OLD}` }, [NEW, OLD]],
    [{}, undefined],
    [{ AzureWebJobsStorage: 'UseDevelopmentStorage=true' }, undefined],
    [{ AzureWebJobsStorage: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' }, undefined],
  ])('%j gives %j', (env, keys) => expect(readSigningKeys(env)).toEqual(keys));

  it('derives a key from a real storage account key, not the key itself', () => {
    const keys = readSigningKeys({ AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=c2VjcmV0LWFjY291bnQta2V5;EndpointSuffix=core.windows.net' });
    expect(keys).toHaveLength(1);
    expect(keys![0]).not.toContain('c2VjcmV0');
    expect(keys![0]!.length).toBeGreaterThanOrEqual(32);
  });
});
