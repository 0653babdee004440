/**
 * Which app settings a workflow may read as `secrets.NAME`: only the names the operator lists in
 * `SLUICE_SECRETS`, and never a setting Sluice or the Functions host reads itself (its own
 * connections and keys). Kept beside `settings.ts`: a setting added there is reserved here too, and
 * `test/security/secrets.test.ts` checks that every setting name the engine reads is.
 */
import type { SettingsEnv } from './settings';

/** The app setting listing the settings workflows may read as secrets. */
export const SECRETS_SETTING = 'SLUICE_SECRETS';

/**
 * Prefixes of settings that are never secrets, compared without case (Windows environments are
 * case-insensitive, so `secrets.azurewebjobsstorage` would read `AzureWebJobsStorage` there):
 * Sluice's own settings (settings.ts: storage, Cosmos, Gemini, `SLUICE_*`), the Functions host's and
 * App Service's, the managed identity endpoint, and the CI flags `sluice lint` reads.
 */
export const RESERVED_SETTING_PREFIXES: readonly string[] = [
  'AzureWebJobs', // AzureWebJobsStorage, AzureWebJobsStorage__queueServiceUri, AzureWebJobsFeatureFlags, …
  'COSMOS_', // COSMOS_CONNECTION, COSMOS_ENDPOINT, COSMOS_DATABASE
  'GEMINI_', // GEMINI_API_KEY, GEMINI_BASE_URL: read by the ai step itself, never by a workflow
  'SLUICE_',
  'FUNCTIONS_',
  'WEBSITE_',
  'APPSETTING_',
  'AZURE_',
  'APPLICATIONINSIGHTS_',
  'APPINSIGHTS_',
  'IDENTITY_', // IDENTITY_ENDPOINT, IDENTITY_HEADER: the managed identity's token endpoint
  'MSI_',
  'OTEL_', // OpenTelemetry's exporter settings (endpoints, headers that may carry keys)
  'NO_COLOR',
  'TF_BUILD',
  'GITHUB_ACTIONS',
];

/** Whether `name` is a setting Sluice or its host reads itself (never readable as a secret). */
export function isReservedSetting(name: string): boolean {
  const upper = name.toUpperCase();
  return RESERVED_SETTING_PREFIXES.some((prefix) => upper.startsWith(prefix.toUpperCase()));
}

/** One entry of `SLUICE_SECRETS`: a name, or a prefix (`PRICES_*`; `*` alone is every name). */
export type SecretRule = { name: string } | { prefix: string };

/** The parsed `SLUICE_SECRETS`, with the entries that are neither a name nor `PREFIX_*`. */
export interface SecretAllowList {
  rules: SecretRule[];
  invalid: string[];
}

const ENTRY = /^([A-Za-z_][A-Za-z0-9_]*)?(\*)?$/;

/** Parses a `SLUICE_SECRETS` value: comma-separated names, `PREFIX_*` allowing a prefix. */
export function parseSecretAllowList(text: string | undefined): SecretAllowList {
  const rules: SecretRule[] = [];
  const invalid: string[] = [];
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = ENTRY.exec(entry);
    if (!match) invalid.push(entry);
    else if (match[2]) rules.push({ prefix: match[1] ?? '' });
    else rules.push({ name: entry });
  }
  return { rules, invalid };
}

/** Whether the allow-list lets `name` through; a reserved name never is, whatever the list says. */
export function isAllowedSecret(name: string, list: SecretAllowList): boolean {
  if (isReservedSetting(name)) return false;
  return list.rules.some((rule) => ('name' in rule ? rule.name === name : name.startsWith(rule.prefix)));
}

/**
 * Why `name` may not be read as a secret under `env`'s `SLUICE_SECRETS`, as a message naming what to
 * change; undefined when it may.
 */
export function secretRefusal(name: string, env: SettingsEnv): string | undefined {
  if (isReservedSetting(name)) {
    return `secret ${name} is not allowed: it is a setting Sluice or the Functions host reads itself (${reservedPrefixOf(name)}…), never a workflow secret; store the value in a setting of its own`;
  }
  const list = parseSecretAllowList(env[SECRETS_SETTING]);
  if (isAllowedSecret(name, list)) return undefined;
  const ignored = list.invalid.length > 0 ? ` (ignored entries: ${list.invalid.join(', ')})` : '';
  return `secret ${name} is not allowed: add it to the app setting ${SECRETS_SETTING}${ignored}`;
}

function reservedPrefixOf(name: string): string {
  const upper = name.toUpperCase();
  return RESERVED_SETTING_PREFIXES.find((prefix) => upper.startsWith(prefix.toUpperCase())) ?? name;
}
