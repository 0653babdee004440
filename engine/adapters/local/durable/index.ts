/** The embedded (local) Durable host: public surface. See README.md for its guarantees. */
export { captureRegistrations, captureRegistrationsAsync, newInvocationContext } from './registrations';
export type { ActivityHandler, CapturedFunction, CapturedRegistrations, OrchestrationHandler } from './registrations';
export { LocalDurableHost, DurableHostError } from './host';
export type { CompletionNotice, ListFilter, LocalDurableHostOptions } from './host';
export { TestClock, WallClock } from './clock';
export type { Clock } from './clock';
export { createManagementHandler } from './management';
export type { ManagementOptions } from './management';
export { durableClientBinding, WEBHOOK_PREFIX } from './client-binding';
export type { InstanceStatus, RuntimeStatus, StatusOptions } from './status';
export { isTerminal } from './status';
export type { HistoryEvent } from './events';
export { EventType } from './events';
