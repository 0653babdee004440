/**
 * Every diagnostic code, in one list. Codes are stable: tools and suppressions key on them.
 * `docs/lint-codes.md` documents each one and a test keeps that page, this list and the golden
 * tests (`test/lint/err/`) in step.
 */
import type { Severity } from './diagnostic';

/** What a code means and how severe it is by default. */
export interface CodeInfo {
  severity: Severity;
  /** One line for the docs and SARIF's rule list. */
  summary: string;
}

export const codes = {
  // Loading: the YAML text itself.
  'yaml-syntax': { severity: 'error', summary: 'The file is not valid YAML.' },
  'duplicate-key': { severity: 'error', summary: 'A mapping has the same key twice.' },
  'alias-limit': { severity: 'error', summary: 'Too many alias expansions (an alias bomb is refused, not expanded).' },
  'merge-key': { severity: 'error', summary: 'YAML merge keys (`<<`) are not supported.' },
  'forbidden-key': { severity: 'error', summary: 'A `__proto__`, `constructor` or `prototype` key.' },
  'file-too-large': { severity: 'error', summary: 'The file exceeds the size limit.' },
  'too-deep': { severity: 'error', summary: 'The document nests deeper than the limit.' },
  'multiple-documents': { severity: 'error', summary: 'A workflow file holds exactly one YAML document.' },
  // Schema: shape of the definition.
  'unknown-key': { severity: 'error', summary: 'A key the language does not define at that place.' },
  'missing-key': { severity: 'error', summary: 'A required key is missing.' },
  'wrong-type': { severity: 'error', summary: 'A value has the wrong type.' },
  'invalid-value': { severity: 'error', summary: 'A value breaks a rule of the schema (pattern, range, allowed values).' },
  'step-kind': { severity: 'error', summary: 'A step must have exactly one kind.' },
  'cosmos-operation': { severity: 'error', summary: 'A `cosmos` step must have exactly one of `upsert`, `read`, `query`.' },
  'input-not-allowed': { severity: 'error', summary: 'A step-level `input` on a step that is neither `activity` nor `workflow`.' },
  // Steps and references.
  'duplicate-step-id': { severity: 'error', summary: 'Two steps share an id.' },
  'expression-syntax': { severity: 'error', summary: 'A `${{ }}` expression does not parse.' },
  'unknown-reference': { severity: 'error', summary: 'An expression names a variable that does not exist.' },
  'unknown-function': { severity: 'error', summary: 'An expression calls a function that does not exist.' },
  'unknown-member': { severity: 'error', summary: 'An expression reads a member that a known shape (input schema, step output) does not have.' },
  'undeclared-member': { severity: 'warning', summary: 'An expression reads a member an open object schema does not list in `properties`.' },
  'unknown-step': { severity: 'error', summary: 'An expression references a step id that does not exist.' },
  'step-not-run-yet': { severity: 'error', summary: 'An expression references a step that cannot have run at that point.' },
  'self-reference': { severity: 'error', summary: "A step's expressions reference its own output." },
  'error-outside-catch': { severity: 'error', summary: '`error` is only bound inside a `catch`.' },
  'loop-variable-outside': { severity: 'error', summary: 'A `forEach` variable (or `index`) used outside its loop.' },
  'secret-not-allowed': { severity: 'error', summary: '`secrets.*` used where no activity resolves it.' },
  'secret-reserved': { severity: 'error', summary: '`secrets.NAME` names a setting Sluice or the Functions host reads itself (`AzureWebJobsStorage`, `COSMOS_*`, …).' },
  'secret-not-listed': { severity: 'warning', summary: "`secrets.NAME` names a setting the local `SLUICE_SECRETS` does not allow." },
  'unknown-workflow': { severity: 'error', summary: 'A `workflow` step names a workflow that does not exist.' },
  'unknown-activity': { severity: 'error', summary: 'An `activity` step names an activity that is not registered.' },
  // Values.
  'invalid-duration': { severity: 'error', summary: 'A duration is not `<number>(ms|s|m|h|d)`.' },
  'invalid-cron': { severity: 'error', summary: 'A schedule is not a valid six-field NCRONTAB expression.' },
  'invalid-queue-name': { severity: 'error', summary: "A queue name breaks Azure Storage's naming rules." },
  'invalid-timestamp': { severity: 'error', summary: '`wait.until` is neither an ISO 8601 timestamp nor an expression.' },
  'invalid-json-schema': { severity: 'error', summary: 'An `input` or `ai.output` JSON Schema does not compile.' },
  'insecure-url': { severity: 'warning', summary: 'An `http` step URL that is not https.' },
  // Step-kind rules.
  'ai-missing-fallback': { severity: 'error', summary: 'An `ai` step is fail-open but has no `fallback`.' },
  'ai-fallback-mismatch': { severity: 'error', summary: "An `ai` step's `fallback` does not satisfy its `output` schema." },
  'foreach-no-concurrency': { severity: 'warning', summary: 'A `forEach` without `concurrency` runs every item at once.' },
  'switch-empty': { severity: 'error', summary: 'A `switch` with no cases and no default.' },
  'switch-unsatisfiable': { severity: 'warning', summary: 'A `switch` case that can never run.' },
  'retry-interval-order': { severity: 'error', summary: '`retry.maxInterval` is below `retry.interval`.' },
  'retry-pointless': { severity: 'warning', summary: 'Retry settings that have no effect with `maxAttempts: 1`.' },
  'timeout-ignored': { severity: 'warning', summary: '`timeout` on a `wait`, `set` or `fail` step has no effect.' },
  'timeout-conflict': { severity: 'error', summary: 'A `waitForEvent` step has both a step `timeout` and `waitForEvent.timeout`.' },
  'unknown-error-name': { severity: 'warning', summary: '`retry.on` or `catch.errors` names an error nothing raises.' },
  'dead-letter-loop': { severity: 'error', summary: "The dead-letter queue is the workflow's own trigger queue." },
  // Budgets (engine/lint/budget.ts).
  'foreach-unbounded': { severity: 'warning', summary: 'A `forEach` over an input list the input schema does not bound with `maxItems`.' },
  'wait-in-large-foreach': { severity: 'warning', summary: 'A `waitForEvent` inside a `forEach` of 100 items or more (or unbounded).' },
  'history-budget': { severity: 'warning', summary: "A run's estimated history exceeds 25,000 events or 32 MB of payloads." },
  'reserved-route': { severity: 'error', summary: "An HTTP route that collides with Sluice's own endpoints (`runs`, `workflows`)." },
  // Across files.
  'duplicate-workflow-name': { severity: 'error', summary: 'Two files define workflows with the same name.' },
  'duplicate-queue-trigger': { severity: 'error', summary: 'Two workflows are triggered by the same queue.' },
  'duplicate-route': { severity: 'error', summary: 'Two workflows serve the same HTTP route.' },
  'workflow-recursion': { severity: 'warning', summary: 'A workflow can call itself, directly or through other workflows.' },
  // Suppressions.
  'unused-suppression': { severity: 'warning', summary: 'A `# sluice-disable-…` comment that silences nothing (or names no such code).' },
  'workflow-input-mismatch': { severity: 'error', summary: "A `workflow` step's literal `input` breaks the called workflow's `input` schema." },
} as const satisfies Record<string, CodeInfo>;

/** A stable diagnostic code. */
export type DiagnosticCode = keyof typeof codes;

/** All codes, in documentation order. */
export function allCodes(): DiagnosticCode[] {
  return Object.keys(codes) as DiagnosticCode[];
}
