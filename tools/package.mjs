// `npm run package`: the .vsix from the built dist/ (run after `npm run build`). The files are the
// ones .vscodeignore lets in, copied to a staging folder with the package.json the .vsix gets:
// `repository` from REPOSITORY_URL (or package.json's, if it names a real host), so the README's
// relative links and images point at the repository. Without one, the links stay relative (no
// placeholder host ends up in the .vsix) and the README's images will not show in a gallery.
//   REPOSITORY_URL     https://github.com/<owner>/<repo> (images: <url>/raw/<branch>/…)
//   REPOSITORY_BRANCH  the branch the links name (default main)
//   PACKAGE_OUT        where the .vsix goes (default podcast-transcripts.vsix at the root)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipEntries } from './zipEntries.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const out = path.resolve(process.env.PACKAGE_OUT || path.join(ROOT, `${manifest.name}.vsix`));

/** Hosts reserved for examples and tests (RFC 2606, RFC 6761): never a repository. */
function isPlaceholderHost(host) {
  return /(^|\.)(invalid|example|test|localhost|local)$/i.test(host) || /^(www\.)?example\.(com|org|net)$/i.test(host);
}

/** The repository's web address from `url` (git+https://…/x.git → https://…/x), or why it is not one. */
function repositoryAddress(url) {
  let parsed;
  try {
    parsed = new URL(url.replace(/^git\+/, ''));
  } catch {
    return { error: `${url} is not a URL` };
  }
  if (parsed.protocol !== 'https:') return { error: `${url} is not an https URL (gallery images must come from https)` };
  if (isPlaceholderHost(parsed.hostname)) return { error: `${url} names a placeholder host (${parsed.hostname})` };
  return { url: `${parsed.origin}${parsed.pathname.replace(/\.git$/, '').replace(/\/+$/, '')}` };
}

function chooseRepository() {
  const fromEnv = process.env.REPOSITORY_URL?.trim();
  if (fromEnv) {
    const address = repositoryAddress(fromEnv);
    if (address.error) {
      console.error(`npm run package: REPOSITORY_URL: ${address.error}.`);
      process.exit(2);
    }
    return address.url;
  }
  const declared = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (declared && !repositoryAddress(declared).error) return repositoryAddress(declared).url;
  const why = declared ? `package.json's repository is not usable (${repositoryAddress(declared).error})` : 'REPOSITORY_URL is not set';
  console.warn(`npm run package: ${why}: the README's links and images stay relative, so a gallery will not show its images. ` +
    'Set REPOSITORY_URL=https://github.com/<owner>/<repo> for a .vsix to publish.');
  return undefined;
}

/** Copies what .vscodeignore lets into the .vsix (its `!path` and `!folder/**` lines) to `stage`. */
function stageFiles(stage) {
  const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  fs.copyFileSync(path.join(ROOT, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  for (const line of ignore.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!'))) {
    const relative = line.slice(1).replace(/\/\*\*$/, '');
    const from = path.join(ROOT, relative);
    if (relative === 'package.json') continue;
    if (!fs.existsSync(from)) {
      console.error(`npm run package: ${relative} is missing (run npm run build first).`);
      process.exit(2);
    }
    fs.cpSync(from, path.join(stage, relative), { recursive: true });
  }
}

const repository = chooseRepository();
const branch = process.env.REPOSITORY_BRANCH?.trim() || 'main';
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-package-'));
try {
  stageFiles(stage);
  // `files` is the npm package's list; vsce refuses it beside .vscodeignore, which is the .vsix's.
  const { files: _npmFiles, ...vsixManifest } = manifest;
  const staged = { ...vsixManifest, ...(repository ? { repository: { type: 'git', url: `${repository}.git` } } : {}) };
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  const links = repository
    ? ['--baseContentUrl', `${repository}/blob/${branch}/`, '--baseImagesUrl', `${repository}/raw/${branch}/`]
    : ['--no-rewrite-relative-links', '--allow-missing-repository'];
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', ...links, '-o', out], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.exit(result.status ?? 1);
  }
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}

const entries = zipEntries(fs.readFileSync(out));
const bytes = fs.statSync(out).size;
const shown = out.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), out) : out;
console.log(`${shown}: ${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KB), ${entries.length} files` +
  (repository ? `; README links: ${repository} (${branch})` : '; README links relative'));
for (const entry of entries) console.log(`  ${entry.name.padEnd(56)} ${entry.size.toLocaleString('en-US').padStart(10)}`);
