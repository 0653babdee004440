/** `cosmos`: one upsert, read or query through `sluice.cosmos`; output the item(s). */
import { activityStepKind } from '../../orchestrator/activity-kind';

/** The cosmos step kind. */
export const cosmos = activityStepKind('cosmos', (step) => step.cosmos);
