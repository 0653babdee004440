/** Every semantic rule, in one explicit list. Adding a rule means adding a module and a line here. */
import type { Rule } from '../rule';
import { activities } from './activities';
import { aiFallback } from './ai-fallback';
import { budget } from './budget';
import { cron } from './cron';
import { deadLetter } from './dead-letter';
import { duplicateStepId } from './duplicate-step-id';
import { durations } from './durations';
import { errorNames } from './error-names';
import { expressions } from './expressions';
import { forEachConcurrency } from './foreach-concurrency';
import { httpUrl } from './http-url';
import { jsonSchemas } from './json-schemas';
import { queueNames } from './queue-names';
import { reservedRoutes } from './reserved-routes';
import { retryPolicies } from './retry';
import { switchCases } from './switch';
import { timeouts } from './timeouts';
import { timestamps } from './timestamps';

export const rules: readonly Rule[] = [
  duplicateStepId,
  expressions,
  activities,
  durations,
  cron,
  queueNames,
  timestamps,
  jsonSchemas,
  httpUrl,
  reservedRoutes,
  aiFallback,
  forEachConcurrency,
  switchCases,
  retryPolicies,
  timeouts,
  errorNames,
  deadLetter,
  budget,
];
