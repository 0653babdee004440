/**
 * Facts that span files: workflow names are unique, sub-workflow references resolve, no two workflows
 * listen on one queue or serve one route. Each duplicate is reported where it repeats, naming the first.
 *
 * Each file is reduced to its few cross-file facts where it is linted (which may be a worker thread);
 * the checks then read only the facts, and a finding is placed in its file's text when there is one.
 */
import { place, rangeOf } from '../definition/positions';
import { linePos, type Finding, type LoadedDefinition } from '../definition/source';
import type { StepSite } from '../definition/walk';
import type { WorkflowDefinition } from '../definition/workflow.generated';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { closest } from '../diagnostics/suggest';
import { literalInputMismatches } from './sub-workflow-input';
import type { ChildRead } from './rule';
import { missingMember, shapeOfLiteral } from './shapes';

type Path = Array<string | number>;

/** What the cross-file checks need of one file: plain data, so a worker thread can send it. */
export interface CrossFileFacts {
  /** The `name` the file declares, valid or not (references to it are then not "unknown"). */
  name?: string;
  /** Set when the file is schema-valid: the claims it makes and the workflows it calls. */
  valid?: {
    name: string;
    queue?: { key: string; name: string };
    route?: { key: string; path: Path };
    /** The workflow's `input` JSON Schema, to check its callers' literal inputs against. */
    input?: unknown;
    /** `path` is the step's; `input` its literal `input` when it has one (expressions inside stay strings). */
    calls: Array<{ name: string; path: Path; input?: unknown; hasInput: boolean; never?: true }>;
    /** The workflow's `output` when it is a literal mapping (expressions inside it are unknown members). */
    output?: Record<string, unknown>;
    /** Members of sub-workflow outputs its expressions read. */
    childReads?: ChildRead[];
  };
}

/** A file as the cross-file checks see it: its facts, and its loaded text for placing findings. */
export interface CrossFileInput {
  facts: CrossFileFacts;
  loaded: LoadedDefinition;
}

/** The cross-file facts of one linted file. */
export function factsOf(value: unknown, definition: WorkflowDefinition | undefined, sites: readonly StepSite[] | undefined, childReads?: ChildRead[]): CrossFileFacts {
  const declared = (value as { name?: unknown } | null | undefined)?.name;
  const facts: CrossFileFacts = typeof declared === 'string' ? { name: declared } : {};
  if (!definition) return facts;
  const valid: NonNullable<CrossFileFacts['valid']> = { name: definition.name, calls: [] };
  if (definition.input !== undefined) valid.input = definition.input;
  const output = definition.output;
  if (output !== null && typeof output === 'object' && !Array.isArray(output)) valid.output = output as Record<string, unknown>;
  if (childReads?.length) valid.childReads = childReads;
  const queue = definition.triggers?.queue;
  if (queue) valid.queue = { key: `${queue.connection ?? 'AzureWebJobsStorage'}/${queue.name}`, name: queue.name };
  const http = definition.triggers?.http;
  if (http) {
    const key = (http.route ?? `workflows/${definition.name}`).replace(/^\/+|\/+$/g, '').toLowerCase();
    valid.route = { key, path: http.route ? ['triggers', 'http', 'route'] : ['triggers', 'http'] };
  }
  const neverRuns = new Set<string>();
  for (const site of sites ?? []) {
    // `if: false` on a step or around it: the call is written but never made (recursion is not reported).
    if (site.step.if === false || site.slots.some((slot) => neverRuns.has(slot.container))) neverRuns.add(site.id);
    if (site.step.workflow === undefined) continue;
    valid.calls.push({ name: site.step.workflow, path: site.path, input: site.step.input, hasInput: 'input' in site.step, ...(neverRuns.has(site.id) ? { never: true } : {}) });
  }
  facts.valid = valid;
  return facts;
}

interface Claim {
  file: CrossFileInput;
  path: Path;
}

