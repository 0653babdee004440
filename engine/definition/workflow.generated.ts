/* Generated from schemas/workflow.schema.json by codegen/generate.ts. Do not edit. */

/**
 * How long a `respond: sync` request waits for the run before answering 202; default `30s`.
 */
export type Duration = string;
/**
 * Delay before the second attempt; default `1s`.
 */
export type Duration1 = string;
/**
 * Upper bound of the delay between attempts.
 */
export type Duration2 = string;
/**
 * An error name: `Timeout`, `HttpError`, `AiError`, `QueueError`, `CosmosError`, `ActivityError`, `ValidationError`, or the `error` of a `fail` step.
 */
export type ErrorName = string;
/**
 * Default timeout of each step.
 */
export type Duration3 = string;
/**
 * Run the step only when true; a skipped step's output is null.
 */
export type Expression = string | boolean;
/**
 * The step fails with `Timeout` when it takes longer.
 */
export type Duration4 = string;
/**
 * The steps run instead of the failed step; their last output becomes its output.
 */
export type Steps1 = Step[];
/**
 * Timeout of the request itself.
 */
export type Duration5 = string;
/**
 * Steps run concurrently; all must finish. Output: an object of the children's outputs keyed by their ids.
 *
 * @minItems 1
 */
export type Steps2 = [Step, ...Step[]];
/**
 * The steps run per item.
 *
 * @minItems 1
 */
export type Steps3 = [Step, ...Step[]];
/**
 * The condition.
 */
export type Expression1 = string | boolean;
/**
 * The steps run when `when` is true.
 */
export type Steps4 = Step[];
/**
 * Steps run when no case matches.
 */
export type Steps5 = Step[];
/**
 * A group: a sequence of steps used as one. Output: its last step's output.
 *
 * @minItems 1
 */
export type Steps6 = [Step, ...Step[]];
/**
 * A duration: a number followed by `ms`, `s`, `m`, `h` or `d` (for example `500ms`, `10s`, `5m`, `1h`, `2d`), or a `${{ }}` expression that yields one.
 */
export type Duration6 = string;
/**
 * A duration: a number followed by `ms`, `s`, `m`, `h` or `d` (for example `500ms`, `10s`, `5m`, `1h`, `2d`), or a `${{ }}` expression that yields one.
 */
export type Duration7 = string;
/**
 * The steps of the workflow, run in order.
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
   * JSON Schema (2020-12) of the run input, checked before a run starts: a failing HTTP request gets 400 with the errors, a failing queue message goes to the poison queue.
   */
  input?: {};
  defaults?: Defaults;
  deadLetter?: DeadLetter;
  steps: Steps;
  /**
   * The run's output: usually an expression over `steps.<id>.output`. Without it the output is the last step's output.
   */
  output?: {
    [k: string]: unknown;
  };
}
/**
 * How runs of this workflow start; any combination. None means the workflow starts only through the API or as a sub-workflow.
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
  methods?: ["GET" | "POST" | "PUT" | "PATCH" | "DELETE", ...("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[]];
  /**
   * Authorization level of the function: `anonymous`, `function` (default: a function key is required) or `admin`.
   */
  authLevel?: "anonymous" | "function" | "admin";
  /**
   * `async` (default): answer 202 with status URLs at once. `sync`: wait up to `timeout` for the run and answer its output, else 202.
   */
  respond?: "async" | "sync";
  timeout?: Duration;
}
/**
 * Starts a run per Storage queue message; each message's JSON body is one run's input.
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
 */
export interface ScheduleTrigger {
  /**
   * NCRONTAB expression with six fields (second minute hour day month day-of-week), as Azure Functions timer triggers use.
   */
  cron: string;
  /**
   * The run input for scheduled runs.
   */
  input?: {
    [k: string]: unknown;
  };
}
/**
 * Settings that apply to every step that does not say otherwise.
 */
export interface Defaults {
  retry?: RetryPolicy;
  timeout?: Duration3;
  /**
   * Default fail-open behaviour of `ai` steps; default true.
   */
  failOpen?: boolean;
}
/**
 * How a failing step is retried. Retries are performed by the orchestrator with durable timers.
 */
