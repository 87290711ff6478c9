import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, WorkDoneProgress } from 'vscode-languageserver-protocol';
import type {
  ApplyWorkspaceEditParams, CodeLens, CompletionList, InitializeResult, PrepareRenameResult, SymbolInformation, TextDocumentEdit, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { allotmentEpisode } from '../unit/allotmentFixture';
import { TestClient } from './lspClient';

/**
 * The editing power tools over LSP (issue 8): the built server on stdio, a client that answers
 * workspace/applyEdit and window/showDocument, and a workspace folder of fictional episodes on disk.
 */

/** A fictional episode with `n` distinct long lines; `prefix` makes two talks different. */
function talkEpisode(title: string, id: string, prefix: string, n = 12, headers = ['Lesson 1 Planting', 'Lesson 3 Compost']): string {
  let yaml = '';
  for (let i = 0; i < n; i++) {
    if (i % 6 === 0) yaml += `- header: ${headers[(i / 6) % headers.length]}\n`;
    const sec = 10 + i * 10;
    yaml += `- line: ${prefix} remark ${i}, long enough to count as a spoken line.\n  sec: ${sec}\n  time: '${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}'\n  who: ${i % 2 ? 'Ann' : 'Bo'}\n`;
  }
  return `---\ntitle: ${title}\nids:\n  youtube: ${id}\ntranscript:\n${yaml}---\n`;
}

const WORKSPACE = fs.mkdtempSync(path.join(os.tmpdir(), 'transcripts-power-'));
const FILES: Record<string, string> = {
  '_podcast/compost-basics.md': talkEpisode('Compost basics', 'AbCdEfGhIjK', 'Compost'),
  '_podcast/compost-again.md': talkEpisode('Compost again', 'ZyXwVuTsRqP', 'Compost'),
  '_podcast/pruning.md': talkEpisode('Pruning', 'MnOpQrStUvW', 'Pruning', 12, ['Lesson 2 Shears', 'Lesson 3 Timing']),
  'notes/readme.md': '# Notes\n\n- header: not an episode\n',
};
const uriOf = (rel: string) => pathToFileURL(path.join(WORKSPACE, rel)).href;

let client: TestClient;
const applied: ApplyWorkspaceEditParams[] = [];
const messages: { type: number; message: string }[] = [];
const shown: { uri: string; external?: boolean }[] = [];
const progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
/** The client's copies of open documents, updated by the edits it applies. */
const docs = new Map<string, TextDocument>();

before(async () => {
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(WORKSPACE, rel)), { recursive: true });
    fs.writeFileSync(path.join(WORKSPACE, rel), text);
  }
  client = await TestClient.start(undefined, {
    rootUri: pathToFileURL(WORKSPACE).href,
    workspaceFolders: [{ uri: pathToFileURL(WORKSPACE).href, name: 'garden' }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, workspaceFolders: true, codeLens: { refreshSupport: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: true } }, rename: { prepareSupport: true } },
      window: { workDoneProgress: true, showDocument: { support: true } },
    },
    initializationOptions: { retriggerSuggestCommand: 'editor.action.triggerSuggest' },
  });
  const c = client.connection;
  c.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams): { applied: boolean; failureReason?: string } => {
    applied.push(params);
    for (const change of params.edit.documentChanges as TextDocumentEdit[]) {
      const doc = docs.get(change.textDocument.uri)!;
      if (change.textDocument.version !== doc.version) return { applied: false, failureReason: 'stale version' };
      const next = TextDocument.update(doc, (change.edits as TextEdit[]).map((e) => ({ range: e.range, text: e.newText })), doc.version + 1);
      docs.set(doc.uri, next);
      c.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: [{ text: next.getText() }] });
    }
    return { applied: true };
  });
  c.onNotification('window/showMessage', (params: { type: number; message: string }) => {
    messages.push(params);
  });
  c.onRequest('window/showDocument', (params: { uri: string; external?: boolean }) => {
    shown.push(params);
    return { success: true };
  });
  c.onRequest('window/workDoneProgress/create', () => null);
  c.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(WORKSPACE).href, name: 'garden' }]);
  c.onRequest('workspace/codeLens/refresh', () => null);
});

after(async () => {
  await client.stopCleanly();
  fs.rmSync(WORKSPACE, { recursive: true, force: true });
});

function open(uri: string, text: string): TextDocument {
  const doc = TextDocument.create(uri, 'markdown', 1, text);
  docs.set(uri, doc);
  client.open(uri, text, 1);
  return doc;
}

const EPISODE_URI = 'file:///tmp/power/allotment.md';
const EPISODE = allotmentEpisode();

