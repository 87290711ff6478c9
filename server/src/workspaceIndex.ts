import type { CancellationToken, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { copyFingerprint, CopyFingerprint, episodeHeaders, episodeTitle, EpisodeModel, parseEpisode, Span, transcriptKeySpan } from './core';
import type { ServerHost } from './host';
import type { FileStat } from './protocol';
import { ConfigIgnores } from './configIgnores';
import { basenameUri, relativeUri, uriKey } from './uri';

/**
 * What the workspace features know of the workspace folders: which episode files they hold, and
 * for each, what Ctrl+T and transcript-copy need of it (its headers with their positions, its
 * copy fingerprint) — never the parsed model, so a workspace of hundreds of episodes stays small.
 * Files are read through the host, by URI, and again only when their size or modification time changed.
 */

export interface IndexedHeader {
  name: string;
  range: Range;
}

export interface IndexedEpisode {
  uri: string;
  /** Other Markdown files are remembered too (by size and time only), so they are not read again. */
  isEpisode: boolean;
  /** `uriKey(uri)`: how open documents are matched with indexed files. */
  key: string;
  /** What the user sees: the path below its workspace folder. */
  shownPath: string;
  title: string;
  headers: IndexedHeader[];
  fingerprint?: CopyFingerprint;
  transcriptKey?: Span;
  transcriptKeyRange?: Range;
  /** Each speaker (`who`, trimmed) with the number of its lines: Import Transcript offers them for unknown names. */
  speakers?: Map<string, number>;
  /** The spellings it gives the site's term counts (name-spelling, term-spelling). */
  spellings?: ReadonlySet<string>;
  mtime: number;
  size: number;
}

/** Larger files are not indexed (no real episode comes near: the largest is 140 KB). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export class WorkspaceIndex {
  private folders: string[] = [];
  private readonly byKey = new Map<string, IndexedEpisode>();
  private refreshing?: Promise<boolean>;
  /** Set once a full refresh has run, so background work starts only once. */
  built = false;
  /** Goes up with every change of an entry, so what is derived from all entries is recomputed only then. */
  version = 0;
  /** The spellings an episode gives the site (set by the terms provider, which has the English list). */
  spellingsOf?: (model: EpisodeModel) => ReadonlySet<string>;

  constructor(private readonly host: ServerHost) {}

  setFolders(uris: readonly string[]): void {
    this.folders = [...uris];
  }

  get hasFolders(): boolean {
    return this.folders.length > 0;
  }

  episodes(): IndexedEpisode[] {
    return [...this.byKey.values()].filter((entry) => entry.isEpisode);
  }

  /** Every `*.md` below the workspace folders (not in node_modules or .git), sorted by URI. */
  /** The Markdown files below the workspace folders, less those the `ignores` of their `.transcriptlintrc.json` leave out. */
  async listFiles(): Promise<string[]> {
    const files = new Map<string, string>();
    const ignores = new ConfigIgnores(this.host);
    for (const uri of await this.host.findMarkdownFiles(this.folders)) if (!(await ignores.ignores(uri))) files.set(uriKey(uri), uri);
    return [...files.values()].sort();
  }

  /**
   * Brings the index up to date with the files (one shared run at a time; it yields between
   * files so the server keeps answering). Resolves true when anything changed.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = undefined;
      this.built = true;
    });
    return this.refreshing;
  }

  /** The workspace folder holding a file, if any. */
  folderOf(uri: string): string | undefined {
    return this.folders.find((folder) => relativeUri(folder, uri) !== undefined)?.replace(/\/+$/, '');
  }

  /** The path shown for a file: relative to its workspace folder, else its name. */
  shownPath(uri: string): string {
    for (const folder of this.folders) {
      const relative = relativeUri(folder, uri);
      if (relative !== undefined) return relative;
    }
    return basenameUri(uri);
  }

  /** Reads one file if it changed. */
  async update(uri: string, token?: CancellationToken): Promise<{ changed: boolean }> {
    const key = uriKey(uri);
    const stat = await this.host.stat(uri);
    if (!stat) return { changed: this.forget(key) };
    const known = this.byKey.get(key);
    if (known && known.mtime === stat.mtime && known.size === stat.size) return { changed: false };
    if (!stat.isFile || stat.size > MAX_FILE_BYTES || token?.isCancellationRequested) return { changed: this.forget(key) };
    const text = await this.host.readFile(uri);
    if (text === undefined) return { changed: this.forget(key) };
    this.put(uri, text, parseEpisode(text, uri), stat);
    return { changed: true };
  }

  /** Records what the index keeps of a parsed file (used by the workspace check, which parses anyway). */
  put(uri: string, text: string, model: EpisodeModel, stat: FileStat): void {
    const key = uriKey(uri);
    this.version++;
    if (!model.isEpisode) {
      this.byKey.set(key, { uri, isEpisode: false, key, shownPath: '', title: '', headers: [], mtime: stat.mtime, size: stat.size });
      return;
    }
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    const range = (span: Span) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) });
    const transcriptKey = transcriptKeySpan(model);
    this.byKey.set(key, {
      uri,
      isEpisode: true,
      key,
      shownPath: this.shownPath(uri),
      title: episodeTitle(model) ?? basenameUri(uri),
      headers: episodeHeaders(model).map((h) => ({ name: h.name, range: range(h.span) })),
      fingerprint: model.syntaxErrors.length > 0 && !model.recovered ? undefined : copyFingerprint(model),
      transcriptKey,
      transcriptKeyRange: transcriptKey && range(transcriptKey),
      speakers: speakerCounts(model),
      spellings: this.spellingsOf?.(model),
      mtime: stat.mtime,
      size: stat.size,
    });
  }

  private forget(key: string): boolean {
    const had = this.byKey.delete(key);
    if (had) this.version++;
    return had;
  }

  private async runRefresh(): Promise<boolean> {
    const files = await this.listFiles();
    const present = new Set(files.map(uriKey));
    let changed = false;
    for (const key of [...this.byKey.keys()]) if (!present.has(key)) changed = this.forget(key) || changed;
    for (const uri of files) {
      changed = (await this.update(uri)).changed || changed;
      await new Promise<void>((resolve) => this.host.later(resolve));
    }
    return changed;
  }
}

/** An episode's speakers with their line counts. */
export function speakerCounts(model: EpisodeModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of model.transcript?.items ?? []) {
    const name = item.speaker?.name;
    if (name && !item.speaker!.speech) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
