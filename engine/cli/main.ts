/**
 * The `sluice` command line: one explicit command table. Commands parse their own arguments, print
 * through `io`, and return the exit code (0 ok, 1 findings or failure, 2 usage error).
 */
import { graphCommand, graphUsage } from './graph-command';
import { CliError, processIo, UsageError, type CliIo } from './io';
import { dlqCommand, dlqUsage } from './dlq-command';
import { eventCommand, eventUsage } from './event-command';
import { lintCommand, lintUsage } from './lint-command';
import { redriveCommand, redriveUsage } from './redrive-command';
import { runCommand, runUsage } from './run-command';
import { runsCommand, runsUsage } from './runs-command';
import { serveCommand, serveUsage } from './serve-command';
import { testCommand, testUsage } from './test-command';

interface Command {
  summary: string;
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  lint: { summary: 'check workflow files (CI: exit 1 on errors)', usage: lintUsage, run: lintCommand },
  test: { summary: 'run workflow tests (*.test.yaml) with mocks and virtual time', usage: testUsage, run: testCommand },
  graph: { summary: 'print a workflow as a Mermaid flowchart', usage: graphUsage, run: graphCommand },
  serve: { summary: 'serve every workflow on http://localhost:7071 (embedded runtime)', usage: serveUsage, run: serveCommand },
  run: { summary: 'start a run and print its output (exit code = run status)', usage: runUsage, run: runCommand },
  event: { summary: 'raise an external event on a run', usage: eventUsage, run: eventCommand },
  runs: { summary: 'run history: `runs list`, `runs show <id>`', usage: runsUsage, run: runsCommand },
  redrive: { summary: 'run a failed run again from the step it failed at, reusing the outputs before it', usage: redriveUsage, run: redriveCommand },
  dlq: { summary: 'dead-lettered runs: `dlq list <queue>`, `dlq redrive <queue> [--from-failed]`', usage: dlqUsage, run: dlqCommand },
};

/** Runs the CLI with the arguments after `sluice`; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`sluice: unknown command \`${name}\`\n${help()}`);
    return 2;
  }
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
