import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { mergeConfigs } from '../../server/src/core';
import { ROOT } from '../helpers';
import { TestClient } from '../protocol/lspClient';
import { ServerProbe } from './differential';
import { loadSeeds, randomEdit, Rng } from './fuzzLib';

/**
 * Protocol abuse: what a broken or hostile client can send. The server keeps its state equal to
 * what the text says (checked against a fresh analysis), answers with proper errors, logs no
 * error for what it can handle, and never dies.
 */

const SEED_TEXT = loadSeeds({ corpus: false }).fixtures.find((d) => d.name.endsWith('modern.md'))!.text;
let probe: ServerProbe;

const opened = new Set<string>();

before(async () => {
  probe = new ServerProbe(await TestClient.start(), new Rng(404), 15_000);
});
// One document open at a time (the oracle analyses one file; cross-file rules need company): a failed test closes its own.
afterEach(async () => {
  for (const uri of opened) await probe.close(uri);
  opened.clear();
});
after(async () => {
  assert.equal(await probe.client.stop(), 0);
});

function open(uri: string, text = SEED_TEXT): TextDocument {
  probe.client.open(uri, text, 1);
  opened.add(uri);
  return TextDocument.create(uri, 'markdown', 1, text);
}

async function close(uri: string): Promise<void> {
  opened.delete(uri);
  assert.deepEqual(await probe.close(uri), []);
}

async function expectConsistent(uri: string, doc: TextDocument, what: string): Promise<void> {
  assert.deepEqual(await probe.check(uri, doc, mergeConfigs()), [], what);
}

test('changes with ranges outside the document are clamped the way TextDocument does, and the state stays consistent', async () => {
  const uri = 'file:///abuse/ranges.md';
  let doc = open(uri);
  await expectConsistent(uri, doc, 'on open');
  const abusive: TextDocumentContentChangeEvent[][] = [
    [{ range: { start: { line: 10_000, character: 0 }, end: { line: 10_001, character: 5 } }, text: '\nappended past the end\n' }],
    [{ range: { start: { line: 3, character: 500 }, end: { line: 3, character: 900 } }, text: 'X' }],
    [{ range: { start: { line: -5, character: -3 }, end: { line: 0, character: 0 } }, text: '' }],
    [{ range: { start: { line: 30, character: 4 }, end: { line: 28, character: 2 } }, text: 'backwards' }],
    [{ range: { start: { line: 2, character: 0 }, end: { line: 2_000_000_000, character: 2_000_000_000 } }, text: 'transcript:\n- line: all the rest replaced\n' }],
    [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: SEED_TEXT }],
    // Several changes in one notification, each on the text the previous one left.
    [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '---' },
      { range: { start: { line: 99_999, character: 0 }, end: { line: 99_999, character: 0 } }, text: '\n' },
    ],
  ];
  for (const [i, changes] of abusive.entries()) {
    doc = probe.change(uri, doc, changes);
    await expectConsistent(uri, doc, `after abusive change ${i + 1}: ${JSON.stringify(changes).slice(0, 200)}`);
  }
  await close(uri);
});

test('changes for a document never opened, or already closed, are ignored; versions out of order are applied as sent', async () => {
  const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' };
  probe.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///abuse/never.md', version: 2 }, contentChanges: [change] });
  const uri = 'file:///abuse/versions.md';
  let doc = open(uri);
  await expectConsistent(uri, doc, 'on open');
  // A version going backwards: LSP forbids it; the server applies the change and reports for the version it was given.
  probe.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 0 }, contentChanges: [change] });
  doc = TextDocument.update(doc, [change], 0);
  await expectConsistent(uri, doc, 'after a change with a lower version');
  await close(uri);
  probe.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [change] });
  probe.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  probe.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///abuse/never.md' } });
  // Opening it again starts from the new text, with nothing left from before.
  doc = open(uri, SEED_TEXT.replace('Rowan', 'Rowena'));
  await expectConsistent(uri, doc, 'reopened');
  // A second didOpen of an open document replaces it, at the same version number.
  doc = open(uri, SEED_TEXT);
  await expectConsistent(uri, doc, 'opened twice');
  // A change that repeats the version number it had.
  const again = { range: { start: doc.positionAt(SEED_TEXT.indexOf('sec: 12')), end: doc.positionAt(SEED_TEXT.indexOf('sec: 12') + 7) }, text: 'sec: 13' };
  probe.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [again] });
  doc = TextDocument.update(doc, [again], 1);
  await expectConsistent(uri, doc, 'after a change that kept the version number');
  await close(uri);
  assert.deepEqual(probe.newLogProblems(), []);
});

