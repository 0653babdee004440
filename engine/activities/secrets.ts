/**
 * Secret resolution inside activities, and the redactor that keeps resolved values out of everything
 * an activity returns. The orchestrator never resolves a secret: it sends, beside a step's config, the
 * sites where the definition puts one (`StepActivityInput.secrets`, built from the compiled plan), and
 * the activity substitutes there only. Text in the config is never read for references, so data that
 * happens to contain `${{ secrets.X }}` is sent as it is. A secret's value only ever exists in the
 * activity's memory: never in Durable history, run records or logs.
 */
import type { SecretSite, StepError } from './contract';
import { secretRefusal } from '../secret-settings';
import type { SettingsEnv } from '../settings';

/**
 * Secrets shorter than this many characters are refused (never resolved) and never used as redaction
 * patterns: a two-letter value would be "redacted" out of every word that contains it, and its short
 * encodings out of every base64 blob, while still not being a secret worth the name.
 */
export const MIN_SECRET_LENGTH = 8;

/** Replaces resolved secret values in text or JSON with `***`. */
export interface Redactor {
  text(value: string): string;
  json<T>(value: T): T;
}

/** A value with its secrets resolved, and the redactor for the values that were used. */
export type SecretResolution<T> =
  | { ok: true; value: T; redact: Redactor; /** the resolved values, to extend the redactor */ values: string[] }
  | { ok: false; error: StepError };

/**
 * Resolves the secrets of `config` at the given sites (from the activity input) from `env`: each site's
 * string becomes its parts joined, secrets read from the settings `SLUICE_SECRETS` allows.
 */
export function resolveSecrets<T>(config: T, sites: readonly SecretSite[] | undefined, env: SettingsEnv = process.env): SecretResolution<T> {
  if (!sites || sites.length === 0) return { ok: true, value: config, redact: noRedaction, values: [] };
  const refused: string[] = [];
  const missing = new Set<string>();
  const short = new Set<string>();
  const values = new Map<string, string>();
  for (const site of sites) {
    for (const part of site.parts) {
      if (typeof part === 'string' || values.has(part.secret)) continue;
      const name = String(part.secret);
      const refusal = secretRefusal(name, env);
      const value = Object.hasOwn(env, name) ? env[name] : undefined;
      if (refusal) refused.push(refusal);
      else if (typeof value !== 'string' || value === '') missing.add(name);
      else if ([...value].length < MIN_SECRET_LENGTH) short.add(name);
      else values.set(name, value);
    }
  }
  if (refused.length > 0) return invalid([...new Set(refused)].join('; '));
  if (missing.size > 0) {
    const names = [...missing].sort();
    const many = names.length > 1;
    return invalid(
      `secret${many ? 's' : ''} ${names.join(', ')} ${many ? 'are' : 'is'} not set: ` +
        `add ${many ? 'them' : 'it'} as app setting${many ? 's' : ''} (environment variable${many ? 's' : ''} locally)`,
    );
  }
  if (short.size > 0) {
    return invalid(`secret ${[...short].sort().join(', ')} is shorter than ${MIN_SECRET_LENGTH} characters: too short to keep out of history reliably`);
  }
  let resolved: unknown = config;
  for (const site of sites) {
    const text = site.parts.map((part) => (typeof part === 'string' ? part : values.get(part.secret)!)).join('');
    const next = replaceAt(resolved, site.path, 0, text);
    if (next === NO_SITE) return invalid(`the step config has no string at ${JSON.stringify(site.path)} for its secret`);
    resolved = next;
  }
  const used = [...values.values()];
  return { ok: true, value: resolved as T, redact: createRedactor(used), values: used };
}

function invalid(message: string): { ok: false; error: StepError } {
  return { ok: false, error: { name: 'ValidationError', message, retryable: false } };
}

const NO_SITE = Symbol('no site');

