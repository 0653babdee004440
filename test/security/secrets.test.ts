/**
 * Issue #15, findings 3-5: secret references come from the definition only (data containing
 * `${{ secrets.X }}` is sent as it is), only the settings `SLUICE_SECRETS` allows are secrets (never
 * Sluice's own), and a resolved value is redacted in the encodings it travels in. Whole runs go through
 * the real orchestrator on the embedded Durable host (real SDK), the real http and queue activities
 * against a local server and Azurite, and the real run-history recording that `sluice runs show` reads.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDurableHost } from '../../engine/adapters/local/durable';
import type { StepActivityInput, StepActivityResult } from '../../engine/activities/contract';
import { createRedactor, encodedForms, MIN_SECRET_LENGTH, resolveSecrets } from '../../engine/activities/secrets';
import type { WorkflowDefinition } from '../../engine/definition/workflow.generated';
import { runsShowCommand } from '../../engine/history/commands';
import { recordingActivity, runFinishedActivity, runStartedActivity } from '../../engine/history/recording';
import { createSqliteHistoryStore } from '../../engine/history/sqlite-store';
import type { RunHistoryStore } from '../../engine/history/store';
import { lintCommand } from '../../engine/cli/lint-command';
import { lintFiles } from '../../engine/lint/lint';
import { isAllowedSecret, isReservedSetting, parseSecretAllowList, secretRefusal } from '../../engine/secret-settings';
import { createHttpActivity } from '../../engine/steps/http/activity';
import { createQueueActivity } from '../../engine/steps/queue/activity';
import { hostWith } from '../orchestrator/embedded-runs';
import { inputFor } from '../orchestrator/workflows';
import { startAzurite, type Azurite } from '../support/azurite';
import { sendJson, startHttpServer, type LocalHttpServer } from '../support/local-http';
import { stepCall } from '../support/step-call';

/** A secret with spaces and symbols, so each encoding differs from the others. */
const SECRET = 'Pa55 w0rd!&é/=';
const basicAuth = Buffer.from(`svc-user:${SECRET}`).toString('base64');

/** Every text a server could echo SECRET as, by name. */
const ECHOES: Record<string, string> = {
  raw: SECRET,
  form: new URLSearchParams({ p: SECRET }).toString().slice(2),
  formLowerHex: new URLSearchParams({ p: SECRET }).toString().slice(2).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
  component: encodeURIComponent(SECRET),
  componentPlus: encodeURIComponent(SECRET).replace(/%20/g, '+'),
  uri: encodeURI(SECRET),
  json: JSON.stringify(SECRET).slice(1, -1),
  jsonAscii: '"Pa55 w0rd!&\\u00e9/="'.slice(1, -1),
  base64: Buffer.from(SECRET).toString('base64'),
  base64url: Buffer.from(SECRET).toString('base64url'),
  basicAuth,
};

