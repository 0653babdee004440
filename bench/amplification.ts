/**
 * Item 2, history amplification: history events per run of the same flow, as a workflow and
 * hand-written (goal 1.0×), and the events the two bookkeeping activities (`sluice.run.started`,
 * `sluice.run.finished`) add when a run is recorded (goal: at most two activities' worth).
 */
import type { CapturedRegistrations } from '../engine/adapters/local/durable';
import { ORCHESTRATOR_NAME } from '../engine/orchestrator';
import type { WorkflowDefinition } from '../engine/definition/workflow.generated';
import { figure, type Figure } from './figure';
import { chainDefinition, fanOutDefinition, HAND, retryDefinition, runInput } from './flows';
import { eventCounts, finishedRun } from './histories';

interface Case {
  name: string;
  definition: WorkflowDefinition;
  input: unknown;
  hand: string;
  handInput: unknown;
}

// An activity costs four events when each completion has its own episode (TaskScheduled, then
// OrchestratorStarted + TaskCompleted + OrchestratorCompleted around the next decision).
const EVENTS_PER_ACTIVITY = 4;

function cases(scale: number): Case[] {
  const items = Array.from({ length: 10 * scale }, (_, i) => i);
  return [
    { name: `${5 * scale}-step chain`, definition: chainDefinition(5 * scale), input: { seed: 0 }, hand: HAND.chain, handInput: { steps: 5 * scale, seed: 0 } },
    { name: `${items.length}-item fan-out`, definition: fanOutDefinition(), input: { items }, hand: HAND.fanOut, handInput: { items } },
    { name: `retry-heavy (${scale} steps × 2 failures)`, definition: retryDefinition(scale, 2), input: {}, hand: HAND.retry, handInput: { steps: scale, failures: 2 } },
  ];
}

/** Measures item 2 on small flows (`scale` 1 = a 5-step chain, a 10-item fan-out, one retried step). */
export async function measureAmplification(registrations: CapturedRegistrations, scale: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  let worstRatio = 0;
  let worstExtra = 0;
  const perFlow: Record<string, unknown> = {};
  for (const c of cases(scale)) {
    const yaml = await finishedRun(registrations, ORCHESTRATOR_NAME, runInput(c.definition, c.input));
    const recorded = await finishedRun(registrations, ORCHESTRATOR_NAME, runInput(c.definition, c.input, true));
    const hand = await finishedRun(registrations, c.hand, c.handInput);
    const ratio = yaml.history.length / hand.history.length;
    const extra = recorded.history.length - yaml.history.length;
    worstRatio = Math.max(worstRatio, ratio);
    worstExtra = Math.max(worstExtra, extra);
    perFlow[c.name] = { yaml: yaml.history.length, hand: hand.history.length, recorded: recorded.history.length, yamlTypes: eventCounts(yaml.history), handTypes: eventCounts(hand.history) };
  }
  figures.push(
    figure(2, 'history events per run, YAML ÷ hand-written (worst flow)', worstRatio, '×', {
      goal: { op: '<=', target: 1 },
      detail: perFlow,
      limit: 'the generic orchestrator yields the same Durable actions as the hand-written generator; history size is set by the actions',
    }),
    figure(2, 'extra events per recorded run (sluice.run.started + finished)', worstExtra, 'events', {
      goal: { op: '<=', target: 2 * EVENTS_PER_ACTIVITY },
      detail: { eventsPerActivity: EVENTS_PER_ACTIVITY },
      limit: 'two bookkeeping activities per run, four history events each',
    }),
  );
  return figures;
}
