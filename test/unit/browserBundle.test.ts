import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

/** The web extension as packaged: both entries there, and the worker script free of Node. */

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('package.json: a browser entry beside main, virtual and untrusted workspaces declared', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.browser, './dist/browser/extension.js');
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  // Limited (issue 28): an untrusted repository cannot raise the limits or point the player elsewhere (mediaFolders.test.ts).
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const entry of ['dist/extension.js', 'dist/server.js', 'dist/browser/extension.js', 'dist/browser/server.js']) {
    assert.ok(ignore.includes(`!${entry}`), `.vscodeignore keeps ${entry} in the .vsix`);
  }
});

test('dist/browser/server.js and extension.js require no Node module', { skip: fs.existsSync(path.join(ROOT, 'dist', 'browser', 'server.js')) ? false : 'not built' }, () => {
  const server = fs.readFileSync(path.join(ROOT, 'dist', 'browser', 'server.js'), 'utf8');
  assert.deepEqual(server.match(/\brequire\(["'][^"']+["']\)/g) ?? [], []);
  // An import of a `node:` module, in any form esbuild leaves (mammoth's dependencies have strings such as "node: <name>").
  assert.doesNotMatch(server, /(?:require\(|import\(|from\s*)["']node:/);
  const extension = fs.readFileSync(path.join(ROOT, 'dist', 'browser', 'extension.js'), 'utf8');
  assert.deepEqual([...new Set(extension.match(/\brequire\(["'][^"']+["']\)/g) ?? [])], ['require("vscode")']);
});

test('the browser client carries no copy of the language server: it runs dist/browser/server.js, in a Worker or in its host', { skip: fs.existsSync(path.join(ROOT, 'dist', 'browser', 'extension.meta.json')) ? false : 'not built' }, () => {
  const inputsOf = (bundle: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'browser', `${bundle}.meta.json`), 'utf8')).inputs);
  const client = inputsOf('extension');
  const server = /^(server\/src\/(server|handlers\/|browser\/|workspaceIndex)|server\/src\/core\/rules\/|node_modules\/(yaml|vscode-languageserver)\/)/;
  assert.deepEqual(client.filter((input) => server.test(input)), []);
  // The same pattern finds the server where it belongs.
  assert.ok(inputsOf('server').filter((input) => server.test(input)).length > 20);
});

test('the worker carries the speech analysis: the MP3, FLAC and Opus decoders and fvad.wasm inlined (nothing to fetch), not the 4 MB Opus ML decoder', { skip: fs.existsSync(path.join(ROOT, 'dist', 'browser', 'server.meta.json')) ? false : 'not built' }, () => {
  const inputs = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'browser', 'server.meta.json'), 'utf8')).inputs);
  for (const input of ['node_modules/@echogarden/fvad-wasm/fvad.wasm', 'node_modules/mpg123-decoder/index.js', 'node_modules/@wasm-audio-decoders/flac/index.js', 'node_modules/ogg-opus-decoder/index.js', 'server/src/browser/audio.ts']) {
    assert.ok(inputs.includes(input), `${input} in dist/browser/server.js`);
  }
  assert.deepEqual(inputs.filter((input) => input.includes('opus-ml')), ['stub:opus-ml']);
});
