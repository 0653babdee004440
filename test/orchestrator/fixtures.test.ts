/**
 * Recorded histories keep replaying: every episode of every fixture must give the same new actions,
 * status and output as when it was recorded, and the whole history the same final action list. A change
 * that fails here would break runs in flight (bump INTERPRETER_VERSION and keep the old behaviour).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { replayHistory, snapshot } from './harness';
import { definitionOf, type RunInput } from '../../engine/plan/run-input';
import { trustDeploying } from '../support/trust';
import { sluiceHandler } from './workflows';

const folder = join(__dirname, '..', 'fixtures', 'histories');
const files = readdirSync(folder).filter((file) => file.endsWith('.json'));

interface Fixture {
  /** The orchestrator option the run was recorded with, when not the default. */
  chunkSize?: number;
  instanceId: string;
  input: unknown;
  history: unknown[];
  actions: unknown;
  episodes: Array<{ seen: number; added: unknown[]; isDone: boolean; output: unknown; error: string | null; customStatus: unknown }>;
}

// The payload of `sluice.run.finished` (the run record) does not take part in replay: Durable matches
// scheduled tasks by id and name, never by input. It may grow fields without breaking runs in flight.
// For the same reason step activity inputs gained `secrets` (the secret sites, issue #15) for every
// interpreter version: fixtures recorded before it are compared without that field, later ones with it.
function comparable(actions: unknown, withSites: boolean): unknown {
  return JSON.parse(JSON.stringify(actions), (key, value) => {
    if (!value || typeof value !== 'object') return value;
    if (value.functionName === 'sluice.run.finished') return { ...value, input: '(run record)' };
    if (!withSites && key === 'input' && 'stepPath' in value && 'secrets' in value) {
      const { secrets: _sites, ...rest } = value;
      return rest;
    }
    return value;
  });
}

// The custom status takes no part in replay either; it gained the open waits for run history (#17):
// fixtures recorded before that are compared without them.
function progressOnly(customStatus: unknown): unknown {
  if (!customStatus || typeof customStatus !== 'object') return customStatus;
  const { waiting: _waiting, waitingCount: _count, ...rest } = customStatus as Record<string, unknown>;
  return rest;
}

suite('recorded histories', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(3));

  it.each(files)('%s replays the same actions and output', async (file) => {
    const fixture = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Fixture;
    const withSites = JSON.stringify(fixture.actions).includes('"secrets":[');
    // Recorded before run inputs were signed: they replay because their definition is deployed now.
    const trust = trustDeploying([definitionOf(fixture.input as RunInput)]);
    const handler = sluiceHandler({ trust, ...(fixture.chunkSize ? { chunkSize: fixture.chunkSize } : {}) });
    let before = 0;
    for (const episode of fixture.episodes) {
      const { state } = await replayHistory(handler, fixture.input, fixture.history.slice(0, episode.seen), fixture.instanceId);
      const now = snapshot(state);
      const list = (now.actions as unknown[][])[0] ?? [];
      expect({ added: comparable(list.slice(before), withSites), isDone: now.isDone, output: now.output, error: now.error, customStatus: progressOnly(now.customStatus) }).toEqual({
        added: comparable(episode.added, withSites),
        isDone: episode.isDone,
        output: episode.output,
        error: episode.error,
        customStatus: progressOnly(episode.customStatus),
      });
      // Fixtures recorded with the open waits must keep showing them.
      if (episode.customStatus && typeof episode.customStatus === 'object' && 'waiting' in episode.customStatus) expect(now.customStatus).toEqual(episode.customStatus);
      before = list.length;
    }
    const { state } = await replayHistory(handler, fixture.input, fixture.history, fixture.instanceId);
    expect(comparable(snapshot(state).actions, withSites)).toEqual(comparable(fixture.actions, withSites));
  });
});
