import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';
import { mediaFolderSegments } from '../../client/src/player/mediaFolders';

/** transcripts.player.mediaFolders stays inside the workspace folder, whatever a repository's settings say (issue 28). */
test('media folders: inside the workspace folder only; `..` resolved, absolute paths and other schemes refused', () => {
  const cases: [unknown, string[] | undefined][] = [
    ['media', ['media']],
    ['exports/audio', ['exports', 'audio']],
    ['./media/', ['media']],
    ['media/../audio', ['audio']],
    ['a/b/../../c', ['c']],
    ['media\\old', ['media', 'old']],
    ['.', []],
    ['..', undefined],
    ['../media', undefined],
    ['media/../../etc', undefined],
    ['a/./../..', undefined],
    ['..\\..\\Users', undefined],
    ['/etc', undefined],
    ['\\\\server\\share', undefined],
    ['C:\\media', undefined],
    ['c:media', undefined],
    ['file:///etc', undefined],
    ['vscode-remote://host/x', undefined],
    ['', undefined],
    ['   ', undefined],
    [42, undefined],
    [null, undefined],
  ];
  for (const [entry, expected] of cases) assert.deepEqual(mediaFolderSegments(entry), expected, JSON.stringify(entry));
});

test('package.json: untrusted workspaces are supported in part; the settings that raise limits or point at paths are restricted', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[]; description?: string } };
    contributes: { configuration: { properties: Record<string, unknown> } };
  };
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.ok(typeof untrusted.description === 'string' && untrusted.description.length > 0);
  const settings = Object.keys(manifest.contributes.configuration.properties);
  const mustRestrict = settings.filter((key) => key.startsWith('transcripts.limits.') || key === 'transcripts.player.mediaFolders' || key === 'transcripts.chapters.filePattern' || key === 'transcripts.terms.peopleFolder');
  assert.ok(mustRestrict.includes('transcripts.limits.frontMatterKB') && mustRestrict.includes('transcripts.player.mediaFolders'));
  assert.deepEqual([...(untrusted.restrictedConfigurations ?? [])].sort(), mustRestrict.sort());
});
