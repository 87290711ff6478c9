import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { compileGlob, matchName } from '../../server/src/cli/glob';
import { convert, JsonReport, lint, ROOT, untouched } from './helpers';

/**
 * The command-line tools against what an adversary (or an unlucky user) hands them (issue 28): an
 * output that is the input under another name, special files, endless inputs, globs built to
 * backtrack, templates and ignored files in a site's episodes folder, paths printed as given.
 */

const SITE = path.join(ROOT, 'test/fixtures/site/_podcast');
const CLEAN = fs.readFileSync(path.join(SITE, 'clean.md'), 'utf8');
const BROKEN = fs.readFileSync(path.join(SITE, 'broken.md'), 'utf8');
const TEMPLATE = '---\ntitle: "{{ title }}"\nseason: {{ season }}\nids:\n  youtube: {{ youtube }}\ntranscript:\n{% for line in lines %}\n- line: "{{ line }}"\n{% endfor %}\n---\n';
const isRoot = process.getuid?.() === 0;

/** A temporary site: `_podcast/` with the clean and broken episodes, removed after the test. */
function site(t: { after(fn: () => void): void }, extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-adversarial-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.writeFileSync(path.join(dir, '_podcast/clean.md'), CLEAN);
  fs.writeFileSync(path.join(dir, '_podcast/broken.md'), BROKEN);
  for (const [name, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const vttOfClean = () => convert([path.join(SITE, 'clean.md'), '--to', 'vtt'], ROOT).stdout;

test('-o that is the input under any name (itself, a detour, a symbolic link, a hard link) is refused: exit 2, the episode untouched', (t) => {
  const dir = site(t);
  fs.symlinkSync('_podcast/clean.md', path.join(dir, 'link.md'));
  fs.linkSync(path.join(dir, '_podcast/clean.md'), path.join(dir, 'hard.md'));
  const same = untouched(path.join(dir, '_podcast/clean.md'));
  for (const output of ['_podcast/clean.md', '_podcast/../_podcast/clean.md', 'link.md', 'hard.md', path.join(dir, '_podcast/clean.md')]) {
    const run = convert(['_podcast/clean.md', '--to', 'vtt', '-o', output], dir);
    assert.deepEqual(run, { code: 2, stdout: '', stderr: `transcript-convert: ${output}: the output is the input (the same file); nothing written\n` }, output);
  }
  same();
  assert.ok(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
});

test('-o a folder: one line saying so, exit 2, no stack trace', (t) => {
  const dir = site(t, { 'exports/keep.txt': 'mine\n' });
  const run = convert(['_podcast/clean.md', '--to', 'srt', '-o', 'exports'], dir);
  assert.deepEqual(run, { code: 2, stdout: '', stderr: "transcript-convert: exports: is a folder: name a file to write (or give '--out-dir DIR' for a folder)\n" });
  assert.deepEqual(fs.readdirSync(path.join(dir, 'exports')), ['keep.txt']);
});

test('-o /dev/null and -o a device node: written as a stream, the node stays a device', { skip: process.platform === 'win32' && 'no device nodes on Windows' }, (t) => {
  const run = convert([path.join(SITE, 'clean.md'), '--to', 'vtt', '-o', '/dev/null'], ROOT);
  assert.deepEqual(run, { code: 0, stdout: '', stderr: '' });
  assert.ok(fs.statSync('/dev/null').isCharacterDevice(), '/dev/null is still a device');
  if (!isRoot) return t.diagnostic('not root: no device node of its own made (mknod)');
  const dir = site(t);
  const made = spawnSync('mknod', [path.join(dir, 'null'), 'c', '1', '3']);
  if (made.status !== 0) return t.diagnostic(`mknod failed: ${String(made.stderr)}`);
  assert.equal(convert(['_podcast/clean.md', '--to', 'vtt', '-o', 'null'], dir).code, 0);
  assert.ok(fs.statSync(path.join(dir, 'null')).isCharacterDevice());
});

test('-o a FIFO: the export goes through it as a stream; the FIFO stays a FIFO', { skip: process.platform === 'win32' && 'no FIFOs on Windows' }, async (t) => {
  const dir = site(t);
  const fifo = path.join(dir, 'out.vtt');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  const child = spawn(process.execPath, [path.join(ROOT, 'out/server/src/cli/convert/main.js'), '_podcast/clean.md', '--to', 'vtt', '-o', 'out.vtt'], { cwd: dir });
  const chunks: Buffer[] = [];
  for await (const chunk of fs.createReadStream(fifo)) chunks.push(chunk as Buffer);
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0);
  assert.equal(Buffer.concat(chunks).toString('utf8'), vttOfClean());
  assert.ok(fs.statSync(fifo).isFIFO());
});

const LIMIT = 'holds more than 50 MB (read until then); files over 50 MB are not read';

test('endless inputs (/dev/zero, /dev/urandom, a pipe) are read only up to the 50 MB limit: one line, exit 2', { skip: process.platform === 'win32' && 'no /dev on Windows' }, (t) => {
  const dir = site(t);
  const episode = untouched(path.join(dir, '_podcast/clean.md'));
  const cases: [string[], string][] = [
    [['/dev/zero', '--into', '_podcast/clean.md', '--from', 'srt'], `transcript-convert: /dev/zero: ${LIMIT}\n`],
    [['/dev/urandom', '--into', '_podcast/clean.md', '--from', 'vtt'], `transcript-convert: /dev/urandom: ${LIMIT}\n`],
    [['/dev/zero', '--into', '_podcast/clean.md', '--from', 'docx'], `transcript-convert: /dev/zero: ${LIMIT}\n`],
  ];
  for (const [args, stderr] of cases) assert.deepEqual(convert(args, dir), { code: 2, stdout: '', stderr }, args.join(' '));
  // A pipe with no end: `yes | transcript-convert /dev/stdin --into …`.
  const piped = spawnSync('sh', ['-c', `yes | "${process.execPath}" "${path.join(ROOT, 'out/server/src/cli/convert/main.js')}" /dev/stdin --into _podcast/clean.md --from srt`], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual([piped.status, piped.stderr], [2, `transcript-convert: /dev/stdin: ${LIMIT}\n`]);
  episode();
  // transcript-lint takes only files and folders: a device named on its own is refused before any read.
  assert.deepEqual(lint(['/dev/zero'], dir), { code: 2, stdout: '', stderr: 'transcript-lint: /dev/zero: not a file or folder\n' });
});

test('globs: `**/*` repeated 10 and 30 times, and `*` runs in one name, match correctly (no exponential backtracking)', () => {
  for (const pairs of [10, 30]) {
    const glob = compileGlob(`${'**/*/'.repeat(pairs)}*.md`);
    const deep = (n: number, last: string) => [...Array.from({ length: n }, (_, i) => `d${i}`), last].join('/');
    assert.equal(glob.matches(deep(pairs, 'x.md')), true, `${pairs} folders, then x.md`);
    assert.equal(glob.matches(deep(pairs - 1, 'x.md')), false, `${pairs - 1} folders: one too few`);
    assert.equal(glob.matches(deep(pairs + 25, 'x.md')), true, `${pairs + 25} folders`);
    assert.equal(glob.matches(deep(pairs + 25, 'x.txt')), false, `${pairs + 25} folders, not .md`);
    assert.equal(glob.mayContain(deep(pairs + 25, 'sub')), true);
  }
  const name = (pattern: string, text: string) => matchName({ pattern, hidden: pattern.startsWith('.') }, text);
  assert.equal(name(`${'*a'.repeat(30)}*b`, 'a'.repeat(200)), false);
  assert.equal(name(`${'*a'.repeat(30)}*b`, `${'a'.repeat(200)}b`), true);
  assert.deepEqual(['ep.md', 'e.md', 'ep1.md', '.ep.md', 'ep.mdx'].filter((n) => name('e?*.md', n)), ['ep.md', 'ep1.md']);
  assert.equal(name('.*', '.hidden'), true);
});

test('a template (Liquid in the front matter) in a folder is skipped and counted; named on its own it is checked', (t) => {
  const dir = site(t, { '_podcast/_template.md': TEMPLATE });
  fs.unlinkSync(path.join(dir, '_podcast/broken.md'));
  const run = lint(['_podcast'], dir);
  assert.deepEqual(run, { code: 0, stdout: '1 file checked, 0 errors, 0 warnings, 0 hints, 0 skipped (not episodes), 1 template skipped\n', stderr: '' });
  const json = JSON.parse(lint(['--format', 'json', '_podcast'], dir).stdout) as JsonReport;
  assert.deepEqual([json.summary.filesChecked, json.summary.templatesSkipped, json.files.map((f) => f.path)], [1, 1, ['_podcast/clean.md']]);
  const named = lint(['_podcast/_template.md'], dir);
  assert.equal(named.code, 1);
  assert.match(named.stdout, /^_podcast\/_template\.md:3:9 +error +schema-type +season must be a whole number, not a map$/m);
  // transcript-convert skips it in a folder too (and counts it), instead of refusing the whole export.
  const exported = convert(['_podcast', '--to', 'srt', '--out-dir', 'srt'], dir);
  assert.deepEqual(exported, { code: 0, stdout: '', stderr: 'transcript-convert: 1 file written to srt; 1 file without a transcript skipped\n' });
});

test('ignores: .transcriptlintrc.json "ignores" and --ignore leave files out, named ones too (as a pre-commit hook names them)', (t) => {
  const dir = site(t, { 'drafts/_podcast/wip.md': BROKEN });
  const cases: [string, string[], Record<string, unknown> | undefined, number, string][] = [
    ['nothing ignored', ['.'], undefined, 1, '3 files checked, 2 errors'],
    ['--ignore a file', ['--ignore', '_podcast/broken.md', '.'], undefined, 1, '2 files checked, 1 error'],
    ['--ignore a folder', ['--ignore', 'drafts', '.'], undefined, 1, '2 files checked, 1 error'],
    ['--ignore a glob, twice', ['--ignore', '**/broken.md', '--ignore=drafts/**', '.'], undefined, 0, '1 file checked, 0 errors'],
    ['--ignore on a named file', ['--ignore', '_podcast/broken.md', '_podcast/broken.md', '_podcast/clean.md'], undefined, 0, '1 file checked, 0 errors'],
    ['config ignores', ['.'], { ignores: ['drafts/**', '_podcast/broken.md'] }, 0, '1 file checked, 0 errors'],
    ['config ignores, file named', ['_podcast/broken.md'], { ignores: ['**/broken.md'] }, 0, '0 files checked, 0 errors'],
  ];
  for (const [name, args, config, code, summary] of cases) {
    if (config) fs.writeFileSync(path.join(dir, '.transcriptlintrc.json'), JSON.stringify(config));
    else fs.rmSync(path.join(dir, '.transcriptlintrc.json'), { force: true });
    const run = lint(args, dir);
    assert.equal(run.code, code, `${name}: ${run.stdout}${run.stderr}`);
    assert.ok(run.stdout.includes(summary), `${name}: ${run.stdout}`);
  }
  fs.writeFileSync(path.join(dir, '.transcriptlintrc.json'), '{ "ignores": "drafts" }');
  assert.deepEqual(lint(['.'], dir), {
    code: 2, stdout: '', stderr: `transcript-lint: ${path.join(dir, '.transcriptlintrc.json')}: "ignores" must be a list of globs, e.g. ["_podcast/_template.md", "drafts/**"]\n`,
  });
  fs.rmSync(path.join(dir, '.transcriptlintrc.json'));
  // transcript-convert: the same for folders and globs.
  const exported = convert(['.', '--to', 'vtt', '--out-dir', 'vtt', '--ignore', '**/broken.md', '--ignore', 'drafts'], dir);
  assert.deepEqual([exported.code, fs.readdirSync(path.join(dir, 'vtt'))], [0, ['clean.vtt']]);
  assert.equal(convert(['_podcast/clean.md', '--into', 'x.md', '--ignore', 'a'], dir).stderr.split('\n')[0], "transcript-convert: '--ignore' does not apply to an import");
});

test('paths are printed as given: absolute stays absolute, ../ stays ../', (t) => {
  const dir = site(t);
  fs.mkdirSync(path.join(dir, 'elsewhere'));
  const absolute = path.join(dir, '_podcast/broken.md');
  assert.match(lint([absolute], path.join(dir, 'elsewhere')).stdout, new RegExp(`^${absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:9 `, 'm'));
  assert.match(lint(['../_podcast/broken.md'], path.join(dir, 'elsewhere')).stdout, /^\.\.\/_podcast\/broken\.md:9:9 /m);
  assert.match(lint(['../_podcast'], path.join(dir, 'elsewhere')).stdout, /^\.\.\/_podcast\/broken\.md:9:9 /m);
  fs.writeFileSync(path.join(dir, '_podcast/bad.md'), '---\ntranscript:\n- line: [unclosed\n---\n');
  const bad = path.join(dir, '_podcast/bad.md');
  const run = convert([bad, '--to', 'vtt'], path.join(dir, 'elsewhere'));
  assert.equal(run.code, 1);
  assert.ok(run.stderr.startsWith(`transcript-convert: ${bad}: `), run.stderr);
});
