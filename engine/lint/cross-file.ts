/**
 * Facts that span files: workflow names are unique, sub-workflow references resolve, no two workflows
 * listen on one queue or serve one route. Each duplicate is reported where it repeats, naming the first.
 */
import { place, rangeOf } from '../definition/positions';
import { linePos, type Finding } from '../definition/source';
import { collectSteps } from '../definition/walk';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { closest } from '../diagnostics/suggest';
import type { LintedFile } from './lint';

interface Claim {
  file: LintedFile;
  path: Array<string | number>;
}

/** Cross-file diagnostics of schema-valid files. */
export function crossFileDiagnostics(files: readonly LintedFile[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const valid = files.filter((file) => file.definition);
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
  for (const file of valid) {
    const definition = file.definition!;
    claim(names, definition.name, { file, path: ['name'] }, 'duplicate-workflow-name', `workflow name \`${definition.name}\``);
    const queue = definition.triggers?.queue;
    if (queue) claim(queues, `${queue.connection ?? 'AzureWebJobsStorage'}/${queue.name}`, { file, path: ['triggers', 'queue', 'name'] }, 'duplicate-queue-trigger', `trigger queue \`${queue.name}\``);
    const http = definition.triggers?.http;
    if (http) {
      const route = (http.route ?? `workflows/${definition.name}`).replace(/^\/+|\/+$/g, '').toLowerCase();
      claim(routes, route, { file, path: http.route ? ['triggers', 'http', 'route'] : ['triggers', 'http'] }, 'duplicate-route', `route \`${route}\``);
    }
  }
  // Files with errors may still name a workflow: do not call references to them unknown.
  const known = new Set(names.keys());
  for (const file of files) {
    const name = (file.loaded.value as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string') known.add(name);
  }
  for (const file of valid) {
    for (const site of collectSteps(file.definition!)) {
      const name = site.step.workflow;
      if (name === undefined || known.has(name)) continue;
      const guess = closest(name, known);
      found.push(place(file.loaded, {
        code: 'unknown-workflow',
        message: `there is no workflow named \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`,
        hint: 'sub-workflows are looked up among the files linted together',
        path: [...site.path, 'workflow'],
      }));
    }
  }
  return found;
}
