/** `queue`: one message through `sluice.queue`; output `{ messageId }`. */
import { activityStepKind } from '../../orchestrator/activity-kind';

/** The queue step kind. */
export const queue = activityStepKind('queue', (step) => step.queue);
