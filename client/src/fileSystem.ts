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
        const base = vscode.Uri.parse(folder);
        const files = await vscode.workspace.findFiles(new vscode.RelativePattern(base, '**/*.md'), '{**/node_modules/**,**/.git/**}');
        found.push(...files.map((uri) => uri.toString()));
      }
      return found;
    }),
  ];
}
