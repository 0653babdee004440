/**
 * Records test/fixtures/histories/v<INTERPRETER_VERSION>-<scenario>.json from the scenarios:
 * `npx tsx test/orchestrator/record-fixtures.ts`. A fixture stands for a run in flight: never re-record
 * an older version's files; a change of interpretation bumps INTERPRETER_VERSION, keeps the old path,
 * and adds new files next to the old ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERPRETER_VERSION } from '../../engine/plan/model';
import { playScenario, scenarios } from './scenarios';

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
}

void main();