test('initialize announces rename with prepare, completion, CodeLens, workspace symbols and the commands', async () => {
  const other = await TestClient.start();
  const result = (await other.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as InitializeResult;
  assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
  assert.deepEqual(result.capabilities.completionProvider, { triggerCharacters: [' '], resolveProvider: false });
  assert.deepEqual(result.capabilities.codeLensProvider, { resolveProvider: false });
  assert.equal(result.capabilities.workspaceSymbolProvider, true);
  assert.deepEqual(result.capabilities.executeCommandProvider, { commands: ['transcripts.shiftTimes', 'transcripts.checkWorkspace', 'transcripts.openVideo', 'transcripts.addWord'] });
  await other.stop();
});

test('executeCommand transcripts.shiftTimes: the server sends one workspace/applyEdit for the document version; the result says what moved', async () => {
  const doc = open(EPISODE_URI, EPISODE);
  await client.diagnosticsFor(EPISODE_URI, 1);
  const line = doc.positionAt(EPISODE.indexOf('- line: So how')).line;
  const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.shiftTimes', arguments: [{ uri: EPISODE_URI, line, delta: 7 }] });
  assert.deepEqual(result, { applied: true, message: 'Shifted 2 timed items from 1:10 on by +7 s. duration is now PT00H01M20S.' });
  assert.equal(applied.length, 1);
  assert.equal(applied[0].label, 'Shift times');
  const change = applied[0].edit.documentChanges![0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri: EPISODE_URI, version: 1 });
  assert.equal(change.edits.length, 5);
  assert.equal(docs.get(EPISODE_URI)!.getText(), EPISODE.replace('PT00H01M13S', 'PT00H01M20S').replace("sec: 70\n  time: '1:10'", "sec: 77\n  time: '1:17'").replace("sec: 123\n  time: '2:03'", "sec: 130\n  time: '2:10'"));
  assert.deepEqual((await client.diagnosticsFor(EPISODE_URI, 2)).diagnostics, []);
});

test('shiftTimes with to (=1:00) and a refusal: the message names the item, no edit is sent', async () => {
  const doc = docs.get(EPISODE_URI)!;
  const before = applied.length;
  const line = doc.positionAt(doc.getText().indexOf('- line: Thanks')).line;
  const refused = await client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.shiftTimes', arguments: [{ uri: EPISODE_URI, line, delta: -6 }] });
  assert.deepEqual(refused, { applied: false, message: 'Cannot shift by −6 s: the line "Thanks, glad to be here." (line 27) would move to 0:49 (sec 49), before the line "Welcome to the allotment…" (line 23) at 0:50 (sec 50).' });
  assert.equal(applied.length, before);
  assert.deepEqual(messages.at(-1), { type: 2, message: (refused as { message: string }).message });
  const moved = await client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.shiftTimes', arguments: [{ uri: EPISODE_URI, line: 0, delta: 5 }] });
  assert.deepEqual(moved, { applied: false, message: 'Put the cursor on a transcript item: times move from that item to the end.' });
  const bad = client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.shiftTimes', arguments: [{ uri: EPISODE_URI, line, delta: 1.5 }] });
  await assert.rejects(bad, /takes \[\{ uri, line, delta \}\]/);
  const to = await client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.shiftTimes', arguments: [{ uri: EPISODE_URI, line, to: 60 }] });
  assert.equal((to as { applied: boolean }).applied, true);
  assert.match(docs.get(EPISODE_URI)!.getText(), /- line: Thanks, glad to be here\.\n  sec: 60\n  time: '1:00'\n/);
});

test('prepareRename and rename on a who value; elsewhere an error that says why', async () => {
  const doc = docs.get(EPISODE_URI)!;
  const at = doc.positionAt(doc.getText().indexOf('who: Rosa') + 6);
  const prepared = (await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: EPISODE_URI }, position: at })) as PrepareRenameResult;
  assert.deepEqual(prepared, { range: { start: { line: at.line, character: 7 }, end: { line: at.line, character: 11 } }, placeholder: 'Rosa' });
  const edit = (await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: EPISODE_URI }, position: at, newName: 'Rosa Quill' })) as WorkspaceEdit;
  const edits = edit.changes![EPISODE_URI];
  assert.equal(edits.length, 3);
  assert.equal(TextDocument.applyEdits(doc, edits), doc.getText().replace(/who: Rosa\n/g, 'who: Rosa Quill\n'));
  await assert.rejects(client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: EPISODE_URI }, position: doc.positionAt(doc.getText().indexOf('Welcome')) }),
    /Only a speaker can be renamed here/);
});

