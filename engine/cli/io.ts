/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal (colour); absent: not. */
  isTTY?: boolean;
  /** The whole of stdin; absent: the process's. */
  stdin?: () => Promise<string>;
}

/** The real process. */
export function processIo(): CliIo {
  exitQuietlyOnClosedPipe();
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    env: process.env,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
  };
}

let pipesGuarded = false;

/**
 * `sluice lint … | head -1`: once the reader has gone, every further write fails with EPIPE, emitted as an
 * 'error' event that would crash the process with a stack trace. The reader asked for no more output, so
 * the command ends there, quietly and successfully (as `yes | head -1` does from the reader's side).
 */
function exitQuietlyOnClosedPipe(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
}

/** A usage error: the command prints it with its usage line and exits 2. */
export class UsageError extends Error {}

/** A problem the user can fix (a port in use, a bad setting, a missing folder): printed as a message, exit 1. */
export class CliError extends Error {}
