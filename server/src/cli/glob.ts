/**
 * A small glob matcher for path arguments, so quoted patterns work the same in every shell:
 * `*` is any run of characters within one path segment, `?` is one character, and a segment that
 * is exactly `**` is any number of directories (none included). Names starting with a dot are
 * matched only by a segment that starts with a dot itself, as in the shell. Nothing else is special.
 */

export function hasGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

export interface Glob {
  /** The leading segments without wildcards: where to start walking ('' for the current folder). */
  base: string;
  /** Whether a path relative to `base` (segments separated by `/`) matches the pattern. */
  matches(relative: string): boolean;
  /** Whether some path below this folder (relative to `base`) could match, so the walk can skip the rest. */
  mayContain(relativeDir: string): boolean;
}

type Segment = '**' | RegExp;

export function compileGlob(pattern: string): Glob {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const firstMagic = parts.findIndex(hasGlob);
  const baseParts = firstMagic < 0 ? parts : parts.slice(0, firstMagic);
  const base = baseParts.join('/') || (pattern.startsWith('/') ? '/' : '');
  const segments: Segment[] = (firstMagic < 0 ? [] : parts.slice(firstMagic))
    .filter((part) => part !== '' && part !== '.')
    .filter((part, i, all) => !(part === '**' && all[i - 1] === '**'))
    .map((part) => (part === '**' ? '**' : segmentRegExp(part)));
  return {
    base,
    matches: (relative) => matchFrom(segments, 0, split(relative), 0, false),
    mayContain: (relativeDir) => matchFrom(segments, 0, split(relativeDir), 0, true),
  };
}

function split(relative: string): string[] {
  return relative === '' ? [] : relative.split('/');
}

function segmentRegExp(part: string): RegExp {
  let source = '';
  for (const char of part) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A wildcard never matches a leading dot (hidden files), unless the pattern spells the dot.
  const hidden = part.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${hidden}${source}$`);
}

/**
 * Matches path segments against pattern segments. With `prefix`, running out of path segments
 * while the pattern still has some counts as a match (the rest may lie deeper in the folder).
 */
function matchFrom(pattern: Segment[], i: number, path: string[], j: number, prefix: boolean): boolean {
  if (j === path.length) {
    if (prefix) return true;
    for (let k = i; k < pattern.length; k++) if (pattern[k] !== '**') return false;
    return true;
  }
  if (i === pattern.length) return false;
  const segment = pattern[i];
  if (segment === '**') {
    // `**` never descends into hidden folders.
    return matchFrom(pattern, i + 1, path, j, prefix) || (!path[j].startsWith('.') && matchFrom(pattern, i, path, j + 1, prefix));
  }
  return segment.test(path[j]) && matchFrom(pattern, i + 1, path, j + 1, prefix);
}
