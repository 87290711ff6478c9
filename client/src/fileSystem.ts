import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { AudioCacheParams, AudioCacheRequests, FileRequests, FileStat, FindFilesParams, UriParams } from '../../server/src/protocol';

/**
 * Answers the server's file requests with `vscode.workspace.fs` and `findFiles`: what a server
 * without a file system (the browser worker) reads other episodes and the config file with. Works
 * on any file system VS Code has (file, vscode-vfs for github.dev, vscode-test-web, …). The worker's
 * speech analyses are kept in `audioCache` (the extension's global storage).
 */
export function serveFileSystem(client: BaseLanguageClient, audioCache: vscode.Uri): vscode.Disposable[] {
  const decoder = new TextDecoder('utf-8');
  return [
    client.onRequest(FileRequests.readFile, async ({ uri }: UriParams): Promise<string | null> => {
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
      } catch {
        return null;
      }
    }),
    client.onRequest(FileRequests.stat, async ({ uri }: UriParams): Promise<FileStat | null> => {
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
        return { mtime: stat.mtime, size: stat.size, isFile: (stat.type & vscode.FileType.File) !== 0 };
      } catch {
        return null;
      }
    }),
    // The whole file: VS Code's file system API has no ranged read. Only a worker asks (protocol.ts).
    client.onRequest(FileRequests.readBytes, async ({ uri }: UriParams): Promise<Uint8Array | null> => {
      try {
        return await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
      } catch {
        return null;
      }
    }),
    ...serveAudioCache(client, audioCache),
    client.onRequest(FileRequests.findMarkdownFiles, async ({ folders }: FindFilesParams): Promise<string[]> => {
      const found: string[] = [];
      for (const folder of folders) {
        const files = await findMarkdownFiles(vscode.Uri.parse(folder));
        for (const uri of files) found.push(uri.toString());
      }
      return found;
    }),
  ];
}

/** The keys the worker makes (browser/audio.ts): hex, so a key never names a file outside the folder. */
const CACHE_KEY = /^[0-9a-f]{8,64}$/;

function serveAudioCache(client: BaseLanguageClient, folder: vscode.Uri): vscode.Disposable[] {
  const entry = (key: unknown) => (typeof key === 'string' && CACHE_KEY.test(key) ? vscode.Uri.joinPath(folder, `${key}.json`) : undefined);
  return [
    client.onRequest(AudioCacheRequests.read, async ({ key }: AudioCacheParams): Promise<string | null> => {
      const uri = entry(key);
      try {
        return uri ? new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) : null;
      } catch {
        return null;
      }
    }),
    client.onRequest(AudioCacheRequests.write, async ({ key, text }: AudioCacheParams): Promise<null> => {
      const uri = entry(key);
      if (uri && typeof text === 'string') await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      return null;
    }),
  ];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * `findFiles` where a search provider serves the folder's scheme; otherwise (a file system with
 * no search provider, such as VS Code for the Web's test mount) a walk with `readDirectory`.
 */
async function findMarkdownFiles(folder: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.md'), '{**/node_modules/**,**/.git/**}');
    if (files.length > 0) return files;
  } catch {
    // No search provider for this scheme: walk below.
  }
  const found: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    for (const [name, type] of entries) {
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED_FOLDERS.has(name) && !(type & vscode.FileType.SymbolicLink)) await walk(child);
      } else if (name.endsWith('.md')) found.push(child);
    }
  };
  await walk(folder);
  return found;
}

/** Whether anything is at a URI (any file system VS Code has). */
export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
