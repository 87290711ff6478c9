import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers';

/** `transcript-convert` and chapters (issue 19): `CHAPTERS --chapters --into EPISODE.md` and the chapter exports, run as the real binary. */

const CONVERT = path.join(ROOT, 'out/server/src/cli/convert/main.js');

function convert(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CONVERT, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-chapters-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const item = (text: string, sec: number, time: string) => `- line: ${text}\n  sec: ${sec}\n  time: '${time}'\n  who: Guest\n`;
const EPISODE = `---\ntitle: A made-up episode\ntranscript:\n- header: Old intro\n${item('Welcome to the show.', 159, '2:39')}${item('Tell us about you.', 200, '3:20')}- header: 'Old: topic'\n${item('Feature stores, then.', 754, '12:34')}${item('And at the end.', 3725, '1:02:05')}---\nBody stays.\n`;

test('CHAPTERS --chapters --into EPISODE.md: headers replaced in place, the one covering no line named, nothing else changed', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'e.md'), EPISODE);
  fs.writeFileSync(path.join(dir, 'list.txt'), '00:00:00 Podcast Introduction\n00:02:39 Guest Background\n\n00:12:00 Feature Stores: Why\n');
  const run = convert(['list.txt', '--chapters', '--into', 'e.md'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, [
    'transcript-convert: list.txt: line 1: covers no line, not written: 00:00:00 Podcast Introduction',
    'transcript-convert: e.md: 2 chapters written as its headers (2 old headers removed); 1 not written (cover no line)',
    '',
  ].join('\n'));
  assert.equal(fs.readFileSync(path.join(dir, 'e.md'), 'utf8'),
    `---\ntitle: A made-up episode\ntranscript:\n- header: Guest Background\n${item('Welcome to the show.', 159, '2:39')}${item('Tell us about you.', 200, '3:20')}- header: 'Feature Stores: Why'\n${item('Feature stores, then.', 754, '12:34')}${item('And at the end.', 3725, '1:02:05')}---\nBody stays.\n`);
});

test('--keep-headers merges the chapters in by time', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'e.md'), EPISODE);
  fs.writeFileSync(path.join(dir, 'list.txt'), '1:00:00 - Wrap-up\n');
  const run = convert(['list.txt', '--chapters', '--into', 'e.md', '--keep-headers'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, 'transcript-convert: e.md: 1 chapter added\n');
  assert.equal(fs.readFileSync(path.join(dir, 'e.md'), 'utf8'), EPISODE.replace(item('And at the end.', 3725, '1:02:05'), `- header: Wrap-up\n${item('And at the end.', 3725, '1:02:05')}`));
});

test('Podcasting 2.0 chapters JSON v1.2 with an untitled toc: false chapter: the titled ones written, the silent one named on stderr', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'e.md'), EPISODE);
  fs.writeFileSync(path.join(dir, 'list.json'), '{"version":"1.2.0","chapters":[\n{"startTime":159,"title":"Guest Background"},\n{"startTime":700,"img":"art.jpg","toc":false},\n{"startTime":754,"title":"Feature Stores"}\n]}\n');
  const run = convert(['list.json', '--chapters', '--into', 'e.md'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, [
    'transcript-convert: list.json: chapters[1] at 00:11:40 (line 3) has toc: false (not in the table of contents): not made a header',
    'transcript-convert: e.md: 2 chapters written as its headers (2 old headers removed)',
    '',
  ].join('\n'));
  assert.equal(fs.readFileSync(path.join(dir, 'e.md'), 'utf8'),
    `---\ntitle: A made-up episode\ntranscript:\n- header: Guest Background\n${item('Welcome to the show.', 159, '2:39')}${item('Tell us about you.', 200, '3:20')}- header: Feature Stores\n${item('Feature stores, then.', 754, '12:34')}${item('And at the end.', 3725, '1:02:05')}---\nBody stays.\n`);
});

test('a line that is not a chapter: exit 1, each named with its line, nothing written', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'e.md'), EPISODE);
  fs.writeFileSync(path.join(dir, 'list.txt'), '00:02:39 Fine\nFeature stores 12:34\n\n12:99 Bad\n');
  const run = convert(['list.txt', '--chapters', '--into', 'e.md'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, [
    'transcript-convert: list.txt: line 2: not a chapter (HH:MM:SS Topic): Feature stores 12:34',
    'transcript-convert: list.txt: line 4: not a chapter (HH:MM:SS Topic): 12:99 Bad',
    'transcript-convert: nothing written (2 lines are not chapters)',
    '',
  ].join('\n'));
  assert.equal(fs.readFileSync(path.join(dir, 'e.md'), 'utf8'), EPISODE);
});

