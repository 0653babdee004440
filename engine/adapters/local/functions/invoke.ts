/**
 * Invoking captured Azure Functions handlers outside the Functions host: a fresh InvocationContext per call,
 * with the durable client input binding filled in so `df.getClient(context)` talks to the local host.
 */
import type { InvocationContext } from '@azure/functions';
import { newInvocationContext, type CapturedFunction } from '../durable/registrations';

/** The value the durable client input binding carries (what the Functions host would put there). */
export type DurableClientBindingValue = Record<string, unknown>;

/** Builds the context for one invocation of a captured function. */
export function contextFor(fn: CapturedFunction, clientBinding: DurableClientBindingValue | undefined, triggerMetadata: Record<string, unknown> = {}): InvocationContext {
  const extraInputs = (fn.options.extraInputs as Array<{ type?: string; name?: string }> | undefined) ?? [];
  const context = newInvocationContext(fn.name, {
    triggerMetadata,
    options: { trigger: fn.trigger as never, extraInputs: extraInputs as never, extraOutputs: [] },
  });
  for (const input of extraInputs) {
    if (input.type === 'durableClient' && clientBinding) context.extraInputs.set(input as never, clientBinding);
  }
  return context;
}
