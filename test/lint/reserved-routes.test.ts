import { describe, expect, it } from 'vitest';
import { reservedRouteHit } from '../../engine/lint/rules/reserved-routes';

describe('routes that collide with Sluice endpoints', () => {
  it.each([
    ['runs', 'runs'],
    ['/runs/', 'runs'],
    ['Runs/{x}', 'runs/{id}'],
    ['workflows', 'workflows'],
    ['workflows/orders/runs', 'workflows/{name}/runs'],
    ['{anything}', 'workflows'],
    ['runs/{id}/events/approved', 'runs/{id}/events/{event}'],
  ])('%s collides with %s', (route, reserved) => expect(reservedRouteHit(route)).toBe(reserved));

  it.each(['orders', 'workflows/order-intake', 'moderation/posts', 'runs-archive', 'runs/{id}/history', 'quotes/{id}'])('%s is free', (route) => {
    expect(reservedRouteHit(route)).toBeUndefined();
  });
});
