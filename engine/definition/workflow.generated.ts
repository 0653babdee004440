/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/workflow.schema.json by codegen/generate.ts.
 * Regenerate with `npm run codegen`; CI runs `npm run codegen:check`.
 */

/**
 * An error name: `Timeout`, `HttpError`, `AiError`, `QueueError`, `CosmosError`, `ActivityError`, `ValidationError`, or the `error` of a `fail` step.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "errorName".
 */
export type ErrorName = string;
/**
 * A duration: a number followed by `ms`, `s`, `m`, `h` or `d` (for example `500ms`, `10s`, `5m`, `1h`, `2d`), or a `${{ }}` expression that yields one.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "duration".
 */
export type Duration = string;
/**
 * A condition: a `${{ EXPR }}` expression, or the literal `true` or `false`. Plain text such as `input.enabled` or `"false"` is not a condition (it would always be true): wrap it, `${{ input.enabled }}`.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "expression".
 */
export type Expression = string | boolean;
/**
 * A sequence of steps.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "steps".
 */
export type Steps = Step[];

/**
 * A Sluice workflow definition: triggers, input schema and steps, interpreted by one generic Durable orchestrator.
 */
export interface WorkflowDefinition {
  /**
   * Optional URI of this JSON Schema, for editors that read it from the document.
   */
  $schema?: string;
  /**
   * The workflow's name: unique among all workflows; used in routes, run records and sub-workflow references.
   */
  name: string;
  /**
   * What the workflow does, for people reading it and for `GET /api/workflows`.
   */
  description?: string;
  /**
   * Informational version number; runs are pinned by the definition's content hash anyway.
   */
  version?: number | string;
  triggers?: Triggers;
  /**
   * JSON Schema (2020-12) of the run input, checked before a run starts: a failing HTTP request gets 400 with the errors, a failing queue message goes to the poison queue. E.g. `input: { type: object, required: [orderId], properties: { orderId: { type: string } } }`.
   */
  input?: Record<string, unknown>;
  defaults?: Defaults;
  deadLetter?: DeadLetter;
  /**
   * Limits on the run's ai steps.
   */
  ai?: {
    /**
     * Gemini tokens (usageMetadata totalTokenCount) the run's ai steps may use together; once reached, further ai steps are not called and fail open with reason `budget` (or fail with BudgetExceeded when they have no fallback).
     */
    maxTokensPerRun?: number;
  };
  /**
   * The longest the whole run may take: past it no step starts, what is in flight is dropped, and the run fails with `Timeout` (dead-lettered like any failure). Counted from the run's start.
   */
  timeout?: Duration;
  /**
   * The steps of the workflow, run in order.
   */
  steps: Steps;
  /**
   * The run's output: usually an expression over `steps.<id>.output`. Without it the output is the last step's output.
   */
  output?: unknown;
}
/**
 * How runs of this workflow start; any combination. None means the workflow starts only through the API or as a sub-workflow.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "triggers".
 */
export interface Triggers {
  http?: HTTPTrigger;
  queue?: QueueTrigger;
  /**
   * One schedule, or a list of them; each becomes a timer trigger.
   */
  schedule?: ScheduleTrigger | [ScheduleTrigger, ...ScheduleTrigger[]];
}
/**
 * Starts a run per HTTP request; the JSON body is the run input.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "httpTrigger".
 */
export interface HTTPTrigger {
  /**
   * Route under `/api/`; default `workflows/<name>`.
   */
  route?: string;
  /**
   * Accepted HTTP methods; default `[POST]`.
   *
   * @minItems 1
   */
  methods?: ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', ...('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[]];
  /**
   * Authorization level of the function: `anonymous`, `function` (default: a function key is required) or `admin`.
   */
  authLevel?: 'anonymous' | 'function' | 'admin';
  /**
   * `async` (default): answer 202 with status URLs at once. `sync`: wait up to `timeout` for the run and answer its output, else 202.
   */
  respond?: 'async' | 'sync';
  /**
   * How long a `respond: sync` request waits for the run before answering 202; default `30s`.
   */
  timeout?: Duration;
}
/**
 * Starts a run per Storage queue message; each message's JSON body is one run's input.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "queueTrigger".
 */
export interface QueueTrigger {
  /**
   * Azure Storage queue name: 3-63 characters, lowercase letters, digits and single hyphens.
   */
  name: string;
  /**
   * Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.
   */
  connection?: string;
}
/**
 * Starts a run on a schedule.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "scheduleTrigger".
 */
export interface ScheduleTrigger {
  /**
   * NCRONTAB expression with six fields (second minute hour day month day-of-week), as Azure Functions timer triggers use.
   */
  cron: string;
  /**
   * The run input for scheduled runs. E.g. `input: { source: timer }`.
   */
  input?: unknown;
}
/**
 * Settings that apply to every step that does not say otherwise.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "defaults".
 */
