// Where things are. The project's own packages (yaml, vscode-languageserver-protocol, the built
// core) are loaded from the root, never from bench/node_modules (which holds yaml-language-server's copies).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.dirname(BENCH);
/**
 * The inputs as files, for reproducing a run by hand: outside the project (corpus text never goes
 * into it) and with no dot-folder in the path (yaml-language-server's `**` globs skip those).
 */
export const WORK = path.join(os.tmpdir(), 'podcast-transcripts-bench');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus', 'podcast');
export const SEED_DIR = path.join(SHARED, 'seed');
export const LARGEST_REAL = 'data-interview-behavioral-and-portfolio-prep-guide.md';
export const SCHEMA = path.join(ROOT, 'test', 'bench', 'episode.schema.json');

export const OUR_SERVER = path.join(ROOT, 'out', 'server', 'src', 'main.js');
/** The sync-only server whose edit time is the floor (floorServer.mjs). */
export const FLOOR_SERVER = path.join(BENCH, 'lib', 'floorServer.mjs');
export const OUR_CORE = path.join(ROOT, 'out', 'server', 'src', 'core', 'index.js');
export const YAML_LS = path.join(BENCH, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
export const LINT_CORPUS = path.join(BENCH, 'lint-corpus.mjs');
/** The Node 24 that test/e2e/setup.sh installs (bench/setup.sh installs it the same way when missing). */
export const NODE24 = path.join(ROOT, 'test', 'e2e', '.node24', 'node_modules', 'node', 'bin', 'node');

export const rootRequire = createRequire(path.join(ROOT, 'package.json'));

export function exists(p) {
  return existsSync(p);
}
