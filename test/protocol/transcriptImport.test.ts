import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ImportTranscriptResult, IMPORT_TRANSCRIPT_REQUEST, ReadTranscriptResult, READ_TRANSCRIPT_REQUEST,
} from '../../server/src/protocol';
import { buildDocx } from '../docxFixture';
import { TestClient, writeFiles } from './lspClient';

/** `transcripts/readTranscript` and `transcripts/importTranscript` over stdio against the built server, as any editor would send them. */

const WORKSPACE = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-import-lsp-'));
const FILES: Record<string, string> = {
  '_podcast/one.md': "---\ntitle: One\ntranscript:\n- line: Hi.\n  sec: 1\n  time: '0:01'\n  who: Alexey\n- line: Hello.\n  sec: 2\n  time: '0:02'\n  who: Jane Roe\n- line: Again.\n  sec: 3\n  time: '0:03'\n  who: Alexey\n---\n",
  '_podcast/two.md': "---\ntitle: Two\ntranscript:\n- line: Hey.\n  sec: 1\n  time: '0:01'\n  who: Bob\n---\n",
};
const VTT = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Speaker 1>Hi there.\n\n00:02.500 --> 00:04.000\nHow are you?\n\n00:05.000 --> 00:06.000\n<v Jane Roe>Fine.\n\n00:07.000 --> 00:08.000\n<v Carol>Me too.\n';
const EPISODE_URI = pathToFileURL(path.join(WORKSPACE, '_podcast/new.md')).href;
const EPISODE = '---\ntitle: New\n---\nNotes.\n';
let client: TestClient;

before(async () => {
  writeFiles(WORKSPACE, FILES);
  client = await TestClient.start(undefined, {
    rootUri: pathToFileURL(WORKSPACE).href,
    workspaceFolders: [{ uri: pathToFileURL(WORKSPACE).href, name: 'show' }],
  });
  client.connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(WORKSPACE).href, name: 'show' }]);
  client.open(EPISODE_URI, EPISODE, 4);
  await client.diagnosticsFor(EPISODE_URI, 4);
});

after(async () => {
  await client.stopCleanly();
  fs.rmSync(WORKSPACE, { recursive: true, force: true });
});

test('readTranscript: counts, speakers, the workspace\'s speakers (most lines first) and the names to ask about', async () => {
  const result = await client.connection.sendRequest<ReadTranscriptResult>(READ_TRANSCRIPT_REQUEST, { source: { name: 'talk.vtt', text: VTT } });
  assert.deepEqual(result, {
    ok: true, lines: 3, headers: 0,
    speakers: ['Speaker 1', 'Jane Roe', 'Carol'],
    knownSpeakers: ['Alexey', 'Bob', 'Jane Roe'],
    unknownSpeakers: ['Speaker 1', 'Carol'],
    warnings: [],
  });
  const perCue = await client.connection.sendRequest<ReadTranscriptResult>(READ_TRANSCRIPT_REQUEST, {
    source: { name: 'talk.vtt', text: VTT }, oneItemPerCue: true, speakers: { 'Speaker 1': 'Alexey', Nobody: 'X' },
  });
  assert.deepEqual(perCue.ok && [perCue.lines, perCue.speakers, perCue.unknownSpeakers, perCue.warnings], [
    4, ['Alexey', 'Jane Roe', 'Carol'], ['Carol'], ["no speaker named 'Nobody' in the source: its rename is not used"],
  ]);
});

