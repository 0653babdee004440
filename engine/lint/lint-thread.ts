/** A lint worker thread (started by `parallel.ts`): lints batches of files and sends back what it found. */
import { parentPort, workerData } from 'node:worker_threads';
import { lintBatches, type LintThreadData } from './parallel';

const data = workerData as LintThreadData;
if (data.announce) parentPort?.postMessage('ready');
parentPort?.postMessage(lintBatches(data));
