/**
 * `transcripts.player.mediaFolders` entries as paths inside the workspace folder: pure (no VS Code
 * API), so it is unit-tested on strings. A repository's own `.vscode/settings.json` sets these, so an
 * entry that is absolute, names another scheme, or climbs out of the workspace folder with `..` is
 * refused: the player never lists or plays files outside the workspace.
 */

/** The entry's segments below the workspace folder (`.` and inner `..` resolved), or undefined when it leaves it. */
export function mediaFolderSegments(entry: unknown): string[] | undefined {
  if (typeof entry !== 'string' || entry.trim() === '') return undefined;
  if (/^[\\/]|^[A-Za-z]:|^[A-Za-z][A-Za-z0-9+.-]*:/.test(entry)) return undefined;
  const segments: string[] = [];
  for (const part of entry.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(part);
  }
  return segments;
}
