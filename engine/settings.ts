/**
 * Sluice's settings, read in one place: app settings in Azure, environment variables locally.
 * Every reader takes the environment as an argument (default `process.env`) so tests inject
 * settings without mutating globals. Secrets are not read here: activities read them by name, and only
 * the names `secret-settings.ts` allows (it reserves every setting read here).
 */
import { createHmac } from 'node:crypto';
import { parseDuration } from './definition/duration';

/** The environment settings are read from. */
export type SettingsEnv = Readonly<Record<string, string | undefined>>;

/** Where queue messages go: a connection string, or a service URI reached with identity. */
export interface StorageSettings {
  connectionString?: string;
  /** `AzureWebJobsStorage__queueServiceUri`, used with `DefaultAzureCredential`. */
  queueServiceUri?: string;
}

/** Cosmos DB account and default database. */
export interface CosmosSettings {
  connectionString?: string;
  /** `COSMOS_ENDPOINT`, used with `DefaultAzureCredential` when there is no connection string. */
  endpoint?: string;
  database: string;
}

/** Gemini endpoint and key. */
export interface GeminiSettings {
  apiKey?: string;
  baseUrl?: string;
}

/** Limits of http steps and the SSRF guard's allow-list. */
export interface HttpSettings {
  /** Hosts, IPs, CIDRs, optionally with `:port`, that the SSRF guard lets through. */
  allow: string[];
  maxBytes: number;
  timeoutMs: number;
}

/** What Sluice's own HTTP endpoints accept (the local server and the Azure HTTP functions). */
export interface RequestSettings {
  /** Largest request body in bytes; a larger one is refused with 413 before it is read further. */
  maxBytes: number;
  /**
   * Extra `Host` names (optionally `name:port`) the local server answers besides localhost, 127.0.0.1
   * and [::1], e.g. a reverse proxy's name; any other Host is refused (DNS rebinding).
   */
  allowedHosts: string[];
}

/** Everything Sluice reads from its environment. */
export interface Settings {
  storage: StorageSettings;
  cosmos: CosmosSettings;
  gemini: GeminiSettings;
  http: HttpSettings;
  requests: RequestSettings;
  history: { store?: 'cosmos' | 'sqlite'; ttlDays: number };
  dataDir: string;
  workflowsDir: string;
  logLevel: LogLevel;
  /** The embedded Durable host's cache of runs (`SLUICE_HOST_CACHE_RUNS`). */
  hostCacheRuns: number;
}

const MiB = 1024 * 1024;

/** Reads every setting from `env`; throws a clear error for a malformed value. */
export function readSettings(env: SettingsEnv = process.env): Settings {
  return {
    storage: readStorageSettings(env),
    cosmos: readCosmosSettings(env),
    gemini: { apiKey: nonEmpty(env.GEMINI_API_KEY), baseUrl: nonEmpty(env.GEMINI_BASE_URL) },
    http: readHttpSettings(env),
    requests: readRequestSettings(env),
    history: readHistorySettings(env),
    dataDir: readDataDir(env) ?? '.sluice/',
    workflowsDir: nonEmpty(env.SLUICE_WORKFLOWS_DIR) ?? 'workflows/',
    logLevel: readLogLevel(env),
    hostCacheRuns: readHostCacheRuns(env),
  };
}

/** Live runs the embedded runtime keeps whole in memory by default (the rest live on disk while idle). */
export const DEFAULT_HOST_CACHE_RUNS = 5000;

/**
 * `SLUICE_HOST_CACHE_RUNS`: how many live runs the embedded Durable host keeps with their history in
 * memory (least recently used idle ones beyond it are loaded from disk when an event, timer or query
 * needs them); default 5,000, at least 1.
 */
export function readHostCacheRuns(env: SettingsEnv = process.env): number {
  const raw = nonEmpty(env.SLUICE_HOST_CACHE_RUNS);
  if (raw === undefined) return DEFAULT_HOST_CACHE_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`SLUICE_HOST_CACHE_RUNS must be a whole number of runs >= 1, got "${raw}"`);
  return runs;
}

/** `SLUICE_DATA_DIR`, the embedded runtime's data folder (the CLI resolves it: engine/cli/data-dir.ts); undefined when unset. */
export function readDataDir(env: SettingsEnv = process.env): string | undefined {
  return nonEmpty(env.SLUICE_DATA_DIR);
}

/**
 * Storage queue connection: `AzureWebJobsStorage`, or identity via `AzureWebJobsStorage__queueServiceUri`;
 * a queue step may name another setting (`connection`), read the same way, as the Functions host does.
 */
export function readStorageSettings(env: SettingsEnv = process.env, connection = 'AzureWebJobsStorage'): StorageSettings {
  return {
    connectionString: nonEmpty(env[connection]),
    queueServiceUri: nonEmpty(env[`${connection}__queueServiceUri`]),
  };
}

/** Cosmos DB connection: `COSMOS_CONNECTION`, or identity via `COSMOS_ENDPOINT`; database `COSMOS_DATABASE`. */
export function readCosmosSettings(env: SettingsEnv = process.env): CosmosSettings {
  return {
    connectionString: nonEmpty(env.COSMOS_CONNECTION),
    endpoint: nonEmpty(env.COSMOS_ENDPOINT),
    database: nonEmpty(env.COSMOS_DATABASE) ?? 'sluice',
  };
}

