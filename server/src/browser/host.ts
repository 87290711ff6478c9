import { readDictionaryFiles } from '../node/termDictionaries';
import type { Connection } from 'vscode-languageserver';
import { findConfigUpward } from '../configLookup';
import type { ServerHost } from '../host';
import { FileRequests, FileStat, FindFilesParams, UriParams } from '../protocol';

/**
 * The server's host in a browser worker: no file system, so every question goes to the client,
 * which answers with `vscode.workspace.fs` and `findFiles` (client/src/fileSystem.ts). A failed
 * request counts as "not there": the features degrade to the open documents.
 */
export function browserHost(connection: Connection): ServerHost {
  const ask = async <R>(method: string, params: UriParams | FindFilesParams, fallback: R): Promise<R> => {
    try {
      return (await connection.sendRequest<R | null>(method, params)) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const stat = (uri: string) => ask<FileStat | undefined>(FileRequests.stat, { uri }, undefined);
  return {
    readFile: (uri) => ask<string | undefined>(FileRequests.readFile, { uri }, undefined),
    stat,
    findMarkdownFiles: (folders) => ask<string[]>(FileRequests.findMarkdownFiles, { folders: [...folders] }, []),
    findConfigFile: (documentUri) => findConfigUpward(documentUri, async (uri) => (await stat(uri))?.isFile === true),
    // tools/bundle.mjs inlines the dictionaries' texts in place of the file reads of this module.
    dictionaryFiles: readDictionaryFiles,
    later: (callback) => setTimeout(callback, 0),
  };
}
