import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TestClient } from './lspClient';

/**
 * Issue 26: opening an episode does not wait for the dictionaries and the people files. Its first
 * diagnostics come without the names and terms rules; the same findings with the misheard guest's
 * name follow for the same version once the site's terms are loaded. A made-up site on disk.
 */

const item = (line: string, sec: number, who: string) => `- line: ${line}\n  sec: ${sec}\n  time: '0:${String(sec).padStart(2, '0')}'\n  who: ${who}\n`;
const OPEN = `---\ntitle: Pipelines\nguests:\n- tomasz-w\ntranscript:\n${item('Welcome to the show.', 5, 'Rosa')}${item('I am Tomash, hello.', 10, 'Tomasz')}${item('Said out of order by its time.', 8, 'Rosa')}---\n`;

let dir: string;
let client: TestClient;
let uri: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'terms-after-open-'));
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.mkdirSync(path.join(dir, '_people'));
  fs.writeFileSync(path.join(dir, '_people', 'tomasz-w.md'), '---\ntitle: Tomasz Wierzbicki\n---\nA made-up guest.\n');
  const file = path.join(dir, '_podcast', 'open.md');
  fs.writeFileSync(file, OPEN);
  uri = pathToFileURL(file).href;
  client = await TestClient.start();
  client.open(uri, OPEN, 1);
});
after(async () => {
  await client.stopCleanly();
  fs.rmSync(dir, { recursive: true, force: true });
});

const shown = (p: PublishDiagnosticsParams) => [p.version, p.diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.character])];

test('the first diagnostics without the terms rules, then the same with the misheard guest name, for version 1', async () => {
  const [first, second] = await client.publishesFor(uri, 2);
  const secOrder = ['sec-order', 'sec 8 is lower than the previous timed line\'s sec 10 (line 10, "I am Tomash, hello.")', 14, 7, 8];
  assert.deepEqual(shown(first), [1, [secOrder]]);
  assert.deepEqual(shown(second), [1, [['name-spelling', "'Tomash' is probably 'Tomasz' (guest Tomasz Wierzbicki)", 9, 13, 19], secOrder]]);
  // Nothing more for version 1: the document is not checked over and over.
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(client.publishedFor(uri).length, 2);
});

test('a settings change publishes once: re-reading the people files in the background finds the same and says nothing', async () => {
  client.clearDiagnostics();
  client.settings = { rules: { 'sec-order': 'hint' } };
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const [published] = await client.publishesFor(uri, 1);
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['name-spelling', 2], ['sec-order', 4]]);
  // The people files are read again after a settings change (they may name another folder); the
  // re-check that follows finds the same findings and publishes nothing.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(client.publishedFor(uri).length, 1);
  client.settings = {};
});
