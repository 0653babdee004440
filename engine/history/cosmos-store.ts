/**
 * The Azure run-history store on Cosmos DB (`@azure/cosmos`). Layout and partitioning: cosmos-layout.ts
 * and docs/run-history.md.
 */
import type { Container, CosmosClient, SqlParameter } from '@azure/cosmos';
import { assembleRun, mergeRun, mergeStep } from './model';
import type { AttemptRecord, Run, RunPatch, RunSummary, StepPatch, StoredStep } from './model';
import { containerDefinitions, itemId, runPartitionKey, runPartitionsSince } from './cosmos-layout';
import { mergeItem, queryAll, queryFirst, readItem, withoutSystemFields } from './cosmos-items';
import { prepareAttempt, prepareRunPatch, prepareStepPatch } from './prepare';
import { decodeContinuation, encodeContinuation, inputFilterValues, pageSizeOf } from './store';
import type { ListRunsQuery, RunHistoryStore, RunPage } from './store';

/** Where and how long the Cosmos store keeps run history. */
export interface CosmosHistoryOptions {
  client: CosmosClient;
  /** Database name (`COSMOS_DATABASE`, default `sluice`). */
  database?: string;
  /** Prefix of the two container names, e.g. `history-`. */
  containerPrefix?: string;
  /** Retention in days (`SLUICE_HISTORY_TTL_DAYS`, default 30); 0 keeps records forever. */
  ttlDays?: number;
  /** The clock used to bound `since` listings to known partitions. */
  now?: () => Date;
}

type RunItem = Omit<Run, 'steps'> & { pk: string; type: 'run' };
type RunRefItem = { id: string; runId: string; type: 'runRef'; runPk: string };
type StepItem = StoredStep & { id: string; runId: string; type: 'step' };
type AttemptItem = AttemptRecord & { id: string; runId: string; type: 'attempt'; path: string };
/** A definition by hash, in the steps container under its own partition (`definition:<hash>`); it never expires (ttl -1): a run's graph needs it as long as the run is kept. */
type DefinitionItem = { id: string; runId: string; type: 'definition'; hash: string; definition: unknown; ttl: number };

const summaryFields = ['id', 'workflow', 'definitionHash', 'version', 'trigger', 'status', 'createdAt', 'startedAt',
  'endedAt', 'durationMs', 'error', 'deadLetter', 'degraded', 'lineage'];
const summaryProjection = summaryFields.map((field) => `c.${field}`).join(', ');

