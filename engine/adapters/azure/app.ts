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
import { log } from '../../telemetry/log';

const root = findProjectRoot(__dirname);
const options = { root, workflowsDir: process.env.SLUICE_WORKFLOWS_DIR, activities: activityNames() };
// The packaged app carries its linted definitions; anything edited since is linted here.
const project = projectFromBundle(options, join(root, 'dist', BUNDLE_FILE)) ?? loadProject(options);

let store: Promise<RunHistoryStore> | undefined;
const history = () => (store ??= openHistoryStore(historySettingsFrom(process.env, 'cosmos')));

registerSluice({ project, history });
// After the import (the logger loads on its first line): the cold start stays what registration costs.
setImmediate(() => log('info', 'start-up', { workflows: project.workflows.length, invalid: project.invalid.length, host: 'azure' })).unref();
