import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { FULL_ONLY } from '../helpers';
import { available, cleanEnv, copySite, ROOT, run, tempDir } from './helpers';

/**
 * .pre-commit-hooks.yaml through pre-commit itself, in the two versions sites use: Debian's 3.x (runs
 * `npm install` in its clone of the hook's repository, then `npm pack`) and PyPI's 4.x (`npm install -g
 * git+file://<clone>`: npm runs the package's `prepare` script, which builds). `pre-commit try-repo`
 * installs the hook from a plain checkout of this project (a git repository of its tracked and new
 * files, nothing built, no node_modules) the way it installs it from GitHub, then runs it in a site's
 * repository on a broken and a clean episode. Slow the first time (the install builds the project).
 * pre-commit 4 is looked for in .venv-pre-commit/ (what .ci/run makes with pip), then on PATH.
 * A slow slice: `npm run test:full` (CI) runs it.
 */

function version(command: string): number | undefined {
  if (!available(command)) return undefined;
  const match = /pre-commit (\d+)\./.exec(run(command, ['--version']).stdout);
  return match ? Number(match[1]) : undefined;
}

const CANDIDATES = [path.join(ROOT, '.venv-pre-commit/bin/pre-commit'), 'pre-commit', '/usr/bin/pre-commit'];
const INSTALL: Record<number, string> = {
  3: "Debian's pre-commit 3 is not installed (apt-get install pre-commit; .ci/run installs it)",
  4: "pre-commit 4 is not installed (python3 -m venv .venv-pre-commit && .venv-pre-commit/bin/pip install 'pre-commit>=4'; .ci/run does)",
};

function skipReason(major: number): string | false {
  if (FULL_ONLY) return `${FULL_ONLY} (the first install builds the project: minutes)`;
  if (!available('git')) return 'git is not installed';
  if (run('git', ['rev-parse', '--git-dir'], { cwd: ROOT }).code !== 0) return `${ROOT} is not a git checkout (the hook installs from one)`;
  return preCommit(major) ? false : INSTALL[major];
}

function preCommit(major: number): string | undefined {
  return CANDIDATES.find((command) => version(command) === major);
}

function git(cwd: string, ...args: string[]) {
  const result = run('git', args, { cwd, env: cleanEnv({ GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' }) });
  assert.equal(result.code, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** This project as a fresh clone would have it: the files git tracks or would add (no build, no node_modules). */
function plainCheckout(to: string): string {
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from) || fs.lstatSync(from).isSymbolicLink() || fs.statSync(from).isDirectory()) continue;
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(from, path.join(to, file));
  }
  git(to, 'init', '-q');
  git(to, 'add', '-A');
  git(to, 'commit', '-q', '-m', 'checkout');
  return to;
}

for (const major of [3, 4]) {
  test(`pre-commit ${major} try-repo: the hook installs from a plain checkout, fails on a broken episode and passes a clean one`, { skip: skipReason(major), timeout: 900_000 }, (t) => {
    const command = preCommit(major)!;
    const dir = tempDir(t, 'pt-precommit-');
    const checkout = plainCheckout(path.join(dir, 'checkout'));
    const site = copySite(path.join(dir, 'site'));
    git(site, 'init', '-q');
    git(site, 'add', '-A');
    const env = cleanEnv({ PRE_COMMIT_HOME: path.join(dir, 'cache'), NO_COLOR: '1' });
    const tryRepo = (...files: string[]) => run(command, ['try-repo', checkout, 'transcript-lint', '--color', 'never', '--files', ...files], { cwd: site, env });

    const broken = tryRepo('_podcast/broken.md', '_podcast/clean.md');
    assert.equal(broken.code, 1, broken.stdout + broken.stderr);
    assert.match(broken.stdout, /^transcript-lint \(podcast episode transcripts\)\.+Failed$/m);
    assert.match(broken.stdout, /^- exit code: 1$/m);
    assert.ok(broken.stdout.split('\n').includes("_podcast/broken.md:9:9  error  time-mismatch  time '1:25' is 85 s but sec is 75 s (1:15)"), broken.stdout);
    assert.match(broken.stdout, /2 files checked, 1 error, 0 warnings, 0 hints, 0 skipped/);

    const clean = tryRepo('_podcast/clean.md');
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /^transcript-lint \(podcast episode transcripts\)\.+Passed$/m);
  });
}
