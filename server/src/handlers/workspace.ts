import type { CancellationToken, Diagnostic, SymbolInformation, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, compareFingerprints, copyFinding, CopyMatch, episodeHeaders, episodeTitle, findCopyPairs, Finding, matchSymbol, parseEpisode, transcriptKeySpan } from '../core';
import { chaptersFileFindingsOf } from '../chaptersFiles';
import { toDiagnostic, toDiagnosticAt, toRange, toSymbol } from '../convert';
import type { CheckSummary } from '../protocol';
import { uriKey } from '../uri';
import type { ServerContext } from './context';

/** At most this many workspace symbols per query. */
const MAX_WORKSPACE_SYMBOLS = 1000;

/**
 * The features that look beyond one document: the workspace folders, Ctrl+T over every episode,
 * the cross-file transcript-copy rule and Check All Episodes. Other files are read through the
 * host (the file system in Node, the client in a browser), by URI.
 */
export class WorkspaceFeatures {
  /** Diagnostics this server published for closed files in a workspace check, by URI. */
  private readonly published = new Map<string, Diagnostic[]>();
  /** Other episodes each open document was found to copy, to re-check them when that changes. */
  private readonly copyPartners = new Map<string, string[]>();

  constructor(private readonly ctx: ServerContext) {}

  /** The folders from `initialize`; followed from then on when the client reports changes. */
  initialize(folders: readonly string[]): void {
    this.ctx.index.setFolders(folders);
    // Subscribed once the initialize answer (with its static registration) is on its way.
    if (this.ctx.client.workspaceFolders) this.ctx.host.later(() => this.followWorkspaceFolders());
  }

  register(): void {
    const { connection, index, guard } = this.ctx;
    connection.onWorkspaceSymbol(guard('workspaceSymbol', async (params, token: CancellationToken) => {
      if (index.hasFolders) await Promise.race([index.refresh(), cancelled(token)]);
      return this.workspaceSymbols(params.query);
    }));
  }

