/**
 * The built-in step activities, in one explicit list: the Azure app and the embedded runtime
 * register each under its Durable name (`sluice.<kind>`). Adding an I/O step kind adds a line here.
 * The SDKs they wrap (Gemini, Cosmos DB, Storage) load on an activity's first call, not at start-up.
 */
import { activityNameOf, type StepActivityInput, type StepActivityResult } from './contract';
import { aiActivity } from '../steps/ai/activity';
import { httpActivity } from '../steps/http/activity';
import { queueActivity } from '../steps/queue/activity';
import { cosmosActivity } from '../steps/cosmos/activity';
import { customActivityRunner } from '../steps/activity/activity';

/** A step activity as Durable calls it. */
export type StepActivity = (input: StepActivityInput<any>) => Promise<StepActivityResult>;

/** Every built-in step activity by Durable activity name. */
export const stepActivities: Readonly<Record<string, StepActivity>> = Object.freeze({
  [activityNameOf('ai')]: aiActivity,
  [activityNameOf('http')]: httpActivity,
  [activityNameOf('queue')]: queueActivity,
  [activityNameOf('cosmos')]: cosmosActivity,
  [activityNameOf('activity')]: customActivityRunner,
});
