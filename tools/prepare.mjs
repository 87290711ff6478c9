// npm's `prepare` script: builds out/ and dist/ when this project is installed from its source — `npm
// install` / `npm ci` in a checkout, and an install from git (`npm install -g git+file://…`, which is how
// pre-commit 4 installs a `language: node` hook; pre-commit 3 runs `npm install` in its clone, then
// `npm pack`). npm never runs it when the package comes from the registry.
// A build newer than every source is kept: an install from git runs `prepare` twice (in its `npm
// install` of the clone, then before packing it). `npm pack` / `npm publish` of a built checkout packs it
// as it is: rebuilding would clean out/ under whoever runs from it. The build's output goes to standard
// error, and .npmrc keeps npm's own banner off standard output (`foreground-scripts=false`): pre-commit 3
// reads `npm pack`'s standard output as the tarball's name.
// Without the dev dependencies (`--omit=dev`) there is no compiler: say so and leave the build as it is.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const OUTPUTS = ['out/server/src/cli/main.js', 'dist/extension.js'];
const SOURCES = ['server/src', 'client/src', 'test', 'tsconfig.json'];

/** When a file last changed (ms since the epoch), or -Infinity when it does not exist. */
function changed(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

/** The latest change to any TypeScript source (or the compiler's settings). */
function newestSource() {
  let newest = -Infinity;
  for (const entry of SOURCES) {
    const where = path.join(ROOT, entry);
    const files = fs.statSync(where, { throwIfNoEntry: false })?.isDirectory()
      ? fs.readdirSync(where, { recursive: true }).filter((f) => /\.m?ts$/.test(f)).map((f) => path.join(where, f))
      : [where];
    for (const file of files) newest = Math.max(newest, changed(file));
  }
  return newest;
}

function missingTools() {
  const require = createRequire(import.meta.url);
  return ['typescript', 'esbuild'].filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * An install from git into a global prefix (pre-commit 4's `npm install -g git+file://…`) needs only the
 * commands: this builds out/server/src alone (tools/tsconfig.hook.json), which keeps the hook's first
 * install short. npm may leave the dev dependencies out there (it passes `global` on to the install it
 * runs in the clone), so the compiler the lock file names is installed into the clone when missing.
 */
function buildForHook() {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const tools = ['typescript', '@types/node'].map((name) => `${name}@${lock.packages[`node_modules/${name}`].version}`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location|install_links|omit|include)$/i.test(key)));
  const run = (command, args) => spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' }).status ?? 1;
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const compile = () => run(process.execPath, [tsc, '-p', path.join(ROOT, 'tools/tsconfig.hook.json')]);
  if (fs.existsSync(tsc) && fs.existsSync(path.join(ROOT, 'node_modules/@types/node'))) return compile();
  return run('npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--location=project', ...tools])
    || compile();
}

const built = Math.min(...OUTPUTS.map((file) => changed(path.join(ROOT, file))));
const hookBuilt = changed(path.join(ROOT, OUTPUTS[0]));
const packing = ['pack', 'publish'].includes(process.env.npm_command ?? '');
const global = process.env.npm_config_global === 'true';
const missing = missingTools();
if (built > -Infinity && (packing || built >= newestSource())) {
  console.error('podcast-transcripts: built already; kept as it is (`npm run build` rebuilds).');
} else if (global) {
  if (hookBuilt >= newestSource()) console.error('podcast-transcripts: the commands are built already.');
  else process.exitCode = buildForHook();
} else if (missing.length > 0) {
  console.error(`podcast-transcripts: not built (${missing.join(' and ')} not installed: dev dependencies omitted); bin/ says so when run.`);
} else {
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  process.exitCode = result.status ?? 1;
}
