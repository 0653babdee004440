/**
 * `GET /api/dead-letters/{queue}`: the letters in a workflow's dead-letter queue, read by the app with its
 * own storage connection (the `deadLetter.connection` setting), so `sluice dlq list --url` needs nothing
 * but the app's URL, locally and in Azure. Only queues that some workflow dead-letters to are readable.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { queueServiceFromSettings } from '../../activities/queue-sender';
import { readStorageSettings } from '../../settings';
import { listDeadLetters } from '../dead-letters';
import type { Project } from '../project';

/** The handler of `GET /api/dead-letters/{queue}`. */
export function deadLetterListing(project: Project, env: Readonly<Record<string, string | undefined>>) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const name = request.params.queue;
    const owner = project.workflows.find((workflow) => workflow.definition.deadLetter?.queue === name);
    if (!owner) {
      return { status: 404, jsonBody: { error: 'QueueNotFound', message: `"${name}" is not a dead-letter queue of any workflow (deadLetter.queue)` } };
    }
    const connection = owner.definition.deadLetter!.connection ?? 'AzureWebJobsStorage';
    const queue = queueServiceFromSettings(readStorageSettings(env, connection), connection).getQueueClient(name);
    // A queue is created by its first letter: before that there is nothing to list.
    if (!(await queue.exists())) return { status: 200, jsonBody: { queue: name, approximateCount: 0, messages: [] } };
    return { status: 200, jsonBody: await listDeadLetters(queue) };
  };
}
