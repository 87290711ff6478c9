import type { DictionaryFiles } from './core/terms/dictionaries';
import type { AudioAnalysis } from './core/audio';
import type { FileStat } from './protocol';

export interface HostAnalysisOptions {
  /** Folder URI of the analysis cache, when there is one. */
  cacheFolder?: string;
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
}

/**
 * What the server needs of the runtime it runs in, by URI (never by path): the Node host reads
 * the file system (node/host.ts), the browser host asks the client (browser/host.ts). Changes are
 * not the host's business: the client reports them with `workspace/didChangeWatchedFiles` in both
 * runtimes, and the workspace index re-reads a file when its stat changed.
 */
export interface ServerHost {
  /** The text of a file (UTF-8), undefined when it cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** Size and modification time, undefined when the file does not exist. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** Every `*.md` below the folders (not in node_modules or .git), each once. */
  findMarkdownFiles(folders: readonly string[]): Promise<string[]>;
  /** The URI of the `.transcriptlintrc.json` nearest to a document (its folder, then upward), if any. */
  findConfigFile(documentUri: string): Promise<string | undefined>;
  /** The published dictionaries' texts (name-spelling, term-spelling): node_modules for the CLI, inlined in the bundles. */
  dictionaryFiles(): DictionaryFiles;
  /**
   * The speech analysis of a media file (reading, decoding, caching are the host's: node/audio.ts,
   * browser/audio.ts); absent where the host cannot analyse media.
   */
  analyzeMedia?(uri: string, options: HostAnalysisOptions): Promise<{ analysis: AudioAnalysis; cached: boolean }>;
  /** Runs `callback` after the events already queued (setImmediate in Node, a zero timeout in a worker). */
  later(callback: () => void): void;
}
