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

/** A pattern segment: `**`, or one name pattern with `*` and `?`. */
type Segment = '**' | { pattern: string; hidden: boolean };

export function compileGlob(pattern: string): Glob {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const firstMagic = parts.findIndex(hasGlob);
  const baseParts = firstMagic < 0 ? parts : parts.slice(0, firstMagic);
  const base = baseParts.join('/') || (pattern.startsWith('/') ? '/' : '');
  const segments: Segment[] = (firstMagic < 0 ? [] : parts.slice(firstMagic))
    .filter((part) => part !== '' && part !== '.')
    .filter((part, i, all) => !(part === '**' && all[i - 1] === '**'))
    .map((part) => (part === '**' ? '**' : { pattern: part, hidden: part.startsWith('.') }));
  return {
    base,
    matches: (relative) => matchSegments(segments, split(relative), false),
    mayContain: (relativeDir) => matchSegments(segments, split(relativeDir), true),
  };
}

function split(relative: string): string[] {
  return relative === '' ? [] : relative.split('/');
}

/**
 * Matches path segments against pattern segments, remembering each (pattern, path) position already
 * tried: at most pattern × path steps, so `**` and `*` segments repeated any number of times cannot backtrack
 * without end. With `prefix`, running out of path segments while the pattern still has some counts as
 * a match (the rest may lie deeper in the folder).
 */
function matchSegments(pattern: Segment[], path: string[], prefix: boolean): boolean {
  const tried = new Set<number>();
  const from = (i: number, j: number): boolean => {
    if (j === path.length) return prefix || pattern.slice(i).every((segment) => segment === '**');
    if (i === pattern.length) return false;
    const key = i * (path.length + 1) + j;
    if (tried.has(key)) return false;
    tried.add(key);
    const segment = pattern[i];
    // `**` never descends into hidden folders.
    if (segment === '**') return from(i + 1, j) || (!path[j].startsWith('.') && from(i, j + 1));
    return matchName(segment, path[j]) && from(i + 1, j + 1);
  };
  return from(0, 0);
}

/**
 * One name against a segment pattern (`*` any run of characters, `?` one), by the usual two-pointer
 * walk that only ever goes back to the last `*`: linear-ish, no regular expression to backtrack.
 * A wildcard never matches a leading dot (hidden files), unless the pattern spells the dot.
 */
export function matchName(segment: { pattern: string; hidden: boolean }, name: string): boolean {
  if (name.startsWith('.') && !segment.hidden) return false;
  const p = [...segment.pattern];
  const n = [...name];
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < n.length) {
    if (i < p.length && (p[i] === '?' || (p[i] !== '*' && p[i] === n[j]))) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      resume = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/**
 * Whether an `ignores` glob leaves out the file at `relative` (segments separated by `/`, below the
 * folder the glob is relative to): the glob matches it or a folder holding it. An absolute glob never
 * matches here (the command line resolves those against the file system itself).
 */
export function ignoresPath(glob: Glob, relative: string): boolean {
  if (glob.base.startsWith('/') || /^[A-Za-z]:/.test(glob.base)) return false;
  const base = split(glob.base).filter((part) => part !== '.');
  const parts = split(relative);
  if (base.some((part, i) => parts[i] !== part)) return false;
  const rest = parts.slice(base.length);
  for (let k = 0; k <= rest.length; k++) if (glob.matches(rest.slice(0, k).join('/'))) return true;
  return false;
}
