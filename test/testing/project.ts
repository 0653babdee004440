/** A throwaway project (package.json, workflows/, test files) for `sluice test` tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../engine/cli/main';
import { runTestFiles, type FileResult } from '../../engine/testing/runner';

/** Creates a project with these workflow files and test files (name → text) under workflows/. */
export function projectWith(files: Record<string, string>): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'sluice-test-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "fixture", "private": true }\n');
  mkdirSync(join(root, 'workflows'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'workflows', name), text);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs one test file of a fresh project through the runner. */
export async function runFile(workflows: Record<string, string>, test: string): Promise<FileResult> {
  const project = projectWith({ ...workflows, 'under.test.yaml': test });
  try {
    const [result] = await runTestFiles(['workflows/under.test.yaml'], { root: project.root, cwd: project.root });
    return result;
  } finally {
    project.remove();
  }
}

/** Runs `sluice test` with these arguments in a project folder; output and exit code. */
export async function cli(root: string, args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(['test', ...args], { stdout: (t) => (out += t.endsWith('\n') ? t : `${t}\n`), stderr: (t) => (out += t.endsWith('\n') ? t : `${t}\n`), env: {}, cwd: root });
  return { code, out };
}

/** A workflow with most of what cases test: I/O with retries, a catch, a switch, an approval. */
export const approvalFlow = `name: approval
input:
  type: object
  properties:
    amount: { type: number }
steps:
  - id: price
    http: { url: "https://prices.example.com/\${{ input.amount }}" }
    retry: { maxAttempts: 3, interval: 30s }
  - id: route
    switch:
      cases:
        - when: \${{ input.amount > 100 }}
          steps:
            - id: ask
              queue: { name: approvals, message: { amount: "\${{ input.amount }}" } }
            - id: decision
              waitForEvent: { name: approved, timeout: 24h }
      default:
        - id: auto
          set: { approved: true }
  - id: save
    cosmos: { container: orders, upsert: { id: x, price: "\${{ steps.price.output }}" } }
    catch:
      - errors: [CosmosError]
        steps:
          - id: park
            queue: { name: later, message: { error: "\${{ error.message }}" } }
output:
  price: \${{ steps.price.output }}
  decision: \${{ steps.route.output }}
`;
