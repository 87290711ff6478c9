import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FileRequests, FileStat, FindFilesParams, UriParams } from '../../server/src/protocol';

/**
 * Answers the server's file requests with `vscode.workspace.fs` and `findFiles`: what a server
 * without a file system (the browser worker) reads other episodes and the config file with. Works
 * on any file system VS Code has (file, vscode-vfs for github.dev, vscode-test-web, …).
 */
export function serveFileSystem(client: BaseLanguageClient): vscode.Disposable[] {
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
