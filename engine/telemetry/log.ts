/**
 * The operator's log: one line per fact (run started/finished, step attempt started/failed/retrying/
 * degraded, dead letter sent, poison message, schedule fired, start-up, recovery), JSON on stdout when it
 * is not a terminal (`level`, `time`, `msg`, `runId`, `workflow`, `step`, `attempt`, `error`), a readable
 * line when it is. pino writes the lines; it loads on the first line, not at import. Every string goes
 * through the redactor of the secrets the app's workflows reference. Orchestrator code never logs (a
 * replay would repeat its lines): activities, recording activities, starters and the runtime do.
 */
import type { Logger } from 'pino';
import { createRedactor, noRedaction, type Redactor } from '../activities/secrets';
import { readLogLevel, type LogLevel } from '../settings';

/** The fields a line may carry besides its message. */
export interface LogFields {
  runId?: string;
  workflow?: string;
  step?: string;
  attempt?: number;
  kind?: string;
  status?: string;
  error?: { name?: string; message?: string } | string;
  [field: string]: unknown;
}

type Level = Exclude<LogLevel, 'silent'>;

/** Where lines go and how they look; tests and `sluice serve` may replace the defaults. */
export interface LogOptions {
  level?: LogLevel;
  /** Default: JSON unless stdout is a terminal. */
  json?: boolean;
  /** Default stdout. */
  write?: (line: string) => void;
}

let logger: Logger | undefined;
let options: LogOptions = {};
let secretValues: () => readonly string[] = () => [];
let redactor: { key: string; redact: Redactor } = { key: '', redact: noRedaction };

/** Sets where and how lines are written (takes effect for the next line). */
export function configureLog(next: LogOptions): void {
  options = { ...options, ...next };
  logger = undefined;
}

/** Sets the secret values every line is redacted of (the app's referenced secrets, read when a line is written). */
export function redactLogsOf(values: () => readonly string[]): void {
  secretValues = values;
}

function currentRedactor(): Redactor {
  const values = secretValues();
  const key = values.join('\u0000');
  if (key !== redactor.key) redactor = { key, redact: createRedactor(values) };
  return redactor.redact;
}

function loggerOf(): Logger {
  if (logger) return logger;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pino = require('pino') as typeof import('pino');
  const json = options.json ?? !process.stdout.isTTY;
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const stream = { write: json ? write : (line: string) => write(readable(line)) };
  logger = pino.pino(
    {
      level: options.level ?? readLogLevel(),
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  return logger;
}

/** Writes one line at `level`; never throws (logging must not change what a run does). */
export function log(level: Level, msg: string, fields: LogFields = {}): void {
  try {
    const target = loggerOf();
    if (!target.isLevelEnabled(level)) return;
    const redact = currentRedactor();
    const clean: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      clean[name] = name === 'error' ? errorField(value, redact) : redact.json(value);
    }
    target[level](clean, redact.text(msg));
  } catch {
    // A broken stdout (EPIPE) or a cyclic field must not fail the step that logs.
  }
}

function errorField(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact.text(value);
  if (value instanceof Error) return { name: value.name, message: redact.text(value.message) };
  if (value && typeof value === 'object') {
    const { name, message } = value as { name?: unknown; message?: unknown };
    return { ...(typeof name === 'string' ? { name } : {}), ...(typeof message === 'string' ? { message: redact.text(message) } : {}) };
  }
  return redact.json(value);
}

const SHOWN_FIRST = ['runId', 'workflow', 'step', 'attempt'];

// `12:00:01.123 INFO  step attempt failed  runId=… workflow=… step=… attempt=2 error=HttpError: …`
function readable(line: string): string {
  try {
    const { level, time, msg, error, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const order = [...SHOWN_FIRST.filter((key) => key in rest), ...Object.keys(rest).filter((key) => !SHOWN_FIRST.includes(key))];
    const parts = order.map((key) => `${key}=${typeof rest[key] === 'string' ? rest[key] : JSON.stringify(rest[key])}`);
    if (error) parts.push(`error=${typeof error === 'string' ? error : [(error as { name?: string }).name, (error as { message?: string }).message].filter(Boolean).join(': ')}`);
    const clock = typeof time === 'string' ? time.slice(11, 23) : '';
    return `${clock} ${String(level).toUpperCase().padEnd(5)} ${msg}${parts.length ? `  ${parts.join(' ')}` : ''}\n`;
  } catch {
    return line;
  }
}
