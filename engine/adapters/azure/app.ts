/**
 * The Azure Functions entry (`main` of package.json). At start-up it loads `workflows/*.yaml`, from the
 * bundle linted at packaging when the files are unchanged, else linting them (an invalid definition fails
 * start-up with its diagnostics), then registers the generic orchestrator,
 * the activities, each workflow's triggers and the management endpoints.
 */
import '../../../activities';
import { activityNames } from '../../activities/registry';
import { historySettingsFrom, openHistoryStore } from '../../history/open';
import type { RunHistoryStore } from '../../history/store';
import { join } from 'node:path';
import { BUNDLE_FILE, projectFromBundle } from '../bundle';
import { loadProject } from '../project';
import { findProjectRoot } from '../project-root';
import { registerSluice } from './register';

const root = findProjectRoot(__dirname);
const options = { root, workflowsDir: process.env.SLUICE_WORKFLOWS_DIR, activities: activityNames() };
// The packaged app carries its linted definitions; anything edited since is linted here.
const project = projectFromBundle(options, join(root, 'dist', BUNDLE_FILE)) ?? loadProject(options);

let store: Promise<RunHistoryStore> | undefined;
const history = () => (store ??= openHistoryStore(historySettingsFrom(process.env, 'cosmos')));

registerSluice({ project, history });
