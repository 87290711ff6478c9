import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { ApplyWorkspaceEditParams, CodeAction, Diagnostic } from 'vscode-languageserver';
import { TestClient } from './lspClient';

/**
 * name-spelling and term-spelling over stdio, as an editor sees them: a made-up site on disk (a
 * people file, other episodes that spell a tool right), an open episode that mishears both, the
 * quick fixes, and "Add to the site's words" writing .transcriptlintrc.json.
 */

let sec = 0;
const say = (who: string, line: string) => `- line: ${line}\n  sec: ${(sec += 5)}\n  time: '0:${String(sec % 60).padStart(2, '0')}'\n  who: ${who}\n`;
const hosts = say('Rosa', 'Welcome to the show.') + say('Rosa', 'Glad you could come.') + say('Rosa', 'Let us start.');
const other = (n: number) => `---\ntitle: Other ${n}\ntranscript:\n${hosts}${say('Rosa', 'We moved everything to Kubernetes last year.')}---\n`;
const OPEN = `---\ntitle: Pipelines\nguests:\n- tomasz-w\ntranscript:\n${hosts}${say('Tomasz', 'I am Tomash Wierzbicky.')}${say('Tomasz', 'We run Kubernetis and Zorblax.')}${say('Tomasz', 'Kubernetis again.')}${say('Rosa', 'Thanks, Tomash.')}---\n`;

let dir: string;
let client: TestClient;
let uri: string;
const applied: ApplyWorkspaceEditParams[] = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'terms-protocol-'));
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.mkdirSync(path.join(dir, '_people'));
  fs.writeFileSync(path.join(dir, '_people', 'tomasz-w.md'), '---\ntitle: Tomasz Wierzbicki\n---\nA made-up guest.\n');
  for (let n = 1; n <= 4; n++) fs.writeFileSync(path.join(dir, '_podcast', `other-${n}.md`), other(n));
  const file = path.join(dir, '_podcast', 'open.md');
  fs.writeFileSync(file, OPEN);
  uri = pathToFileURL(file).href;
  client = await TestClient.start('out/server/src/main.js', {
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'site' }],
    capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    applied.push(params);
    return { applied: true };
  });
  client.open(uri, OPEN, 1);
});
after(async () => {
  await client.stopCleanly();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The findings of the two rules, once the workspace's episodes are indexed (the server checks open documents again then). */
async function termDiagnostics(): Promise<Diagnostic[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const diagnostics = (await client.diagnosticsFor(uri, 1)).diagnostics.filter((d) => d.code === 'name-spelling' || d.code === 'term-spelling');
    if (diagnostics.some((d) => String(d.message).includes('(in 4 episodes)')) || Date.now() > deadline) return diagnostics;
    client.clearDiagnostics();
    await client.diagnosticsFor(uri, 1).catch(() => undefined);
  }
}

test('the guest\'s name from the people file and a tool from the other episodes, with where each comes from', async () => {
  const diagnostics = await termDiagnostics();
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.line, d.range.start.character]), [
    ['name-spelling', 2, "'Tomash' is probably 'Tomasz' (guest Tomasz Wierzbicki)", 17, 13],
    ['name-spelling', 2, "'Wierzbicky' is probably 'Wierzbicki' (guest Tomasz Wierzbicki)", 17, 20],
    ['term-spelling', 3, "'Kubernetis' is probably 'Kubernetes' (in 4 episodes)", 21, 15],
    ['term-spelling', 3, "'Kubernetis' is probably 'Kubernetes' (in 4 episodes)", 25, 8],
    ['name-spelling', 2, "'Tomash' is probably 'Tomasz' (guest Tomasz Wierzbicki)", 29, 16],
  ]);
});

test('quick fixes: replace, replace all, add to the site\'s words (a command that writes .transcriptlintrc.json)', async () => {
  const diagnostics = await termDiagnostics();
  const kube = diagnostics[2];
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: kube.range, context: { diagnostics: [kube] } })) as CodeAction[];
  assert.deepEqual(actions.map((a) => a.title), ["Replace with 'Kubernetes'", "Replace all 2 'Kubernetis' with 'Kubernetes' in this episode", "Add 'Kubernetis' to the site's words"]);
  assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: kube.range, newText: 'Kubernetes' }]);
  assert.equal(actions[1].edit?.changes?.[uri]?.length, 2);
  const command = actions[2].command!;
  assert.equal(command.command, 'transcripts.addWord');
  const result = await client.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
  assert.deepEqual(result, { applied: true });
  const config = pathToFileURL(path.join(dir, '.transcriptlintrc.json')).href;
  assert.deepEqual(applied.at(-1)?.edit.documentChanges, [
    { kind: 'create', uri: config, options: { ignoreIfExists: true } },
    { textDocument: { uri: config, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '{\n  "words": ["Kubernetis"]\n}\n' }] },
  ]);
});

test('quick fixes of a misheard guest name: replace, and replace all in the episode, with their exact edits; no adding a name to the words', async () => {
  const diagnostics = await termDiagnostics();
  const tomash = diagnostics[0];
  const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: tomash.range, context: { diagnostics: [tomash] } })) as CodeAction[];
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [
    ["Replace with 'Tomasz'", true],
    ["Replace all 2 'Tomash' with 'Tomasz' in this episode", false],
  ]);
  const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 'Tomash'.length } });
  assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: at(17, 13), newText: 'Tomasz' }]);
  assert.deepEqual(actions[1].edit?.changes?.[uri], [
    { range: at(17, 13), newText: 'Tomasz' },
    { range: at(29, 16), newText: 'Tomasz' },
  ]);
});