test('completion after who: (speakers, then guests) and on a new "- " (a snippet with the previous time)', async () => {
  const uri = 'file:///tmp/power/completion.md';
  const text = EPISODE.replace('  who: Ingrid\n- line: Every', '  who: \n- line: Every').replace("  who: Rosa\n- header: Lesson 3", '  who: Rosa\n- \n- header: Lesson 3');
  const doc = open(uri, text);
  const whoAt = doc.positionAt(text.indexOf('  who: \n') + 7);
  const speakers = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: whoAt })) as CompletionList;
  assert.deepEqual(speakers.items.map((i) => [i.label, i.detail, i.kind]), [['Rosa', 'speaker in this file', 12], ['Ingrid', 'speaker in this file', 12], ['Tomasz Berg', 'guest (from guests)', 12]]);
  const dashAt = doc.positionAt(text.indexOf('- \n') + 2);
  const item = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: dashAt, context: { triggerKind: 2, triggerCharacter: ' ' } })) as CompletionList;
  assert.deepEqual(item.items[0].textEdit, { range: { start: dashAt, end: dashAt }, newText: 'line: $1\n  sec: ${2:55}\n  time: ${3:0:55}\n  who: ${4:Ingrid}' });
  assert.equal(item.items[0].insertTextFormat, 2);
  const keyText = text.replace('  who: Rosa\n- \n', '  who: Rosa\n- line: New.\n  \n');
  const keyUri = 'file:///tmp/power/keys.md';
  const keyDoc = open(keyUri, keyText);
  const keys = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: keyUri }, position: keyDoc.positionAt(keyText.indexOf('New.\n  \n') + 7) })) as CompletionList;
  assert.deepEqual(keys.items.map((i) => [i.label, i.command?.command]), [['sec', undefined], ['time', undefined], ['who', 'editor.action.triggerSuggest']]);
  assert.equal(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 3 } }), null);
});

test('CodeLens ▶ above each header runs transcripts.openVideo, which asks the client to show the URL externally; other URLs are refused', async () => {
  const uri = 'file:///tmp/power/lens.md';
  open(uri, EPISODE);
  const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title, l.command!.command, l.command!.arguments]), [
    [21, '▶ 0:50', 'transcripts.openVideo', ['https://www.youtube.com/watch?v=AbCdEfGhIjK&t=50']],
    [30, '▶ 1:10', 'transcripts.openVideo', ['https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70']],
  ]);
  const opened = await client.connection.sendRequest('workspace/executeCommand', { command: lenses[1].command!.command, arguments: lenses[1].command!.arguments });
  assert.deepEqual(opened, { opened: true });
  assert.deepEqual(shown.at(-1), { uri: 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70', external: true });
  for (const url of ['https://evil.example/watch?v=AbCdEfGhIjK&t=1', 'command:workbench.action.quit', 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=1&x=<b>']) {
    assert.deepEqual(await client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.openVideo', arguments: [url] }), { opened: false });
  }
  assert.equal(shown.length, 1);
});

test('transcripts/status: the time at the cursor and the length', async () => {
  const uri = 'file:///tmp/power/lens.md';
  const doc = docs.get(uri)!;
  const status = await client.connection.sendRequest('transcripts/status', { textDocument: { uri }, position: doc.positionAt(EPISODE.indexOf('Every ten')) });
  assert.deepEqual(status, { text: '2:03 / 2:03', sec: 123, length: 123, url: 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=123' });
});

test('workspace/symbol: headers of every episode on disk and open, the episode as container', async () => {
  const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'Lesson 3' })) as SymbolInformation[];
  const rows = symbols.map((s) => [s.name, s.containerName, s.location.uri.replace(pathToFileURL(WORKSPACE).href, 'ws:'), s.location.range.start.line]).sort();
  assert.deepEqual(rows, [
    ['Lesson 3 Compost', 'Compost again', 'ws:/_podcast/compost-again.md', 30],
    ['Lesson 3 Compost', 'Compost basics', 'ws:/_podcast/compost-basics.md', 30],
    ['Lesson 3 Soil sensors', 'Gardening Data', 'file:///tmp/power/allotment.md', 30],
    ['Lesson 3 Soil sensors', 'Gardening Data', 'file:///tmp/power/completion.md', 31],
    ['Lesson 3 Soil sensors', 'Gardening Data', 'file:///tmp/power/keys.md', 32],
    ['Lesson 3 Soil sensors', 'Gardening Data', 'file:///tmp/power/lens.md', 30],
    ['Lesson 3 Timing', 'Pruning', 'ws:/_podcast/pruning.md', 30],
  ]);
  assert.deepEqual(symbols[0].location.range.start.character, 10);
});

test('transcript-copy on an open episode names the copied file on disk', async () => {
  const uri = uriOf('_podcast/compost-again.md');
  client.clearDiagnostics();
  open(uri, FILES['_podcast/compost-again.md']);
  let diagnostics = (await client.diagnosticsFor(uri, 1)).diagnostics;
  // The index may still be building for the first check; the server checks again when it is done.
  for (let i = 0; i < 50 && diagnostics.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    diagnostics = (await client.diagnosticsFor(uri, 1)).diagnostics;
  }
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.message]), [[
    'transcript-copy', 2, 4,
    'the spoken lines of this episode are those of _podcast/compost-basics.md: 12 of 12 lines (of 20+ characters) are the same; one transcript was probably copied into the wrong episode',
  ]]);
});

