import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { episode } from '../helpers';
import { TestClient } from './lspClient';

/** The built server as a child process on stdio, driven by a real LSP client. */

const URI = 'file:///tmp/protocol/episode.md';
const TEXT = episode(
  "- header: Introduction\n- line: Welcome to the show.\n  sec: 159\n  time: '2:38'\n  who: Host\n" +
    "- line: Thanks for having me.\n  sec: 200\n  time: '3:20'\n  who: Guest\n- header: Career\n- line: Tell us more.\n  sec: 208\n  time: '3:28'\n  who: Host\n",
);
let client: TestClient;
let doc: TextDocument;

before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stopCleanly();
});

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);

test('initialize announces the features', async () => {
  const other = await TestClient.start();
  const result = (await other.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as InitializeResult;
  assert.equal(result.serverInfo?.name, 'transcript-language-server');
  assert.equal(result.capabilities.textDocumentSync, 2);
  assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.transcripts'], resolveProvider: false });
  assert.equal(result.capabilities.hoverProvider, true);
  await other.stop();
});

test('didOpen publishes diagnostics with rule codes, source and version', async () => {
  client.open(URI, TEXT, 1);
  doc = TextDocument.create(URI, 'markdown', 1, TEXT);
  const published = await client.diagnosticsFor(URI, 1);
  assert.deepEqual(codes(published.diagnostics), ['time-mismatch@10:8']);
  assert.equal(published.diagnostics[0].source, 'transcripts');
  assert.equal(published.diagnostics[0].severity, 1);
  assert.equal(published.diagnostics[0].message, "time '2:38' is 158 s but sec is 159 s (2:39)");
});

test('a plain Markdown file gets no diagnostics', async () => {
  client.open('file:///tmp/protocol/notes.md', '# Notes\n\n- line: not a transcript\n');
  assert.deepEqual((await client.diagnosticsFor('file:///tmp/protocol/notes.md', 1)).diagnostics, []);
});

test('hover on a line: speaker, time and the video link', async () => {
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: URI }, position: doc.positionAt(TEXT.indexOf('Thanks for')),
  })) as Hover;
  assert.deepEqual(hover.contents, { kind: 'markdown', value: '**Guest**\n\nAt 3:20 (sec 200).\n\n[Open video at 3:20](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=200)' });
});

test('documentSymbol: the headers with time ranges and lines as children', async () => {
  const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.range.start.line, s.children!.length]), [['Introduction', '2:39 – 3:20', 7, 2], ['Career', '3:28', 16, 1]]);
  assert.deepEqual(symbols[0].selectionRange, { start: { line: 7, character: 10 }, end: { line: 7, character: 22 } });
});

test('foldingRange and documentLink', async () => {
  const folds = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as FoldingRange[];
  assert.deepEqual(folds.map((f) => `${f.startLine}-${f.endLine}`), ['8-11', '12-15', '7-15', '17-20', '16-20']);
  const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } })) as DocumentLink[];
  assert.deepEqual(links.map((l) => [l.range.start.line, l.target]), [
    [10, 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=159'], [14, 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=200'], [19, 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=208'],
  ]);
});

test('transcripts/videoAt answers the URL for the cursor', async () => {
  const video = await client.connection.sendRequest('transcripts/videoAt', { textDocument: { uri: URI }, position: doc.positionAt(TEXT.indexOf('Tell us')) });
  assert.deepEqual(video, { url: 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=208', sec: 208 });
});

test('codeAction: the quick fix edit, applied with an incremental change, clears the diagnostic', async () => {
  const published = await client.diagnosticsFor(URI, 1);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics },
  })) as CodeAction[];
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
    ['Recompute time from sec (2:39)', 'quickfix', true],
    ['Recompute sec from time (158)', 'quickfix', false],
    ['Fix all transcript problems', 'source.fixAll.transcripts', false],
  ]);
  const edits = actions[0].edit!.changes![URI] as TextEdit[];
  assert.deepEqual(edits, [{ range: { start: { line: 10, character: 8 }, end: { line: 10, character: 14 } }, newText: "'2:39'" }]);
  client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 2 }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
  });
  doc = TextDocument.update(doc, edits.map((e) => ({ range: e.range, text: e.newText })), 2);
  assert.equal(doc.getText(), TEXT.replace("'2:38'", "'2:39'"));
  assert.deepEqual((await client.diagnosticsFor(URI, 2)).diagnostics, []);
});

test('codeAction with only source.fixAll returns the fix-all action alone', async () => {
  client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 3 }, contentChanges: [{ range: { start: { line: 19, character: 8 }, end: { line: 19, character: 14 } }, text: "'6:29'" }],
  });
  const published = await client.diagnosticsFor(URI, 3);
  assert.deepEqual(codes(published.diagnostics), ['time-mismatch@19:8']);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.transcripts']);
  assert.deepEqual(actions[0].edit!.changes![URI], [{ range: { start: { line: 19, character: 8 }, end: { line: 19, character: 14 } }, newText: "'3:28'" }]);
});

test('changing the settings turns a rule off live', async () => {
  client.clearDiagnostics();
  client.settings = { rules: { 'time-mismatch': 'off' } };
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual((await client.diagnosticsFor(URI, 3)).diagnostics, []);
  client.clearDiagnostics();
  client.settings = { rules: { 'time-mismatch': 'hint' } };
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const published = await client.diagnosticsFor(URI, 3);
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['time-mismatch', 4]]);
  assert.match(published.diagnostics[0].codeDescription!.href, /^https:\/\/.*\/docs\/rules\/time-mismatch\.md$/);
  client.settings = {};
});

test('requests for a document never opened answer null, not an error', async () => {
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///never.md' }, position: { line: 0, character: 0 } });
  assert.equal(hover, null);
});

test('didClose clears the diagnostics', async () => {
  client.clearDiagnostics();
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
  assert.deepEqual((await client.diagnosticsFor(URI)).diagnostics, []);
});

test('semanticTokens: a misspelled speaker and a mismatched time', async () => {
  const uri = 'file:///tmp/protocol/tokens.md';
  const text = episode("- line: A.\n  sec: 1\n  time: '0:01'\n  who: Host\n- line: B.\n  sec: 2\n  time: '0:02'\n  who: Host\n- line: C.\n  sec: 3\n  time: '0:09'\n  who: Hostt\n");
  client.open(uri, text);
  await client.diagnosticsFor(uri, 1);
  const tokens = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  // [deltaLine, deltaStart, length, type, modifiers]: line 17 `time: '0:09'` (number, modification), line 18 `who: Hostt` (variable, deprecated).
  assert.deepEqual(tokens.data, [17, 8, 6, 1, 2, 1, 7, 5, 0, 1]);
});
