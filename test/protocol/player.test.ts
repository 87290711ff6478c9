import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  INSERT_LINE_AT_PLAYER_REQUEST, ITEM_AT_SECOND_REQUEST, ItemAtSecondResult, MEDIA_HINTS_REQUEST, MediaHintsResponse, PlayerEditResult,
  SECOND_AT_REQUEST, SecondAtResult, SET_TIME_FROM_PLAYER_REQUEST,
} from '../../server/src/protocol';
import { allotmentEpisode } from '../unit/allotmentFixture';
import { TestClient } from './lspClient';

/** The media player's requests (issue 13) over stdio against the built server, as another editor would send them. */

const URI = 'file:///garden/allotment.md';
const TEXT = allotmentEpisode();
let client: TestClient;

before(async () => {
  client = await TestClient.start();
  client.open(URI, TEXT, 3);
  client.open('file:///garden/notes.md', '# Notes\n\nNot an episode.\n');
  await client.diagnosticsFor(URI, 3);
});
after(async () => {
  await client.stopCleanly();
});

const lineOf = (needle: string) => TEXT.slice(0, TEXT.indexOf(needle)).split('\n').length - 1;
const request = <R>(method: string, params: object) => client.connection.sendRequest<R>(method, { textDocument: { uri: URI }, ...params });

test('itemAtSecond: a number or typed text; the item start and the range to highlight', async () => {
  const at64 = await request<ItemAtSecondResult>(ITEM_AT_SECOND_REQUEST, { at: 64.7 });
  assert.deepEqual(at64, {
    ok: true, sec: 55, at: 64.7,
    position: { line: lineOf('- line: Thanks'), character: 2 },
    range: { start: { line: lineOf('- line: Thanks'), character: 0 }, end: { line: lineOf('- header: Lesson 3'), character: 0 } },
  });
  const typed = await request<ItemAtSecondResult>(ITEM_AT_SECOND_REQUEST, { at: '2:05' });
  assert.equal(typed.ok && typed.position.line, lineOf('- line: Every ten'));
  assert.equal(typed.ok && typed.at, 125);
  assert.equal(typed.ok && typed.range.end.line, lineOf('---\nNotes.'), 'the untimed continuation is part of it');
  const early = await request<ItemAtSecondResult>(ITEM_AT_SECOND_REQUEST, { at: '10' });
  assert.deepEqual(early.ok && [early.sec, early.before], [50, true]);
  assert.deepEqual(await request(ITEM_AT_SECOND_REQUEST, { at: 'soon' }), { ok: false, message: "'soon' is not a time: type 12:34, 1:02:03 or a number of seconds (754)." });
  assert.deepEqual(await request(ITEM_AT_SECOND_REQUEST, { at: -4 }), { ok: false, message: '-4 is not a time: seconds must be 0 or more.' });
  assert.deepEqual(await client.connection.sendRequest(ITEM_AT_SECOND_REQUEST, { textDocument: { uri: 'file:///garden/notes.md' }, at: 5 }),
    { ok: false, message: 'This file is not an episode: its front matter has no transcript.' });
  assert.deepEqual(await client.connection.sendRequest(ITEM_AT_SECOND_REQUEST, { textDocument: { uri: 'file:///garden/closed.md' }, at: 5 }),
    { ok: false, message: 'The document is not open in the language server.' });
});

test('secondAt: the second of the item at a position, null off the transcript', async () => {
  const onHeader = await request<SecondAtResult>(SECOND_AT_REQUEST, { position: { line: lineOf('- header: Lesson 3'), character: 4 } });
  assert.equal(onHeader?.sec, 70);
  assert.equal(onHeader?.position.line, lineOf('- line: So how'));
  const continuation = await request<SecondAtResult>(SECOND_AT_REQUEST, { position: { line: lineOf('- line: And the rest'), character: 0 } });
  assert.equal(continuation?.sec, 123);
  assert.equal(await request(SECOND_AT_REQUEST, { position: { line: 1, character: 0 } }), null);
});

