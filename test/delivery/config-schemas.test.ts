/**
 * host.json and azure-pipelines.yml against the official schemas: they pass as committed, and a
 * misspelt key in a copy fails, which proves the schemas are strict where we rely on them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hostJsonValidator, pipelineValidator, renameKey, repoRoot } from './official-schemas';
import { commandsOf, missingCommand, scriptSteps } from './pipeline-scripts';

const hostJson: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, 'host.json'), 'utf8'));
const pipeline: any = parse(fs.readFileSync(path.join(repoRoot, 'azure-pipelines.yml'), 'utf8'));

const errorsOf = (validate: ValidateFunction): string => JSON.stringify(validate.errors?.slice(0, 5), null, 2);

/** The path to the first step of the pipeline that runs `task`, e.g. ['stages', 2, 'jobs', 0, ...]. */
function stepPath(task: string): (string | number)[] {
  const stages = pipeline.stages as any[];
  for (const [s, stage] of stages.entries()) {
    for (const [j, job] of (stage.jobs as any[]).entries()) {
      const steps: any[] = job.steps ?? job.strategy?.runOnce?.deploy?.steps ?? [];
      const base = job.steps ? ['stages', s, 'jobs', j, 'steps'] : ['stages', s, 'jobs', j, 'strategy', 'runOnce', 'deploy', 'steps'];
      const index = steps.findIndex((step) => step.task === task);
      if (index >= 0) return [...base, index];
    }
  }
  throw new Error(`the pipeline has no ${task} step`);
}

describe('host.json against SchemaStore host.json schema', () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = hostJsonValidator();
  });

  it('is valid as committed', () => {
    expect(validate(hostJson), errorsOf(validate)).toBe(true);
  });

  it.each([
    ['extensionBundle', ['extensionBundle'], 'extensionBundel'],
    ['extensions.queues.maxDequeueCount', ['extensions', 'queues', 'maxDequeueCount'], 'maxDequeueCont'],
    ['extensions.durableTask.hubName', ['extensions', 'durableTask', 'hubName'], 'hubname'],
    ['extensions.durableTask.storageProvider.partitionCount', ['extensions', 'durableTask', 'storageProvider', 'partitionCount'], 'partitionCnt'],
    ['logging.applicationInsights.samplingSettings', ['logging', 'applicationInsights', 'samplingSettings'], 'samplingSetting'],
  ])('rejects a misspelt %s', (_name, keyPath, misspelt) => {
    expect(validate(renameKey(hostJson, keyPath, misspelt))).toBe(false);
  });

  it('carries the queue settings the embedded runtime reads', () => {
    const queues = (hostJson as any).extensions.queues;
    expect(queues).toMatchObject({ maxDequeueCount: 5, batchSize: expect.any(Number), visibilityTimeout: expect.any(String) });
  });
});

describe('azure-pipelines.yml against the Azure Pipelines schema', () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = pipelineValidator();
  }, 120_000);

  it('is valid as committed', () => {
    expect(validate(pipeline), errorsOf(validate)).toBe(true);
  });

  it('rejects a misspelt top-level key (stages → stagez)', () => {
    expect(validate(renameKey(pipeline, ['stages'], 'stagez'))).toBe(false);
  });

  it.each([
    ['AzureFunctionApp@2', 'appName', 'appNmae'],
    ['AzureFunctionApp@2', 'isFlexConsumption', 'isFlexConsumtion'],
    ['NodeTool@0', 'versionSpec', 'versionSpecc'],
    ['PublishTestResults@2', 'testResultsFiles', 'testResultFiles'],
    ['PublishCodeCoverageResults@2', 'summaryFileLocation', 'summaryFileLocaton'],
    ['PublishPipelineArtifact@1', 'targetPath', 'targetPth'],
    ['AzureAppServiceManage@0', 'SourceSlot', 'SourceSlott'],
    ['AzureCLI@2', 'scriptPath', 'scriptPth'],
    ['PublishBuildArtifacts@1', 'ArtifactName', 'ArtifactNme'],
  ])('rejects a misspelt %s input (%s → %s)', (task, key, misspelt) => {
    expect(validate(renameKey(pipeline, [...stepPath(task), 'inputs', key], misspelt))).toBe(false);
  });

  it('rejects a misspelt step key (displayName → displayNam)', () => {
    expect(validate(renameKey(pipeline, [...stepPath('NodeTool@0'), 'displayName'], 'displayNam'))).toBe(false);
  });

  it('rejects a misspelt deployment key (environment → enviroment)', () => {
    const deployStage = (pipeline.stages as any[]).findIndex((stage) => stage.stage === 'DeployProd');
    expect(validate(renameKey(pipeline, ['stages', deployStage, 'jobs', 0, 'environment'], 'enviroment'))).toBe(false);
  });

  it('rejects a misspelt lockBehavior key and a lock behaviour the service does not have', () => {
    const deployStage = (pipeline.stages as any[]).findIndex((stage) => stage.stage === 'DeployProd');
    expect(validate(renameKey(pipeline, ['stages', deployStage, 'lockBehavior'], 'lockBehaviour'))).toBe(false);
    const unknown = structuredClone(pipeline);
    unknown.stages[deployStage].lockBehavior = 'newestFirst';
    expect(validate(unknown)).toBe(false);
  });
});

describe('the pipeline shape', () => {
  const stages = pipeline.stages as any[];
  const byName = (name: string): any => stages.find((stage) => stage.stage === name);

  it('runs Validate, Package, DeployDev, DeployProd in that order', () => {
    expect(stages.map((stage) => stage.stage)).toEqual(['Validate', 'Package', 'DeployDev', 'DeployProd']);
  });

  it('validates and packages pull requests, and deploys only from main', () => {
    expect(byName('Validate').condition).toBeUndefined();
    expect(byName('Package').condition).toBe('succeeded()');
    for (const name of ['DeployDev', 'DeployProd']) {
      expect(byName(name).condition).toContain("ne(variables['Build.Reason'], 'PullRequest')");
      expect(byName(name).condition).toContain("eq(variables['Build.SourceBranch'], 'refs/heads/main')");
    }
  });

  it('deploys through the dev and prod environments', () => {
    expect(byName('DeployDev').jobs[0].environment).toBe('sluice-dev');
    expect(byName('DeployProd').jobs[0].environment).toBe('sluice-prod');
  });
});

describe('pipeline script steps', () => {
  const commands = scriptSteps(pipeline).flatMap(commandsOf);

  it('finds the script steps', () => {
    expect(commands.map((words) => words.slice(0, 3).join(' '))).toEqual(
      expect.arrayContaining(['npm ci', 'npm run typecheck', 'npx sluice lint', 'npm run codegen:check', 'npm run test:ci', 'npm run package']),
    );
  });

  it('name npm scripts, bins or commands that exist', () => {
    expect(commands.map((words) => missingCommand(words, repoRoot)).filter(Boolean)).toEqual([]);
  });

  it.each([
    [['npm', 'run', 'no-such-script']],
    [['npm', 'publish']],
    [['npx', 'no-such-bin']],
    [['node', 'scripts/no-such-file.js']],
    [['no-such-command-on-any-agent']],
  ])('reports %j as missing', (words) => {
    expect(missingCommand(words, repoRoot)).toBeDefined();
  });
});
