import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliDiagnostic, Summary } from '../../server/src/cli/report';

/** Shared by the CLI tests: they run the real binary (compiled) as a child process. */

/** The repository root, from out/test/cli/ (compiled) or test/cli/. */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const BIN = path.join(ROOT, 'out/server/src/cli/main.js');
export const CONVERT_BIN = path.join(ROOT, 'out/server/src/cli/convert/main.js');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
/** The real episodes, present when this clone sits beside ../shared. */
export const CORPUS = path.resolve(ROOT, '../shared/corpus/podcast');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `transcript-lint` with the given arguments; NO_COLOR and FORCE_COLOR are cleared unless set in `env`. */
export function lint(args: readonly string[], cwd: string, env: Record<string, string> = {}, options: SpawnSyncOptions = {}): CliRun {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Runs `transcript-convert` with the given arguments. */
export function convert(args: readonly string[], cwd: string, options: SpawnSyncOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [CONVERT_BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A fresh temporary folder holding copies of the named fixtures (files or folders), removed after the test. */
export function tempCopy(t: { after(fn: () => void): void }, ...names: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-lint-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const name of names) fs.cpSync(path.join(FIXTURES, name), path.join(dir, path.basename(name)), { recursive: true });
  return dir;
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The `--format json` document (the CLI's own types). */
export interface JsonReport {
  files: { path: string; diagnostics: CliDiagnostic[]; fixed?: Record<string, number> }[];
  summary: Summary;
}

export function countByRule(report: JsonReport): Map<string, { count: number; files: Set<string> }> {
  const counts = new Map<string, { count: number; files: Set<string> }>();
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const entry = counts.get(d.rule) ?? { count: 0, files: new Set<string>() };
      entry.count++;
      entry.files.add(file.path);
      counts.set(d.rule, entry);
    }
  }
  return counts;
}

/** Records a file's bytes and mtime; the returned check asserts that neither changed (the file was never written). */
export function untouched(file: string): () => void {
  const bytes = fs.readFileSync(file);
  const mtime = fs.statSync(file).mtimeMs;
  return () => {
    if (!fs.readFileSync(file).equals(bytes)) throw new Error(`${file} was rewritten`);
    if (fs.statSync(file).mtimeMs !== mtime) throw new Error(`${file} was touched (mtime changed)`);
  };
}
