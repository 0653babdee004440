/**
 * The `sluice` command line: one explicit command table. Commands parse their own arguments, print
 * through `io`, and return the exit code (0 ok, 1 findings or failure, 2 usage error).
 */
import { CliError, processIo, UsageError, type CliIo } from './io';

/** A command's code: its usage line and what runs it. */
interface CommandModule {
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/**
 * One entry per command. Each loads its module only when it runs, so a command pays for what it needs:
 * `lint` never loads the Azure SDKs, durable-functions or the embedded runtime that `serve` and `run` do
 * (test/cli/lazy-commands.test.ts holds it to that).
 */
interface Command {
  summary: string;
  load(): Promise<CommandModule>;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const commands: Record<string, Command> = {
  lint: { summary: 'check workflow files (CI: exit 1 on errors)', load: async () => { const m = await loadModule(() => require('./lint-command') as typeof import('./lint-command'), () => import('./lint-command.js')); return { usage: m.lintUsage, run: m.lintCommand }; } },
  test: { summary: 'run workflow tests (*.test.yaml) with mocks and virtual time', load: async () => { const m = await loadModule(() => require('./test-command') as typeof import('./test-command'), () => import('./test-command.js')); return { usage: m.testUsage, run: m.testCommand }; } },
  graph: { summary: 'print a workflow as a Mermaid flowchart', load: async () => { const m = await loadModule(() => require('./graph-command') as typeof import('./graph-command'), () => import('./graph-command.js')); return { usage: m.graphUsage, run: m.graphCommand }; } },
  serve: { summary: 'serve every workflow on http://localhost:7071 (embedded runtime)', load: async () => { const m = await loadModule(() => require('./serve-command') as typeof import('./serve-command'), () => import('./serve-command.js')); return { usage: m.serveUsage, run: m.serveCommand }; } },
  run: { summary: 'start a run and print its output (exit code = run status)', load: async () => { const m = await loadModule(() => require('./run-command') as typeof import('./run-command'), () => import('./run-command.js')); return { usage: m.runUsage, run: m.runCommand }; } },
  event: { summary: 'raise an external event on a run', load: async () => { const m = await loadModule(() => require('./event-command') as typeof import('./event-command'), () => import('./event-command.js')); return { usage: m.eventUsage, run: m.eventCommand }; } },
  runs: { summary: 'run history: `runs list`, `runs show <id>`', load: async () => { const m = await loadModule(() => require('./runs-command') as typeof import('./runs-command'), () => import('./runs-command.js')); return { usage: m.runsUsage, run: m.runsCommand }; } },
  redrive: { summary: 'run a failed run again from the step it failed at, reusing the outputs before it', load: async () => { const m = await loadModule(() => require('./redrive-command') as typeof import('./redrive-command'), () => import('./redrive-command.js')); return { usage: m.redriveUsage, run: m.redriveCommand }; } },
  dlq: { summary: 'dead-lettered runs: `dlq list <queue>`, `dlq redrive <queue> [--from-failed]`', load: async () => { const m = await loadModule(() => require('./dlq-command') as typeof import('./dlq-command'), () => import('./dlq-command.js')); return { usage: m.dlqUsage, run: m.dlqCommand }; } },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * A command module through require(): the CLI is CommonJS (compiled, or TypeScript under tsx's hook),
 * and a compiled import() would take the slower ESM loader. import() is the fallback for ESM-only
 * runners (vitest), whose require() cannot read TypeScript.
 */
async function loadModule<T>(viaRequire: () => T, viaImport: () => Promise<T>): Promise<T> {
  try {
    return viaRequire();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return viaImport();
  }
}

/** Runs the CLI with the arguments after `sluice`; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.stderr(`sluice: unknown command \`${name}\`\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sluice ${name}: ${error.message}\n${command.usage}`);
      return 2;
    }
    if (error instanceof CliError) {
      io.stderr(`sluice ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const list = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['usage: sluice <command> [options]', '', 'commands:', ...list].join('\n');
}
