/**
 * `${{ secrets.NAME }}` resolution inside activities, and the redactor that keeps resolved values
 * out of everything an activity returns. The orchestrator passes secret references through
 * verbatim, so a secret's value only ever exists in the activity's memory: never in Durable
 * history, run records or logs.
 */
import type { StepError } from './contract';
import type { SettingsEnv } from '../settings';

// The same reference syntax as the expression language, limited to a plain setting name.
const SECRET_REFERENCE = /\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Replaces resolved secret values in text or JSON with `***`. */
export interface Redactor {
  text(value: string): string;
  json<T>(value: T): T;
}

/** A value with its secrets resolved, and the redactor for the values that were used. */
export type SecretResolution<T> =
  | { ok: true; value: T; redact: Redactor; /** the resolved values, to extend the redactor */ values: string[] }
  | { ok: false; error: StepError };

/** Resolves every `${{ secrets.NAME }}` in the strings of a JSON value (deep) from `env`. */
export function resolveSecrets<T>(value: T, env: SettingsEnv = process.env): SecretResolution<T> {
  const used = new Set<string>();
  const missing = new Set<string>();
  const resolved = mapStrings(value, (text) =>
    text.replace(SECRET_REFERENCE, (reference, name: string) => {
      const secret = env[name];
      if (secret === undefined || secret === '') {
        missing.add(name);
        return reference;
      }
      used.add(secret);
      return secret;
    }),
  );
  if (missing.size > 0) {
    const names = [...missing].sort();
    return {
      ok: false,
      error: {
        name: 'ValidationError',
        message: `secret${names.length > 1 ? 's' : ''} ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not set: ` +
          `add ${names.length > 1 ? 'them' : 'it'} as app setting${names.length > 1 ? 's' : ''} (environment variable${names.length > 1 ? 's' : ''} locally)`,
        retryable: false,
      },
    };
  }
  return { ok: true, value: resolved as T, redact: createRedactor([...used]), values: [...used] };
}

/** Whether a JSON value mentions any `${{ secrets.NAME }}`. */
export function mentionsSecrets(value: unknown): boolean {
  let found = false;
  mapStrings(value, (text) => {
    if (new RegExp(SECRET_REFERENCE.source).test(text)) found = true;
    return text;
  });
  return found;
}

/**
 * A redactor for the given secret values. Besides the raw value it also hides the forms a server
 * or an error is likely to echo: URL-encoded (a query string) and JSON-escaped (a reflected body).
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret containing another is hidden whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const text = (value: string): string => {
    let out = value;
    for (const form of ordered) out = out.split(form).join('***');
    return out;
  };
  return {
    text,
    json: <T>(value: T): T => (ordered.length === 0 ? value : (mapStrings(value, text, true) as T)),
  };
}

/** A redactor that hides nothing: for activities that resolved no secret. */
export const noRedaction: Redactor = createRedactor([]);

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