/** Cross-file diagnostics of schema-valid files. */
export function crossFileDiagnostics(files: readonly CrossFileInput[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const names = new Map<string, Claim>();
  const queues = new Map<string, Claim>();
  const routes = new Map<string, Claim>();
  const claim = (registry: Map<string, Claim>, key: string, here: Claim, code: Finding['code'], what: string) => {
    const first = registry.get(key);
    if (!first) {
      registry.set(key, here);
      return;
    }
    const line = linePos(first.file.loaded, rangeOf(first.file.loaded, { path: first.path }).start).line;
    found.push(place(here.file.loaded, { code, message: `${what} is already used by ${first.file.loaded.file}:${line}`, path: here.path }));
  };
  for (const file of files) {
    const valid = file.facts.valid;
    if (!valid) continue;
    claim(names, valid.name, { file, path: ['name'] }, 'duplicate-workflow-name', `workflow name \`${valid.name}\``);
    if (valid.queue) claim(queues, valid.queue.key, { file, path: ['triggers', 'queue', 'name'] }, 'duplicate-queue-trigger', `trigger queue \`${valid.queue.name}\``);
    if (valid.route) claim(routes, valid.route.key, { file, path: valid.route.path }, 'duplicate-route', `route \`${valid.route.key}\``);
  }
  // Files with errors may still name a workflow: do not call references to them unknown.
  const known = new Set(names.keys());
  for (const file of files) if (file.facts.name !== undefined) known.add(file.facts.name);
  for (const file of files) {
    for (const call of file.facts.valid?.calls ?? []) {
      if (known.has(call.name)) continue;
      const callPath = [...call.path, 'workflow'];
      const guess = closest(call.name, known);
      found.push(place(file.loaded, {
        code: 'unknown-workflow',
        message: `there is no workflow named \`${call.name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
        hint: 'sub-workflows are looked up among the files linted together',
        path: callPath,
      }));
    }
  }
  found.push(...inputMismatches(files, names));
  found.push(...recursion(names));
  found.push(...childOutputReads(files, names));
  return found;
}

/** Literal sub-workflow inputs that break the child's `input` schema (sub-workflow-input.ts). */
function inputMismatches(files: readonly CrossFileInput[], names: ReadonlyMap<string, Claim>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of files) {
    for (const call of file.facts.valid?.calls ?? []) {
      const child = names.get(call.name)?.file;
      const schema = child?.facts.valid?.input;
      if (!child || schema === undefined || !call.hasInput) continue;
      for (const mismatch of literalInputMismatches(schema, call.input)) {
        found.push(place(file.loaded, {
          code: 'workflow-input-mismatch',
          message: `the input of sub-workflow \`${call.name}\` does not satisfy its \`input\` schema: ${mismatch.message}`,
          hint: `the child (${child.loaded.file}) would fail with ValidationError before its first step`,
          path: [...call.path, 'input', ...mismatch.at],
          target: mismatch.key ? 'key' : 'value',
        }));
      }
    }
  }
  return found;
}

/**
 * Workflows that can call themselves, directly or through others: each run starts another, without end
 * unless a condition stops it (lint cannot tell). One warning per cycle, at the call that closes it, found
 * by a depth-first walk from the workflows in name order.
 */
function recursion(names: ReadonlyMap<string, Claim>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (name: string) => {
    state.set(name, 'open');
    stack.push(name);
    const file = names.get(name)!.file;
    for (const call of file.facts.valid?.calls ?? []) {
      if (!names.has(call.name) || call.never) continue;
      const seen = state.get(call.name);
      if (seen === 'open') {
        const cycle = [...stack.slice(stack.indexOf(call.name)), call.name];
        const key = [...new Set(cycle)].sort().join(' ');
        if (reported.has(key)) continue;
        reported.add(key);
        const message = cycle.length === 2 ? `workflow \`${name}\` calls itself` : `workflows call each other in a cycle: ${cycle.map((step) => `\`${step}\``).join(' → ')}`;
        found.push(place(file.loaded, {
          code: 'workflow-recursion',
          message,
          hint: 'each call starts a new run with its own history: make sure a condition (`if:`) ends it, or loop with forEach instead',
          path: [...call.path, 'workflow'],
        }));
      } else if (seen === undefined) visit(call.name);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of [...names.keys()].sort()) if (!state.has(name)) visit(name);
  return found;
}

/** Reads of a sub-workflow's output members its literal `output` mapping does not have. */
function childOutputReads(files: readonly CrossFileInput[], names: ReadonlyMap<string, Claim>): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of files) {
    for (const read of file.facts.valid?.childReads ?? []) {
      const child = names.get(read.workflow)?.file;
      const output = child?.facts.valid?.output;
      if (!child || output === undefined) continue;
      const missing = missingMember(shapeOfLiteral(output), read.members);
      if (!missing) continue;
      const name = read.members[missing.at];
      const where = `steps.${read.step}.output` + read.members.slice(0, missing.at).map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join('');
      const guess = closest(name, missing.known);
      found.push(place(file.loaded, {
        code: 'unknown-member',
        message: `\`${where}\` has no member \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
        hint: `it is the \`output\` of workflow \`${read.workflow}\` (${child.loaded.file}), which has ${missing.known.map((member) => `\`${member}\``).join(', ') || 'no members'}`,
        path: read.path,
        within: read.within,
      }));
    }
  }
  return found;
}
