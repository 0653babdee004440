/**
 * The `yaml` package, loaded on first use. The packaged app starts from its linted bundle and never parses
 * YAML, so a Functions cold start does not pay for loading the parser.
 */
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/** The `yaml` module. */
export function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (lib ??= require('yaml') as typeof Yaml);
}
