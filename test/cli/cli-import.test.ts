import { spawnSync } from 'node:child_process';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildDocx } from '../docxFixture';
import { ROOT, untouched } from './helpers';

/** `transcript-convert SOURCE --into EPISODE.md`, run as the real binary in a temporary folder. */

const CONVERT = path.join(ROOT, 'out/server/src/cli/convert/main.js');

function convert(args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CONVERT, ...args], { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(t: { after(fn: () => void): void }, files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-import-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

const SRT = '1\n00:00:01,000 --> 00:00:02,000\nSpeaker 1: Hello there.\n\n2\n00:00:02,000 --> 00:00:04,000\nHow are you?\n\n3\n00:01:05,500 --> 00:01:07,000\nSpeaker 2: Fine, thanks.\n';
const EPISODE = '---\ntitle: "Queues: a talk"\nguests:\n- jane\n---\n\nShow notes.\n';
const SRT_ITEMS = "transcript:\n- line: Hello there. How are you?\n  sec: 1\n  time: '0:01'\n  who: Alexey\n- line: Fine, thanks.\n  sec: 65\n  time: '1:05'\n  who: Speaker 2\n";

test('import into an episode without transcript: added at the end of its front matter, the rest byte for byte; speakers renamed', (t) => {
  const dir = folder(t, { 'talk.srt': SRT, 'episode.md': EPISODE });
  const run = convert(['talk.srt', '--into', 'episode.md', '--speaker', 'Speaker 1=Alexey'], dir);
  assert.deepEqual(run, { code: 0, stdout: '', stderr: 'transcript-convert: episode.md: 2 lines and 0 headers imported from talk.srt (added at the end of the front matter)\n' });
  assert.equal(read(dir, 'episode.md'), `---\ntitle: "Queues: a talk"\nguests:\n- jane\n${SRT_ITEMS}---\n\nShow notes.\n`);
});

test('an episode that has a transcript: exit 1 and untouched without --replace; replaced with it (CRLF kept)', (t) => {
  const episode = '---\r\ntitle: Queues\r\ntranscript:\r\n- line: Old text.\r\n  sec: 3\r\n---\r\nNotes\r\n';
  const dir = folder(t, { 'talk.srt': SRT, 'episode.md': episode });
  const same = untouched(path.join(dir, 'episode.md'));
  assert.deepEqual(convert(['talk.srt', '--into', 'episode.md'], dir), {
    code: 1, stdout: '', stderr: "transcript-convert: episode.md: the episode already has a transcript; nothing changed (give '--replace' to replace it)\n",
  });
  same();
  const run = convert(['talk.srt', '--into', 'episode.md', '--replace', '--one-item-per-cue'], dir);
  assert.equal(run.code, 0);
  assert.equal(run.stderr, 'transcript-convert: episode.md: 3 lines and 0 headers imported from talk.srt (the transcript replaced)\n');
  assert.equal(
    read(dir, 'episode.md'),
    "---\r\ntitle: Queues\r\ntranscript:\r\n- line: Hello there.\r\n  sec: 1\r\n  time: '0:01'\r\n  who: Speaker 1\r\n- line: How are you?\r\n  sec: 2\r\n  time: '0:02'\r\n  who: Speaker 1\r\n"
      + "- line: Fine, thanks.\r\n  sec: 65\r\n  time: '1:05'\r\n  who: Speaker 2\r\n---\r\nNotes\r\n",
  );
});

test('an episode that does not exist is created (folders too); a .docx is read', async (t) => {
  const docx = await buildDocx([{ heading: 'Intro' }, '[0:05]', 'Alexey', 'Hi everyone.\nWelcome.', '61:00', 'Jane', 'Thanks.']);
  const dir = folder(t, { 'talk.docx': docx });
  const run = convert(['talk.docx', '--into', '_podcast/new-episode.md'], dir);
  assert.deepEqual(run, { code: 0, stdout: '', stderr: 'transcript-convert: _podcast/new-episode.md: 3 lines and 1 header imported from talk.docx (a new file)\n' });
  assert.equal(
    read(dir, '_podcast/new-episode.md'),
    "---\ntranscript:\n- header: Intro\n- line: Hi everyone.\n  sec: 5\n  time: '0:05'\n  who: Alexey\n- line: Welcome.\n  sec: 5\n  time: '0:05'\n  who: Alexey\n"
      + "- line: Thanks.\n  sec: 3660\n  time: '1:01:00'\n  who: Jane\n---\n",
  );
});

test('bad sources are refused with file and line or paragraph; the target stays byte-identical, a new one is not created', async (t) => {
  const dir = folder(t, {
    'episode.md': EPISODE,
    'bad.vtt': 'WEBVTT\n\n00:02.00 --> 00:03.000\nThere\n',
    'bad.docx': new TextEncoder().encode('not a zip'),
    'untimed.docx': await buildDocx([{ style: 'Title', text: 'Episode 12' }, 'Welcome, everyone.']),
    'bad.json': '{"segments": [{"startTime": 1}]}',
    'notes.txt': '0:05\n',
    'latin1.srt': Buffer.from([0x31, 0x0a, 0xe9, 0x0a]),
  });
  const same = untouched(path.join(dir, 'episode.md'));
  const cases: Array<[string, string]> = [
    ['bad.vtt', "transcript-convert: bad.vtt: no cue could be read: line 3: '00:02.00 --> 00:03.000' (Milliseconds must be given in three digits)\n"],
    ['bad.docx', 'transcript-convert: bad.docx: not a Word document (.docx): the file is not a zip archive, as every .docx is\n'],
    ['untimed.docx', "transcript-convert: untimed.docx: paragraph 2: text before any time and speaker: 'Welcome, everyone.' (a turn starts with a paragraph such as [1:02], then one with the speaker's name)\n"],
    ['bad.json', 'transcript-convert: bad.json: segment 1 of 1: "body" must be a string, not missing\n'],
    ['notes.txt', "transcript-convert: notes.txt: line 1: the timestamp '0:05' has no speaker after it\n"],
    ['latin1.srt', 'transcript-convert: latin1.srt: is not UTF-8 text\n'],
    ['missing.srt', 'transcript-convert: missing.srt: no such file or folder\n'],
  ];
  for (const [source, stderr] of cases) {
    assert.deepEqual(convert([source, '--into', 'episode.md', '--replace'], dir), { code: 1, stdout: '', stderr }, source);
    assert.deepEqual(convert([source, '--into', 'new.md'], dir).code, 1, source);
  }
  same();
  assert.equal(fs.existsSync(path.join(dir, 'new.md')), false);
});

test('a source over 50 MB is refused before it is read; a target whose front matter does not parse is left as it is', (t) => {
  const dir = folder(t, { 'talk.srt': SRT, 'broken.md': '---\ntitle: [Queues\n---\nBody\n' });
  fs.truncateSync(path.join(dir, 'talk.srt'), 51 * 1024 * 1024);
  const same = untouched(path.join(dir, 'broken.md'));
  assert.deepEqual(convert(['talk.srt', '--into', 'broken.md'], dir), {
    code: 2, stdout: '', stderr: 'transcript-convert: talk.srt: is 51.0 MB; files over 50 MB are not read\n',
  });
  fs.writeFileSync(path.join(dir, 'small.srt'), SRT);
  const run = convert(['small.srt', '--into', 'broken.md'], dir);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, 'transcript-convert: broken.md: line 3: the front matter does not parse: Flow sequence in block collection must be sufficiently indented and end with a ]; the file is left as it is\n');
  same();
});

test('usage errors exit 2: an unknown extension without --from, an unknown --from, a bad --speaker', (t) => {
  const dir = folder(t, { 'talk.sub': SRT, 'episode.md': EPISODE });
  const same = untouched(path.join(dir, 'episode.md'));
  assert.deepEqual(convert(['talk.sub', '--into', 'episode.md'], dir), {
    code: 2, stdout: '', stderr: "transcript-convert: talk.sub: the format cannot be told from the file name; give '--from FORMAT' (docx, text, srt, vtt, json)\n",
  });
  assert.equal(convert(['talk.sub', '--into', 'episode.md', '--from', 'ass'], dir).code, 2);
  assert.equal(convert(['talk.sub', '--into', 'episode.md', '--speaker', 'Alexey'], dir).code, 2);
  assert.equal(convert(['talk.sub', '--into', 'episode.md', '--max-line-chars', '0'], dir).code, 2);
  same();
  const run = convert(['talk.sub', '--into', 'episode.md', '--from', 'srt', '--max-line-chars', '12'], dir);
  assert.equal(run.code, 0);
  assert.equal(
    read(dir, 'episode.md'),
    "---\ntitle: \"Queues: a talk\"\nguests:\n- jane\ntranscript:\n- line: Hello there.\n  sec: 1\n  time: '0:01'\n  who: Speaker 1\n- line: How are you?\n  sec: 2\n  time: '0:02'\n  who: Speaker 1\n"
      + "- line: Fine, thanks.\n  sec: 65\n  time: '1:05'\n  who: Speaker 2\n---\n\nShow notes.\n",
  );
});

test("text in a tool's shape is told from its content; --from forces a shape; no spoken line is exit 1 naming the shapes tried", (t) => {
  const dir = folder(t, {
    'otter.txt': 'Priya Raman  0:05\nHello and welcome.\n\nSam Lee  0:12\nThanks.\n\nTranscribed by https://otter.ai\n',
    'title.txt': 'Episode 12\nNotes without times.\n',
  });
  assert.deepEqual(convert(['otter.txt', '--into', 'new.md'], dir), {
    code: 0, stdout: '', stderr: 'transcript-convert: new.md: 2 lines and 0 headers imported from otter.txt (a new file)\n',
  });
  const forced = convert(['otter.txt', '--into', 'other.md', '--from', 'youtube'], dir);
  assert.deepEqual(forced, { code: 1, stdout: '', stderr: "transcript-convert: otter.txt: no spoken line found: the text is in none of the shapes tried: YouTube's transcript ('0:05', the text below)\n" });
  const none = convert(['title.txt', '--into', 'other.md'], dir);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /^transcript-convert: title\.txt: no spoken line found: the text is in none of the shapes tried: Otter\.ai .*; the site's Otter shape .*\n$/);
  assert.equal(fs.existsSync(path.join(dir, 'other.md')), false);
});
