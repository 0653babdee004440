/**
 * A workflow's HTTP route must not shadow Sluice's own endpoints (`runs`, `runs/{id}/…`, `workflows`,
 * `workflows/{name}/runs`): in Azure two functions on one route template fail at start-up, locally one
 * would silently win. `{param}` segments on either side match any segment.
 */
import type { Rule } from '../rule';

/** Sluice's management and run-history routes (engine/adapters/azure/register.ts), under /api/. */
export const RESERVED_ROUTES = [
  'workflows',
  'workflows/{name}/runs',
  'runs',
  'runs/{id}',
  'runs/{id}/status',
  'runs/{id}/events/{event}',
  'runs/{id}/terminate',
  'runs/{id}/redrive',
  'dead-letters/{queue}',
];

const segments = (route: string): string[] => route.replace(/^\/+|\/+$/g, '').toLowerCase().split('/');
const isParam = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/** The reserved routes split once, not for every file linted. */
const RESERVED_SEGMENTS = RESERVED_ROUTES.map((route) => ({ route, segments: segments(route) }));

/** The reserved route `route` collides with, if any. */
export function reservedRouteHit(route: string): string | undefined {
  const mine = segments(route);
  return RESERVED_SEGMENTS.find(({ segments: theirs }) => theirs.length === mine.length && theirs.every((segment, i) => segment === mine[i] || isParam(segment) || isParam(mine[i])))?.route;
}

export const reservedRoutes: Rule = {
  name: 'reserved-routes',
  check({ definition, report }) {
    const route = definition.triggers?.http?.route;
    if (typeof route !== 'string') return;
    const hit = reservedRouteHit(route);
    if (!hit) return;
    report({
      code: 'reserved-route',
      message: `route \`${route}\` collides with Sluice's own endpoint \`/api/${hit}\``,
      hint: 'choose another route, e.g. prefix it with the workflow name',
      path: ['triggers', 'http', 'route'],
    });
  },
};
