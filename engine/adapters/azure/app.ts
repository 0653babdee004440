/**
 * The Azure Functions entry (`main` of package.json). At start-up it loads and lints `workflows/*.yaml`
 * (an invalid definition fails start-up with its diagnostics), then registers the generic orchestrator,
 * the activities, each workflow's triggers and the management endpoints.
 */
import '../../../activities';
import { activityNames } from '../../activities/registry';
import { historySettingsFrom, openHistoryStore } from '../../history/open';
import type { RunHistoryStore } from '../../history/store';
import { loadProject } from '../project';
import { findProjectRoot } from '../project-root';
import { registerSluice } from './register';

const root = findProjectRoot(__dirname);
const project = loadProject({ root, workflowsDir: process.env.SLUICE_WORKFLOWS_DIR, activities: activityNames() });

let store: Promise<RunHistoryStore> | undefined;
const history = () => (store ??= openHistoryStore(historySettingsFrom(process.env, 'cosmos')));

registerSluice({ project, history });