test('requests for documents never opened or already closed answer null, not an error', async () => {
  const uri = 'file:///abuse/closed.md';
  const doc = open(uri);
  await expectConsistent(uri, doc, 'on open');
  await close(uri);
  const position = { line: 25, character: 4 };
  for (const target of [uri, 'file:///abuse/never-opened.md', 'untitled:Nope', 'not a uri at all']) {
    const textDocument = { uri: target };
    const answers = await Promise.all([
      probe.request('textDocument/hover', { textDocument, position }),
      probe.request('textDocument/documentSymbol', { textDocument }),
      probe.request('textDocument/foldingRange', { textDocument }),
      probe.request('textDocument/documentLink', { textDocument }),
      probe.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }),
      probe.request('transcripts/videoAt', { textDocument, position }),
    ]);
    assert.ok(answers.every((a) => a === null || (Array.isArray(a) && a.length === 0)), `${target}: ${JSON.stringify(answers)}`);
  }
  assert.deepEqual(probe.newLogProblems(), []);
});

test('unknown methods answer MethodNotFound; unknown notifications are ignored', async () => {
  for (const method of ['textDocument/noSuchThing', 'transcripts/nope', 'workspace/noSuchThing', '$/unknownRequest']) {
    await assert.rejects(probe.request(method, {}), (error: unknown) => {
      assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
      assert.equal(error.code, ErrorCodes.MethodNotFound, `${method}: ${error.message}`);
      return true;
    });
  }
  probe.client.connection.sendNotification('textDocument/noSuchNotification', { anything: 1 });
  probe.client.connection.sendNotification('$/setTrace', { value: 'verbose' });
  probe.client.connection.sendNotification('$/somethingElse', {});
  const uri = 'file:///abuse/after-unknown.md';
  await expectConsistent(uri, open(uri), 'still serving');
  await close(uri);
});

test('requests with missing or malformed parameters answer an error and the server keeps serving', async () => {
  const uri = 'file:///abuse/params.md';
  const doc = open(uri);
  await expectConsistent(uri, doc, 'on open');
  const bad: [string, unknown][] = [
    ['textDocument/hover', { textDocument: { uri } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 'one', character: null } }],
    ['textDocument/codeAction', { textDocument: { uri } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, context: { only: 'quickfix' } }],
    ['textDocument/documentSymbol', {}],
    ['textDocument/foldingRange', null],
    ['transcripts/videoAt', { textDocument: { uri }, position: { line: 1e300, character: -1e300 } }],
  ];
  for (const [method, params] of bad) {
    const answer = await probe.request(method, params).then((value) => ({ value }), (error: unknown) => ({ error }));
    if ('error' in answer) {
      assert.ok(answer.error instanceof ResponseError, `${method} ${JSON.stringify(params)}: ${String(answer.error)}`);
      assert.ok(([ErrorCodes.InternalError, ErrorCodes.InvalidParams, ErrorCodes.InvalidRequest] as number[]).includes(answer.error.code), `${method}: code ${answer.error.code}`);
    }
  }
  // Errors it answered are logged once each (by design); afterwards all is as before.
  probe.newLogProblems();
  const next = probe.change(uri, doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
  await expectConsistent(uri, next, 'after malformed requests');
  await close(uri);
});

test('workspace/executeCommand with unknown commands and garbage arguments answers, and changes nothing', async () => {
  const uri = 'file:///abuse/commands.md';
  const doc = open(uri);
  await expectConsistent(uri, doc, 'on open');
  const calls: { command: unknown; arguments?: unknown }[] = [
    { command: 'transcripts.noSuchCommand' },
    { command: 42 },
    { command: 'transcripts.shiftTimes' },
    { command: 'transcripts.shiftTimes', arguments: [null] },
    { command: 'transcripts.shiftTimes', arguments: [{ uri, line: -1, delta: 5 }] },
    { command: 'transcripts.shiftTimes', arguments: [{ uri, line: 1e9, delta: 1e300 }] },
    { command: 'transcripts.shiftTimes', arguments: [{ uri: 'file:///abuse/never.md', line: 3, delta: 5 }] },
    { command: 'transcripts.shiftTimes', arguments: [{ uri, line: '3', to: -7 }] },
    { command: 'transcripts.openVideo', arguments: ['javascript:alert(1)'] },
    { command: 'transcripts.openVideo', arguments: ['command:workbench.action.terminal.new'] },
    { command: 'transcripts.openVideo', arguments: [{ url: 'https://evil.example' }] },
  ];
  for (const call of calls) {
    const answer = await probe.request('workspace/executeCommand', call).then((value) => ({ value }), (error: unknown) => ({ error }));
    if ('error' in answer) assert.ok(answer.error instanceof ResponseError, `${JSON.stringify(call)}: ${String(answer.error)}`);
    else assert.notEqual(JSON.stringify(answer.value ?? null).includes('"opened":true'), true, `${JSON.stringify(call)} opened something`);
  }
  probe.newLogProblems();
  // The test client cannot apply edits, and none of these asked for a valid shift: the text is as it was.
  const next = probe.change(uri, doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
  await expectConsistent(uri, next, 'after the commands');
  await close(uri);
});

test('cancelled requests answer RequestCancelled or their result, and nothing else changes', async () => {
  const uri = 'file:///abuse/cancel.md';
  let doc = open(uri);
  await expectConsistent(uri, doc, 'on open');
  const rng = new Rng(7);
  for (let i = 0; i < 50; i++) {
    // An edit and a burst of requests, each cancelled at once or a moment later.
    const edit = randomEdit(rng, doc.getText(), [{ name: 'self', text: SEED_TEXT }]);
    const changes = 'full' in edit ? [{ text: edit.full }] : [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text }];
    doc = probe.change(uri, doc, changes);
    const pending = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/hover', 'textDocument/codeAction'].map((method) => {
      const source = new CancellationTokenSource();
      const position = doc.positionAt(rng.int(doc.getText().length));
      const params = { textDocument: { uri }, position, range: { start: position, end: position }, context: { diagnostics: [] } };
      const promise = probe.client.connection.sendRequest(method, params, source.token);
      if (rng.chance(0.5)) source.cancel();
      else setImmediate(() => source.cancel());
      return promise.then(() => 'answered', (error: unknown) => {
        assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, `${method}: ${String(error)}`);
        return 'cancelled';
      });
    });
    await Promise.all(pending);
  }
  // Cancelling a request that does not exist (or already answered) is harmless.
  probe.client.connection.sendNotification('$/cancelRequest', { id: 987654 });
  probe.client.connection.sendNotification('$/cancelRequest', { id: 'not-a-number' });
  await expectConsistent(uri, doc, 'after cancelled requests');
  await close(uri);
});