export interface RetryPolicy {
  /**
   * Attempts in all, the first included; default 3.
   */
  maxAttempts?: number;
  interval?: Duration1;
  /**
   * Multiplier applied to the delay after each attempt; default 2.
   */
  backoff?: number;
  maxInterval?: Duration2;
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
 * One step: an `id`, exactly one kind (`ai`, `http`, `queue`, `cosmos`, `activity`, `workflow`, `parallel`, `forEach`, `switch`, `steps`, `wait`, `waitForEvent`, `set`, `fail`) and optional `name`, `if`, `retry`, `timeout`, `catch`.
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
  if?: Expression;
  retry?: RetryPolicy;
  timeout?: Duration4;
  /**
   * Handlers for the step's failure; the first whose `errors` match runs in its place.
   *
   * @minItems 1
   */
  catch?: [CatchClause, ...CatchClause[]];
  /**
   * The input passed to an `activity` or `workflow` step; expressions are evaluated.
   */
  input?: {
    [k: string]: unknown;
  };
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
  parallel?: Steps2;
  forEach?: ForEachStep;
  switch?: SwitchStep;
  steps?: Steps6;
  /**
   * Wait a duration, or until a timestamp. Output: null.
   */
  wait?: Duration6 | WaitUntil;
  waitForEvent?: WaitForEventStep;
  /**
   * A value, usually a mapping of expressions; it becomes the output.
   */
  set?: {
    [k: string]: unknown;
  };
  fail?: FailStep;
}
/**
 * Runs in place of a failed step when its `errors` filter matches; the error is bound as `error` (`{ name, message, step }`).
 */
export interface CatchClause {
  /**
   * Error names this clause handles; omitted: any error.
   *
   * @minItems 1
   */
  errors?: [ErrorName, ...ErrorName[]];
  steps: Steps1;
}
/**
 * A Gemini call. The answer is requested as JSON and checked against `output`. Fail-open: any failure yields `fallback` and marks the step degraded.
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
   * JSON Schema the answer must satisfy.
   */
  output?: {};
  /**
   * The output used whenever the call fails in any way while fail-open is on; must satisfy `output`.
   */
  fallback?: {
    [k: string]: unknown;
  };
  /**
   * Fail-open (default true): failures yield `fallback`. False: a failure is an ordinary `AiError`.
   */
  failOpen?: boolean;
}
/**
 * An HTTP call with JSON in and out. 5xx, 429 and network errors are retryable; 4xx are not. Output: `{ status, headers, body }`.
 */
export interface HTTPStep {
  /**
   * HTTP method; default GET.
   */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
  /**
   * The URL; https is expected. Private, loopback and link-local addresses are refused unless allow-listed in settings.
   */
  url: string;
  /**
   * Request headers.
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
  body?: {
    [k: string]: unknown;
  };
  timeout?: Duration5;
}
/**
 * Sends a message to an Azure Storage queue. Output: `{ messageId }`.
 */
export interface QueueStep {
  /**
   * Queue name: 3-63 characters, lowercase letters, digits and single hyphens.
   */
  name: string;
  /**
   * The message, sent as JSON (base64-encoded, as the Functions host expects); at most 64 KB.
   */
  message: {
    [k: string]: unknown;
  };
  /**
   * Name of the app setting holding the storage connection; default `AzureWebJobsStorage`.
   */
  connection?: string;
}
/**
 * One Cosmos DB operation on a container: exactly one of `upsert`, `read`, `query`.
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
   * The item to upsert; it must have an `id`. Output: the item.
   */
  upsert?: {};
  read?: CosmosRead;
  query?: CosmosQuery;
}
/**
 * A point read. Output: the item, or null when missing.
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
 */
export interface CosmosQueryParameter {
  /**
   * The parameter name, starting with `@`.
   */
  name: string;
  /**
   * The parameter value; expressions are evaluated.
   */
  value: {
    [k: string]: unknown;
  };
}
/**
 * Runs `steps` once per item, at most `concurrency` at a time. Output: the list of each iteration's last step output, in item order.
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
  steps: Steps3;
}
/**
 * Runs the first case whose `when` is true, else `default`. Output: the last output of the branch that ran.
 */
export interface SwitchStep {
  /**
   * The cases, tried in order.
   */
  cases: SwitchCase[];
  default?: Steps5;
}
/**
 * A condition and the steps it runs.
 */
export interface SwitchCase {
  when: Expression1;
  steps: Steps4;
}
/**
 * Wait until a point in time.
 */
export interface WaitUntil {
  /**
   * An ISO 8601 timestamp, or an expression yielding one.
   */
  until: string;
}
/**
 * Waits for an external event raised on the run. Output: the event's payload, or `default` on timeout.
 */
export interface WaitForEventStep {
  /**
   * The event name (case-sensitive).
   */
  name: string;
  timeout?: Duration7;
  /**
   * Output used when the wait times out.
   */
  default?: {
    [k: string]: unknown;
  };
}
/**
 * Ends the run as failed with this error (a `catch` may handle it).
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
