import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { formatTime } from '../../server/src/core';
import { DID_GRANT_WORKSPACE_TRUST } from '../../server/src/protocol';
import { episode } from '../helpers';
import { TestClient, writeFiles } from './lspClient';

/**
 * A repository the user has not trusted cannot raise the checker's limits through its own
 * `.transcriptlintrc.json` (VS Code restricts the same settings): until trust is granted the
 * size limit holds and the server says which keys it ignored; then the whole file applies.
 */

const FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'transcripts-untrusted-'));
after(() => fs.rmSync(FOLDER, { recursive: true, force: true }));

// 6,000 lines of ten words every three seconds: about 600 KB of front matter, past the default 512 KB.
const ITEMS = Array.from({ length: 6000 }, (_, i) => `- line: Line ${i} of a long and fictional conversation about ledgers.\n  sec: ${i * 3}\n  time: '${formatTime(i * 3)}'\n  who: Host\n`).join('');

test('untrusted: frontMatterKB and the folders of .transcriptlintrc.json are ignored, with a warning naming them; granting trust applies them', { timeout: 60_000 }, async () => {
  writeFiles(FOLDER, {
    '.transcriptlintrc.json': JSON.stringify({ frontMatterKB: 4096, peopleFolder: '../../elsewhere', chapters: { filePattern: '../../{name}.txt' }, rules: { 'who-missing': 'off' } }),
    'episode.md': episode(ITEMS),
  });
  const uri = pathToFileURL(path.join(FOLDER, 'episode.md')).href;
  const client = await TestClient.start(undefined, { initializationOptions: { workspaceTrusted: false } });
  try {
    client.open(uri, fs.readFileSync(path.join(FOLDER, 'episode.md'), 'utf8'));
    const untrusted = (await client.diagnosticsFor(uri, 1, 30_000)).diagnostics;
    assert.deepEqual(untrusted.map((d) => d.code), ['yaml-syntax']);
    assert.match(String(untrusted[0].message), /too large to check \(\d+ KB; the limit is 512 KB\)/);
    assert.deepEqual(client.logs.filter((l) => l.includes('ignored until you trust')), [
      `${pathToFileURL(path.join(FOLDER, '.transcriptlintrc.json')).href}: frontMatterKB, chapters.filePattern, peopleFolder ignored until you trust this workspace`,
    ]);

    client.clearDiagnostics();
    client.connection.sendNotification(DID_GRANT_WORKSPACE_TRUST);
    assert.deepEqual((await client.diagnosticsFor(uri, 1, 30_000)).diagnostics, []);
  } finally {
    await client.stopCleanly();
  }
});
