import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cleanEnv, ROOT, run, tempDir } from './helpers';
import { pageLinks } from '../docs/markdownLinks';

const REPOSITORY = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).repository.url.replace(/\.git$/, '');

/** `npm run package`'s packaging step (tools/package.mjs) on the built dist/: what the .vsix holds and where its README points. */

const built = fs.existsSync(path.join(ROOT, 'dist', 'browser', 'extension.js')) ? false : 'dist/ not built (npm run build)';

interface ZipEntry { name: string; size: number }
interface Zip { zipEntries(zip: Buffer): ZipEntry[]; zipText(zip: Buffer, entry: ZipEntry): string }
const loadZip = (): Promise<Zip> => import(pathToFileURL(path.join(ROOT, 'tools', 'zipEntries.mjs')).href);

/** Every file of the .vsix: the four bundles, the grammar, the player's page, the manifest, README, CHANGELOG, LICENSE and icon. */
const EXPECTED_FILES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/client/media/player.css',
  'extension/client/media/player.js',
  'extension/dist/browser/extension.js',
  'extension/dist/browser/server.js',
  'extension/dist/extension.js',
  'extension/dist/fvad.wasm',
  'extension/dist/media/waveform.js',
  'extension/dist/server.js',
  'extension/docs/images/icon.png',
  'extension/package.json',
  'extension/readme.md',
  'extension/syntaxes/transcript.injection.tmLanguage.json',
];

function packageVsix(out: string, env: Record<string, string>) {
  const base = cleanEnv({ PACKAGE_OUT: out, ...env });
  if (!('REPOSITORY_URL' in env)) delete base.REPOSITORY_URL;
  return run(process.execPath, [path.join(ROOT, 'tools', 'package.mjs')], { cwd: ROOT, env: base });
}

test('the .vsix holds exactly the files the extension runs on (no tests, sources or maps), and says its size', { skip: built }, async (t) => {
  const out = path.join(tempDir(t, 'pt-vsix-'), 'x.vsix');
  const result = packageVsix(out, {});
  assert.equal(result.code, 0, result.stderr + result.stdout);
  const { zipEntries, zipText } = await loadZip();
  const zip = fs.readFileSync(out);
  const entries = zipEntries(zip);
  assert.deepEqual(entries.map((e) => e.name).sort(), EXPECTED_FILES);
  const first = result.stdout.split('\n')[0];
  assert.equal(first, `${out}: ${zip.length.toLocaleString('en-US')} bytes (${(zip.length / 1024).toFixed(1)} KB), 16 files; README links: ${REPOSITORY} (main)`);
  // Minified: long lines (only template literals keep their line breaks), not esbuild's readable ~30 bytes a line.
  for (const bundle of entries.filter((e) => e.name.startsWith('extension/dist/') && e.name.endsWith('.js'))) {
    const lines = zipText(zip, bundle).split('\n').length;
    assert.ok(bundle.size / lines > 1000, `${bundle.name}: ${lines} lines for ${bundle.size} bytes`);
  }
  // The Marketplace page is the README alone: with package.json's repository every image and link to docs/
  // is absolute, so the page is complete in a gallery; nothing names a placeholder host.
  const readme = zipText(zip, entries.find((e) => e.name === 'extension/readme.md')!);
  assert.match(readme, new RegExp(`!\\[[^\\]]*\\]\\(${REPOSITORY}/raw/main/docs/images/diagnostics\\.png\\)`));
  assert.ok(readme.includes(`](${REPOSITORY}/blob/main/docs/rules/README.md)`), 'the rules link');
  for (const name of ['extension/readme.md', 'extension/changelog.md']) {
    const relative = pageLinks(zipText(zip, entries.find((e) => e.name === name)!)).filter((link) => !/^(https:|#)/.test(link.target));
    assert.deepEqual(relative, [], `${name}: links a gallery cannot follow`);
  }
  for (const entry of entries) assert.doesNotMatch(zipText(zip, entry), /example\.invalid/, entry.name);
  assert.equal(result.stderr, '');
});

test('REPOSITORY_URL: the README\'s images and links point at the repository, which the manifest names', { skip: built }, async (t) => {
  const out = path.join(tempDir(t, 'pt-vsix-'), 'x.vsix');
  const result = packageVsix(out, { REPOSITORY_URL: 'https://github.com/someone/podcast-transcripts.git', REPOSITORY_BRANCH: 'trunk' });
  assert.equal(result.code, 0, result.stderr + result.stdout);
  assert.match(result.stdout.split('\n')[0], /, 16 files; README links: https:\/\/github\.com\/someone\/podcast-transcripts \(trunk\)$/);
  const { zipEntries, zipText } = await loadZip();
  const zip = fs.readFileSync(out);
  const text = (name: string) => zipText(zip, zipEntries(zip).find((e) => e.name === name)!);
  const readme = text('extension/readme.md');
  assert.match(readme, /!\[[^\]]*\]\(https:\/\/github\.com\/someone\/podcast-transcripts\/raw\/trunk\/docs\/images\/diagnostics\.png\)/);
  assert.doesNotMatch(readme, /\]\(docs\/images\//);
  assert.deepEqual(JSON.parse(text('extension/package.json')).repository, { type: 'git', url: 'https://github.com/someone/podcast-transcripts.git' });
  assert.match(text('extension.vsixmanifest'), /<Icon>extension\/docs\/images\/icon\.png<\/Icon>/);
});

test('a placeholder or non-https REPOSITORY_URL is refused: no .vsix', { skip: built }, (t) => {
  const dir = tempDir(t, 'pt-vsix-');
  for (const [url, why] of [
    ['https://example.invalid/podcast-transcripts', 'names a placeholder host (example.invalid)'],
    ['http://git.example.org/x', 'is not an https URL'],
  ]) {
    const out = path.join(dir, 'x.vsix');
    const result = packageVsix(out, { REPOSITORY_URL: url });
    assert.equal(result.code, 2, url);
    assert.equal(result.stderr.split('\n')[0].startsWith(`npm run package: REPOSITORY_URL: ${url} ${why}`), true, result.stderr);
    assert.equal(fs.existsSync(out), false);
  }
});

test('the icon is a 128x128 PNG', () => {
  const png = fs.readFileSync(path.join(ROOT, 'docs', 'images', 'icon.png'));
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});
