/**
 * CI annotations, chosen from the environment: Azure Pipelines logging commands when `TF_BUILD` is set,
 * GitHub Actions workflow commands when `GITHUB_ACTIONS` is set. Both put the finding on the file's line
 * in the pull request.
 */
import type { Diagnostic } from '../diagnostic';

/** Which CI service runs us, if any. */
export function detectCi(env: NodeJS.ProcessEnv): 'azure' | 'github' | undefined {
  if (env.TF_BUILD) return 'azure';
  if (env.GITHUB_ACTIONS) return 'github';
  return undefined;
}

/** Renders one annotation line per diagnostic for the given CI service. */
export function formatCiAnnotations(diagnostics: readonly Diagnostic[], ci: 'azure' | 'github'): string {
  return diagnostics.map((diagnostic) => (ci === 'azure' ? azure(diagnostic) : github(diagnostic))).join('\n');
}

/** `##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=…]message` */
function azure(diagnostic: Diagnostic): string {
  // Property values end at `;` or `]`; the message ends at the line. Escapes per the logging-command docs.
  const property = (value: string) => value.replace(/%/g, '%AZP25').replace(/;/g, '%3B').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/]/g, '%5D');
  const message = (value: string) => value.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const type = diagnostic.severity === 'error' ? 'error' : 'warning';
  return `##vso[task.logissue type=${type};sourcepath=${property(diagnostic.file)};linenumber=${diagnostic.line};columnnumber=${diagnostic.column};code=${diagnostic.code}]${message(text(diagnostic))}`;
}

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` */
function github(diagnostic: Diagnostic): string {
  const data = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (value: string) => data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const command = diagnostic.severity === 'error' ? 'error' : 'warning';
  const fields = `file=${property(diagnostic.file)},line=${diagnostic.line},col=${diagnostic.column},endLine=${diagnostic.endLine},endColumn=${diagnostic.endColumn},title=${property(`sluice ${diagnostic.code}`)}`;
  return `::${command} ${fields}::${data(text(diagnostic))}`;
}

function text(diagnostic: Diagnostic): string {
  return diagnostic.hint ? `${diagnostic.message} (${diagnostic.hint}) [${diagnostic.code}]` : `${diagnostic.message} [${diagnostic.code}]`;
}
