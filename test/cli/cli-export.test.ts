import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { episode } from '../helpers';
import { ROOT, untouched } from './helpers';

/** `transcript-convert EPISODE --to vtt|srt|json|text [-o FILE | --out-dir DIR]`, the real binary as a child process. */

const CONVERT = path.join(ROOT, 'out/server/src/cli/convert/main.js');

function convert(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CONVERT, ...args], { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(t: { after(fn: () => void): void }, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-convert-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const EP1 = episode(`- header: Intro
- line: Hello <world> & you.
  sec: 1
  time: '0:01'
  who: Alexey
- line: Hi.
  sec: 4
  time: '0:04'
  who: Maria
`);
const EP2 = episode(`- line: Later.
  sec: 3
  time: '0:03'
  who: Alexey
- line: Earlier.
  sec: 2
  time: '0:02'
  who: Alexey
`);
const EP1_VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Alexey>Hello &lt;world&gt; &amp; you.\n\n00:00:04.000 --> 00:00:05.000\n<v Maria>Hi.\n';

test('--to vtt writes to stdout without -o; srt, json and text likewise', (t) => {
  const dir = folder(t, { 'ep1.md': EP1 });
  assert.deepEqual(convert(['ep1.md', '--to', 'vtt'], dir), { code: 0, stdout: EP1_VTT, stderr: '' });
  assert.equal(convert(['ep1.md', '--to', 'srt'], dir).stdout, '1\n00:00:01,000 --> 00:00:04,000\nAlexey: Hello <\u200Bworld> & you.\n\n2\n00:00:04,000 --> 00:00:05,000\nMaria: Hi.\n');
  assert.deepEqual(JSON.parse(convert(['ep1.md', '--to', 'json'], dir).stdout).segments.map((s: { speaker: string }) => s.speaker), ['Alexey', 'Maria']);
  assert.equal(convert(['ep1.md', '--to', 'text'], dir).stdout, 'Intro\n\n0:01\nAlexey\nHello <world> & you.\n\n0:04\nMaria\nHi.\n');
  assert.deepEqual(fs.readdirSync(dir), ['ep1.md'], 'nothing written beside the episode');
});

test('-o FILE writes the file; warnings go to stderr, named by the episode', (t) => {
  const dir = folder(t, { 'ep2.md': EP2 });
  const run = convert(['ep2.md', '--to', 'srt', '-o', 'sub/ep2.srt'], dir);
  assert.equal(run.code, 0);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, 'transcript-convert: ep2.md: sec runs back at 1 line (file line 12): cues are placed in time order, each at its own sec.\n');
  assert.equal(fs.readFileSync(path.join(dir, 'sub/ep2.srt'), 'utf8'), '1\n00:00:02,000 --> 00:00:03,000\nAlexey: Earlier.\n\n2\n00:00:03,000 --> 00:00:04,000\nAlexey: Later.\n');
  assert.equal(convert(['ep2.md', '--to', 'vtt', '--captions', '-o', 'ep2.vtt'], dir).code, 0);
  assert.match(fs.readFileSync(path.join(dir, 'ep2.vtt'), 'utf8'), /^WEBVTT\n\n00:00:02\.000 --> 00:00:03\.000\n<v Alexey>Earlier\.\n/);
});

test('--out-dir over a folder: one file per episode, a file without a transcript skipped and counted', (t) => {
  const dir = folder(t, { '_podcast/ep1.md': EP1, '_podcast/ep2.md': EP2, '_podcast/notes.md': '# Notes\n' });
  const run = convert(['_podcast', '--to', 'vtt', '--out-dir', 'captions'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /transcript-convert: 2 files written to captions; 1 file without a transcript skipped\n$/);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'captions')).sort(), ['ep1.vtt', 'ep2.vtt']);
  assert.equal(fs.readFileSync(path.join(dir, 'captions/ep1.vtt'), 'utf8'), EP1_VTT);
  assert.equal(convert(['_podcast', '--to', 'text', '--out-dir', 'text'], dir).code, 0);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'text')).sort(), ['ep1.txt', 'ep2.txt']);
});

test('an episode that does not parse: exit 1, the file and line named, nothing written (not even the others)', (t) => {
  const broken = '---\ntitle: Broken\ntranscript:\n- line: "open quote\n  sec: 1\n---\n';
  const dir = folder(t, { '_podcast/ep1.md': EP1, '_podcast/broken.md': broken, 'out/ep1.vtt': 'old captions\n' });
  const kept = untouched(path.join(dir, 'out/ep1.vtt'));
  const run = convert(['_podcast', '--to', 'vtt', '--out-dir', 'out'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, [
    `transcript-convert: ${path.join('_podcast', 'broken.md')}: the front matter does not parse; fix it first (transcript-lint names the problem)`,
    'transcript-convert: nothing written (1 problem)',
    '',
  ].join('\n'));
  kept();
  assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['ep1.vtt']);
  const alone = convert(['_podcast/broken.md', '--to', 'srt', '-o', 'broken.srt'], dir);
  assert.equal(alone.code, 1);
  assert.equal(fs.existsSync(path.join(dir, 'broken.srt')), false);
});

test('refusals: no timed line for a cue format (exit 1), --captions with json (exit 2), a file without a transcript named alone (exit 1)', (t) => {
  const dir = folder(t, { 'untimed.md': episode('- line: Untimed.\n  who: Alexey\n'), 'notes.md': '# Notes\n', 'ep1.md': EP1 });
  const untimed = convert(['untimed.md', '--to', 'vtt'], dir);
  assert.deepEqual(untimed, {
    code: 1, stdout: '',
    stderr: 'transcript-convert: untimed.md: the transcript has no timed line (sec): captions and segments need at least one\ntranscript-convert: nothing written (1 problem)\n',
  });
  assert.equal(convert(['untimed.md', '--to', 'text'], dir).stdout, '0:00\nAlexey\nUntimed.\n');
  const usage = convert(['ep1.md', '--to', 'json', '--captions'], dir);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^transcript-convert: '--captions' applies to '--to vtt' and '--to srt'\n/);
  assert.equal(convert(['notes.md', '--to', 'vtt'], dir).stderr, 'transcript-convert: notes.md: the file has no transcript\ntranscript-convert: nothing written (1 problem)\n');
});
