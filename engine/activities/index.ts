/**
 * The built-in step activities, in one explicit list: the Azure app and the embedded runtime
 * register each under its Durable name (`sluice.<kind>`). Adding an I/O step kind adds a line here.
 * Each module (and the SDK it wraps: Gemini, Cosmos DB, Storage) loads on the activity's first call,
 * not at start-up: a Functions cold start pays only for what it uses.
 */
import { activityNameOf, type StepActivityInput, type StepActivityResult } from './contract';

/** A step activity as Durable calls it. */
export type StepActivity = (input: StepActivityInput<any>) => Promise<StepActivityResult>;

/** An activity whose module is imported on first use. */
function onFirstCall(load: () => Promise<StepActivity>): StepActivity {
  let activity: Promise<StepActivity> | undefined;
  return async (input) => (await (activity ??= load()))(input);
}

/** Every built-in step activity by Durable activity name. */
export const stepActivities: Readonly<Record<string, StepActivity>> = Object.freeze({
  [activityNameOf('ai')]: onFirstCall(async () => (await import('../steps/ai/activity.js')).aiActivity),
  [activityNameOf('http')]: onFirstCall(async () => (await import('../steps/http/activity.js')).httpActivity),
  [activityNameOf('queue')]: onFirstCall(async () => (await import('../steps/queue/activity.js')).queueActivity),
  [activityNameOf('cosmos')]: onFirstCall(async () => (await import('../steps/cosmos/activity.js')).cosmosActivity),
  [activityNameOf('activity')]: onFirstCall(async () => (await import('../steps/activity/activity.js')).customActivityRunner),
});
