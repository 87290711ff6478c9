/**
 * Small helpers on URI strings (`scheme://authority/path`), so the server works the same on
 * `file:`, `vscode-vfs:` and `vscode-test-web:` documents and never needs a file path.
 */

const URI = /^([a-zA-Z][\w+.-]*):(\/\/[^/?#]*)?([^?#]*)/;

function parts(uri: string): { prefix: string; path: string } {
  const match = URI.exec(uri);
  return match ? { prefix: `${match[1]}:${match[2] ?? ''}`, path: match[3] } : { prefix: '', path: uri };
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * One spelling per resource, to compare URIs: editors and Node encode differently
 * (`file:///c%3A/x` and `file:///c:/x`, `%5B` and `[`). Not a URI itself: a key.
 */
export function uriKey(uri: string): string {
  const { prefix, path } = parts(uri);
  // Windows drive letters come in either case (`C:` from Node, `c:` from VS Code).
  return `${prefix.toLowerCase()}${decode(path).replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`)}`;
}

/** The folder of a URI (`…/a/b.md` → `…/a`); the root stays the root. */
export function dirnameUri(uri: string): string {
  const { prefix, path } = parts(uri);
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return `${prefix}${cut <= 0 ? '/' : path.slice(0, cut)}`;
}

/** A child of a folder URI (`name` is encoded as a path segment). */
export function joinUri(folder: string, name: string): string {
  return `${folder.replace(/\/+$/, '')}/${encodeURIComponent(name)}`;
}

/** The last path segment, decoded. */
export function basenameUri(uri: string): string {
  return decode(parts(uri).path.replace(/\/+$/, '').replace(/^.*\//, ''));
}

/** The decoded path of `uri` below `folder`, or undefined when it is not inside. */
export function relativeUri(folder: string, uri: string): string | undefined {
  const base = uriKey(folder).replace(/\/+$/, '');
  const key = uriKey(uri);
  return key.startsWith(`${base}/`) ? key.slice(base.length + 1) : undefined;
}