test('transcripts.checkWorkspace: progress, findings of closed files published, copies named both ways, a summary', async () => {
  client.clearDiagnostics();
  // A closed file with a problem of its own.
  fs.writeFileSync(path.join(WORKSPACE, '_podcast/pruning.md'), FILES['_podcast/pruning.md'].replace("time: '0:10'", "time: '0:11'"));
  const listening = client.connection.onProgress(WorkDoneProgress.type, 'check-1', (value) => {
    progress.push({ token: 'check-1', value });
  });
  const summary = await client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.checkWorkspace', arguments: [], workDoneToken: 'check-1' });
  listening.dispose();
  // compost-again.md is open (its copy finding counts), compost-basics.md and pruning.md are read from disk.
  assert.deepEqual(summary, { files: 4, episodes: 3, findings: 3, filesWithFindings: 3, copies: 1, cancelled: false });
  const basics = await client.diagnosticsFor(uriOf('_podcast/compost-basics.md'));
  assert.deepEqual(basics.diagnostics.map((d) => [d.code, String(d.message).split(':')[0]]), [['transcript-copy', 'the spoken lines of this episode are those of _podcast/compost-again.md']]);
  const pruning = await client.diagnosticsFor(uriOf('_podcast/pruning.md'));
  assert.deepEqual(pruning.diagnostics.map((d) => [d.code, d.range.start.line]), [['time-mismatch', 8]]);
  const mine = progress.filter((p) => p.token === 'check-1').map((p) => p.value.kind);
  assert.equal(mine[0], 'begin');
  assert.equal(mine.at(-1), 'end');
  assert.ok(mine.filter((k) => k === 'report').length >= 4);
});

test('checkWorkspace cancelled: stops between files and says so', async () => {
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest('workspace/executeCommand', { command: 'transcripts.checkWorkspace', arguments: [] }, source.token);
  source.cancel();
  const outcome = await pending.then((r) => r, (e: Error) => e);
  if (outcome instanceof Error) assert.match(outcome.message, /cancel/i);
  else assert.equal((outcome as { cancelled: boolean }).cancelled, true);
});

test('closing a file keeps the workspace check\'s findings of it in the Problems panel', async () => {
  const uri = uriOf('_podcast/pruning.md');
  open(uri, fs.readFileSync(path.join(WORKSPACE, '_podcast/pruning.md'), 'utf8'));
  await client.diagnosticsFor(uri, 1);
  client.clearDiagnostics();
  client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const deadline = Date.now() + 5000;
  let last = await client.diagnosticsFor(uri);
  while (last.diagnostics.length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await client.diagnosticsFor(uri);
  }
  assert.deepEqual(last.diagnostics.map((d) => d.code), ['time-mismatch']);
});

test('transcript-copy between two open documents, without any workspace folder: each names the other', async () => {
  const solo = await TestClient.start();
  try {
    const a = 'file:///tmp/power-solo/first.md';
    const b = 'file:///tmp/power-solo/second.md';
    solo.open(a, talkEpisode('First', 'AbCdEfGhIjK', 'Mulch'));
    assert.deepEqual((await solo.diagnosticsFor(a, 1)).diagnostics, []);
    solo.open(b, talkEpisode('Second', 'ZyXwVuTsRqP', 'Mulch'));
    const second = (await solo.diagnosticsFor(b, 1)).diagnostics;
    assert.deepEqual(second.map((d) => [d.code, String(d.message).split(':')[0]]), [['transcript-copy', 'the spoken lines of this episode are those of first.md']]);
    // The first one is checked again once its partner appears.
    let first = (await solo.diagnosticsFor(a, 1)).diagnostics;
    for (let i = 0; i < 50 && first.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      first = (await solo.diagnosticsFor(a, 1)).diagnostics;
    }
    assert.deepEqual(first.map((d) => [d.code, String(d.message).split(':')[0]]), [['transcript-copy', 'the spoken lines of this episode are those of second.md']]);
  } finally {
    assert.equal(await solo.stop(), 0);
  }
});
