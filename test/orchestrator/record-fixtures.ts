/**
 * Records test/fixtures/histories/v<INTERPRETER_VERSION>-<scenario>.json from the scenarios:
 * `npx tsx test/orchestrator/record-fixtures.ts`. A fixture stands for a run in flight: never re-record
 * an older version's files; a change of interpretation bumps INTERPRETER_VERSION, keeps the old path,
 * and adds new files next to the old ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalDurableHost } from '../../engine/adapters/local/durable';
import { INTERPRETER_VERSION } from '../../engine/plan/model';
import { everything, hostWith, ok } from './embedded-runs';
import { replayHistory, snapshot, type Snapshot } from './harness';
import { playScenario, scenarios } from './scenarios';
import { inputFor, sluiceHandler } from './workflows';

const folder = join(__dirname, '..', 'fixtures', 'histories');

async function main(): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const scenario of scenarios) {
    const host = await playScenario(scenario);
    const fixture = {
      name: scenario.name,
      interpreterVersion: INTERPRETER_VERSION,
      instanceId: host.instanceId,
      input: host.input,
      history: host.history,
      // Per episode only the actions it added; the final episode's full list also covers cancellations.
      episodes: host.log.map(({ actions, ...rest }, index) => {
        const list = (actions as unknown[][])[0] ?? [];
        const before = index === 0 ? 0 : ((host.log[index - 1].actions as unknown[][])[0] ?? []).length;
        return { ...rest, added: list.slice(before) };
      }),
      actions: host.log[host.log.length - 1].actions,
    };
    writeFileSync(join(folder, `v${INTERPRETER_VERSION}-${scenario.name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
    console.log(`${scenario.name}: ${host.log.length} episodes, ${host.history.length} events`);
  }
  await recordEmbeddedRun();
}

/**
 * A real run through the embedded Durable host: the histories of the run and of two of its children
 * (a lane and the timed group), with the expectations computed by replaying each episode's prefix.
 */
async function recordEmbeddedRun(): Promise<void> {
  const hosts: LocalDurableHost[] = [];
  let flakyCalls = 0;
  const host = await hostWith(
    hosts,
    {
      'sluice.activity': (input) => {
        const { name, input: value } = input.config as { name: string; input: any };
        if (name === 'echo') return ok(value.v);
        if (name === 'flaky') return ++flakyCalls < 3 ? { ok: false, error: { name: 'ActivityError', message: 'not yet', retryable: true } } : ok(`after ${flakyCalls}`);
        return ok(value * value);
      },
    },
    4,
  );
  const id = 'embedded-run';
  await host.startNew('sluice', { instanceId: id, input: inputFor(everything.definition, { items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }, { workflows: [everything.child] }) });
  const status = await host.waitForCompletion(id, 60_000);
  if (status?.runtimeStatus !== 'Completed') throw new Error(`the embedded run ended ${status?.runtimeStatus}`);
  // Version 4 on: a bounded forEach runs batches (no lanes), and a timed group runs in the run itself.
  const children = INTERPRETER_VERSION >= 4 ? [['batch', `${id}:lanes:batch4`], ['sub', `${id}:sub:1`]] : [['lane', `${id}:lanes:lane4`], ['timed-group', `${id}:group:1`]];
  for (const [name, instanceId] of [['run', id], ...children]) {
    const input = host.getStatus(instanceId)!.input;
    const history = host.history(instanceId);
    const fixture = { name: `embedded-${name}`, interpreterVersion: INTERPRETER_VERSION, instanceId, input, history, ...(await expectations(input, history, instanceId)) };
    writeFileSync(join(folder, `v${INTERPRETER_VERSION}-embedded-${name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
    console.log(`embedded-${name}: ${fixture.episodes.length} episodes, ${history.length} events`);
  }
  for (const running of hosts) await running.stop();
}

// One new event per episode (the host guarantees it): the SDK saw everything up to the event after
// each OrchestratorStarted.
async function expectations(input: unknown, history: Array<{ EventType: number }>, instanceId: string) {
  const handler = sluiceHandler({ chunkSize: 4 });
  const episodes: Array<{ seen: number; added: unknown[] } & Omit<Snapshot, 'actions'>> = [];
  let before = 0;
  let last: Snapshot | undefined;
  for (let i = 0; i < history.length; i++) {
    if (history[i].EventType !== 12) continue;
    const seen = i + 2;
    const { state } = await replayHistory(handler, input, history.slice(0, seen), instanceId);
    const { actions, ...rest } = (last = snapshot(state));
    const list = (actions as unknown[][])[0] ?? [];
    episodes.push({ seen, ...rest, added: list.slice(before) });
    before = list.length;
  }
  return { chunkSize: 4, episodes, actions: last!.actions };
}

void main();
