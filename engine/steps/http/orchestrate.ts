/** `http`: one request through `sluice.http`; output `{ status, headers, body }`. */
import { activityStepKind } from '../../orchestrator/activity-kind';

/** The http step kind. */
export const http = activityStepKind('http', (step) => step.http);
