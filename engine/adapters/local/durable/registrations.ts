/**
 * Captures what an Azure Functions app registers (durable-functions' orchestrations and
 * activities go through `app.generic`) without the Functions host, so the same app module
 * can run on the local Durable host and its registrations can be tested.
 */
import { randomUUID } from 'node:crypto';
import { InvocationContext } from '@azure/functions';
import type { InvocationContextInit } from '@azure/functions';

/** What `df.app.orchestration` hands to `app.generic` as the handler. */
export type OrchestrationHandler = (trigger: unknown, context: InvocationContext) => Promise<unknown>;

/** What `df.app.activity` hands to `app.generic` as the handler. */
export type ActivityHandler = (input: unknown, context: InvocationContext) => Promise<unknown>;

/** One captured registration: the function's name and the options it was registered with. */
export interface CapturedFunction<Handler = (...args: never[]) => unknown> {
  name: string;
  trigger?: { type: string; name?: string; [key: string]: unknown };
  handler: Handler;
  options: Record<string, unknown>;
}

/** Everything an app module registered while it loaded. */
export interface CapturedRegistrations {
  orchestrations: Map<string, CapturedFunction<OrchestrationHandler>>;
  activities: Map<string, CapturedFunction<ActivityHandler>>;
  entities: Map<string, CapturedFunction>;
  /** HTTP functions; `app.get/post/…` shortcuts are recorded with their method. */
  http: CapturedFunction[];
  queues: CapturedFunction[];
  timers: CapturedFunction[];
  /** Any other `app.generic` trigger type. */
  generic: CapturedFunction[];
}

type Registrar = (name: string, options: Record<string, unknown>) => void;

const HTTP_SHORTCUTS: Record<string, string> = { get: 'GET', put: 'PUT', post: 'POST', patch: 'PATCH', deleteRequest: 'DELETE' };

/** Runs `load` with `@azure/functions`' `app` registrars replaced and returns what it registered. */
export function captureRegistrations(load: () => void): CapturedRegistrations {
  const { captured, restore } = replaceRegistrars();
  try {
    load();
  } finally {
    restore();
  }
  return captured;
}

/** As `captureRegistrations`, for a loader that imports modules asynchronously (ES `import()`). */
export async function captureRegistrationsAsync(load: () => Promise<unknown>): Promise<CapturedRegistrations> {
  const { captured, restore } = replaceRegistrars();
  try {
    await load();
  } finally {
    restore();
  }
  return captured;
}

function replaceRegistrars(): { captured: CapturedRegistrations; restore: () => void } {
  // The SDK reads `functions_1.app.generic` at call time, so replacing the property is enough.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = require('@azure/functions').app as Record<string, unknown>;
  const captured: CapturedRegistrations = {
    orchestrations: new Map(),
    activities: new Map(),
    entities: new Map(),
    http: [],
    queues: [],
    timers: [],
    generic: [],
  };
  const record = (name: string, options: Record<string, unknown>): CapturedFunction => ({
    name,
    trigger: options.trigger as CapturedFunction['trigger'],
    handler: options.handler as CapturedFunction['handler'],
    options,
  });
  const replacements: Record<string, Registrar> = {
    generic: (name, options) => {
      const fn = record(name, options);
      const type = fn.trigger?.type;
      if (type === 'orchestrationTrigger') captured.orchestrations.set(name, fn as CapturedFunction<OrchestrationHandler>);
      else if (type === 'activityTrigger') captured.activities.set(name, fn as CapturedFunction<ActivityHandler>);
      else if (type === 'entityTrigger') captured.entities.set(name, fn);
      else captured.generic.push(fn);
    },
    http: (name, options) => captured.http.push(record(name, options)),
    storageQueue: (name, options) => captured.queues.push(record(name, options)),
    timer: (name, options) => captured.timers.push(record(name, options)),
  };
  for (const [shortcut, method] of Object.entries(HTTP_SHORTCUTS)) {
    replacements[shortcut] = (name, optionsOrHandler) => {
      const options = typeof optionsOrHandler === 'function' ? { handler: optionsOrHandler } : optionsOrHandler;
      captured.http.push(record(name, { ...options, methods: [method] }));
    };
  }
  const originals = new Map<string, unknown>();
  for (const [key, replacement] of Object.entries(replacements)) {
    originals.set(key, app[key]);
    app[key] = replacement;
  }
  return { captured, restore: () => originals.forEach((original, key) => (app[key] = original)) };
}

/** A fresh InvocationContext for one call: durable-functions builds `context.df` only when it is unset. */
export function newInvocationContext(functionName: string, init: InvocationContextInit = {}): InvocationContext {
  return new InvocationContext({
    invocationId: init.invocationId ?? randomUUID(),
    functionName,
    ...init,
  });
}
