/**
 * The activities of a case: every step activity (`sluice.http`, `sluice.ai`, …) answered from the case's
 * mocks, a mocked sub-workflow's stand-in, and the two run-record activities, captured. Every call is
 * logged with its run path, attempt and config; an unmocked I/O step answers with a non-retryable
 * `UnmockedStep` error and is reported, so the case fails naming it whatever the run does after.
 */
import type { StepActivityInput, StepActivityResult } from '../activities/contract';
import { RUN_FINISHED_ACTIVITY, RUN_STARTED_ACTIVITY } from '../activities/contract';
import type { RunFinishedInput, RunStartedInput } from '../history/recording';
import type { AiStepConfig } from '../steps/ai/activity';
import { aiAnswer, aiFailure } from './ai-answers';
import type { Mock, MockAnswer } from './format';
import { joinPath, matchesRunPath, prefixOfRun, specificity } from './paths';
import type { VirtualTime } from './virtual-time';

/** The step activity kinds a case answers (engine/steps: the kinds with an activity). */
export const STEP_ACTIVITY_KINDS = ['http', 'ai', 'queue', 'cosmos', 'activity'] as const;

/** The custom activity name a mocked sub-workflow's stand-in calls (not a valid registered name). */
export const SUB_WORKFLOW_STAND_IN = '$sluice.test.subWorkflow';

/** One attempt of a step as the case saw it. */
export interface StepCallRecord {
  path: string;
  kind: string;
  attempt: number;
  config: unknown;
  result?: StepActivityResult;
}

/** What the activities of a case observed. */
export class CaseLog {
  readonly calls: StepCallRecord[] = [];
  readonly unmocked = new Map<string, string>();
  readonly started = new Map<string, RunStartedInput>();
  readonly finished = new Map<string, RunFinishedInput>();
}

/** Builds the activity handlers of a case, by Durable activity name; `stubbed` names the mocked sub-workflows. */
export function caseActivities(rootId: string, mocks: readonly Mock[], stubbed: ReadonlySet<string>, time: VirtualTime, log: CaseLog): Record<string, (input: any) => Promise<unknown>> {
  const ordered = [...mocks].sort((a, b) => specificity(b.path) - specificity(a.path));
  const mockOf = (path: string) => ordered.find((mock) => matchesRunPath(mock.path, path));
  const handlers: Record<string, (input: any) => Promise<unknown>> = {};

  for (const kind of STEP_ACTIVITY_KINDS) {
    handlers[`sluice.${kind}`] = async (input: StepActivityInput) => {
      time.running++;
      try {
        const run = prefixOfRun(rootId, input.run.id);
        const standIn = kind === 'activity' && (input.config as { name?: string } | null)?.name === SUB_WORKFLOW_STAND_IN;
        // A stand-in's call is its `workflow` step's attempt, in the parent run.
        const path = standIn ? run?.prefix ?? input.stepPath : joinPath(run?.prefix ?? '', input.stepPath);
        const attempt = standIn ? run?.attempt ?? 1 : input.attempt;
        const config = standIn ? (input.config as { input?: unknown }).input : input.config;
        const call: StepCallRecord = { path, kind: standIn ? 'workflow' : kind, attempt, config };
        log.calls.push(call);
        call.result = await answerFor(call, mockOf(path), time, log);
        return call.result;
      } finally {
        time.running--;
      }
    };
  }
  handlers[RUN_STARTED_ACTIVITY] = async (header: RunStartedInput) => {
    log.started.set(header.id, header);
    const run = prefixOfRun(rootId, header.id);
    // A real sub-workflow's run is one attempt of its `workflow` step.
    if (run && run.prefix !== '' && !stubbed.has(header.workflow)) log.calls.push({ path: run.prefix, kind: 'workflow', attempt: run.attempt ?? 1, config: header.input });
    return null;
  };
  handlers[RUN_FINISHED_ACTIVITY] = async (end: RunFinishedInput) => {
    log.finished.set(end.id, end);
    return null;
  };
  return handlers;
}

async function answerFor(call: StepCallRecord, mock: Mock | undefined, time: VirtualTime, log: CaseLog): Promise<StepActivityResult> {
  if (!mock) {
    // The dead-letter send of a failed run is part of the run's failure, not a step: answered as sent.
    if (call.path === '$deadLetter' || call.path.endsWith('.$deadLetter')) return { ok: true, output: { messageId: `dead-letter-of-${call.path}` } };
    const message = `step \`${call.path}\` (${call.kind}) has no mock in this case: add \`mocks: { ${call.path.replace(/\[\d+\]/g, '[*]')}: { output: … } }\``;
    log.unmocked.set(call.path.replace(/\[\d+\]/g, '[*]'), message);
    return { ok: false, error: { name: 'UnmockedStep', message, retryable: false } };
  }
  const answer = mock.answers[Math.min(call.attempt, mock.answers.length) - 1];
  if (answer.delayMs) await time.sleep(answer.delayMs);
  return resultOf(call, answer);
}

function resultOf(call: StepCallRecord, answer: MockAnswer): StepActivityResult {
  if (answer.error) return { ok: false, error: { ...answer.error } };
  if (call.kind === 'ai' && answer.failure) return aiFailure(call.config as AiStepConfig, answer.failure);
  if (call.kind === 'ai' && answer.answer !== undefined) return aiAnswer(call.config as AiStepConfig, answer.answer);
  if (answer.failure || answer.answer !== undefined) {
    return { ok: false, error: { name: 'ValidationError', message: `\`answer\` and \`failure\` mock ai steps; \`${call.path}\` is a ${call.kind} step: use \`output\` or \`error\``, retryable: false } };
  }
  const output = answer.output ?? null;
  return answer.degraded ? { ok: true, output, degraded: { reason: answer.degraded } } : { ok: true, output };
}
