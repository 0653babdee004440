/** Machine output: the diagnostics as a JSON array, exactly the data model. */
import type { Diagnostic } from '../diagnostic';

/** Renders diagnostics as pretty-printed JSON. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2);
}