test('an episode whose front matter does not parse, a missing list, broken JSON: exit 1, nothing written', (t) => {
  const dir = tempDir(t);
  const broken = EPISODE.replace("'Old: topic'", "'Old: topic");
  fs.writeFileSync(path.join(dir, 'e.md'), broken);
  fs.writeFileSync(path.join(dir, 'list.txt'), '00:02:39 Fine\n');
  fs.writeFileSync(path.join(dir, 'list.json'), '{\n  "chapters": [\n    { "startTime": 1, }\n');
  let run = convert(['list.txt', '--chapters', '--into', 'e.md'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, 'transcript-convert: e.md: the front matter does not parse; fix it first (transcript-lint names the problem); nothing written\n');
  assert.equal(fs.readFileSync(path.join(dir, 'e.md'), 'utf8'), broken);
  run = convert(['missing.txt', '--chapters', '--into', 'e.md'], dir);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^transcript-convert: missing\.txt: .*\n$/);
  run = convert(['list.json', '--chapters', '--into', 'e.md'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, 'transcript-convert: list.json: line 3: the JSON does not parse\n');
});

test('--to chapters|youtube|chapters-json|chapters-vtt on stdout; hidden headers and YouTube rule breaks on stderr', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'e.md'), EPISODE.replace('Body', '').replace("- header: 'Old: topic'\n", "- header: 'Old: topic'\n- header: Hidden\n"));
  let run = convert(['e.md', '--to', 'chapters'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '00:02:39 Old intro\n00:12:34 Hidden\n');
  assert.equal(run.stderr, 'transcript-convert: e.md: header "Old: topic" is left out: the site hides it (another header follows before any timed line)\n');
  run = convert(['e.md', '--to', 'youtube', '--intro-title', 'DataTalks.Club intro'], dir);
  assert.equal(run.stdout, '00:00 DataTalks.Club intro\n02:39 Old intro\n12:34 Hidden\n');
  run = convert(['e.md', '--to', 'chapters-json'], dir);
  assert.deepEqual(JSON.parse(run.stdout), { version: '1.2.0', chapters: [{ startTime: 159, title: 'Old intro' }, { startTime: 754, title: 'Hidden' }] });
  run = convert(['e.md', '--to', 'chapters-vtt'], dir);
  assert.equal(run.stdout, 'WEBVTT\n\n1\n00:02:39.000 --> 00:12:34.000\nOld intro\n\n2\n00:12:34.000 --> 01:02:05.000\nHidden\n');
});

test('--to chapters --out-dir regenerates a podcast-timestamps folder, which inserts back to the same headers', (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.writeFileSync(path.join(dir, '_podcast/s01e01-one.md'), EPISODE);
  fs.writeFileSync(path.join(dir, '_podcast/s01e02-two.md'), EPISODE.replace('Old intro', 'Second episode'));
  fs.writeFileSync(path.join(dir, '_podcast/notes.md'), '# not an episode\n');
  const run = convert(['_podcast', '--to', 'chapters', '--out-dir', 'podcast-timestamps'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, 'transcript-convert: 2 files written to podcast-timestamps; 1 file without a transcript skipped\n');
  assert.deepEqual(fs.readdirSync(path.join(dir, 'podcast-timestamps')).sort(), ['s01e01-one.txt', 's01e02-two.txt']);
  assert.equal(fs.readFileSync(path.join(dir, 'podcast-timestamps/s01e01-one.txt'), 'utf8'), '00:02:39 Old intro\n00:12:34 Old: topic\n');
  assert.equal(fs.readFileSync(path.join(dir, 'podcast-timestamps/s01e02-two.txt'), 'utf8'), '00:02:39 Second episode\n00:12:34 Old: topic\n');
  const back = convert(['podcast-timestamps/s01e01-one.txt', '--chapters', '--into', '_podcast/s01e01-one.md'], dir);
  assert.equal(back.code, 0, back.stderr);
  assert.equal(back.stderr, 'transcript-convert: _podcast/s01e01-one.md: the headers already are these chapters; not changed\n');
  assert.equal(fs.readFileSync(path.join(dir, '_podcast/s01e01-one.md'), 'utf8'), EPISODE);
});

test('transcript-lint: chapters-file-mismatch with a .transcriptlintrc.json naming the chapter files; off without it', (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.mkdirSync(path.join(dir, 'podcast-timestamps'));
  fs.writeFileSync(path.join(dir, '_podcast/e.md'), EPISODE);
  fs.writeFileSync(path.join(dir, '_podcast/no-list.md'), EPISODE);
  fs.writeFileSync(path.join(dir, 'podcast-timestamps/e.txt'), '00:02:39 Old intro\n00:20:00 Old: topic\n');
  const lint = (args: string[]) => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'out/server/src/cli/main.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
  };
  assert.equal(lint(['_podcast']).code, 0);
  // speech-rate off: the made-up episode's few words over minutes are that rule's, not this test's.
  fs.writeFileSync(path.join(dir, '.transcriptlintrc.json'), JSON.stringify({ rules: { 'chapters-file-mismatch': 'warning', 'speech-rate': 'off' }, chapters: { filePattern: '../podcast-timestamps/{name}.txt' } }));
  const run = lint(['_podcast', '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { rule: string; line: number; message: string }[] }[] };
  assert.deepEqual(report.files.flatMap((f) => f.diagnostics.map((d) => [f.path, d.rule, d.line, d.message])), [
    ['_podcast/e.md', 'chapters-file-mismatch', 13, 'header "Old: topic" is not where podcast-timestamps/e.txt puts it: the file starts it at 00:20:00, the header\'s first timed line is at 00:12:34'],
  ]);
});
