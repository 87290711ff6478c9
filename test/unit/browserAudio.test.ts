import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { browserMediaAnalysis, identityKey } from '../../server/src/browser/audio';
import { analyzeMediaFile } from '../../server/src/node/audio';
import { AudioCacheRequests, FileRequests } from '../../server/src/protocol';
import { audioToolsMissing, encodeAll, speakEpisode, tempDir } from '../audioFixture';

/**
 * The browser worker's speech analysis (VS Code for the Web): the bytes and the cache come through
 * the client's requests, the analysis is the same core's as on Node, so the same file gives the same
 * result; the second time it comes from the client's cache without reading the media again.
 */

const missing = audioToolsMissing();
let dir: string;
let mp3: string;
const VAD_WASM = new Uint8Array(fs.readFileSync(require.resolve('@echogarden/fvad-wasm/fvad.wasm')));

before(() => {
  if (missing) return;
  dir = tempDir('browser-audio-');
  const { wav } = speakEpisode(dir, [
    { text: 'Good morning and welcome back.', at: 1, voice: 'a' },
    { text: 'It is good to be here again.', at: 6, voice: 'b' },
  ], 10);
  mp3 = encodeAll(wav).mp3;
});
after(() => {
  if (!missing) fs.rmSync(dir, { recursive: true, force: true });
});

/** A client as the extension answers the worker (client/src/fileSystem.ts), over files of this machine, recording what was asked. */
function fakeClient(files: Record<string, string>) {
  const cache = new Map<string, string>();
  const asked: string[] = [];
  const connection = {
    async sendRequest(method: string, params: { uri?: string; key?: string; text?: string }) {
      asked.push(method);
      const file = params.uri ? files[params.uri] : undefined;
      switch (method) {
        case FileRequests.stat: {
          if (!file || !fs.existsSync(file)) return null;
          const stat = fs.statSync(file);
          return { mtime: stat.mtimeMs, size: stat.size, isFile: true };
        }
        case FileRequests.readBytes: return file ? new Uint8Array(fs.readFileSync(file)) : null;
        case AudioCacheRequests.read: return cache.get(params.key!) ?? null;
        case AudioCacheRequests.write: cache.set(params.key!, params.text!); return null;
        default: throw new Error(`unexpected ${method}`);
      }
    },
  } as unknown as Connection;
  return { connection, cache, asked };
}

test('the worker analyses the bytes the client reads: the same speech and duration as on Node; the second time from the client\'s cache', { skip: missing }, async () => {
  const uri = 'vscode-test-web://mount/talk.mp3';
  const { connection, cache, asked } = fakeClient({ [uri]: mp3 });
  const analyse = browserMediaAnalysis(connection, VAD_WASM);
  const percents: number[] = [];
  const first = await analyse(uri, { onProgress: (f) => percents.push(f) });
  const onNode = (await analyzeMediaFile(mp3)).analysis;
  assert.equal(first.cached, false);
  assert.deepEqual(first.analysis, onNode);
  assert.equal(first.analysis.speech.length, 2, JSON.stringify(first.analysis.speech));
  assert.equal(percents.at(-1), 1);
  assert.deepEqual(asked, [FileRequests.stat, AudioCacheRequests.read, FileRequests.readBytes, AudioCacheRequests.write]);
  assert.deepEqual([...cache.keys()], [identityKey(uri, { size: fs.statSync(mp3).size, mtime: fs.statSync(mp3).mtimeMs, isFile: true })]);

  asked.length = 0;
  const again = await analyse(uri, {});
  assert.equal(again.cached, true);
  assert.deepEqual(again.analysis, onNode);
  assert.deepEqual(asked, [FileRequests.stat, AudioCacheRequests.read], 'the media is not read again');
});

test('a missing file, and bytes the client could not read, are errors the request turns into a message', async () => {
  const { connection } = fakeClient({ 'vscode-test-web://mount/gone.mp3': path.join('/nonexistent', 'gone.mp3') });
  const analyse = browserMediaAnalysis(connection, VAD_WASM);
  await assert.rejects(analyse('vscode-test-web://mount/gone.mp3', {}), /the file is not there/);
  const unreadable = {
    async sendRequest(method: string) {
      if (method === FileRequests.stat) return { mtime: 1, size: 10, isFile: true };
      return null;
    },
  } as unknown as Connection;
  await assert.rejects(browserMediaAnalysis(unreadable, VAD_WASM)('vscode-test-web://mount/x.mp3', {}), /the editor could not read the file/);
});

test('identityKey: 16 hex digits that change with the file\'s size or modification time', () => {
  const key = identityKey('vscode-test-web://mount/a.mp3', { size: 100, mtime: 5, isFile: true });
  assert.match(key, /^[0-9a-f]{16}$/);
  assert.notEqual(identityKey('vscode-test-web://mount/a.mp3', { size: 101, mtime: 5, isFile: true }), key);
  assert.notEqual(identityKey('vscode-test-web://mount/a.mp3', { size: 100, mtime: 6, isFile: true }), key);
  assert.equal(identityKey('vscode-test-web://mount/a.mp3', { size: 100, mtime: 5, isFile: true }), key);
});
