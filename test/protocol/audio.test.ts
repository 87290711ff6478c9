import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { AUDIO_ANALYSIS_REQUEST, AudioAnalysisResult } from '../../server/src/protocol';
import { audioToolsMissing, ffmpegMissing, speakEpisode, tempDir } from '../audioFixture';
import { TestClient } from './lspClient';

/** `transcripts/audioAnalysis` over stdio, as the player (and any other editor) asks for it. */

const missing = audioToolsMissing();
let client: TestClient;
let dir: string;
let media: string;
const progress: unknown[] = [];

before(async () => {
  if (missing) return;
  dir = tempDir('audio-protocol-');
  const { wav } = speakEpisode(dir, [
    { text: 'Welcome to the show about data.', at: 1, voice: 'a' },
    { text: 'Thank you for having me here today.', at: 5, voice: 'b' },
  ], 9);
  media = pathToFileURL(wav).href;
  client = await TestClient.start(undefined, { initializationOptions: { audioCacheFolder: pathToFileURL(path.join(dir, 'cache')).href } });
  client.connection.onNotification('$/progress', (params: unknown) => { progress.push(params); });
});
after(async () => {
  if (missing) return;
  await client.stopCleanly();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('audioAnalysis: duration, peaks and the two spoken lines, with progress; then from the cache', { skip: missing }, async () => {
  const first = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media, workDoneToken: 'analysis-1' });
  assert.ok(first.ok, JSON.stringify(first));
  assert.equal(first.cached, false);
  assert.equal(first.media, media);
  assert.equal(first.analysis.duration, 9);
  assert.equal(first.analysis.peaksPerSecond, 50);
  assert.equal(Buffer.from(first.analysis.peaks, 'base64').length, 450);
  assert.equal(first.analysis.speech.length, 2, JSON.stringify(first.analysis.speech));
  assert.ok(Math.abs(first.analysis.speech[0][0] - 1) <= 0.1, `onset ${first.analysis.speech[0][0]}`);
  assert.ok(Math.abs(first.analysis.speech[1][0] - 5) <= 0.1, `onset ${first.analysis.speech[1][0]}`);
  const kinds = progress.map((p) => (p as { token: string; value: { kind: string } }).value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds[kinds.length - 1], 'end');
  assert.ok((progress as Array<{ token: string }>).every((p) => p.token === 'analysis-1'));

  const again = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media });
  assert.ok(again.ok);
  assert.equal(again.cached, true);
  assert.deepEqual(again.analysis, first.analysis);
  assert.equal(fs.readdirSync(path.join(dir, 'cache')).length, 1);
});

test('audioAnalysis: a file that is not audio, and one that is not there, answer ok: false with the reason', { skip: missing }, async () => {
  const text = path.join(dir, 'notes.txt');
  fs.writeFileSync(text, 'not audio at all, just words');
  const notAudio = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media: pathToFileURL(text).href });
  assert.deepEqual(notAudio, { ok: false, message: 'Cannot analyse notes.txt: not a recognised audio file (MP3, OGG/Opus, FLAC, WAV)' });
  const gone = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media: pathToFileURL(path.join(dir, 'gone.mp3')).href });
  assert.equal(gone.ok, false);
  assert.match((gone as { message: string }).message, /^Cannot analyse gone\.mp3: ENOENT/);
});

test('audioAnalysis of an M4A (AAC) on Node: ok: false with a message saying to convert it, the server still answering', { skip: missing || ffmpegMissing() }, async () => {
  const m4a = path.join(dir, 'talk.m4a');
  const made = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', m4a]);
  assert.equal(made.status, 0, String(made.stderr));
  const result = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media: pathToFileURL(m4a).href });
  assert.deepEqual(result, { ok: false, message: 'Cannot analyse talk.m4a: M4A/AAC cannot be decoded here (no AAC decoder in WebAssembly); convert it to MP3, OGG/Opus, FLAC or WAV', browserMayDecode: true });
  const again = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media });
  assert.ok(again.ok, 'the next request is answered');
});

test('audioAnalysis with the analysis a client made itself (the player\'s page decoding AAC): kept as sent when it reads as one, refused otherwise', { skip: missing }, async () => {
  const made = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media });
  assert.ok(made.ok);
  const m4a = pathToFileURL(path.join(dir, 'never-read.m4a')).href;
  const given = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media: m4a, analysis: made.analysis });
  assert.deepEqual(given, { ok: true, media: m4a, cached: false, analysis: made.analysis });
  const broken = await client.connection.sendRequest<AudioAnalysisResult>(AUDIO_ANALYSIS_REQUEST, { media: m4a, analysis: { ...made.analysis, speech: [[3, 1]] } });
  assert.deepEqual(broken, { ok: false, message: 'The analysis sent is not one this server reads.' });
});
