import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { EXPORT_TRANSCRIPT_REQUEST, ExportTranscriptResult } from '../../server/src/protocol';
import { episode } from '../helpers';
import { TestClient } from './lspClient';

/** `transcripts/exportTranscript` over stdio against the built server, as another editor would send it. */

const URI = 'file:///studio/_podcast/ep.md';
const TEXT = episode(`- header: Intro
- line: Welcome & hello.
  sec: 2
  time: '0:02'
  who: Alexey
- line: Thanks.
  sec: 6
  time: '0:06'
  who: Maria
- line: And more.
  who: Maria
`);
let client: TestClient;

before(async () => {
  client = await TestClient.start();
  client.open(URI, TEXT, 1);
  client.open('file:///studio/notes.md', '# Notes\n\nNot an episode.\n');
  client.open('file:///studio/_podcast/broken.md', '---\ntranscript:\n- line: "open quote\n---\n');
  await client.diagnosticsFor(URI, 1);
});
after(async () => {
  await client.stopCleanly();
});

const exportAs = (format: string, extra: object = {}, uri = URI) =>
  client.connection.sendRequest<ExportTranscriptResult>(EXPORT_TRANSCRIPT_REQUEST, { textDocument: { uri }, format, ...extra });

test('exportTranscript: the file text, its extension and the warnings, per format', async () => {
  assert.deepEqual(await exportAs('vtt'), {
    ok: true,
    text: 'WEBVTT\n\n00:00:02.000 --> 00:00:06.000\n<v Alexey>Welcome &amp; hello.\n\n00:00:06.000 --> 00:00:07.200\n<v Maria>Thanks.\nAnd more.\n',
    extension: '.vtt',
    warnings: [],
  });
  assert.deepEqual(await exportAs('srt'), {
    ok: true,
    text: '1\n00:00:02,000 --> 00:00:06,000\nAlexey: Welcome & hello.\n\n2\n00:00:06,000 --> 00:00:07,200\nMaria: Thanks.\nAnd more.\n',
    extension: '.srt',
    warnings: [],
  });
  const json = await exportAs('json');
  assert.equal(json.ok && json.extension, '.json');
  assert.deepEqual(json.ok && JSON.parse(json.text).segments.map((s: { startTime: number }) => s.startTime), [2, 6]);
  assert.deepEqual(await exportAs('text'), {
    ok: true, text: 'Intro\n\n0:02\nAlexey\nWelcome & hello.\n\n0:06\nMaria\nThanks.\n= And more.\n', extension: '.txt', warnings: [],
  });
});

test('exportTranscript: captions split a long line into cues of two lines of 42 characters', async () => {
  const long = 'file:///studio/_podcast/long.md';
  const words = Array.from({ length: 24 }, (_, i) => `word${String(i + 1).padStart(2, '0')}`).join(' ');
  client.open(long, episode(`- line: ${words}\n  sec: 0\n  time: '0:00'\n  who: Alexey\n`), 1);
  const captions = await exportAs('vtt', { captions: true }, long);
  assert.equal(captions.ok && captions.text, 'WEBVTT\n\n' +
    '00:00:00.000 --> 00:00:04.800\n<v Alexey>word01 word02 word03 word04 word05 word06\nword07 word08 word09 word10 word11 word12\n\n' +
    '00:00:04.800 --> 00:00:09.600\n<v Alexey>word13 word14 word15 word16 word17 word18\nword19 word20 word21 word22 word23 word24\n');
});

test('exportTranscript refuses what it cannot export with a message, and never throws', async () => {
  assert.deepEqual(await exportAs('docx'), { ok: false, message: "Unknown export format 'docx' (use vtt, srt, json, text, chapters, youtube, chapters-json, chapters-vtt)." });
  assert.deepEqual(await exportAs('vtt', {}, 'file:///studio/closed.md'), { ok: false, message: 'The document is not open in the language server.' });
  assert.deepEqual(await exportAs('vtt', {}, 'file:///studio/notes.md'), { ok: false, message: 'Cannot export: the file has no transcript.' });
  assert.deepEqual(await exportAs('vtt', {}, 'file:///studio/_podcast/broken.md'),
    { ok: false, message: 'Cannot export: the front matter does not parse; fix it first (transcript-lint names the problem).' });
});
