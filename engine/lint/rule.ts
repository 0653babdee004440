/** What a lint rule sees and how it reports. Rules are pure functions of one validated definition. */
import type { LoadLimits } from '../definition/limits';
import type { Finding, LoadedDefinition } from '../definition/source';
import type { StepSite } from '../definition/walk';
import type { WorkflowDefinition } from '../definition/workflow.generated';

/** Options that change what the rules know about the world around the file. */
export interface LintOptions {
  /** Registered custom activity names; when absent, `unknown-activity` is skipped rather than guessed. */
  activities?: readonly string[];
  /**
   * The `SLUICE_SECRETS` value of the local settings (environment or local.settings.json), to warn about
   * `secrets.NAME` it does not allow; when absent, only reserved names are reported.
   */
  allowedSecrets?: string;
  /** Loader limits (size, depth, aliases); defaults to `defaultLimits`. */
  limits?: Partial<LoadLimits>;
}

/** One file, schema-valid (or its well-formed part), ready for semantic rules. */
export interface RuleContext {
  loaded: LoadedDefinition;
  definition: WorkflowDefinition;
  /** Every step in pre-order. */
  sites: readonly StepSite[];
  /** Steps by id (the first definition when ids repeat). */
  byId: ReadonlyMap<string, StepSite>;
  options: LintOptions;
  /**
   * Steps standing in for ones the schema rejected (the rules run on the rest of the file): their kind,
   * config and output are unknown, so rules check nothing about them beyond their id.
   */
  placeholders: WeakSet<object>;
  report(finding: Finding): void;
  /**
   * Reads of a sub-workflow step's output members (`steps.sub.output.total`): the child is another file,
   * so they are checked with the cross-file facts (engine/lint/cross-file.ts).
   */
  childReads: ChildRead[];
}

/** One read of a sub-workflow step's output below `output`, to check against the child's `output`. */
export interface ChildRead {
  workflow: string;
  step: string;
  /** Members below `output`. */
  members: string[];
  path: Array<string | number>;
  within: { offset: number; length: number };
}

/** A semantic rule: one module each, listed in `rules/index.ts`. */
export interface Rule {
  /** Stable name, for docs and profiling. */
  name: string;
  check(context: RuleContext): void;
}