/** Creates the Cosmos-backed run history; `init()` creates the database and containers when missing. */
export function createCosmosHistoryStore(options: CosmosHistoryOptions): RunHistoryStore {
  const now = options.now ?? (() => new Date());
  let runs: Container | undefined;
  let steps: Container | undefined;
  const containers = (): { runs: Container; steps: Container } => {
    if (!runs || !steps) throw new Error('cosmos history store: call init() first');
    return { runs, steps };
  };
  const runRefId = (runId: string) => itemId(runId, 'run');

  return {
    async init() {
      const { database } = await options.client.databases.createIfNotExists({ id: options.database ?? 'sluice' });
      const definitions = containerDefinitions(options.containerPrefix ?? '', options.ttlDays ?? 30);
      const ensure = async (definition: typeof definitions.runs): Promise<Container> => {
        const { container, resource } = await database.containers.createIfNotExists(definition);
        // An existing container keeps its settings; bring the retention in line with the current setting.
        if (resource && (resource.defaultTtl ?? undefined) !== definition.defaultTtl) {
          await container.replace({ ...resource, defaultTtl: definition.defaultTtl ?? -1 });
        }
        return container;
      };
      runs = await ensure(definitions.runs);
      steps = await ensure(definitions.steps);
    },

    async upsertRun(patch: RunPatch) {
      const { runs, steps } = containers();
      const prepared = prepareRunPatch(patch);
      let ref = await readItem<RunRefItem>(steps, runRefId(prepared.id), prepared.id);
      if (!ref) {
        if (!prepared.workflow || !prepared.createdAt) mergeRun(undefined, prepared); // throws the "needs a header" error
        const runPk = runPartitionKey(prepared.workflow!, prepared.createdAt!);
        // The pointer goes first: if the run write then fails, a retry finds the same partition.
        ref = { id: runRefId(prepared.id), runId: prepared.id, type: 'runRef', runPk };
        await steps.items.upsert(ref);
      }
      const runPk = ref.runPk;
      await mergeItem<RunItem>(runs, itemId(prepared.id), runPk, (existing) => {
        const current = existing ? { ...withoutSystemFields<Run>(existing, ['pk', 'type']), id: prepared.id, steps: [] } : undefined;
        const { steps: _steps, ...merged } = mergeRun(current, prepared);
        return { ...merged, id: itemId(prepared.id), runId: prepared.id, pk: runPk, type: 'run' } as RunItem;
      });
    },

    async recordStep(runId: string, patch: StepPatch) {
      const prepared = prepareStepPatch(patch);
      const id = itemId(runId, prepared.path);
      await mergeItem<StepItem>(containers().steps, id, runId, (existing) => {
        const current = existing ? withoutSystemFields<StoredStep>(existing, ['id', 'runId', 'type']) : undefined;
        return { ...mergeStep(current, prepared), id, runId, type: 'step' };
      });
    },

    async recordAttempt(runId: string, path: string, attempt: AttemptRecord) {
      const prepared = prepareAttempt(attempt);
      const item: AttemptItem = { ...prepared, id: itemId(runId, path, prepared.attempt), runId, type: 'attempt', path };
      await containers().steps.items.upsert(item);
    },

    async getRun(id: string) {
      const { runs, steps } = containers();
      const items = await queryAll<RunRefItem | StepItem | AttemptItem>(
        steps, { query: 'SELECT * FROM c WHERE c.runId = @id', parameters: [{ name: '@id', value: id }] }, id);
      const ref = items.find((item): item is RunRefItem => item.type === 'runRef');
      if (!ref) return undefined;
      const runItem = await readItem<RunItem>(runs, itemId(id), ref.runPk);
      if (!runItem) return undefined;
      const run: Run = { ...withoutSystemFields<Run>(runItem, ['pk', 'type', 'runId']), id, steps: [] };
      const stepItems = items.filter((item): item is StepItem => item.type === 'step').map((item) => withoutSystemFields<StoredStep>(item, ['id', 'runId', 'type']));
      const attemptItems = items.filter((item): item is AttemptItem => item.type === 'attempt').map((item) => withoutSystemFields<AttemptRecord & { path: string }>(item, ['id', 'runId', 'type']));
      return assembleRun(run, stepItems, attemptItems);
    },

    async listRuns(query: ListRunsQuery = {}): Promise<RunPage> {
      const cursor = decodeContinuation(query);
      const size = pageSizeOf(query);
      const where: string[] = [];
      const parameters: SqlParameter[] = [];
      const param = (name: string, value: SqlParameter['value']) => (parameters.push({ name, value }), name);
      if (query.workflow !== undefined) {
        where.push(`c.workflow = ${param('@workflow', query.workflow)}`);
        const partitions = query.since ? runPartitionsSince(query.workflow, query.since, now()) : undefined;
        if (partitions) where.push(`c.pk IN (${partitions.map((pk, i) => param(`@pk${i}`, pk)).join(', ')})`);
      }
      const degraded = 'c.degraded = true';
      if (query.statuses?.length) {
        const statuses = query.statuses.filter((status) => status !== 'Degraded');
        const any = statuses.length ? [`c.status IN (${statuses.map((status, i) => param(`@status${i}`, status)).join(', ')})`] : [];
        if (query.statuses.includes('Degraded')) any.push(degraded);
        where.push(`(${any.join(' OR ')})`);
      }
      if (query.degraded !== undefined) where.push(query.degraded ? degraded : `NOT (IS_DEFINED(c.degraded) AND ${degraded})`);
      if (query.since !== undefined) where.push(`c.createdAt >= ${param('@since', new Date(query.since).toISOString())}`);
      if (query.until !== undefined) where.push(`c.createdAt < ${param('@until', new Date(query.until).toISOString())}`);
      // Error text and input are not indexed (cosmos-layout.ts): these filters scan the runs the others leave.
      let scan = false;
      if (query.errorText !== undefined) {
        const text = param('@errorText', query.errorText.toLowerCase());
        where.push(`(CONTAINS(LOWER(c.error.name), ${text}) OR CONTAINS(LOWER(c.error.message), ${text}))`);
        scan = true;
      }
      Object.entries(query.input ?? {}).forEach(([field, text], i) => {
        const at = `c.input${field.split('.').map((name) => `[${JSON.stringify(name)}]`).join('')}`;
        where.push(`(${inputFilterValues(text).map((value, j) => `${at} = ${param(`@input${i}_${j}`, value)}`).join(' OR ')})`);
        scan = true;
      });
      if (cursor) {
        const t = param('@afterTime', cursor.createdAt);
        where.push(`(c.createdAt < ${t} OR (c.createdAt = ${t} AND c.runId < ${param('@afterId', cursor.id)}))`);
      }
      // Keyset paging on (createdAt, runId): a token names the last run seen, so runs written between
      // pages never shift the window and ties on time are broken by id: each run is listed exactly once.
      const sql = `SELECT TOP ${size + 1} ${summaryProjection}, c.runId FROM c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.createdAt DESC, c.runId DESC`;
      const rows = await queryFirst<RunSummary & { runId: string }>(containers().runs, { query: sql, parameters }, size + 1, scan ? { enableScanInQuery: true } : {});
      const page = rows.slice(0, size).map(({ runId, ...row }) => ({ ...row, id: runId }));
      const last = page[page.length - 1];
      return rows.length > size && last
        ? { runs: page, continuation: encodeContinuation(query, { createdAt: last.createdAt, id: last.id }) }
        : { runs: page };
    },

    async deleteRun(id: string) {
      const { runs, steps } = containers();
      const items = await queryAll<{ id: string; type: string; runPk?: string }>(
        steps, { query: 'SELECT c.id, c.type, c.runPk FROM c WHERE c.runId = @id', parameters: [{ name: '@id', value: id }] }, id);
      const ref = items.find((item) => item.type === 'runRef');
      if (ref?.runPk) await runs.item(itemId(id), ref.runPk).delete().catch(ignoreNotFound);
      // The pointer goes last: a delete interrupted half-way can be retried from it.
      for (const item of items.filter((entry) => entry.type !== 'runRef')) await steps.item(item.id, id).delete().catch(ignoreNotFound);
      if (ref) await steps.item(ref.id, id).delete().catch(ignoreNotFound);
    },

    async putDefinition(hash: string, definition: unknown) {
      const key = `definition:${hash}`;
      const item: DefinitionItem = { id: itemId('definition', hash), runId: key, type: 'definition', hash, definition, ttl: -1 };
      try {
        await containers().steps.items.create(item);
      } catch (error) {
        if ((error as { code?: number }).code !== 409) throw error; // content-addressed: already stored
      }
    },

    async getDefinition(hash: string) {
      const item = await readItem<DefinitionItem>(containers().steps, itemId('definition', hash), `definition:${hash}`);
      return item?.definition;
    },

    async lastRunByWorkflow(workflows?: readonly string[]) {
      const { runs } = containers();
      const names = workflows ?? (await workflowNames(runs));
      const result: Record<string, RunSummary> = {};
      for (const workflow of names) {
        const [latest] = await queryFirst<RunSummary & { runId: string }>(runs, {
          query: `SELECT TOP 1 ${summaryProjection}, c.runId FROM c WHERE c.workflow = @workflow ORDER BY c.createdAt DESC, c.runId DESC`,
          parameters: [{ name: '@workflow', value: workflow }],
        }, 1);
        if (latest) result[workflow] = { ...latest, id: latest.runId };
      }
      return result;
    },

    async close() {
      options.client.dispose();
    },
  };
}

function ignoreNotFound(error: unknown): void {
  if ((error as { code?: number }).code !== 404) throw error;
}

/** Every workflow with runs. Callers that know their workflows should pass them instead: this fans out. */
async function workflowNames(runs: Container): Promise<string[]> {
  try {
    return await queryAll<string>(runs, { query: 'SELECT DISTINCT VALUE c.workflow FROM c' });
  } catch (error) {
    // The local Cosmos emulator (@vercel/cosmosdb-server) has no DISTINCT; Azure does.
    if ((error as { code?: number }).code !== 400) throw error;
    return [...new Set(await queryAll<string>(runs, { query: 'SELECT VALUE c.workflow FROM c' }))];
  }
}