export interface Defaults {
  retry?: RetryPolicy;
  /**
   * Default timeout of each step.
   */
  timeout?: Duration;
  /**
   * Default fail-open behaviour of `ai` steps; default true.
   */
  failOpen?: boolean;
}
/**
 * How a failing step is retried. Retries are performed by the orchestrator with durable timers.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "retry".
 */
export interface RetryPolicy {
  /**
   * Attempts in all, the first included; default 3.
   */
  maxAttempts?: number;
  /**
   * Delay before the second attempt; default `1s`.
   */
  interval?: Duration;
  /**
   * Multiplier applied to the delay after each attempt; default 2.
   */
  backoff?: number;
  /**
   * Upper bound of the delay between attempts.
   */
  maxInterval?: Duration;
  /**
   * Randomise each delay by up to ±20%, seeded deterministically from the run, step and attempt; default false.
   */
  jitter?: boolean;
  /**
   * Error names that are retried; default: the transient ones (retryable `HttpError`, `AiError`, `QueueError`, `CosmosError`, `Timeout`).
   *
   * @minItems 1
   */
  on?: [ErrorName, ...ErrorName[]];
}
/**
 * Where a run that fails terminally is sent: its original input, trigger, run id, failing step, error, attempts and definition hash.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "deadLetter".
 */
export interface DeadLetter {
  /**
   * Azure Storage queue name for dead-lettered runs.
   */
  queue: string;
  /**
   * Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.
   */
  connection?: string;
}
/**
 * Runs in place of a failed step when its `errors` filter matches; the error is bound as `error` (`{ name, message, step }`).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "catchClause".
 */
export interface CatchClause {
  /**
   * Error names this clause handles; omitted: any error.
   *
   * @minItems 1
   */
  errors?: [ErrorName, ...ErrorName[]];
  /**
   * The steps run instead of the failed step; their last output becomes its output.
   */
  steps: Steps;
}
/**
 * One step: an `id`, exactly one kind (`ai`, `http`, `queue`, `cosmos`, `activity`, `workflow`, `parallel`, `forEach`, `switch`, `steps`, `wait`, `waitForEvent`, `set`, `fail`) and optional `name`, `if`, `retry`, `timeout`, `catch`.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "step".
 */
export interface Step {
  /**
   * The step's id: unique in the whole file; its output is `steps.<id>.output`.
   */
  id: string;
  /**
   * Display name.
   */
  name?: string;
  /**
   * Run the step only when true; a skipped step's output is null.
   */
  if?: Expression;
  retry?: RetryPolicy;
  /**
   * The step fails with `Timeout` when it takes longer.
   */
  timeout?: Duration;
  /**
   * Handlers for the step's failure; the first whose `errors` match runs in its place.
   *
   * @minItems 1
   */
  catch?: [CatchClause, ...CatchClause[]];
  /**
   * The input passed to an `activity` or `workflow` step; expressions are evaluated.
   */
  input?: unknown;
  ai?: AIStep;
  http?: HTTPStep;
  queue?: QueueStep;
  cosmos?: CosmosDBStep;
  /**
   * Name of a TypeScript activity registered by the app; `input` is passed to it; its return value is the output.
   */
  activity?: string;
  /**
   * Name of another workflow run as a sub-orchestration; `input` is passed to it; its `output` is the output.
   */
  workflow?: string;
  /**
   * Steps run concurrently; all must finish. Output: an object of the children's outputs keyed by their ids.
   */
  parallel?: Steps;
  forEach?: ForEachStep;
  switch?: SwitchStep;
  /**
   * A group: a sequence of steps used as one. Output: its last step's output.
   */
  steps?: Steps;
  /**
   * Wait a duration, or until a timestamp. Output: null.
   */
  wait?: Duration | WaitUntil;
  waitForEvent?: WaitForEventStep;
  /**
   * A value, usually a mapping of expressions; it becomes the output. E.g. `set: { category: "${{ steps.classify.output.category }}" }`.
   */
  set?: unknown;
  fail?: FailStep;
}
/**
 * A Gemini call. The answer is requested as JSON and checked against `output`. Fail-open: any failure yields `fallback` and marks the step degraded.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "aiStep".
 */
export interface AIStep {
  /**
   * Gemini model name; default `gemini-2.5-flash`.
   */
  model?: string;
  /**
   * The prompt; `${{ }}` expressions are interpolated.
   */
  prompt: string;
  /**
   * System instruction.
   */
  system?: string;
  /**
   * Sampling temperature, 0 to 2.
   */
  temperature?: number;
  /**
   * Upper bound on the answer's tokens.
   */
  maxOutputTokens?: number;
  /**
   * JSON Schema the answer must satisfy. E.g. `output: { type: object, required: [category], properties: { category: { enum: [standard, priority] } } }`.
   */
  output?: Record<string, unknown>;
  /**
   * The output used whenever the call fails in any way while fail-open is on; must satisfy `output`. E.g. `fallback: { category: standard }`.
   */
  fallback?: unknown;
  /**
   * Fail-open (default true): failures yield `fallback`. False: a failure is an ordinary `AiError`.
   */
  failOpen?: boolean;
}
/**
 * An HTTP call with JSON in and out. 5xx, 429 and network errors are retryable; 4xx are not. Output: `{ status, headers, body }`.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "httpStep".
 */
