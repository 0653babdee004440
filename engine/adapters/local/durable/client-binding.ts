/**
 * The durable client binding value (`OrchestrationClientInputData`) the Functions host would put in
 * `context.extraInputs` for `df.input.durableClient()`, pointing at the local management API.
 */

/** The route prefix of the Durable extension's HTTP API. */
export const WEBHOOK_PREFIX = '/runtime/webhooks/durabletask';

/** The binding value for `df.getClient(context)`; `baseUrl` is the server origin, e.g. `http://127.0.0.1:7071`. */
export function durableClientBinding(baseUrl: string, taskHub = 'SluiceHub') {
  const root = `${baseUrl.replace(/\/$/, '')}${WEBHOOK_PREFIX}`;
  const query = `taskHub=${encodeURIComponent(taskHub)}&connection=Storage`;
  const instance = `${root}/instances/INSTANCEID`;
  return {
    taskHubName: taskHub,
    creationUrls: {
      createNewInstancePostUri: `${root}/orchestrators/{functionName}[/{instanceId}]?${query}`,
      createAndWaitOnNewInstancePostUri: `${root}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&${query}`,
    },
    managementUrls: managementUrls(instance, query, 'INSTANCEID'),
    baseUrl: root,
    requiredQueryStringParameters: query,
    // The SDK prefers rpcBaseUrl for every call it makes; its routes are relative to it.
    rpcBaseUrl: `${root}/`,
  };
}

/**
 * The URLs the extension returns for one instance (check-status response body), less `rewindPostUri`:
 * the local store cannot rewind (the route answers 501, as the extension does for such a storage
 * provider), so it is not advertised; `sluice redrive` is the way to re-run a failed run from its step.
 */
export function managementUrls(instanceUrl: string, query: string, id: string) {
  return {
    id,
    statusQueryGetUri: `${instanceUrl}?${query}`,
    sendEventPostUri: `${instanceUrl}/raiseEvent/{eventName}?${query}`,
    terminatePostUri: `${instanceUrl}/terminate?reason={text}&${query}`,
    purgeHistoryDeleteUri: `${instanceUrl}?${query}`,
    restartPostUri: `${instanceUrl}/restart?${query}`,
    suspendPostUri: `${instanceUrl}/suspend?reason={text}&${query}`,
    resumePostUri: `${instanceUrl}/resume?reason={text}&${query}`,
  };
}
