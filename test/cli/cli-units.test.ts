import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { splitLines, unifiedDiff } from '../../server/src/cli/diff';
import { compileGlob, hasGlob } from '../../server/src/cli/glob';
import { mapPool } from '../../server/src/cli/pool';

/** The CLI's own small parts, in process: the glob matcher, the diff, the argument parser, the pool. */

test('glob: *, ** and ? within segments; hidden names only when spelled; the base folder', () => {
  const cases: [string, string, string[], string[]][] = [
    ['*.md', '', ['a.md', 'x.md'], ['sub/a.md', '.hidden.md', 'a.mdx']],
    ['_podcast/*.md', '_podcast', ['a.md', 'b-c.md'], ['x/a.md', 'a.txt']],
    ['_podcast/**/*.md', '_podcast', ['a.md', 'x/a.md', 'x/y/z.md'], ['.git/a.md', 'x/.cache/a.md', 'a.txt']],
    ['src/**', 'src', ['a', 'x/y/z.md'], ['.hidden/a']],
    ['s??/e*.md', '', ['s01/e1.md', 's02/e.md'], ['s1/e1.md', 's001/e1.md']],
    ['**/.hidden/*.md', '', ['.hidden/a.md', 'x/.hidden/a.md'], ['x/hidden/a.md']],
    ['/abs/dir/*.md', '/abs/dir', ['a.md'], ['a/b.md']],
    ['x/**/**/y/*.m?', 'x', ['y/a.md', 'p/q/y/a.mx'], ['y/a.m', 'y/b/a.md']],
  ];
  for (const [pattern, base, yes, no] of cases) {
    const glob = compileGlob(pattern);
    assert.equal(glob.base, base, pattern);
    for (const p of yes) assert.ok(glob.matches(p), `${pattern} should match ${p}`);
    for (const p of no) assert.ok(!glob.matches(p), `${pattern} should not match ${p}`);
  }
  assert.ok(compileGlob('a.(md)+[x]*').matches('a.(md)+[x]'), 'regex characters are literal');
  const deep = compileGlob('_podcast/*/e?.md');
  assert.ok(deep.mayContain('s1'));
  assert.ok(!deep.mayContain('s1/more'));
  assert.ok(compileGlob('**/*.md').mayContain('a/b/c'));
  assert.ok(!compileGlob('**/*.md').mayContain('.git'));
  assert.deepEqual([hasGlob('a/*.md'), hasGlob('a/?.md'), hasGlob('a/b.md')], [true, true, false]);
});

test('diff: hunks in diff -u form; patch -p1 turns the old text into the new one', (t) => {
  assert.equal(unifiedDiff('same\n', 'same\n', 'a/x', 'b/x'), '');
  assert.equal(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  assert.equal(unifiedDiff('', 'new\n', 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new\n');
  assert.equal(unifiedDiff('x\ny', 'x\nz', 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n');
  assert.deepEqual(splitLines('a\r\nb\n\nc'), ['a\r\n', 'b\n', '\n', 'c']);
  // Two changes 7 lines apart share a hunk; 8 lines apart they do not.
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i}\n`);
  const edit = (at: number[]) => lines.map((l, i) => (at.includes(i) ? l.toUpperCase() : l)).join('');
  assert.equal((unifiedDiff(lines.join(''), edit([5, 12]), 'a', 'b').match(/^@@/gm) ?? []).length, 1);
  assert.equal((unifiedDiff(lines.join(''), edit([5, 13]), 'a', 'b').match(/^@@/gm) ?? []).length, 2);

  const hasPatch = spawnSync('patch', ['--version']).status === 0;
  if (!hasPatch) return t.diagnostic('patch is not installed: the random round trips were not run');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-lint-diff-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let round = 0; round < 40; round++) {
    const words = ['alpha', 'beta', 'gamma', 'delta', ''];
    const oldLines = Array.from({ length: random(40) }, () => words[random(words.length)]);
    const newLines = oldLines.filter(() => random(5) > 0).flatMap((l) => (random(6) === 0 ? [l, words[random(words.length)]] : [l]));
    const eol = random(2) === 0 ? '\n' : '\r\n';
    const oldText = oldLines.join(eol) + (random(2) === 0 ? eol : '');
    const newText = newLines.join(eol) + (random(2) === 0 ? eol : '');
    fs.writeFileSync(path.join(dir, 'f.txt'), oldText);
    const diff = unifiedDiff(oldText, newText, 'a/f.txt', 'b/f.txt');
    if (!diff) {
      assert.equal(oldText, newText);
      continue;
    }
    const result = spawnSync('patch', ['-p1', '--quiet', '--binary'], { cwd: dir, input: diff, encoding: 'utf8' });
    assert.equal(result.status, 0, `round ${round}: ${result.stdout}${result.stderr}\n${diff}`);
    assert.equal(fs.readFileSync(path.join(dir, 'f.txt'), 'utf8'), newText, `round ${round}`);
  }
});

test('args: values inline or separate, repeatable --rule, -- ends the options', () => {
  const options = parseArgs(['-f', 'json', '--rule=sec-order=error', '--rule', 'who-missing=off,header-hidden=warning', '--max-warnings', '0', '-c', 'x.json', '-q', 'a', '--', '--fix']);
  assert.equal(options.format, 'json');
  assert.deepEqual(options.rules, { rules: { 'sec-order': 'error', 'who-missing': 'off', 'header-hidden': 'warning' } });
  assert.equal(options.maxWarnings, 0);
  assert.equal(options.configFile, 'x.json');
  assert.equal(options.quiet, true);
  assert.equal(options.fix, false);
  assert.deepEqual(options.paths, ['a', '--fix']);
  assert.equal(parseArgs(['--rule', 'sec-order=warning', '--rule', 'sec-order=off']).rules.rules['sec-order'], 'off');
  assert.throws(() => parseArgs(['--fix=yes']), UsageError);
  assert.throws(() => parseArgs(['--max-warnings', '-1']), UsageError);
});

test('pool: results in input order, never more than the limit at once', async () => {
  let running = 0;
  let most = 0;
  const results = await mapPool([50, 10, 30, 0, 20, 5], 2, async (ms, i) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running--;
    return i;
  });
  assert.deepEqual(results, [0, 1, 2, 3, 4, 5]);
  assert.equal(most, 2);
  assert.deepEqual(await mapPool([], 4, async () => 1), []);
});
