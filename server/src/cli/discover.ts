import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob, hasGlob } from './glob';

/**
 * Turns path arguments into the list of files to check. A file is taken as named; a folder is
 * searched recursively for `*.md`; anything else with `*` or `?` is a glob. Folders named
 * `node_modules` and `.git` are never entered, nor are links to folders (no cycles).
 */

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface Discovery {
  /** Absolute paths, each once, in argument order (folders sorted by name). */
  files: string[];
  /** Each file's path as the user wrote it: the argument, or the folder or glob argument joined with the path below it (`/`). */
  shown: Map<string, string>;
  /** The files named on their own (not found in a folder or by a glob). */
  named: Set<string>;
  /** One line per argument that named nothing usable. */
  problems: string[];
}

export async function discoverFiles(args: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Set<string>();
  const shown = new Map<string, string>();
  const named = new Set<string>();
  const problems: string[] = [];
  const add = (file: string, as: string) => {
    found.add(file);
    if (!shown.has(file)) shown.set(file, as);
  };
  for (const arg of args) {
    const given = arg.split(path.sep).join('/');
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = await fs.promises.stat(absolute);
    } catch (error) {
      if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR') {
        problems.push(`${arg}: ${reason(error)}`);
        continue;
      }
    }
    if (stat?.isFile()) {
      add(absolute, path.posix.normalize(given));
      named.add(absolute);
    } else if (stat?.isDirectory()) {
      await walk(absolute, '', (_rel, file) => file.endsWith('.md'), () => true, (file, rel) => add(file, path.posix.join(given, rel)), problems);
    }
    else if (stat) problems.push(`${arg}: not a file or folder`);
    else if (hasGlob(arg)) {
      const before = found.size;
      const glob = compileGlob(arg);
      const base = path.resolve(cwd, glob.base);
      await walk(base, '', (rel) => glob.matches(rel), (rel) => glob.mayContain(rel), (file, rel) => add(file, path.posix.join(glob.base.split(path.sep).join('/'), rel)), problems);
      if (found.size === before) problems.push(`${arg}: no files match`);
    } else problems.push(`${arg}: no such file or folder`);
  }
  return { files: [...found], shown, named, problems };
}

/** Depth-first, entries sorted by name; `relative` uses `/` whatever the platform. */
async function walk(
  dir: string,
  relative: string,
  takeFile: (relative: string, name: string) => boolean,
  enterDir: (relative: string) => boolean,
  take: (file: string, relative: string) => void,
  problems: string[],
): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    // A missing glob base just matches nothing; an unreadable folder is worth saying.
    if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR') problems.push(`${dir}: ${reason(error)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && enterDir(rel)) await walk(full, rel, takeFile, enterDir, take, problems);
    } else if ((entry.isFile() || (entry.isSymbolicLink() && (await isFile(full)))) && takeFile(rel, entry.name)) {
      take(full, rel);
    }
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}

/** An fs error as a short phrase, without Node's "ENOENT: ..., open '<path>'" noise. */
export function reason(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    default: return err?.message ? err.message.split('\n')[0] : String(error);
  }
}
