/**
 * The Azure SDKs activities use, loaded on first use: the Functions host indexes the app at every cold
 * start, and an app whose workflows never touch Cosmos DB should not pay for loading its SDK.
 * (`require`, not `import()`: a package's ESM build would be a second copy of its classes.)
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Cosmos from '@azure/cosmos';
import type * as Identity from '@azure/identity';
import type * as StorageQueue from '@azure/storage-queue';

let cosmos: typeof Cosmos | undefined;
let identity: typeof Identity | undefined;
let queues: typeof StorageQueue | undefined;

/** `@azure/cosmos`. */
export const cosmosSdk = (): typeof Cosmos => (cosmos ??= require('@azure/cosmos') as typeof Cosmos);
/** `@azure/identity`. */
export const azureIdentity = (): typeof Identity => (identity ??= require('@azure/identity') as typeof Identity);
/** `@azure/storage-queue`. */
export const storageQueues = (): typeof StorageQueue => (queues ??= require('@azure/storage-queue') as typeof StorageQueue);
