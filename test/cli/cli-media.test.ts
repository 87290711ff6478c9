import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { formatTime } from '../../server/src/core';
import { audioToolsMissing, ffmpegMissing, speakEpisode, tempDir } from '../audioFixture';
import { ROOT } from '../helpers';

/** `transcript-lint --media`: the audio rules in CI, with the figures a script wants in --format json. */

const LINES = [
  { text: 'Welcome to the show about weather stations.', at: 2, voice: 'a' as const, who: 'Host' },
  { text: 'Thanks for having me on the show.', at: 12, voice: 'b' as const, who: 'Guest' },
  { text: 'How did the first station get built?', at: 23, voice: 'a' as const, who: 'Host' },
  { text: 'We soldered it together in a barn.', at: 33, voice: 'b' as const, who: 'Guest' },
  { text: 'And did it survive the winter?', at: 44, voice: 'a' as const, who: 'Host' },
  { text: 'Only the second one did in the end.', at: 54, voice: 'b' as const, who: 'Guest' },
];

const missing = audioToolsMissing();
let dir: string;

before(() => {
  if (missing) return;
  dir = tempDir('cli-media-');
  const { wav } = speakEpisode(dir, LINES, 62);
  fs.mkdirSync(path.join(dir, 'media'));
  fs.mkdirSync(path.join(dir, 'episodes'));
  fs.renameSync(wav, path.join(dir, 'media', 's02e05.wav'));
});
after(() => {
  if (!missing) fs.rmSync(dir, { recursive: true, force: true });
});

function writeEpisode(name: string, secs: number[]): void {
  const items = LINES.map((l, i) => `- line: ${l.text}\n  sec: ${secs[i]}\n  time: '${formatTime(secs[i])}'\n  who: ${l.who}\n`).join('');
  fs.writeFileSync(path.join(dir, 'episodes', name), `---\ntitle: Stations\nseason: 2\nepisode: 5\ntranscript:\n${items}---\n`);
}

function lint(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'out/server/src/cli/main.js'), ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(dir, 'cache') },
  });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

test('--media <folder>: the episode\'s media found by its season and episode; offsetSeconds and suggestedSec in json', { skip: missing }, () => {
  writeEpisode('shifted.md', LINES.map((l) => l.at + 7));
  writeEpisode('moved.md', LINES.map((l, i) => (i === 3 ? l.at + 8 : l.at)));
  writeEpisode('intact.md', LINES.map((l) => l.at));
  const run = lint(['episodes', '--media', 'media', '--format', 'json', '--rule', 'speech-rate=off']);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: Record<string, unknown>[] }[] };
  const found = report.files.map((f) => [f.path, f.diagnostics.map((d) => [d.rule, d.line, d.offsetSeconds ?? d.suggestedSec])]);
  assert.deepEqual(found, [
    ['episodes/intact.md', []],
    ['episodes/moved.md', [['sec-off-speech', 19, 44]]],
    ['episodes/shifted.md', [['media-offset', 7, -7]]],
  ]);
  // The second run reads the analysis from the cache folder.
  assert.equal(fs.readdirSync(path.join(dir, 'cache', 'podcast-transcripts', 'audio')).length, 1);
  // Without --media the media folder is not looked in: no audio findings.
  assert.deepEqual(JSON.parse(lint(['episodes', '--format', 'json', '--rule', 'speech-rate=off']).stdout).files.map((f: { diagnostics: unknown[] }) => f.diagnostics.length), [0, 0, 0]);
});

test('an M4A (AAC) beside an episode: one line on stderr saying it cannot be decoded here and to convert it; the episode still checked', { skip: missing || ffmpegMissing() }, () => {
  fs.mkdirSync(path.join(dir, 'aac'));
  const made = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', path.join(dir, 'aac', 'talk.m4a')]);
  assert.equal(made.status, 0, String(made.stderr));
  fs.writeFileSync(path.join(dir, 'aac', 'talk.md'), `---\ntitle: Talk\ntranscript:\n- line: Hello there.\n  sec: 1\n  time: '0:02'\n---\n`);
  const run = lint(['aac']);
  assert.equal(run.stderr.trim(), 'transcript-lint: cannot analyse aac/talk.m4a: M4A/AAC cannot be decoded here (no AAC decoder in WebAssembly); convert it to MP3, OGG/Opus, FLAC or WAV');
  assert.match(run.stdout, /time-mismatch/, 'the other rules still ran');
  assert.equal(run.code, 2, 'a media file that cannot be analysed is a file that cannot be read: exit 2 (docs/cli.md)');
});