  private followWorkspaceFolders(): void {
    const { connection, index } = this.ctx;
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = await connection.workspace.getWorkspaceFolders();
      index.setFolders(folders?.map((f) => f.uri) ?? []);
      index.built = false;
    });
  }

  /** A closed file that the workspace check reported on keeps its findings in the Problems panel. */
  onClosed(uri: string): void {
    if (!this.published.has(uri)) return;
    void this.checkClosedFile(uri).then((diagnostics) => {
      if (diagnostics && !this.ctx.documents.get(uri)) this.publish(uri, diagnostics);
    }).catch(() => undefined);
  }

  /**
   * transcript-copy for an open document: against the other open documents and the indexed files.
   * The first time, the workspace folders are indexed in the background (unless the rule is off);
   * open documents are checked again when that finishes.
   */
  crossFileFindings(doc: TextDocument): Finding[] {
    const { settings, service, documents, index } = this.ctx;
    const config = settings.current(doc.uri);
    if (config.rules['transcript-copy'] === 'off') return [];
    // Nothing to compare with (no other open document, no folder to index): no fingerprint to build, on open or per keystroke.
    if (!index.hasFolders && documents.all().length === 1 && index.episodes().length === 0) {
      this.setPartners(doc.uri, []);
      return [];
    }
    const fingerprint = service.fingerprint(doc);
    const key = fingerprint && transcriptKeySpan(service.model(doc));
    if (!fingerprint || !key) {
      this.setPartners(doc.uri, []);
      return [];
    }
    const matches: { uri: string; match: CopyMatch }[] = [];
    const openKeys = new Set<string>();
    for (const other of documents.all()) {
      openKeys.add(uriKey(other.uri));
      if (other.uri === doc.uri) continue;
      const theirs = service.fingerprint(other);
      const match = theirs && compareFingerprints(fingerprint, theirs);
      if (match) matches.push({ uri: other.uri, match });
    }
    for (const entry of index.episodes()) {
      if (openKeys.has(entry.key) || !entry.fingerprint) continue;
      const match = compareFingerprints(fingerprint, entry.fingerprint);
      if (match) matches.push({ uri: entry.uri, match });
    }
    this.setPartners(doc.uri, matches.map((m) => m.uri));
    return matches.flatMap(({ uri, match }) => copyFinding(key, config, index.shownPath(uri), match) ?? []);
  }

  /**
   * After an open document's first check, the workspace folders are indexed in the background
   * (transcript-copy and the site's term counts need the other episodes), once the dictionaries
   * are loaded (the index keeps each episode's spellings); open documents are checked again when that finishes.
   */
  ensureIndexed(): void {
    const { index, documents } = this.ctx;
    if (index.built || !index.hasFolders) return;
    void this.ctx.terms.whenLoaded().then(() => index.refresh()).then((changed) => {
      if (changed) for (const open of documents.all()) this.ctx.schedule(open.uri, true);
    });
  }

  /** Remembers who an open document copies; when that changes, the other side of the pair is checked again too. */
  private setPartners(uri: string, partners: string[]): void {
    const before = new Set(this.copyPartners.get(uri) ?? []);
    const now = new Set(partners);
    this.copyPartners.set(uri, partners);
    for (const partner of new Set([...before, ...now])) {
      if (before.has(partner) !== now.has(partner) && this.ctx.documents.get(partner)) this.ctx.schedule(partner);
    }
  }

  /**
   * Checks every episode below the workspace folders: open ones as the editor has them (they are
   * re-checked as usual), closed ones through the host with their findings published for the
   * Problems panel. Then transcript-copy across all of them. Cancellable between files.
   */
  async checkWorkspace(token: CancellationToken, clientProgress?: WorkDoneProgressReporter): Promise<CheckSummary> {
    const { connection, documents, index, settings, service, host } = this.ctx;
    const progress = clientProgress ?? (this.ctx.client.createProgress ? await connection.window.createWorkDoneProgress() : undefined);
    const stop = () => token.isCancellationRequested || ((progress as { token?: CancellationToken } | undefined)?.token?.isCancellationRequested ?? false);
    progress?.begin('Checking episodes', 0, 'listing files', true);
    const summary: CheckSummary = { files: 0, episodes: 0, findings: 0, filesWithFindings: 0, copies: 0, cancelled: false };
    try {
      // The whole index first: every episode is checked against the same site term counts.
      if (index.hasFolders) await index.refresh();
      const files = index.hasFolders ? await index.listFiles() : [];
      const checked = new Map<string, Diagnostic[]>();
      const openEpisodes: TextDocument[] = [];
      for (let i = 0; i < files.length; i++) {
        if (stop()) {
          summary.cancelled = true;
          break;
        }
        const uri = files[i];
        progress?.report(Math.round((i / files.length) * 100), `${i + 1}/${files.length} ${index.shownPath(uri)}`);
        summary.files++;
        const open = documents.all().find((d) => uriKey(d.uri) === uriKey(uri));
        if (open) {
          // As the editor has it; its diagnostics come from the usual check, scheduled below.
          if (service.model(open).isEpisode) openEpisodes.push(open);
          continue;
        }
        const diagnostics = await this.checkClosedFile(uri);
        if (diagnostics) {
          summary.episodes++;
          checked.set(uri, diagnostics);
        }
        await new Promise<void>((resolve) => host.later(resolve));
      }
      // transcript-copy among every indexed episode; open ones get theirs when re-checked below.
      const pairs = findCopyPairs(index.episodes().flatMap((e) => (e.fingerprint ? [{ key: e, fingerprint: e.fingerprint }] : [])));
      summary.copies = pairs.length;
      for (const { a, b, match } of pairs) {
        for (const [self, other] of [[a, b], [b, a]]) {
          const diagnostics = checked.get(self.uri);
          if (!diagnostics || !self.transcriptKey || !self.transcriptKeyRange) continue;
          const finding = copyFinding(self.transcriptKey, await settings.resolve(self.uri), other.shownPath, match);
          if (finding) diagnostics.push(toDiagnosticAt(finding, self.transcriptKeyRange));
        }
      }
      for (const [uri, diagnostics] of checked) {
        this.publish(uri, diagnostics);
        summary.findings += diagnostics.length;
        if (diagnostics.length > 0) summary.filesWithFindings++;
      }
      if (!summary.cancelled) {
        // Files reported on by an earlier check that are gone or no longer episodes.
        for (const uri of [...this.published.keys()]) {
          if (!checked.has(uri) && !documents.get(uri)) {
            this.published.delete(uri);
            void connection.sendDiagnostics({ uri, diagnostics: [] });
          }
        }
      }
      for (const doc of openEpisodes) {
        await settings.resolve(doc.uri);
        const count = service.findings(doc).length + this.crossFileFindings(doc).length;
        summary.episodes++;
        summary.findings += count;
        if (count > 0) summary.filesWithFindings++;
      }
      for (const doc of documents.all()) this.ctx.schedule(doc.uri);
      return summary;
    } finally {
      progress?.done();
    }
  }

  /** A closed file read through the host, indexed and checked; undefined when it is not an episode (or unreadable). */
  private async checkClosedFile(uri: string): Promise<Diagnostic[] | undefined> {
    const { host, settings, index } = this.ctx;
    const stat = await host.stat(uri);
    const text = stat && (await host.readFile(uri));
    if (!stat || text === undefined) return undefined;
    const config = await settings.resolve(uri);
    const model = parseEpisode(text, uri, { maxFrontMatterKB: config.frontMatterKB });
    index.put(uri, text, model, stat);
    if (!model.isEpisode) return undefined;
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    const chapters = await chaptersFileFindingsOf(host, model, config, (other) => index.shownPath(other));
    const terms = await this.ctx.terms.prepare(uri, config);
    return [...analyze(model, config, { lineOf: (offset) => doc.positionAt(offset).line + 1, terms }), ...chapters].map((f) => toDiagnostic(doc, f));
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    this.published.set(uri, diagnostics);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Every header of every episode: open ones as edited, the rest from the index. */
  private workspaceSymbols(query: string): SymbolInformation[] {
    const { documents, service, index } = this.ctx;
    const found: { score: number; symbol: SymbolInformation }[] = [];
    const openKeys = new Set<string>();
    for (const doc of documents.all()) {
      openKeys.add(uriKey(doc.uri));
      const model = service.model(doc);
      if (!model.isEpisode) continue;
      const container = episodeTitle(model) ?? index.shownPath(doc.uri);
      for (const header of episodeHeaders(model)) {
        const score = matchSymbol(query, header.name);
        if (score !== undefined) found.push({ score, symbol: toSymbol(header.name, doc.uri, toRange(doc, header.span), container) });
      }
    }
    for (const entry of index.episodes()) {
      if (openKeys.has(entry.key)) continue;
      for (const header of entry.headers) {
        const score = matchSymbol(query, header.name);
        if (score !== undefined) found.push({ score, symbol: toSymbol(header.name, entry.uri, header.range, entry.title) });
      }
    }
    return found.sort((a, b) => a.score - b.score).slice(0, MAX_WORKSPACE_SYMBOLS).map((f) => f.symbol);
  }
}

function cancelled(token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) resolve();
    token.onCancellationRequested(() => resolve());
  });
}