test('500 changes in a burst: the final diagnostics match the final text', async () => {
  const uri = 'file:///abuse/burst.md';
  let doc = open(uri);
  await expectConsistent(uri, doc, 'on open');
  const rng = new Rng(500);
  const pool = [{ name: 'self', text: SEED_TEXT }];
  const publishedBefore = probe.client.publishedCount;
  const started = Date.now();
  for (let i = 0; i < 500; i++) {
    const edit = randomEdit(rng, doc.getText(), pool);
    const changes = 'full' in edit ? [{ text: edit.full }] : [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text }];
    doc = probe.change(uri, doc, changes);
  }
  // Only the last version counts: it must come, equal to a fresh analysis, with every request answered for it.
  await expectConsistent(uri, doc, `after 500 changes (final version ${doc.version})`);
  const publishes = probe.client.publishedCount - publishedBefore;
  console.log(`500 changes: final diagnostics and answers in ${Date.now() - started} ms, ${publishes} diagnostics publications`);
  await close(uri);
});

/** A server on stdio driven by hand, for the ways a client can leave. */
function rawServer(): { child: ReturnType<typeof spawn>; exited: Promise<{ code: number | null; signal: string | null }>; send: (message: object) => void } {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/server/src/main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout!.resume();
  child.stderr!.resume();
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  };
  return { child, exited, send };
}

async function exitsWithin(exited: Promise<{ code: number | null; signal: string | null }>, ms: number, what: string): Promise<{ code: number | null; signal: string | null }> {
  const result = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
  assert.ok(result, `${what}: the server was still running after ${ms} ms`);
  return result;
}

test('a client that closes the pipe without shutdown: the server exits', async () => {
  const server = rawServer();
  server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  server.send({ method: 'initialized', params: {} });
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///abuse/pipe.md', languageId: 'markdown', version: 1, text: SEED_TEXT } } });
  await new Promise((resolve) => setTimeout(resolve, 300));
  server.child.stdin!.end();
  await exitsWithin(server.exited, 5000, 'stdin closed');
});

test('exit without shutdown: the server exits with code 1, as LSP says', async () => {
  const server = rawServer();
  server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  server.send({ method: 'initialized', params: {} });
  server.send({ method: 'exit' });
  const { code } = await exitsWithin(server.exited, 5000, 'exit notification');
  assert.equal(code, 1);
});

test('a client process that dies (its processId gone): the server exits on its own', { timeout: 30_000 }, async () => {
  const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const server = rawServer();
  server.send({ id: 1, method: 'initialize', params: { processId: parent.pid, rootUri: null, capabilities: {} } });
  server.send({ method: 'initialized', params: {} });
  await new Promise((resolve) => setTimeout(resolve, 300));
  parent.kill('SIGKILL');
  // vscode-languageserver polls the parent every 3 s.
  await exitsWithin(server.exited, 10_000, 'parent process killed');
});

test('garbage on the wire (a bad header, broken JSON) does not take the server down silently', async () => {
  const server = rawServer();
  server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  server.child.stdin!.write('Content-Length: 12\r\n\r\n{"broken": ');
  server.child.stdin!.write('Content-Length: 2\r\n\r\n{}');
  server.child.stdin!.end();
  const result = await exitsWithin(server.exited, 5000, 'garbage then end of input');
  assert.ok(result.code !== null || result.signal !== null);
});