describe('SLUICE_SECRETS allow-list (table)', () => {
  it.each([
    ['PRICES_TOKEN', 'PRICES_TOKEN', true],
    ['PRICES_TOKEN', ' OTHER , PRICES_TOKEN ', true],
    ['PRICES_TOKEN', 'PRICES_*', true],
    ['PRICES_TOKEN', 'PRICES_TOKENS', false],
    ['PRICES_TOKEN', 'prices_token', false],
    ['PRICES_TOKEN', '', false],
    ['PRICES_TOKEN', '*', true],
    ['AzureWebJobsStorage', '*', false],
    ['AzureWebJobsStorage', 'AzureWebJobsStorage', false],
    ['azurewebjobsstorage', 'azurewebjobsstorage', false],
    ['AzureWebJobsStorage__queueServiceUri', 'Azure*', false],
    ['COSMOS_CONNECTION', 'COSMOS_*', false],
    ['GEMINI_API_KEY', 'GEMINI_API_KEY', false],
    ['SLUICE_SECRETS', '*', false],
    ['FUNCTIONS_WORKER_RUNTIME', '*', false],
    ['WEBSITE_SITE_NAME', '*', false],
    ['APPSETTING_X', '*', false],
    ['AZURE_CLIENT_SECRET', '*', false],
    ['APPLICATIONINSIGHTS_CONNECTION_STRING', '*', false],
    ['IDENTITY_HEADER', '*', false],
    ['PARTNER_KEY', 'PRICES_*,PARTNER_KEY', true],
    ['PARTNER_KEY', 'PAR*TNER', false],
  ])('%s under SLUICE_SECRETS=%j: %s', (name, setting, allowed) => {
    expect(isAllowedSecret(name, parseSecretAllowList(setting))).toBe(allowed);
    expect(secretRefusal(name, { SLUICE_SECRETS: setting }) === undefined).toBe(allowed);
  });

  it('names the setting to add, or why a reserved name can never be one', () => {
    expect(secretRefusal('PRICES_TOKEN', {})).toBe('secret PRICES_TOKEN is not allowed: add it to the app setting SLUICE_SECRETS');
    expect(secretRefusal('PRICES_TOKEN', { SLUICE_SECRETS: 'PAR*TNER' })).toMatch(/SLUICE_SECRETS \(ignored entries: PAR\*TNER\)/);
    expect(secretRefusal('AzureWebJobsStorage', { SLUICE_SECRETS: '*' })).toMatch(/Sluice or the Functions host reads itself/);
  });

  it('reserves every setting name the engine reads', () => {
    const names = new Set<string>();
    const visit = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.generated.ts')) {
          const text = readFileSync(file, 'utf8');
          for (const match of text.matchAll(/\benv(?:\.|\[['"`])([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]);
          for (const match of text.matchAll(/['"`]((?:SLUICE|COSMOS|GEMINI)_[A-Z0-9_]+)['"`]/g)) names.add(match[1]);
        }
      }
    };
    visit(join(__dirname, '..', '..', 'engine'));
    expect(names).toContain('GEMINI_API_KEY');
    expect(names).toContain('SLUICE_HTTP_MAX_BYTES');
    expect([...names].filter((name) => !isReservedSetting(name))).toEqual([]);
  });
});

describe('redactor (table)', () => {
  const redact = createRedactor([SECRET]);

  it.each(Object.entries(ECHOES))('hides the %s form inside longer text', (_form, echoed) => {
    const out = redact.text(`before ${echoed} after`);
    expect(out).toContain('***');
    expect(out).not.toContain(echoed);
  });

  it.each([0, 1, 2, 3, 4, 5])('hides base64 of the secret after %i other bytes, inside a longer base64 string', (lead) => {
    for (const encoding of ['base64', 'base64url'] as const) {
      const blob = Buffer.from(`${'x'.repeat(lead)}${SECRET}${'y'.repeat(7)}`).toString(encoding);
      const out = redact.text(blob);
      expect(out).toContain('***');
      // At most the two characters each side that mix the secret's edge bits with their neighbours' remain.
      expect(out.replace('***', '').length).toBeLessThanOrEqual(blob.length - 8);
    }
  });

  it('hides keys and strings of JSON, the longest form first', () => {
    expect(redact.json({ [SECRET]: [`Bearer ${SECRET}`, 7, ECHOES.form] })).toEqual({ '***': ['Bearer ***', 7, '***'] });
  });

  it('keeps secrets too short to redact out of the patterns, and refuses to resolve them', () => {
    expect(createRedactor(['a']).text('a banana')).toBe('a banana');
    const call = stepCall({ h: 'x ${{ secrets.PIN }}' });
    expect(resolveSecrets(call.config, call.secrets, { PIN: '1234', SLUICE_SECRETS: 'PIN' })).toMatchObject({
      ok: false,
      error: { name: 'ValidationError', message: `secret PIN is shorter than ${MIN_SECRET_LENGTH} characters: too short to keep out of history reliably` },
    });
    expect(encodedForms('12345678').every((form) => form.length >= 8)).toBe(true);
  });
});

describe('runs through the real orchestrator, activities and history', () => {
  let server: LocalHttpServer;
  let azurite: Azurite;
  let queues: QueueServiceClient;
  let dir: string;
  let store: RunHistoryStore;
  const hosts: LocalDurableHost[] = [];

  beforeAll(async () => {
    server = await startHttpServer((request, response) => {
      const auth = String(request.headers.authorization ?? '');
      const seen = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (request.url === '/reflect') {
        // A server echoing the credential it got, in every encoding it might use.
        sendJson(response, 200, {
          form: new URLSearchParams({ p: seen }).toString(),
          url: `https://example.com/cb?p=${encodeURIComponent(seen)}`,
          json: JSON.stringify({ p: seen }),
          base64: Buffer.from(seen).toString('base64'),
          basic: `Basic ${Buffer.from(`svc-user:${seen}`).toString('base64')}`,
        });
      } else if (request.url === '/reflect-error') {
        response.statusCode = 400;
        response.end(`bad credential p=${new URLSearchParams({ p: seen }).toString().slice(2)}`);
      } else sendJson(response, 200, { received: request.body });
    });
    azurite = await startAzurite();
    queues = QueueServiceClient.fromConnectionString(azurite.connectionString);
    dir = mkdtempSync(join(tmpdir(), 'sluice-secrets-'));
    store = createSqliteHistoryStore({ file: join(dir, 'history.db') });
    await store.init();
  }, 60_000);

  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop();
  });

  afterAll(async () => {
    await store?.close();
    await server?.stop();
    await azurite?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `definition` to its end with the real activities reading `settings`. */
  async function run(definition: WorkflowDefinition, input: unknown, settings: Record<string, string>) {
    const env = { SLUICE_HTTP_ALLOW: '127.0.0.1', AzureWebJobsStorage: azurite.connectionString, ...settings };
    const secretValues = () => Object.keys(settings).filter((name) => secretRefusal(name, env) === undefined).map((name) => env[name as keyof typeof env]);
    const recorded = (kind: string, activity: (input: StepActivityInput<any>) => Promise<StepActivityResult>) => recordingActivity(store, kind, activity, { secretValues });
    const host = await hostWith(hosts, {
      'sluice.http': recorded('http', createHttpActivity({ env })),
      'sluice.queue': recorded('queue', createQueueActivity({ env })),
      'sluice.run.started': runStartedActivity(store, secretValues) as never,
      'sluice.run.finished': runFinishedActivity(store, secretValues) as never,
    });
    const id = await host.startNew('sluice', { input: inputFor(definition, input, { record: true }) });
    const status = await host.waitForCompletion(id, 30_000);
    const shown = await runsShowCommand(store, id, ['--json']);
    const timeline = await runsShowCommand(store, id);
    return { id, status, record: JSON.parse(shown.stdout), shown: shown.stdout + timeline.stdout };
  }

  it('sends run input containing `${{ secrets.X }}` verbatim over http and to a queue; the definition\'s own reference resolves', async () => {
    const definition: WorkflowDefinition = {
      name: 'verbatim',
      steps: [
        {
          id: 'post',
          http: {
            method: 'POST',
            url: `${server.url}/echo`,
            headers: { Authorization: 'Bearer ${{ secrets.X }}' },
            body: { note: '${{ input.note }}', both: '${{ input.note }} | ${{ secrets.X }}' },
          },
        },
        { id: 'send', queue: { name: 'secrets-verbatim', message: { note: '${{ input.note }}' } } },
      ],
    };
    const { status } = await run(definition, { note: 'hi ${{ secrets.X }}' }, { X: SECRET, SLUICE_SECRETS: 'X' });
    expect(status?.runtimeStatus).toBe('Completed');
    const seen = server.requests.at(-1)!;
    expect(seen.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(JSON.parse(seen.body)).toEqual({ note: 'hi ${{ secrets.X }}', both: `hi \${{ secrets.X }} | ${SECRET}` });
    const { receivedMessageItems } = await queues.getQueueClient('secrets-verbatim').receiveMessages({ numberOfMessages: 8 });
    expect(receivedMessageItems.map((item) => JSON.parse(Buffer.from(item.messageText, 'base64').toString('utf8')))).toEqual([{ note: 'hi ${{ secrets.X }}' }]);
  });

  it('fails the run with a ValidationError naming SLUICE_SECRETS when the name is not allowed', async () => {
    const definition: WorkflowDefinition = {
      name: 'not-allowed',
      steps: [{ id: 'price', http: { url: `${server.url}/echo`, headers: { Authorization: 'Bearer ${{ secrets.PRICES_TOKEN }}' } } }],
    };
    const before = server.requests.length;
    const { status, record } = await run(definition, {}, { PRICES_TOKEN: 'a-prices-token', SLUICE_SECRETS: 'X' });
    expect(status?.runtimeStatus).toBe('Failed');
    expect(record.error).toMatchObject({ name: 'ValidationError', message: expect.stringContaining('secret PRICES_TOKEN is not allowed: add it to the app setting SLUICE_SECRETS') });
    expect(server.requests.length).toBe(before);
  });

  it('refuses secrets.AzureWebJobsStorage even with SLUICE_SECRETS=*', async () => {
    const definition: WorkflowDefinition = {
      name: 'reserved',
      steps: [{ id: 'leak', http: { method: 'POST', url: `${server.url}/echo`, body: { c: '${{ secrets.AzureWebJobsStorage }}' } } }],
    };
    const before = server.requests.length;
    const { status, record, shown } = await run(definition, {}, { SLUICE_SECRETS: '*' });
    expect(status?.runtimeStatus).toBe('Failed');
    expect(record.error).toMatchObject({ name: 'ValidationError', message: expect.stringContaining('secret AzureWebJobsStorage is not allowed') });
    expect(server.requests.length).toBe(before);
    expect(shown).not.toContain(azurite.connectionString);
  });

  it('redacts the secret echoed form-encoded, URL-encoded, JSON-escaped and base64 from the stored output and error', async () => {
    const definition: WorkflowDefinition = {
      name: 'reflected',
      steps: [
        { id: 'reflect', http: { url: `${server.url}/reflect`, headers: { Authorization: 'Bearer ${{ secrets.X }}' } } },
        {
          id: 'refused',
          http: { url: `${server.url}/reflect-error`, headers: { Authorization: 'Bearer ${{ secrets.X }}' } },
          catch: [{ steps: [{ id: 'noted', set: '${{ error.message }}' as never }] }],
        },
      ],
      output: { reflected: '${{ steps.reflect.output.body }}', error: '${{ steps.noted.output }}' },
    };
    const { status, record, shown } = await run(definition, {}, { X: SECRET, SLUICE_SECRETS: 'X' });
    expect(status?.runtimeStatus).toBe('Completed');
    const stored = record.steps.find((step: { path: string }) => step.path === 'reflect');
    expect(stored.output.body).toEqual({
      form: 'p=***',
      url: 'https://example.com/cb?p=***',
      json: '{"p":"***"}',
      base64: '***',
      basic: expect.stringMatching(/^Basic [A-Za-z0-9+/]{0,12}\*\*\*[A-Za-z0-9+/=]{0,4}$/),
    });
    expect(record.steps.find((step: { path: string }) => step.path === 'refused').error.message).toContain('bad credential p=***');
    for (const [form, echoed] of Object.entries(ECHOES)) {
      expect(shown, `runs show prints the ${form} form`).not.toContain(echoed);
      expect(JSON.stringify(status?.output), `the run output holds the ${form} form`).not.toContain(echoed);
    }
  });
});

describe('lint: secret names', () => {
  const file = (name: string) => `name: w\nsteps:\n  - id: call\n    http:\n      url: https://example.com\n      headers: { Authorization: "Bearer \${{ secrets.${name} }}" }\n`;
  const codes = (name: string, allowedSecrets?: string) =>
    lintFiles([{ file: 'w.yaml', text: file(name) }], allowedSecrets === undefined ? {} : { allowedSecrets }).diagnostics.map((d) => `${d.code}:${d.severity}`);

  it('warns for a name the local SLUICE_SECRETS does not allow, errs for a reserved name', () => {
    expect(codes('PRICES_TOKEN', 'PRICES_*')).toEqual([]);
    expect(codes('PRICES_TOKEN', 'OTHER')).toEqual(['secret-not-listed:warning']);
    expect(codes('PRICES_TOKEN')).toEqual([]); // settings unknown: nothing to compare with
    expect(codes('AzureWebJobsStorage', '*')).toEqual(['secret-reserved:error']);
    expect(codes('COSMOS_CONNECTION')).toEqual(['secret-reserved:error']);
  });

  it('`sluice lint` reads SLUICE_SECRETS from the environment, else from local.settings.json, and skips the check when neither sets it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sluice-lint-secrets-'));
    try {
      writeFileSync(join(root, 'package.json'), '{"name":"p"}');
      writeFileSync(join(root, 'w.yaml'), file('PRICES_TOKEN'));
      const lint = async (env: NodeJS.ProcessEnv) => {
        let out = '';
        const code = await lintCommand(['w.yaml', '--format', 'json', '--activities', ''], { stdout: (text) => (out += text), stderr: () => undefined, env, cwd: root });
        return { code, found: (JSON.parse(out) as Array<{ code: string }>).map((d) => d.code) };
      };
      // Set nowhere (a fresh clone, a CI agent): the allow-list is unknown, so nothing to warn about.
      expect(await lint({})).toEqual({ code: 0, found: [] });
      expect(await lint({ SLUICE_SECRETS: '' })).toEqual({ code: 0, found: ['secret-not-listed'] });
      writeFileSync(join(root, 'local.settings.json'), JSON.stringify({ Values: { SLUICE_SECRETS: 'OTHER' } }));
      expect(await lint({})).toEqual({ code: 0, found: ['secret-not-listed'] });
      writeFileSync(join(root, 'local.settings.json'), JSON.stringify({ Values: { SLUICE_SECRETS: 'PRICES_TOKEN' } }));
      expect(await lint({})).toEqual({ code: 0, found: [] });
      expect(await lint({ SLUICE_SECRETS: 'OTHER' })).toEqual({ code: 0, found: ['secret-not-listed'] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
