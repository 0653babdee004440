/** `sluice graph <file>`: prints the workflow as a Mermaid flowchart (`--markdown` wraps it in a fence). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatText } from '../diagnostics/printers/text';
import { workflowGraph } from '../graph/mermaid';
import { lintText } from '../lint/lint';
import { UsageError, type CliIo } from './io';

export const graphUsage = 'usage: sluice graph <file> [--markdown] [--direction TD|LR]';

/** Runs `sluice graph`. Exit 1 when the file does not define a valid workflow. */
export async function graphCommand(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { markdown: { type: 'boolean' }, direction: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one workflow file');
  const direction = values.direction ?? 'TD';
  if (direction !== 'TD' && direction !== 'LR') throw new UsageError('--direction is TD or LR');
  const file = positionals[0];
  let text: string;
  try {
    text = readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const linted = lintText(file, text);
  if (!linted.definition) {
    io.stderr(formatText(linted.diagnostics, new Map([[file, text]])));
    return 1;
  }
  const graph = workflowGraph(linted.definition, { direction });
  io.stdout(values.markdown ? '```mermaid\n' + graph + '```' : graph);
  return 0;
}
