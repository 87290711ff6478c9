import * as path from 'node:path';
import { compileGlob, Glob } from './glob';

/**
 * Files the command-line tools leave out, as markdownlint-cli2's `ignores`: globs from `--ignore`
 * (relative to the current folder) and from the `ignores` of a `.transcriptlintrc.json` (relative to
 * its folder). A glob leaves out a file it matches, or every file in a folder it matches
 * (`drafts`, `drafts/**` and `**\/_*.md` all work). They apply to files named on the command line too,
 * which is what a pre-commit hook passes.
 */
export interface IgnoreRoot {
  root: string;
  globs: Glob[];
}

export function ignoreRoot(root: string, patterns: readonly string[]): IgnoreRoot {
  return { root, globs: patterns.map((pattern) => compileGlob(pattern)) };
}

export function isIgnored(file: string, roots: readonly (IgnoreRoot | undefined)[]): boolean {
  return roots.some((entry) => entry !== undefined && entry.globs.some((glob) => matchesFileOrFolder(entry.root, glob, file)));
}

/** Whether the glob matches `file` or one of the folders holding it (below the glob's base). */
function matchesFileOrFolder(root: string, glob: Glob, file: string): boolean {
  const relative = path.relative(path.resolve(root, glob.base), file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const parts = relative === '' ? [] : relative.split(path.sep);
  for (let k = 0; k <= parts.length; k++) if (glob.matches(parts.slice(0, k).join('/'))) return true;
  return false;
}

/** The files to work on: those no `--ignore` glob (`cli`) and no applicable config file's `ignores` leave out. */
export function selectFiles(files: readonly string[], cli: IgnoreRoot, configs: { ignoresFor(file: string): IgnoreRoot | undefined }): string[] {
  return files.filter((file) => !isIgnored(file, [cli, configs.ignoresFor(file)]));
}
