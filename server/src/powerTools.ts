import {
  CancellationToken, CodeLensRefreshRequest, Connection, Diagnostic, ErrorCodes, ExecuteCommandParams, InitializeParams, LSPErrorCodes, Range, ResponseError,
  MessageType, ServerCapabilities, ShowMessageNotification, SymbolInformation, TextDocuments, WorkDoneProgressReporter, WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyze, compareFingerprints, copyFinding, CopyMatch, episodeHeaders, episodeTitle, findCopyPairs, Finding, matchSymbol, parseEpisode, ShiftAmount, TranscriptLanguageService, transcriptKeySpan } from './core';
import { toDiagnostic, toRange } from './convert';
import { OPEN_VIDEO_COMMAND, toCodeLens, toCompletionItem, toSymbol, toTextEdits } from './powerConvert';
import type { SettingsCache } from './settings';
import { filePath, WorkspaceIndex, yieldToEvents } from './workspace';

/**
 * The editing power tools on the LSP connection (issue 8): shift times, rename a speaker,
 * completion, CodeLens, the status request, the workspace check, workspace symbols and the
 * cross-file transcript-copy rule. Like server.ts, handlers only convert and delegate.
 */

export const SHIFT_TIMES_COMMAND = 'transcripts.shiftTimes';
export const CHECK_WORKSPACE_COMMAND = 'transcripts.checkWorkspace';
export const STATUS_REQUEST = 'transcripts/status';
export { OPEN_VIDEO_COMMAND };

/** The only URLs the open-video command opens: what `videoUrl` builds. */
const VIDEO_URL = /^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}&t=\d{1,9}$/;
/** At most this many workspace symbols per query. */
const MAX_WORKSPACE_SYMBOLS = 1000;

type Guard = <P, R, A extends unknown[]>(name: string, handler: (params: P, ...rest: A) => R | Promise<R>) => (params: P, ...rest: A) => Promise<R | ResponseError<void>>;

export interface PowerToolsHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: TranscriptLanguageService;
  settings: SettingsCache;
  guard: Guard;
  /** Re-checks an open document (coalesced by the server). */
  schedule(uri: string): void;
}

export interface ShiftTimesArgs {
  uri: string;
  /** 0-based line of the first item to move (any line of it). */
  line: number;
  /** Seconds to add (negative to move back)... */
  delta?: number;
  /** ... or the time (seconds) the first timed item should move to, the rest with it. */
  to?: number;
}

export interface CheckSummary {
  files: number;
  episodes: number;
  findings: number;
  filesWithFindings: number;
  copies: number;
  cancelled: boolean;
}

export class PowerTools {
  private snippets = false;
  private canApplyEdit = false;
  private documentChanges = false;
  private canShowDocument = false;
  private canRefreshCodeLens = false;
  private canCreateProgress = false;
  private retriggerCommand?: string;
  readonly index = new WorkspaceIndex();
  /** Diagnostics this server published for closed files in a workspace check, by URI. */
  private readonly published = new Map<string, Diagnostic[]>();
  /** Other episodes each open document was found to copy, to re-check them when that changes. */
  private readonly copyPartners = new Map<string, string[]>();

  constructor(private readonly host: PowerToolsHost) {}

