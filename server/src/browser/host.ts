import { readDictionaryFiles } from '../node/termDictionaries';
import type { Connection } from 'vscode-languageserver';
import { findConfigUpward } from '../configLookup';
import { browserMediaAnalysis } from './audio';
import type { ServerHost } from '../host';
import { FileRequests, FileStat, FindFilesParams, UriParams } from '../protocol';

/**
 * The server's host in a browser worker: no file system, so every question goes to the client,
 * which answers with `vscode.workspace.fs` and `findFiles` (client/src/fileSystem.ts). A failed
 * request counts as "not there": the features degrade to the open documents. With `vadWasm`
 * (fvad.wasm's bytes) it analyses media files too (browser/audio.ts).
 */
export function browserHost(connection: Connection, vadWasm?: Uint8Array): ServerHost {
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
    analyzeMedia: vadWasm && browserMediaAnalysis(connection, vadWasm),
    later: (callback) => setTimeout(callback, 0),
  };
}
