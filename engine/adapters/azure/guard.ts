/**
 * The request guard on the Azure HTTP functions: every HTTP handler Sluice registers reads its body through
 * `readJsonBody` (the checks the local server applies where requests enter), so both hosts refuse the same
 * bodies with the same status codes and error bodies. Host and Origin are the platform's concern in Azure
 * (its front end routes by host name; function keys authorise the call).
 */
import { HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { readJsonBody, type RequestLimits } from '../http-guard';

type HttpHandler<Client> = (request: HttpRequest, client: Client, context: InvocationContext) => Promise<HttpResponseInit>;

/**
 * Wraps a durable-client HTTP handler: a body that is not JSON, too large or too deep is answered with the
 * guard's refusal; otherwise the handler gets a request carrying the checked bytes (the original body stream
 * is spent by then).
 */
export function guarded<Client>(handler: HttpHandler<Client>, limits: RequestLimits): HttpHandler<Client> {
  return async (request, client, context) => {
    const checked = await readJsonBody(
      {
        contentType: request.headers.get('content-type'),
        contentLength: request.headers.get('content-length'),
        transferEncoding: request.headers.get('transfer-encoding'),
        chunks: request.body as AsyncIterable<Uint8Array> | null,
      },
      limits,
    );
    if (!checked.ok) return { status: checked.refusal.status, jsonBody: checked.refusal.body };
    const method = request.method.toUpperCase();
    const copy = new HttpRequest({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      params: request.params,
      // The query is read again from the URL, which keeps repeated parameters.
      body: method === 'GET' || method === 'HEAD' || checked.bytes.length === 0 ? undefined : { bytes: checked.bytes },
    });
    return handler(copy, client, context);
  };
}
