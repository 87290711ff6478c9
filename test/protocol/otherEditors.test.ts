import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { episode } from '../helpers';
import { TestClient } from './lspClient';

/**
 * What editors other than VS Code rely on: a client that cannot answer `workspace/configuration`
 * (it pushes its settings with `workspace/didChangeConfiguration`, as Helix, Sublime LSP, Kate and
 * older Neovim do), the `.transcriptlintrc.json` of the folder, and outline names that are never cut.
 */

const LONG_HEADER = 'Lesson 4 How the moisture sensors in the raised beds talk to the database over a cheap radio link every ten minutes';
const TEXT = episode(
  `- header: ${LONG_HEADER}\n- line: Welcome to the allotment.\n  sec: 10\n  time: '0:11'\n  who: Host\n- line: Glad to be here.\n  sec: 20\n  time: '0:20'\n  who: Guest\n`,
);
const FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'transcripts-editors-'));
const URI = pathToFileURL(path.join(FOLDER, 'episode.md')).href;
let client: TestClient;

before(async () => {
  fs.writeFileSync(path.join(FOLDER, 'episode.md'), TEXT);
  // No workspace.configuration capability: the server must not ask, and must use what is pushed.
  client = await TestClient.start(undefined, { capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
  client.connection.onRequest('workspace/configuration', () => {
    throw new Error('this client cannot be asked for its configuration');
  });
});
after(async () => {
  await client.stopCleanly(/failed|Could not read/);
  fs.rmSync(FOLDER, { recursive: true, force: true });
});

const rules = async (version: number) => (await client.diagnosticsFor(URI, version)).diagnostics.map((d) => `${d.code}:${d.severity}`);

test('settings pushed with didChangeConfiguration ({ settings: { transcripts } }) take effect', async () => {
  client.open(URI, TEXT);
  assert.deepEqual(await rules(1), ['time-mismatch:1']);
  client.clearDiagnostics();
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { transcripts: { rules: { 'time-mismatch': 'hint' } } } });
  assert.deepEqual(await rules(1), ['time-mismatch:4']);
  client.clearDiagnostics();
  // Settings of other servers in the same notification leave ours as they were.
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: { validate: true } } });
  assert.deepEqual(await rules(1), ['time-mismatch:4']);
  client.clearDiagnostics();
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { transcripts: { rules: { 'time-mismatch': 'off' } } } });
  assert.deepEqual(await rules(1), []);
});

test('the folder\'s .transcriptlintrc.json applies under the pushed settings, which win', async () => {
  fs.writeFileSync(path.join(FOLDER, '.transcriptlintrc.json'), JSON.stringify({ rules: { 'time-mismatch': 'warning', 'who-missing': 'off' } }));
  client.clearDiagnostics();
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { transcripts: {} } });
  assert.deepEqual(await rules(1), ['time-mismatch:2']);
  client.clearDiagnostics();
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { transcripts: { rules: { 'time-mismatch': 'error' } } } });
  assert.deepEqual(await rules(1), ['time-mismatch:1']);
});

test('outline and workspace symbols carry the whole header text', async () => {
  const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
  assert.equal(symbols[0].name, LONG_HEADER);
  const found = (await client.connection.sendRequest('workspace/symbol', { query: 'radio link every ten minutes' })) as SymbolInformation[];
  assert.deepEqual(found.map((s) => s.name), [LONG_HEADER]);
});