test('a position that is not { line, character } is refused with InvalidParams, and the server goes on', async () => {
  // What a vscode.Position becomes when it is structured-cloned into a web worker: its private fields.
  const cloned = { _line: lineOf('- header: Lesson 3'), _character: 4 };
  const expected = {
    code: -32602,
    message: `position must be { line, character } with whole numbers 0 or more, got ${JSON.stringify(cloned)}`,
  };
  await assert.rejects(request(SECOND_AT_REQUEST, { position: cloned }), expected);
  await assert.rejects(request(SET_TIME_FROM_PLAYER_REQUEST, { position: cloned, sec: 71 }), expected);
  await assert.rejects(request('transcripts/status', { position: cloned }), expected);
  await assert.rejects(request(SECOND_AT_REQUEST, { position: { line: 2.5, character: 0 } }), { code: -32602 });
  const onHeader = await request<SecondAtResult>(SECOND_AT_REQUEST, { position: { line: cloned._line, character: 4 } });
  assert.equal(onHeader?.sec, 70);
});

test('mediaHints: the valid YouTube id (no season/episode in this file); null for a non-episode', async () => {
  assert.deepEqual(await request<MediaHintsResponse>(MEDIA_HINTS_REQUEST, {}), { youtube: 'AbCdEfGhIjK' });
  assert.equal(await client.connection.sendRequest(MEDIA_HINTS_REQUEST, { textDocument: { uri: 'file:///garden/notes.md' } }), null);
});

test('setTimeFromPlayer: edits for the current version, applied they give exactly the new sec and time', async () => {
  const result = await request<PlayerEditResult>(SET_TIME_FROM_PLAYER_REQUEST, { position: { line: lineOf('  time: 0:55'), character: 3 }, sec: 58 });
  assert.ok(result.ok, result.message);
  assert.equal(result.version, 3);
  assert.equal(result.message, 'Set the line "Thanks, glad to be here." (line 27) to 0:58 (sec 58).');
  assert.equal(result.warning, undefined);
  const doc = TextDocument.create(URI, 'markdown', 3, TEXT);
  assert.equal(TextDocument.applyEdits(doc, result.edits), TEXT.replace('  sec: 55\n  time: 0:55', "  sec: 58\n  time: '0:58'"));
  const late = await request<PlayerEditResult>(SET_TIME_FROM_PLAYER_REQUEST, { position: { line: lineOf('- line: Thanks'), character: 0 }, sec: 90 });
  assert.equal(late.ok && late.warning, '1:30 (sec 90) is after the line "So how do the sensors report…" (line 32) at 1:10: the times are now out of order (sec-order).');
});

test('insertLineAtPlayer: the new item and the cursor inside its line', async () => {
  const result = await request<PlayerEditResult>(INSERT_LINE_AT_PLAYER_REQUEST, { position: { line: lineOf('- line: Welcome'), character: 5 }, sec: 52 });
  assert.ok(result.ok, result.message);
  const edited = TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 3, TEXT), result.edits);
  assert.equal(edited, TEXT.replace('  who: Ingrid\n- line: Thanks', '  who: Ingrid\n- line: \n  sec: 52\n  time: 0:52\n  who: Rosa\n- line: Thanks'));
  assert.deepEqual(result.cursor, { line: lineOf('- line: Thanks'), character: 8 });
});

test('refusals come back as { ok: false, message }, not as errors', async () => {
  const position = { line: lineOf('- line: So how'), character: 3 };
  assert.deepEqual(await request(SET_TIME_FROM_PLAYER_REQUEST, { position, sec: 12.5 }), { ok: false, message: "The player's time must be a whole number of seconds, 0 or more (got 12.5)." });
  assert.deepEqual(await request(INSERT_LINE_AT_PLAYER_REQUEST, { position: { line: 2, character: 0 }, sec: 5 }), { ok: false, message: 'Put the cursor on a transcript item first.' });
  assert.deepEqual(await client.connection.sendRequest(SET_TIME_FROM_PLAYER_REQUEST, { textDocument: { uri: 'file:///garden/notes.md' }, position: { line: 0, character: 0 }, sec: 5 }),
    { ok: false, message: 'This file is not an episode: its front matter has no transcript.' });
});
