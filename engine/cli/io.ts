/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** A usage error: the command prints it with its usage line and exits 2. */
export class UsageError extends Error {}
