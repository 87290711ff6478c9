import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BROKEN_ANNOTATION, cleanEnv, copySite, ROOT, run, tempDir } from './helpers';

/**
 * The npm package as a site gets it from the registry: `npm pack`, the tarball installed in an empty
 * folder without dev dependencies (the runtime ones from npm's cache, else the registry), then
 * `npx transcript-lint` there. Skipped with the reason when they cannot be installed (offline, no cache).
 */

const built = fs.existsSync(path.join(ROOT, 'out/server/src/cli/main.js')) ? false : 'not built';

test('npm pack: only the compiled CLI and server, bin/ and the docs; npx transcript-lint runs from the installed tarball', { skip: built, timeout: 180_000 }, (t) => {
  const dir = tempDir(t, 'pt-pack-');
  // Plain `npm pack`, as pre-commit runs it: its standard output is the tarball's name and nothing else.
  const pack = run('npm', ['pack', '--pack-destination', dir], { cwd: ROOT, env: cleanEnv() });
  assert.equal(pack.code, 0, pack.stderr);
  assert.match(pack.stdout, /^podcast-transcripts-\d+\.\d+\.\d+\.tgz\n$/);
  const tarball = path.join(dir, pack.stdout.trim());

  const listed = run('tar', ['-tzf', tarball]).stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/transcript-lint.js', 'bin/transcript-language-server.js', 'bin/transcript-convert.js', 'out/server/src/cli/convert/main.js', 'bin/compiled.js', 'out/server/src/cli/main.js', 'out/server/src/main.js', 'out/server/src/core/index.js']) {
    assert.ok(listed.includes(needed), `${needed} in the tarball`);
  }
  assert.deepEqual(listed.filter((f) => /\.(ts|map)$|^(test|client|dist|tools|out\/test|out\/client|out\/server\/src\/browser)\//.test(f)), []);

  const site = copySite(path.join(dir, 'site'));
  fs.writeFileSync(path.join(site, 'package.json'), '{ "name": "a-site", "private": true }\n');
  const install = run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: site, env: cleanEnv() });
  if (install.code !== 0) return t.skip(`the tarball's runtime dependencies could not be installed (no registry, not in npm's cache): ${install.stderr.trim().split('\n').slice(-3).join(' ')}`);
  // Only the runtime dependencies and theirs (as the lock file records them: not dev), nothing of the dev tools.
  assert.deepEqual(fs.readdirSync(path.join(site, 'node_modules')).filter((name) => !name.startsWith('.')).sort(), runtimePackages());
  assert.ok(runtimePackages().includes('mammoth') && !runtimePackages().includes('typescript'));

  const broken = run('npx', ['transcript-lint', '--format', 'github', '_podcast'], { cwd: site, env: cleanEnv() });
  assert.equal(broken.code, 1, broken.stderr);
  assert.deepEqual(broken.stdout.split('\n').filter((l) => l.startsWith('::')), [BROKEN_ANNOTATION]);
  const clean = run('npx', ['transcript-lint', '_podcast/clean.md'], { cwd: site, env: cleanEnv() });
  assert.equal(clean.code, 0, clean.stderr);
  assert.match(clean.stdout + clean.stderr, /1 file checked, 0 errors, 0 warnings, 0 hints, 0 skipped/);
  const vtt = run('npx', ['transcript-convert', '_podcast/clean.md', '--to', 'vtt'], { cwd: site, env: cleanEnv() });
  assert.equal(vtt.code, 0, vtt.stderr);
  assert.match(vtt.stdout, /^WEBVTT\n\n00:00:0\d\.\d{3} --> /);
  const server = run('npx', ['transcript-language-server', '--version'], { cwd: site, env: cleanEnv() });
  assert.equal(server.stdout, `${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
});

/**
 * The top-level folders of node_modules an install without dev dependencies makes: this package and
 * every package the lock file does not mark dev (nested ones too: alone they are hoisted).
 */
function runtimePackages(): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
  const names = new Set(['podcast-transcripts']);
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where.startsWith('node_modules/') || entry.dev || entry.optional) continue;
    names.add(where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/')[0]);
  }
  return [...names].sort();
}

test('bin/ in a checkout that was not built says how to build it, without a stack trace', (t) => {
  const checkout = tempDir(t, 'pt-unbuilt-');
  fs.cpSync(path.join(ROOT, 'bin'), path.join(checkout, 'bin'), { recursive: true });
  const result = run(process.execPath, [path.join(checkout, 'bin', 'transcript-lint.js'), 'x.md'], { cwd: checkout });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, 'transcript-lint: not built (out/server/src/cli/main.js is missing). In a checkout of podcast-transcripts run `npm install` (with its dev dependencies), or `npm run build`.\n');
});