// A copy of `value` with the string at `path` replaced (copies only along the path; own properties only,
// so a `__proto__` key stays data).
function replaceAt(value: unknown, path: ReadonlyArray<string | number>, at: number, text: string): unknown {
  if (at === path.length) return typeof value === 'string' ? text : NO_SITE;
  const key = path[at];
  if (Array.isArray(value)) {
    if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= value.length) return NO_SITE;
    const item = replaceAt(value[key], path, at + 1, text);
    if (item === NO_SITE) return NO_SITE;
    const copy = value.slice();
    copy[key] = item;
    return copy;
  }
  if (value === null || typeof value !== 'object' || typeof key !== 'string' || !Object.hasOwn(value, key)) return NO_SITE;
  const item = replaceAt((value as Record<string, unknown>)[key], path, at + 1, text);
  if (item === NO_SITE) return NO_SITE;
  return Object.fromEntries(Object.entries(value).map(([name, old]) => [name, name === key ? item : old]));
}

/**
 * A redactor for the given secret values. It hides each value in the forms it travels in: as is;
 * percent-encoded by encodeURIComponent, encodeURI and form encoding (`+` for space, URLSearchParams'
 * set), hex digits in either case; JSON-escaped (also with non-ASCII as `\uXXXX`, `/` as `\/`, and
 * escaped twice); HTML-escaped; base64 and base64url of its UTF-8 bytes at each of the three
 * alignments, so it is found inside a longer base64 string such as basic auth's `user:secret`. Values
 * shorter than MIN_SECRET_LENGTH are skipped (secrets that short are refused before use).
 * docs/security.md, "Redaction", lists what is not covered.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || [...secret].length < MIN_SECRET_LENGTH) continue;
    for (const form of encodedForms(secret)) forms.add(form);
  }
  if (forms.size === 0) return noRedaction;
  // Longest first, so a form containing another is hidden whole.
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map(patternOf).join('|'), 'g');
  const text = (value: string): string => (value.length === 0 ? value : value.replace(pattern, '***'));
  return { text, json: <T>(value: T): T => mapStrings(value, text, true) as T };
}

/** A redactor that hides nothing: for activities that resolved no secret. */
export const noRedaction: Redactor = { text: (value) => value, json: (value) => value };

/** The texts a secret's value may be echoed as (see createRedactor). */
export function encodedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const jsonAscii = json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const component = encodeURIComponent(secret);
  const forms = [
    secret,
    component,
    component.replace(/%20/g, '+'),
    encodeURI(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    json,
    jsonAscii,
    json.replace(/\//g, '\\/'),
    jsonAscii.replace(/\//g, '\\/'),
    JSON.stringify(json).slice(1, -1),
    secret.replace(/[&<>"']/g, (char) => HTML[char]),
  ];
  const bytes = Buffer.from(secret, 'utf8');
  for (let skip = 0; skip < 3; skip++) {
    // Whole 3-byte groups from `skip` on encode the same whatever surrounds the secret.
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole <= 0) continue;
    const base64 = bytes.subarray(skip, skip + whole).toString('base64');
    forms.push(base64, base64.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// A form as a regular expression; the hex digits of percent and \u escapes match in either case.
function patternOf(form: string): string {
  return form.replace(/%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|[\s\S]/g, (token) => {
    if (token.length === 1) return token.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const escape = token.startsWith('%') ? '%' : '\\\\u';
    const digits = token.slice(token.startsWith('%') ? 1 : 2);
    return escape + [...digits].map((digit) => (/[A-Fa-f]/.test(digit) ? `[${digit.toUpperCase()}${digit.toLowerCase()}]` : digit)).join('');
  });
}

// Walks plain JSON (objects, arrays, strings); `keys` also rewrites object keys (a reflected
// header name could carry a secret too).
function mapStrings(value: unknown, map: (text: string) => string, keys = false): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map, keys));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a `__proto__` key stays data, never a prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [keys ? map(key) : key, mapStrings(item, map, keys)]),
    );
  }
  return value;
}
