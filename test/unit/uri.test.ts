import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { basenameUri, dirnameUri, joinUri, relativeUri, uriKey } from '../../server/src/uri';
import { findConfigUpward } from '../../server/src/configLookup';

test('uriKey: one spelling per resource, whatever the encoding and the drive letter case', () => {
  assert.equal(uriKey('file:///c%3A/Pods/a%20b.md'), uriKey('file:///C:/Pods/a b.md'));
  assert.equal(uriKey('file:///x/%5Bdraft%5D.md'), uriKey('file:///x/[draft].md'));
  assert.notEqual(uriKey('vscode-vfs://github/o/r/a.md'), uriKey('file:///o/r/a.md'));
});

test('dirnameUri, joinUri, basenameUri and relativeUri on file, vscode-vfs and vscode-test-web URIs', () => {
  assert.equal(dirnameUri('vscode-test-web://mount/_podcast/a.md'), 'vscode-test-web://mount/_podcast');
  assert.equal(dirnameUri('vscode-test-web://mount/a.md'), 'vscode-test-web://mount/');
  assert.equal(dirnameUri('vscode-test-web://mount/'), 'vscode-test-web://mount/');
  assert.equal(joinUri('vscode-vfs://github/o/r/', '.transcriptlintrc.json'), 'vscode-vfs://github/o/r/.transcriptlintrc.json');
  assert.equal(joinUri('file:///x', 'a b.md'), 'file:///x/a%20b.md');
  assert.equal(basenameUri('file:///x/a%20b.md'), 'a b.md');
  assert.equal(relativeUri('vscode-test-web://mount/', 'vscode-test-web://mount/_podcast/a.md'), '_podcast/a.md');
  assert.equal(relativeUri('file:///x/y', 'file:///x/y%20z/a.md'), undefined, 'a sibling folder sharing a prefix is not inside');
});

test('findConfigUpward: the nearest .transcriptlintrc.json, asking each folder up to the root', async () => {
  const asked: string[] = [];
  const found = await findConfigUpward('vscode-test-web://mount/_podcast/2024/a.md', async (uri) => {
    asked.push(uri);
    return uri === 'vscode-test-web://mount/.transcriptlintrc.json';
  });
  assert.equal(found, 'vscode-test-web://mount/.transcriptlintrc.json');
  assert.deepEqual(asked, [
    'vscode-test-web://mount/_podcast/2024/.transcriptlintrc.json',
    'vscode-test-web://mount/_podcast/.transcriptlintrc.json',
    'vscode-test-web://mount/.transcriptlintrc.json',
  ]);
  assert.equal(await findConfigUpward('untitled:Untitled-1', async () => false), undefined);
});
