/**
 * The `sluice.http` activity: one http step, JSON in and out, behind the SSRF guard, with
 * redirects followed by hand (each hop re-checked) and the response capped in size and time.
 */
import type { StepActivityInput, StepActivityResult } from '../../activities/contract';
import { describeError, fail, isAbort, succeed, withDeadline } from '../../activities/outcome';
import { resolveSecrets, type Redactor } from '../../activities/secrets';
import { parseDurationMs, readHttpSettings, type HttpSettings, type SettingsEnv } from '../../settings';
import { ResponseTooLargeError, sendHop } from './exchange';
import { attemptTraceparent } from '../../telemetry/ids';
import { followRedirect, planRequest, toOutput, type HttpStepConfig, type PlannedRequest } from './request';
import { parseAllowList, refuseUrl, RefusedAddressError, type AllowRule } from './ssrf';

export type { HttpStepConfig, HttpStepOutput } from './request';

/** At most this many redirects are followed, as most clients do. */
export const MAX_REDIRECTS = 5;

/** What the http activity reads from its environment. */
export interface HttpActivityOptions {
  /** Settings and secrets come from here; default `process.env`, read on every call. */
  env?: SettingsEnv;
}

/** Creates the `sluice.http` activity. */
export function createHttpActivity(options: HttpActivityOptions = {}) {
  return async function httpActivity(input: StepActivityInput<HttpStepConfig>): Promise<StepActivityResult> {
    const env = options.env ?? process.env;
    let settings: HttpSettings;
    let allow: AllowRule[];
    try {
      settings = readHttpSettings(env);
      allow = parseAllowList(settings.allow);
    } catch (error) {
      return fail('ValidationError', describeError(error), false);
    }
    const secrets = resolveSecrets(input.config, input.secrets, env);
    if (!secrets.ok) return { ok: false, error: secrets.error };
    const config = secrets.value;
    let first: PlannedRequest;
    try {
      first = planRequest(config);
      // W3C Trace Context: the called service joins the run's trace under this attempt's span, unless the
      // step sets its own `traceparent` (headers are lower-cased by planRequest).
      first.headers.traceparent ??= attemptTraceparent(input.run, input.stepPath, input.attempt);
    } catch (error) {
      return fail('ValidationError', describeError(error, secrets.redact), false);
    }
    const own = config.timeout === undefined ? settings.timeoutMs : parseDurationMs(config.timeout);
    if (own === undefined) return fail('ValidationError', `http step timeout "${config.timeout}" is not a duration`, false);
    const timeoutMs = Math.min(own, input.timeoutMs ?? Infinity);
    const what = `${first.method} ${first.url.origin}${first.url.pathname}`;
    return withDeadline(timeoutMs, what, (signal) => exchangeAll(first, allow, settings.maxBytes, signal, secrets.redact), secrets.redact);
  };
}

/** The `sluice.http` activity reading `process.env`. */
export const httpActivity = createHttpActivity();

async function exchangeAll(
  first: PlannedRequest,
  allow: readonly AllowRule[],
  maxBytes: number,
  signal: AbortSignal,
  redact: Redactor,
): Promise<StepActivityResult> {
  let request = first;
  for (let hop = 0; ; hop++) {
    const refusal = refuseUrl(request.url, allow);
    const where = `${request.method} ${request.url.href}`;
    if (refusal) return fail('HttpError', hop === 0 ? refusal : `redirect to ${request.url.href} ${refusal}`, false);
    let response;
    try {
      response = await sendHop({ ...request, allow, maxBytes, signal });
    } catch (error) {
      return networkFailure(where, hop, error, signal, redact);
    }
    const next = followRedirect(request, response);
    if (next === undefined) {
      if (response.status >= 200 && response.status < 300) return succeed(toOutput(response));
      const retryable = response.status >= 500 || response.status === 429;
      const snippet = response.body.toString('utf8', 0, Math.min(response.body.length, 300)).trim();
      const message = `${where} answered ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`;
      return fail('HttpError', message, retryable, response.status);
    }
    if (hop + 1 > MAX_REDIRECTS) return fail('HttpError', `${where}: more than ${MAX_REDIRECTS} redirects`, false, response.status);
    request = next;
  }
}

function networkFailure(where: string, hop: number, error: unknown, signal: AbortSignal, redact: Redactor): StepActivityResult {
  if (isAbort(error, signal)) return fail('Timeout', `${where} was aborted at the step's deadline`, true);
  if (error instanceof RefusedAddressError) {
    return fail('HttpError', hop === 0 ? error.message : `redirect to ${where.split(' ')[1]} ${error.message}`, false);
  }
  if (error instanceof ResponseTooLargeError) return fail('HttpError', `${where}: ${error.message}`, false);
  return fail('HttpError', `${where} failed: ${describeError(error, redact)}`, true);
}