/** Run history: `SLUICE_HISTORY_STORE` (cosmos | sqlite; unset: the host's default) and `SLUICE_HISTORY_TTL_DAYS` (30; 0 keeps runs forever). */
export function readHistorySettings(env: SettingsEnv = process.env): Settings['history'] {
  const raw = nonEmpty(env.SLUICE_HISTORY_TTL_DAYS);
  const ttlDays = raw === undefined ? 30 : Number(raw);
  if (!Number.isFinite(ttlDays) || ttlDays < 0) throw new Error(`SLUICE_HISTORY_TTL_DAYS must be a number of days >= 0 (0 keeps runs forever), got "${raw}"`);
  return { store: readHistoryStore(env.SLUICE_HISTORY_STORE), ttlDays };
}

/** Log levels, quietest last (`SLUICE_LOG_LEVEL`). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `SLUICE_LOG_LEVEL`: the least severe level the runtime and the app log (default `info`; `silent` logs nothing). */
export function readLogLevel(env: SettingsEnv = process.env): LogLevel {
  const raw = nonEmpty(env.SLUICE_LOG_LEVEL)?.toLowerCase();
  if (raw === undefined) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`SLUICE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.SLUICE_LOG_LEVEL}"`);
  return raw as LogLevel;
}

/** Http step limits: `SLUICE_HTTP_ALLOW`, `SLUICE_HTTP_MAX_BYTES` (5 MiB), `SLUICE_HTTP_TIMEOUT` (30s). */
export function readHttpSettings(env: SettingsEnv = process.env): HttpSettings {
  const allow = (env.SLUICE_HTTP_ALLOW ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const timeout = nonEmpty(env.SLUICE_HTTP_TIMEOUT);
  const timeoutMs = timeout === undefined ? 30_000 : parseDurationMs(timeout);
  if (timeoutMs === undefined || timeoutMs <= 0) {
    throw new Error(`SLUICE_HTTP_TIMEOUT must be a duration such as 30s or 500ms, got "${timeout}"`);
  }
  return { allow, maxBytes: readPositive(env, 'SLUICE_HTTP_MAX_BYTES', 5 * MiB), timeoutMs };
}

/** Request limits: `SLUICE_MAX_REQUEST_BYTES` (1 MiB) and `SLUICE_ALLOWED_HOSTS` (comma-separated, empty). */
export function readRequestSettings(env: SettingsEnv = process.env): RequestSettings {
  const allowedHosts = (env.SLUICE_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry.length > 0);
  for (const entry of allowedHosts) {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(entry)) {
      throw new Error(`SLUICE_ALLOWED_HOSTS lists host names, optionally with :port, separated by commas; "${entry}" is not one`);
    }
  }
  const maxBytes = readPositive(env, 'SLUICE_MAX_REQUEST_BYTES', MiB);
  if (!Number.isInteger(maxBytes)) throw new Error(`SLUICE_MAX_REQUEST_BYTES must be a whole number of bytes, got "${env.SLUICE_MAX_REQUEST_BYTES}"`);
  return { maxBytes, allowedHosts };
}

/**
 * Parses a duration as the workflow language writes it (`500ms`, `10s`, `5m`, `1h`, `2d`), or a
 * plain number of milliseconds; undefined when it is neither.
 */
export function parseDurationMs(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const text = value.trim();
  return /^\d+$/.test(text) ? Number(text) : parseDuration(text);
}

function readHistoryStore(value: string | undefined): 'cosmos' | 'sqlite' | undefined {
  const store = nonEmpty(value);
  if (store === undefined || store === 'cosmos' || store === 'sqlite') return store;
  throw new Error(`SLUICE_HISTORY_STORE must be "cosmos" or "sqlite", got "${store}"`);
}

function readPositive(env: SettingsEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The account key of the storage emulator, published in its documentation: it proves nothing. */
const EMULATOR_ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * The keys that sign the definitions a run carries (plan/trust.ts): `SLUICE_SIGNING_KEY`, comma-separated
 * (the first signs, every one verifies, so a key can be rotated while runs are in flight). Unset, a key is
 * derived from the `AzureWebJobsStorage` account key, which whoever could forge a run input already holds;
 * undefined when there is neither (identity-based storage, or the emulator's published key).
 */
export function readSigningKeys(env: SettingsEnv = process.env): string[] | undefined {
  const configured = (env.SLUICE_SIGNING_KEY ?? '').split(',').map((key) => key.trim()).filter((key) => key.length > 0);
  if (configured.length > 0) return configured;
  const accountKey = /(?:^|;)\s*AccountKey=([^;]+)/i.exec(env.AzureWebJobsStorage ?? '')?.[1]?.trim();
  if (!accountKey || accountKey === EMULATOR_ACCOUNT_KEY) return undefined;
  return [createHmac('sha256', 'sluice/signing-key/v1').update(accountKey).digest('base64url')];
}
