import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers';

/** Shared by the packaging tests: the ways the project reaches users and sites (.vsix, npm package, Action, pre-commit). */

export { ROOT };

/** A fictional site: _podcast/broken.md (one time-mismatch) and _podcast/clean.md. */
export const SITE_FIXTURE = path.join(ROOT, 'test/fixtures/site');

/** What `transcript-lint --format github` says about the broken episode, relative to the site's root. */
export const BROKEN_ANNOTATION = "::error file=_podcast/broken.md,line=9,col=9,endLine=9,endColumn=15,title=time-mismatch::time '1:25' is 85 s but sec is 75 s (1:15)";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (no shell); a command that cannot start throws. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A temporary folder removed when the test ends. */
export function tempDir(t: { after(fn: () => void): void }, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of the fictional site in `dir`. */
export function copySite(dir: string): string {
  fs.cpSync(SITE_FIXTURE, dir, { recursive: true });
  return dir;
}

/** Whether `command` runs on this machine (its --version answers). */
export function available(command: string): boolean {
  try {
    return run(command, ['--version']).code === 0;
  } catch {
    return false;
  }
}

/** The environment without npm's own variables (a test run by `npm test` must not pass them on to another npm). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}