test('readTranscript: a bad source is a failure naming the file and line; a .docx comes as base64', async () => {
  assert.deepEqual(await client.connection.sendRequest(READ_TRANSCRIPT_REQUEST, { source: { name: 'talk.vtt', text: 'WEBVTT\n\n00:01 --> 00:02\nHi\n' } }), {
    ok: false, message: "talk.vtt: no cue could be read: line 3: '00:01 --> 00:02' (No decimal separator (\".\") found)",
  });
  assert.deepEqual(await client.connection.sendRequest(READ_TRANSCRIPT_REQUEST, { source: { name: 'talk.sub', text: 'x' } }), {
    ok: false, message: 'talk.sub: the format cannot be told from the file name (docx, text, srt, vtt, json)',
  });
  const docx = await buildDocx([{ heading: 'Intro' }, '[0:05]', 'SPEAKER_00', 'Hello.']);
  const read = await client.connection.sendRequest<ReadTranscriptResult>(READ_TRANSCRIPT_REQUEST, { source: { name: 'talk.docx', base64: Buffer.from(docx).toString('base64') } });
  assert.deepEqual(read.ok && [read.lines, read.headers, read.speakers, read.unknownSpeakers], [1, 1, ['SPEAKER_00'], ['SPEAKER_00']]);
  assert.deepEqual(await client.connection.sendRequest(READ_TRANSCRIPT_REQUEST, { source: { name: 'talk.docx', base64: Buffer.from('not a zip').toString('base64') } }), {
    ok: false, message: 'talk.docx: not a Word document (.docx): the file is not a zip archive, as every .docx is',
  });
});

test('importTranscript: the edit into an open episode (one edit, for its version); a new episode\'s text; replace only when asked', async () => {
  const params = { source: { name: 'talk.vtt', text: VTT }, speakers: { 'Speaker 1': 'Alexey' } };
  const into = await client.connection.sendRequest<ImportTranscriptResult>(IMPORT_TRANSCRIPT_REQUEST, { ...params, textDocument: { uri: EPISODE_URI } });
  const items = "transcript:\n- line: Hi there. How are you?\n  sec: 1\n  time: '0:01'\n  who: Alexey\n- line: Fine.\n  sec: 5\n  time: '0:05'\n  who: Jane Roe\n- line: Me too.\n  sec: 7\n  time: '0:07'\n  who: Carol\n";
  assert.deepEqual(into, {
    ok: true, version: 4, lines: 3, headers: 0, replaced: false, warnings: [],
    edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: items }],
  });
  const fresh = await client.connection.sendRequest<ImportTranscriptResult>(IMPORT_TRANSCRIPT_REQUEST, params);
  assert.deepEqual(fresh, { ok: true, newText: `---\n${items}---\n`, lines: 3, headers: 0, replaced: false, warnings: [] });

  const withTranscript = TextDocument.update(TextDocument.create(EPISODE_URI, 'markdown', 4, EPISODE), into.ok ? into.edits!.map((e) => ({ range: e.range, text: e.newText })) : [], 5);
  client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: EPISODE_URI, version: 5 }, contentChanges: [{ text: withTranscript.getText() }] });
  assert.deepEqual(await client.connection.sendRequest(IMPORT_TRANSCRIPT_REQUEST, { ...params, textDocument: { uri: EPISODE_URI } }), {
    ok: false, message: 'The episode already has a transcript.', hasTranscript: true,
  });
  const replaced = await client.connection.sendRequest<ImportTranscriptResult>(IMPORT_TRANSCRIPT_REQUEST, { source: { name: 'talk.vtt', text: VTT }, textDocument: { uri: EPISODE_URI }, replace: true });
  assert.deepEqual(replaced.ok && [replaced.version, replaced.replaced, replaced.edits!.map((e) => [e.range.start.line, e.range.end.line])], [5, true, [[2, 15]]]);
  assert.deepEqual(await client.connection.sendRequest(IMPORT_TRANSCRIPT_REQUEST, { ...params, textDocument: { uri: 'file:///elsewhere/closed.md' } }), {
    ok: false, message: 'The episode is not open in the language server.',
  });
});

test('importTranscript: an episode whose front matter does not parse is refused, nothing to apply', async () => {
  const uri = pathToFileURL(path.join(WORKSPACE, '_podcast/broken.md')).href;
  client.open(uri, '---\ntitle: [Broken\n---\n', 1);
  assert.deepEqual(await client.connection.sendRequest(IMPORT_TRANSCRIPT_REQUEST, { source: { name: 'talk.vtt', text: VTT }, textDocument: { uri } }), {
    ok: false, message: 'The episode: line 3: the front matter does not parse: Flow sequence in block collection must be sufficiently indented and end with a ]; the file is left as it is',
  });
});
