/**
 * The local stand-ins a served project talks to in end-to-end tests: a Gemini REST fake, an in-memory
 * Cosmos DB server (database and the examples' containers created), and one HTTP server for every
 * `*.example.com` service the examples call (CRM, prices, payments, documents). `env` is what the
 * `sluice serve` child needs to reach them.
 */
import type { Container } from '@azure/cosmos';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server';
import { startGeminiServer, type GeminiServer } from '../support/gemini-server';
import { sendJson, startHttpServer, type LocalHttpServer, type SeenRequest } from '../support/local-http';

/** Test-only secrets the examples reference (`secrets.NAME`); never real credentials. */
export const SECRETS = { PAYMENTS_TOKEN: 'pay-e2e-token', PRICES_TOKEN: 'prices-e2e-token', CRM_TOKEN: 'crm-e2e-token', GEMINI_API_KEY: 'gemini-e2e-key' };

/** The customers the CRM returns for `window=e2e` (any other window, e.g. a scheduled run's, gets none). */
export const CRM_CUSTOMERS = [
  { id: 'cust-1', name: 'Ada', bio: 'Builds analytical engines.' },
  { id: 'cust-2', name: 'Grace', bio: 'Writes compilers.' },
];

/** A running set of stand-ins. */
export interface LocalParts {
  gemini: GeminiServer;
  cosmos: CosmosServer;
  services: LocalHttpServer;
  /** Order ids whose price lookup answers 503 (the prices service is "down" for them). */
  pricesDownFor: Set<string>;
  /** A container of the `sluice` database. */
  container(name: string): Container;
  /** Requests the services server saw under `/<service>/`. */
  requestsTo(service: string): SeenRequest[];
  /** The environment of the `sluice serve` child (on top of the parent's). */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const CONTAINERS = ['moderation', 'orders', 'batches', 'customers'];

/** Starts every stand-in. */
export async function startLocalParts(): Promise<LocalParts> {
  const pricesDownFor = new Set<string>();
  const [gemini, cosmos, services] = await Promise.all([
    startGeminiServer(),
    startCosmosServer(),
    startHttpServer((request, response) => answerService(request, response, pricesDownFor)),
  ]);
  // A verdict that satisfies both examples' output schemas (content-moderation and batch-scoring).
  gemini.setDefault({ kind: 'json', value: { verdict: 'allow', confidence: 0.9, reasons: [], score: 7 } });
  const client = cosmos.client();
  const { database } = await client.databases.createIfNotExists({ id: 'sluice' });
  for (const id of CONTAINERS) await database.containers.createIfNotExists({ id, partitionKey: { paths: ['/id'] } });
  return {
    gemini,
    cosmos,
    services,
    pricesDownFor,
    container: (name) => database.container(name),
    requestsTo: (service) => services.requests.filter((request) => request.url.startsWith(`/${service}/`)),
    env: (extra = {}) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...SECRETS,
        SLUICE_SECRETS: 'PAYMENTS_TOKEN,PRICES_TOKEN,CRM_TOKEN',
        GEMINI_BASE_URL: gemini.baseUrl,
        COSMOS_CONNECTION: cosmos.connectionString,
        COSMOS_DATABASE: 'sluice',
        SLUICE_HTTP_ALLOW: '127.0.0.1',
        // The Cosmos test server's certificate is self-signed. Only this test-only child process skips
        // verification; the test process itself trusts the server through its own https agent.
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
        NODE_NO_WARNINGS: '1',
        ...extra,
      };
      // serve starts its own Azurite (under its data dir) unless a storage account is configured.
      delete env.AzureWebJobsStorage;
      if (extra.AzureWebJobsStorage) env.AzureWebJobsStorage = extra.AzureWebJobsStorage;
      return env;
    },
    stop: async () => {
      await Promise.all([gemini.stop(), cosmos.stop(), services.stop()]);
    },
  };
}

function answerService(request: SeenRequest, response: import('node:http').ServerResponse, pricesDownFor: Set<string>): void {
  const url = new URL(request.url, 'http://services');
  const price = /^\/prices\/orders\/([^/]+)$/.exec(url.pathname);
  if (price) {
    const orderId = decodeURIComponent(price[1]);
    if (pricesDownFor.has(orderId)) return sendJson(response, 503, { error: 'prices service unavailable' });
    return sendJson(response, 200, { orderId, currency: 'EUR', total: 42.5 });
  }
  if (url.pathname === '/payments/refunds' && request.method === 'POST') {
    return sendJson(response, 201, { paymentId: `pay-${JSON.parse(request.body).refundId}`, status: 'accepted' });
  }
  if (url.pathname === '/crm/customers/changed') {
    if (url.searchParams.get('window') === 'crm-down') return sendJson(response, 500, { error: 'CRM is down' });
    return sendJson(response, 200, { customers: url.searchParams.get('window') === 'e2e' ? CRM_CUSTOMERS : [] });
  }
  const doc = /^\/docs\/([^/]+)$/.exec(url.pathname);
  if (doc) {
    response.writeHead(200, { 'content-type': 'text/plain' });
    return void response.end(`Document ${doc[1]}: a short text worth a score.`);
  }
  // A sink for tests that only look at what arrived (test/security).
  if (url.pathname.startsWith('/sink/')) return sendJson(response, 200, { received: true });
  sendJson(response, 404, { error: `no service at ${request.method} ${url.pathname}` });
}
