import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { copyFingerprint, CopyFingerprint, episodeHeaders, episodeTitle, EpisodeModel, parseEpisode, Span, transcriptKeySpan } from './core';
import { discoverFiles } from './cli/discover';

/**
 * The Node side of the workspace features: which episode files the workspace folders hold, and
 * for each, what Ctrl+T and transcript-copy need of it (its headers with their positions, its
 * copy fingerprint) — never the parsed model, so a workspace of hundreds of episodes stays small.
 * Files are re-read only when their size or modification time changed.
 */

export interface IndexedHeader {
  name: string;
  range: Range;
}

export interface IndexedEpisode {
  uri: string;
  /** Other Markdown files are remembered too (by size and time only), so they are not read again. */
  isEpisode: boolean;
  file: string;
  /** What the user sees: the path below its workspace folder. */
  shownPath: string;
  title: string;
  headers: IndexedHeader[];
  fingerprint?: CopyFingerprint;
  transcriptKey?: Span;
  transcriptKeyRange?: Range;
  mtimeMs: number;
  size: number;
}

/** Larger files are not indexed (no real episode comes near: the largest is 140 KB). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export class WorkspaceIndex {
  private folders: string[] = [];
  private readonly byFile = new Map<string, IndexedEpisode>();
  private refreshing?: Promise<boolean>;
  /** Set once a full refresh has run, so background work starts only once. */
  built = false;

  setFolders(uris: readonly string[]): void {
    this.folders = uris.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []));
  }

  get hasFolders(): boolean {
    return this.folders.length > 0;
  }

  episodes(): IndexedEpisode[] {
    return [...this.byFile.values()].filter((entry) => entry.isEpisode);
  }

  /** Every `*.md` below the workspace folders (not in node_modules or .git), sorted. */
  async listFiles(): Promise<string[]> {
    const files = new Set<string>();
    for (const folder of this.folders) for (const file of (await discoverFiles([folder], folder)).files) files.add(file);
    return [...files].sort();
  }

  /**
   * Brings the index up to date with the files on disk (one shared run at a time; it yields between
   * files so the server keeps answering). Resolves true when anything changed.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = undefined;
      this.built = true;
    });
    return this.refreshing;
  }

  /** The path shown for a file: relative to its workspace folder, else its name. */
  shownPath(uri: string): string {
    const file = filePath(uri);
    if (file === undefined) return uri.replace(/^.*\//, '');
    const folder = this.folders.find((f) => file.startsWith(f + path.sep));
    return (folder ? path.relative(folder, file) : path.basename(file)).split(path.sep).join('/');
  }

  /** Reads one file if it changed; undefined when it is unreadable, too large or not an episode. */
  async update(file: string, token?: CancellationToken): Promise<{ changed: boolean; text?: string; model?: EpisodeModel }> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      return { changed: this.byFile.delete(file) };
    }
    const known = this.byFile.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return { changed: false };
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES || token?.isCancellationRequested) return { changed: this.byFile.delete(file) };
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch {
      return { changed: this.byFile.delete(file) };
    }
    const uri = pathToFileURL(file).href;
    const model = parseEpisode(text, uri);
    this.put(file, uri, text, model, stat);
    return { changed: true, text, model };
  }

  /** Records what the index keeps of a parsed file (used by the workspace check, which parses anyway). */
  put(file: string, uri: string, text: string, model: EpisodeModel, stat: { mtimeMs: number; size: number }): void {
    if (!model.isEpisode) {
      this.byFile.set(file, { uri, isEpisode: false, file, shownPath: '', title: '', headers: [], mtimeMs: stat.mtimeMs, size: stat.size });
      return;
    }
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    const range = (span: Span) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) });
    const transcriptKey = transcriptKeySpan(model);
    this.byFile.set(file, {
      uri,
      isEpisode: true,
      file,
      shownPath: this.shownPath(uri),
      title: episodeTitle(model) ?? path.basename(file),
      headers: episodeHeaders(model).map((h) => ({ name: h.name, range: range(h.span) })),
      fingerprint: model.syntaxErrors.length > 0 ? undefined : copyFingerprint(model),
      transcriptKey,
      transcriptKeyRange: transcriptKey && range(transcriptKey),
      mtimeMs: stat.mtimeMs,
      size: stat.size,
    });
  }

  private async runRefresh(): Promise<boolean> {
    const files = await this.listFiles();
    const present = new Set(files);
    let changed = false;
    for (const file of [...this.byFile.keys()]) if (!present.has(file)) changed = this.byFile.delete(file) || changed;
    for (const file of files) {
      changed = (await this.update(file)).changed || changed;
      await yieldToEvents();
    }
    return changed;
  }
}

/** The file path of a `file:` URI, the key the index uses (editors and Node may encode URIs differently). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
