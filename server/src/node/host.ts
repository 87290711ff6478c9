import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverFiles } from '../cli/discover';
import type { ServerHost } from '../host';
import type { FileStat } from '../protocol';
import { analyzeMediaFile } from './audio';
import { findConfigFile } from './configFile';
import { readDictionaryFiles } from './termDictionaries';

/** The server's host on Node: the file system, for `file:` URIs (others are not readable here). */
export const nodeHost: ServerHost = {
  async readFile(uri) {
    const file = filePath(uri);
    if (file === undefined) return undefined;
    try {
      return await fs.promises.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },

  async stat(uri): Promise<FileStat | undefined> {
    const file = filePath(uri);
    if (file === undefined) return undefined;
    try {
      const stat = await fs.promises.stat(file);
      return { mtime: stat.mtimeMs, size: stat.size, isFile: stat.isFile() };
    } catch {
      return undefined;
    }
  },

  async findMarkdownFiles(folders) {
    const files = new Set<string>();
    for (const folder of folders.flatMap((uri) => filePath(uri) ?? [])) {
      for (const file of (await discoverFiles([folder], folder)).files) files.add(pathToFileURL(file).href);
    }
    return [...files];
  },

  async findConfigFile(documentUri) {
    const file = filePath(documentUri);
    const found = file === undefined ? undefined : findConfigFile(path.dirname(file));
    return found && pathToFileURL(found).href;
  },

  dictionaryFiles: readDictionaryFiles,
  async analyzeMedia(uri, options) {
    const file = filePath(uri);
    if (file === undefined) throw new Error(`${uri} is not a file on this machine`);
    const cacheDir = options.cacheFolder ? filePath(options.cacheFolder) : undefined;
    return analyzeMediaFile(file, { cacheDir, onProgress: options.onProgress, isCancelled: options.isCancelled });
  },

  later: (callback) => setImmediate(callback),
};

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