export interface HTTPStep {
  /**
   * HTTP method; default GET.
   */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /**
   * The URL; https is expected. Private, loopback and link-local addresses are refused unless allow-listed in settings.
   */
  url: string;
  /**
   * Request headers. E.g. `headers: { Authorization: "Bearer ${{ secrets.PRICES_TOKEN }}" }`.
   */
  headers?: {
    [k: string]: string;
  };
  /**
   * Query-string parameters.
   */
  query?: {
    [k: string]: string | number | boolean;
  };
  /**
   * Request body, sent as JSON.
   */
  body?: unknown;
  /**
   * Timeout of the request itself.
   */
  timeout?: Duration;
}
/**
 * Sends a message to an Azure Storage queue. Output: `{ messageId }`.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "queueStep".
 */
export interface QueueStep {
  /**
   * Queue name: 3-63 characters, lowercase letters, digits and single hyphens.
   */
  name: string;
  /**
   * The message, sent as JSON (base64-encoded, as the Functions host expects); at most 64 KB. E.g. `message: { orderId: "${{ input.orderId }}" }`.
   */
  message: unknown;
  /**
   * Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.
   */
  connection?: string;
}
/**
 * One Cosmos DB operation on a container: exactly one of `upsert`, `read`, `query`.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "cosmosStep".
 */
export interface CosmosDBStep {
  /**
   * Container name.
   */
  container: string;
  /**
   * Database name; default from the `COSMOS_DATABASE` setting.
   */
  database?: string;
  /**
   * The item to upsert; it must have an `id`. Output: the item. E.g. `upsert: { id: "${{ input.orderId }}", status: received }`.
   */
  upsert?: Record<string, unknown>;
  read?: CosmosRead;
  query?: CosmosQuery;
}
/**
 * A point read. Output: the item, or null when missing.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "cosmosRead".
 */
export interface CosmosRead {
  /**
   * Item id.
   */
  id: string;
  /**
   * Partition key value; default the id.
   */
  partitionKey?: string | number | boolean;
}
/**
 * A parameterized SQL query; values go in `parameters`, never into the text. Output: the list of results.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "cosmosQuery".
 */
export interface CosmosQuery {
  /**
   * The query text with `@name` parameters.
   */
  sql: string;
  /**
   * The query parameters.
   */
  parameters?: CosmosQueryParameter[];
}
/**
 * One `@name` parameter of a query.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "cosmosParameter".
 */
export interface CosmosQueryParameter {
  /**
   * The parameter name, starting with `@`.
   */
  name: string;
  /**
   * The parameter value; expressions are evaluated.
   */
  value: unknown;
}
/**
 * Runs `steps` once per item, at most `concurrency` at a time. Output: the list of each iteration's last step output, in item order.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "forEachStep".
 */
export interface ForEachStep {
  /**
   * The list to iterate: an expression yielding a list, or a literal list.
   */
  items: string | unknown[];
  /**
   * Name of the item variable; default `item`. `index` is bound too.
   */
  as?: string;
  /**
   * At most this many iterations in flight (a sliding window).
   */
  concurrency?: number;
  /**
   * The steps run per item.
   */
  steps: Steps;
}
/**
 * Runs the first case whose `when` is true, else `default`. Output: the last output of the branch that ran.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "switchStep".
 */
export interface SwitchStep {
  /**
   * The cases, tried in order.
   */
  cases: SwitchCase[];
  /**
   * Steps run when no case matches.
   */
  default?: Steps;
}
/**
 * A condition and the steps it runs.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "switchCase".
 */
export interface SwitchCase {
  /**
   * The condition.
   */
  when: Expression;
  /**
   * The steps run when `when` is true.
   */
  steps: Steps;
}
/**
 * Wait until a point in time.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "waitUntil".
 */
export interface WaitUntil {
  /**
   * An ISO 8601 timestamp, or an expression yielding one.
   */
  until: string;
}
/**
 * Waits for an external event raised on the run. Output: the event's payload, or `default` on timeout.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "waitForEventStep".
 */
export interface WaitForEventStep {
  /**
   * The event name (case-sensitive).
   */
  name: string;
  /**
   * How long to wait; without `default` a timeout fails the step with `Timeout`.
   */
  timeout?: Duration;
  /**
   * Output used when the wait times out.
   */
  default?: unknown;
}
/**
 * Ends the run as failed with this error (a `catch` may handle it).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "failStep".
 */
export interface FailStep {
  /**
   * The error name.
   */
  error: string;
  /**
   * The error message; expressions are interpolated.
   */
  message?: string;
}
