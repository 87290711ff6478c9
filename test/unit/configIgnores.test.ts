import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readConfig, withoutRestrictedKeys } from '../../server/src/core';
import { compileGlob, ignoresPath } from '../../server/src/cli/glob';
import type { ServerHost } from '../../server/src/host';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';

/** Check All Episodes and the workspace index leave out what `.transcriptlintrc.json`'s `ignores` names, as transcript-lint does (issue 28). */

test('ignoresPath: a glob leaves out a file it matches or a file in a folder it matches', () => {
  const cases: [string, string, boolean][] = [
    ['_podcast/_template.md', '_podcast/_template.md', true],
    ['_podcast/_template.md', '_podcast/episode.md', false],
    ['drafts', 'drafts/a/b.md', true],
    ['drafts/**', 'drafts/b.md', true],
    ['drafts/**', 'drafts.md', false],
    ['**/_*.md', '_podcast/_template.md', true],
    ['**/_*.md', '_podcast/episode.md', false],
    ['./_podcast/*.md', '_podcast/x.md', true],
    ['_podcast/*.md', '_podcast/old/x.md', false],
    ['/abs/_podcast/x.md', '_podcast/x.md', false],
  ];
  for (const [glob, file, expected] of cases) assert.equal(ignoresPath(compileGlob(glob), file), expected, `${glob} on ${file}`);
});

test('the workspace listing leaves out ignored files, relative to the config file\'s folder; a broken config ignores nothing', async () => {
  const root = 'file:///site';
  const files = ['_podcast/a.md', '_podcast/_template.md', 'drafts/b.md', 'other/c.md', 'other/sub/d.md'].map((f) => `${root}/${f}`);
  const texts: Record<string, string> = {
    [`${root}/.transcriptlintrc.json`]: JSON.stringify({ ignores: ['_podcast/_template.md', 'drafts'] }),
    [`${root}/other/.transcriptlintrc.json`]: '{ "ignores": 7 }',
  };
  const host = {
    findMarkdownFiles: async () => files,
    readFile: async (uri: string) => texts[uri],
    findConfigFile: async (uri: string) => (uri.startsWith(`${root}/other/`) ? `${root}/other/.transcriptlintrc.json` : `${root}/.transcriptlintrc.json`),
  } as unknown as ServerHost;
  const index = new WorkspaceIndex(host);
  index.setFolders([root]);
  assert.deepEqual(await index.listFiles(), [`${root}/_podcast/a.md`, `${root}/other/c.md`, `${root}/other/sub/d.md`]);
});

test('withoutRestrictedKeys: an untrusted repository keeps its rules, not its limits or folders', () => {
  const { config } = readConfig({ rules: { 'who-missing': 'off' }, frontMatterKB: 4096, peopleFolder: '../people', chapters: { filePattern: '../t/{name}.txt' }, audio: { enabled: true, mediaFolders: ['../../media'] }, words: ['Dagster'] });
  assert.deepEqual(withoutRestrictedKeys(config), {
    config: { rules: { 'who-missing': 'off' }, audio: { enabled: true }, words: ['Dagster'] },
    dropped: ['frontMatterKB', 'chapters.filePattern', 'peopleFolder', 'audio.mediaFolders'],
  });
  assert.deepEqual(withoutRestrictedKeys(readConfig({ rules: {} }).config), { config: { rules: {} }, dropped: [] });
});
