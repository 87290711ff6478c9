import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { BROKEN_ANNOTATION, cleanEnv, copySite, ROOT, run, tempDir } from './helpers';

/**
 * action.yml as GitHub runs it: its composite steps' `run` scripts, in order, in bash, in the site's
 * checkout, with GITHUB_ACTION_PATH at this repository and the step's `env` with `${{ inputs.* }}`
 * filled in. This repository is built already, so the first step finds the build (a fresh action
 * checkout runs `npm ci` there instead: the newcomer's install that CI runs).
 */

interface Step { name: string; shell: string; run: string; env?: Record<string, string> }
const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
};

/** Runs the action's steps as the runner would; stops at the first that fails, as the runner does. */
function runAction(site: string, inputs: Record<string, string>) {
  const value = (name: string) => inputs[name] ?? action.inputs[name].default;
  const outputs: string[] = [];
  for (const step of action.runs.steps) {
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, v]) => [key, v.replace(/\$\{\{\s*inputs\.(\w+)\s*\}\}/g, (_, name: string) => value(name))]));
    const result = run('bash', ['-e', '-c', step.run], { cwd: site, env: cleanEnv({ ...env, GITHUB_ACTION_PATH: ROOT }) });
    outputs.push(result.stdout);
    if (result.code !== 0) return { code: result.code, stdout: outputs.join(''), stderr: result.stderr, failedStep: step.name };
  }
  return { code: 0, stdout: outputs.join(''), stderr: '', failedStep: undefined };
}

test('action.yml is a composite action of bash steps with paths (default _podcast) and args inputs', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(action.runs.steps.map((s) => s.shell), ['bash', 'bash']);
  assert.deepEqual(Object.keys(action.inputs), ['paths', 'args']);
  assert.equal(action.inputs.paths.default, '_podcast');
  // Inputs reach the scripts through env only: a value is never pasted into a script.
  for (const step of action.runs.steps) assert.doesNotMatch(step.run, /\$\{\{/);
});

test('the action on a broken and a clean episode: the error as an annotation, the step fails with exit code 1', { skip: fs.existsSync(path.join(ROOT, 'out/server/src/cli/main.js')) ? false : 'not built' }, (t) => {
  const site = copySite(tempDir(t, 'pt-action-'));
  const result = runAction(site, {});
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.failedStep, 'Check transcripts');
  assert.deepEqual(result.stdout.split('\n').filter((l) => l.startsWith('::')), [BROKEN_ANNOTATION]);
  assert.match(result.stdout, /^transcript-lint is already built in /m);
});

test('the action on the clean episode, a glob and args: exit 0, no annotation', { skip: fs.existsSync(path.join(ROOT, 'out/server/src/cli/main.js')) ? false : 'not built' }, (t) => {
  const site = copySite(tempDir(t, 'pt-action-'));
  const clean = runAction(site, { paths: '_podcast/clean.md' });
  assert.equal(clean.code, 0, clean.stderr);
  assert.deepEqual(clean.stdout.split('\n').filter((l) => l.startsWith('::')), []);
  // A glob goes to transcript-lint unexpanded (** included); args switch the broken file's rule off.
  const off = runAction(site, { paths: '\n  **/*.md\n', args: '--rule time-mismatch=off --max-warnings 0' });
  assert.equal(off.code, 0, off.stderr + off.stdout);
  assert.match(off.stdout + off.stderr, /2 files checked, 0 errors, 0 warnings/);
});
