/**
 * The data folder every runtime command shares (`serve`, `run`, `event`, `runs`, `dlq`): where `sluice serve`
 * keeps its stores and writes `runtime.json`, so the other commands find that serve and its history.
 * One option, resolved one way: `--data-dir <dir>` (from the current directory), else `SLUICE_DATA_DIR`
 * (from the project root, like the other settings), else `<project root>/.sluice`.
 */
import { resolve } from 'node:path';
import { readDataDir } from '../settings';
import { UsageError, type CliIo } from './io';

/** The option as the usage lines show it. */
export const dataDirUsage = '[--data-dir <dir>]';

/** Takes `--data-dir <dir>` or `--data-dir=<dir>` out of a command's arguments and resolves the data folder. */
export function takeDataDir(args: readonly string[], io: CliIo, root: string): { dataDir: string; rest: string[] } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--data-dir' || arg.startsWith('--data-dir=')) {
      const value = arg === '--data-dir' ? args[++i] : arg.slice('--data-dir='.length);
      if (value === undefined || value === '' || (arg === '--data-dir' && value.startsWith('--'))) throw new UsageError('--data-dir needs a folder');
      flag = value;
      continue;
    }
    rest.push(arg);
  }
  const fromEnv = readDataDir(io.env);
  const dataDir = flag !== undefined ? resolve(io.cwd, flag) : fromEnv !== undefined ? resolve(root, fromEnv) : resolve(root, '.sluice');
  return { dataDir, rest };
}
