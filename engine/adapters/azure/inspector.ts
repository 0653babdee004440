/**
 * `GET /api/inspector/{*path}`: the run inspector page in the Azure app, behind function-level auth like
 * every management endpoint. Open it as `/api/inspector/?code=<function key>`: the page passes the key on
 * to its API calls (`x-functions-key`) and its asset URLs. See docs/deploy.md.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { pageAnswer } from '../inspector/page';
import type { Project } from '../project';

/** Where the page is mounted in the Azure app. */
export const INSPECTOR_ROUTE = 'inspector/{*path}';

/** The handler serving the page's shell and assets. */
export function inspectorPage(project: Project) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const key = request.query.get('code') ?? undefined;
    const answer = await pageAnswer(project.root, `/${request.params.path ?? ''}`, { base: '/api/inspector', api: '/api', ...(key ? { key } : {}) });
    return { status: answer.status, headers: answer.headers, body: request.method.toUpperCase() === 'HEAD' ? '' : answer.body };
  };
}
