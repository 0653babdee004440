/**
 * The secret sites of a step's activity call. Where a definition puts `secrets.NAME` is known when it
 * is compiled: a template's place in a step's config never depends on data (a config is the step body's
 * own structure; only whole values come from expressions). The sites are found once per compiled body
 * and evaluated per call into `StepActivityInput.secrets`; the activity substitutes there and nowhere
 * else, so data containing `${{ secrets.X }}` stays data.
 */
import type { SecretSite } from '../activities/contract';
import { evaluateTemplateParts, templateParts, type CompiledValue, type Template } from '../expressions';
import { evaluateIn } from './evaluate';
import { StepFailure } from './failure';
import type { Scope } from './scope';

/** What a step's activity is called with: its evaluated config and where secrets go in it. */
export interface ActivityCall {
  config: unknown;
  secrets?: SecretSite[];
}

interface CompiledSite {
  path: Array<string | number>;
  template: Template;
}

// Plans are shared and frozen: the sites of a compiled body are found once, on first use.
const sitesOf = new WeakMap<CompiledValue, readonly CompiledSite[]>();

/** Where the templates of a compiled value reference secrets, by path inside it. */
export function compiledSecretSites(compiled: CompiledValue): readonly CompiledSite[] {
  let sites = sitesOf.get(compiled);
  if (!sites) {
    const found: CompiledSite[] = [];
    collect(compiled, [], found);
    sitesOf.set(compiled, (sites = found));
  }
  return sites;
}

/**
 * Evaluates a compiled config for an activity call; `at` is the config's place in the call's config
 * (`['input']` for an activity step). Throws a non-retryable StepFailure on an expression error.
 */
export function activityCall(compiled: CompiledValue, scope: Scope, path: string, at: ReadonlyArray<string | number> = []): ActivityCall {
  const config = evaluateIn(compiled, scope, path);
  const sites = compiledSecretSites(compiled);
  if (sites.length === 0) return { config };
  try {
    return { config, secrets: sites.map((site) => ({ path: [...at, ...site.path], parts: evaluateTemplateParts(site.template, scope) })) };
  } catch (error) {
    throw new StepFailure({ name: 'ExpressionError', message: (error as Error).message, retryable: false }, path);
  }
}

function collect(compiled: CompiledValue, path: Array<string | number>, found: CompiledSite[]): void {
  switch (compiled.kind) {
    case 'constant':
      return;
    case 'template':
      if (templateParts(compiled.template).some((part) => part.secret)) found.push({ path: path.slice(), template: compiled.template });
      return;
    case 'array':
      compiled.items.forEach((item, index) => collect(item, [...path, index], found));
      return;
    case 'object':
      for (const [key, item] of compiled.entries) collect(item, [...path, key], found);
  }
}