  /** Reads what the client can do; returns the capabilities to announce. */
  initialize(params: InitializeParams): ServerCapabilities {
    const caps = params.capabilities;
    this.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    this.canApplyEdit = caps.workspace?.applyEdit === true;
    this.documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    this.canShowDocument = caps.window?.showDocument?.support === true;
    this.canRefreshCodeLens = caps.workspace?.codeLens?.refreshSupport === true;
    this.canCreateProgress = caps.window?.workDoneProgress === true;
    const options = (params.initializationOptions ?? {}) as { retriggerSuggestCommand?: unknown };
    if (typeof options.retriggerSuggestCommand === 'string') this.retriggerCommand = options.retriggerSuggestCommand;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.index.setFolders(folders);
    // Subscribed once the initialize answer (with its static registration) is on its way.
    if (caps.workspace?.workspaceFolders === true) setImmediate(() => this.followWorkspaceFolders());
    return {
      renameProvider: { prepareProvider: true },
      completionProvider: { triggerCharacters: [' '], resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      executeCommandProvider: { commands: [SHIFT_TIMES_COMMAND, CHECK_WORKSPACE_COMMAND, OPEN_VIDEO_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }

  register(): void {
    const { connection, documents, service, guard } = this.host;

    connection.onPrepareRename(guard('prepareRename', (params) => {
      const doc = documents.get(params.textDocument.uri);
      const target = doc && service.prepareRename(doc, doc.offsetAt(params.position));
      if (!doc || !target) return null;
      if ('error' in target) return new ResponseError(LSPErrorCodes.RequestFailed, target.error);
      return { range: toRange(doc, target.span), placeholder: target.placeholder };
    }));

    connection.onRenameRequest(guard('rename', (params) => {
      const doc = documents.get(params.textDocument.uri);
      const result = doc && service.rename(doc, doc.offsetAt(params.position), params.newName);
      if (!doc || !result) return null;
      if ('error' in result) return new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return { changes: { [doc.uri]: toTextEdits(doc, result.edits) } };
    }));

    connection.onCompletion(guard('completion', (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const list = service.completions(doc, doc.offsetAt(params.position));
      return list.length === 0 ? null : { isIncomplete: false, items: list.map((c) => toCompletionItem(doc, c, this.snippets, this.retriggerCommand)) };
    }));

    connection.onCodeLens(guard('codeLens', (params) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? service.codeLenses(doc).map((lens) => toCodeLens(doc, lens)) : null;
    }));

    connection.onRequest(STATUS_REQUEST, guard('status', (params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
      const doc = documents.get(params.textDocument.uri);
      return (doc && service.status(doc, doc.offsetAt(params.position))) ?? null;
    }));

    connection.onWorkspaceSymbol(guard('workspaceSymbol', async (params, token: CancellationToken) => {
      if (this.index.hasFolders) await Promise.race([this.index.refresh(), cancelled(token)]);
      return this.workspaceSymbols(params.query);
    }));

    connection.onExecuteCommand(guard('executeCommand', async (params: ExecuteCommandParams, token: CancellationToken, progress: WorkDoneProgressReporter) => {
      switch (params.command) {
        case SHIFT_TIMES_COMMAND: return this.shiftTimes(params.arguments?.[0]);
        case CHECK_WORKSPACE_COMMAND: return this.checkWorkspace(token, WorkDoneProgressReporter.isNullInstance(progress) ? undefined : progress);
        case OPEN_VIDEO_COMMAND: return this.openVideo(params.arguments?.[0]);
        default: return new ResponseError(ErrorCodes.InvalidParams, `transcripts: unknown command ${params.command}`);
      }
    }));
  }

  private followWorkspaceFolders(): void {
    const { connection } = this.host;
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = await connection.workspace.getWorkspaceFolders();
      this.index.setFolders(folders?.map((f) => f.uri) ?? []);
      this.index.built = false;
    });
  }

  /** Settings changed: the CodeLens setting lives in the client, which asks again after a refresh. */
  onConfigurationChanged(): void {
    if (this.canRefreshCodeLens) void this.host.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  /** A closed file that the workspace check reported on keeps its findings in the Problems panel. */
  onClosed(uri: string): void {
    if (!this.published.has(uri)) return;
    const file = filePath(uri);
    if (file === undefined) return;
    void this.checkClosedFile(file, uri).then((diagnostics) => {
      if (diagnostics && !this.host.documents.get(uri)) this.publish(uri, diagnostics);
    }).catch(() => undefined);
  }

  /**
   * transcript-copy for an open document: against the other open documents and the indexed files.
   * The first time, the workspace folders are indexed in the background (unless the rule is off);
   * open documents are checked again when that finishes.
   */
  crossFileFindings(doc: TextDocument): Finding[] {
    const config = this.host.settings.current(doc.uri);
    if (config.rules['transcript-copy'] === 'off') return [];
    const { service, documents } = this.host;
    const fingerprint = service.fingerprint(doc);
    const key = fingerprint && transcriptKeySpan(service.model(doc));
    if (!fingerprint || !key) {
      this.setPartners(doc.uri, []);
      return [];
    }
    if (!this.index.built && this.index.hasFolders) {
      void this.index.refresh().then((changed) => {
        if (changed) for (const open of documents.all()) this.host.schedule(open.uri);
      });
    }
    const matches: { uri: string; match: CopyMatch }[] = [];
    const openFiles = new Set<string>();
    for (const other of documents.all()) {
      openFiles.add(filePath(other.uri) ?? other.uri);
      if (other.uri === doc.uri) continue;
      const theirs = service.fingerprint(other);
      const match = theirs && compareFingerprints(fingerprint, theirs);
      if (match) matches.push({ uri: other.uri, match });
    }
    for (const entry of this.index.episodes()) {
      if (openFiles.has(entry.file) || !entry.fingerprint) continue;
      const match = compareFingerprints(fingerprint, entry.fingerprint);
      if (match) matches.push({ uri: entry.uri, match });
    }
    this.setPartners(doc.uri, matches.map((m) => m.uri));
    return matches.flatMap(({ uri, match }) => copyFinding(key, config, this.index.shownPath(uri), match) ?? []);
  }

  /** Remembers who an open document copies; when that changes, the other side of the pair is checked again too. */
  private setPartners(uri: string, partners: string[]): void {
    const before = new Set(this.copyPartners.get(uri) ?? []);
    const now = new Set(partners);
    this.copyPartners.set(uri, partners);
    for (const partner of new Set([...before, ...now])) {
      if (before.has(partner) !== now.has(partner) && this.host.documents.get(partner)) this.host.schedule(partner);
    }
  }

  private async shiftTimes(raw: unknown): Promise<{ applied: boolean; message: string } | ResponseError<void>> {
    const args = raw as Partial<ShiftTimesArgs> | undefined;
    const amount: ShiftAmount | undefined = Number.isSafeInteger(args?.delta) ? { delta: args!.delta! } : Number.isSafeInteger(args?.to) && args!.to! >= 0 ? { to: args!.to! } : undefined;
    if (!args || typeof args.uri !== 'string' || !Number.isSafeInteger(args.line) || args.line! < 0 || !amount) {
      return new ResponseError(ErrorCodes.InvalidParams, 'transcripts.shiftTimes takes [{ uri, line, delta }] (or { uri, line, to }) with whole numbers of seconds');
    }
    const { connection, documents, service } = this.host;
    const doc = documents.get(args.uri);
    if (!doc) return this.tell('warning', 'Shift Times: open the episode first; only open documents can be shifted.', false);
    const outcome = service.shiftTimes(doc, doc.offsetAt({ line: args.line!, character: 0 }), amount);
    if (!outcome.ok) return this.tell('warning', outcome.message, false);
    if (outcome.edits.length === 0) return this.tell('info', outcome.message, false);
    const edits = toTextEdits(doc, outcome.edits);
    const edit: WorkspaceEdit = this.documentChanges
      ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
      : { changes: { [doc.uri]: edits } };
    if (!this.canApplyEdit) return { applied: false, message: 'The editor cannot apply edits sent by the server (no workspace/applyEdit).', edit } as never;
    const result = await connection.workspace.applyEdit({ label: 'Shift times', edit });
    if (!result.applied) return this.tell('warning', `The editor did not apply the shift${result.failureReason ? `: ${result.failureReason}` : ''}.`, false);
    return { applied: true, message: outcome.message };
  }

  private tell(kind: 'info' | 'warning', message: string, applied: boolean): { applied: boolean; message: string } {
    // A notification (window/showMessage): nothing to answer, so no client waits on it.
    void this.host.connection.sendNotification(ShowMessageNotification.type, { type: kind === 'info' ? MessageType.Info : MessageType.Warning, message });
    return { applied, message };
  }

  private async openVideo(url: unknown): Promise<{ opened: boolean }> {
    if (typeof url !== 'string' || !VIDEO_URL.test(url)) return { opened: false };
    if (!this.canShowDocument) {
      void this.host.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Video: ${url}` });
      return { opened: false };
    }
    const result = await this.host.connection.window.showDocument({ uri: url, external: true });
    return { opened: result.success };
  }

  /**
   * Checks every episode below the workspace folders: open ones as the editor has them (they are
   * re-checked as usual), closed ones from disk with their findings published for the Problems
   * panel. Then transcript-copy across all of them. Cancellable between files.
   */
  private async checkWorkspace(token: CancellationToken, clientProgress?: WorkDoneProgressReporter): Promise<CheckSummary> {
    const { connection, documents } = this.host;
    const progress = clientProgress ?? (this.canCreateProgress ? await connection.window.createWorkDoneProgress() : undefined);
    const stop = () => token.isCancellationRequested || ((progress as { token?: CancellationToken } | undefined)?.token?.isCancellationRequested ?? false);
    progress?.begin('Checking episodes', 0, 'listing files', true);
    const summary: CheckSummary = { files: 0, episodes: 0, findings: 0, filesWithFindings: 0, copies: 0, cancelled: false };
    try {
      const files = this.index.hasFolders ? await this.index.listFiles() : [];
      const checked = new Map<string, Diagnostic[]>();
      const openEpisodes: TextDocument[] = [];
      for (let i = 0; i < files.length; i++) {
        if (stop()) {
          summary.cancelled = true;
          break;
        }
        const file = files[i];
        progress?.report(Math.round((i / files.length) * 100), `${i + 1}/${files.length} ${this.index.shownPath(fileUri(file))}`);
        summary.files++;
        const open = documents.all().find((d) => filePath(d.uri) === file);
        if (open) {
          // As the editor has it; its diagnostics come from the usual check, scheduled below.
          if (this.host.service.model(open).isEpisode) openEpisodes.push(open);
          continue;
        }
        const diagnostics = await this.checkClosedFile(file);
        if (diagnostics) {
          summary.episodes++;
          checked.set(fileUri(file), diagnostics);
        }
        await yieldToEvents();
      }
      // transcript-copy among every indexed episode; open ones get theirs when re-checked below.
      const pairs = findCopyPairs(this.index.episodes().flatMap((e) => (e.fingerprint ? [{ key: e, fingerprint: e.fingerprint }] : [])));
      summary.copies = pairs.length;
      for (const { a, b, match } of pairs) {
        for (const [self, other] of [[a, b], [b, a]]) {
          const diagnostics = checked.get(self.uri);
          if (!diagnostics || !self.transcriptKey || !self.transcriptKeyRange) continue;
          const finding = copyFinding(self.transcriptKey, await this.host.settings.resolve(self.uri), other.shownPath, match);
          if (finding) diagnostics.push(diagnosticAt(finding, self.transcriptKeyRange));
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
        await this.host.settings.resolve(doc.uri);
        const count = this.host.service.findings(doc).length + this.crossFileFindings(doc).length;
        summary.episodes++;
        summary.findings += count;
        if (count > 0) summary.filesWithFindings++;
      }
      for (const doc of documents.all()) this.host.schedule(doc.uri);
      return summary;
    } finally {
      progress?.done();
    }
  }

  /** A closed file read from disk, indexed and checked; undefined when it is not an episode (or unreadable). */
  private async checkClosedFile(file: string, knownUri?: string): Promise<Diagnostic[] | undefined> {
    let text: string;
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
      text = await fs.promises.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const uri = knownUri ?? fileUri(file);
    const config = await this.host.settings.resolve(uri);
    const model = parseEpisode(text, uri, { maxFrontMatterKB: config.frontMatterKB });
    this.index.put(file, uri, text, model, stat);
    if (!model.isEpisode) return undefined;
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    return analyze(model, config, { lineOf: (offset) => doc.positionAt(offset).line + 1 }).map((f) => toDiagnostic(doc, f));
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    this.published.set(uri, diagnostics);
    void this.host.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Every header of every episode: open ones as edited, the rest from the index. */
  private workspaceSymbols(query: string): SymbolInformation[] {
    const { documents, service } = this.host;
    const found: { score: number; symbol: SymbolInformation }[] = [];
    const openFiles = new Set<string>();
    for (const doc of documents.all()) {
      openFiles.add(filePath(doc.uri) ?? doc.uri);
      const model = service.model(doc);
      if (!model.isEpisode) continue;
      const container = episodeTitle(model) ?? this.index.shownPath(doc.uri);
      for (const header of episodeHeaders(model)) {
        const score = matchSymbol(query, header.name);
        if (score !== undefined) found.push({ score, symbol: toSymbol(header.name, doc.uri, toRange(doc, header.span), container) });
      }
    }
    for (const entry of this.index.episodes()) {
      if (openFiles.has(entry.file)) continue;
      for (const header of entry.headers) {
        const score = matchSymbol(query, header.name);
        if (score !== undefined) found.push({ score, symbol: toSymbol(header.name, entry.uri, header.range, entry.title) });
      }
    }
    return found.sort((a, b) => a.score - b.score).slice(0, MAX_WORKSPACE_SYMBOLS).map((f) => f.symbol);
  }
}

function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** A finding of a file the server no longer holds the text of, at a range it kept. */
function diagnosticAt(finding: Finding, range: Range): Diagnostic {
  return { ...toDiagnostic(NO_TEXT, finding), range };
}
const NO_TEXT = TextDocument.create('file:///', 'markdown', 0, '');

function cancelled(token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    if (token.isCancellationRequested) resolve();
    token.onCancellationRequested(() => resolve());
  });
}
