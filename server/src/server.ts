import {
  CodeActionKind, Connection, ErrorCodes, InitializeResult, ResponseError, TextDocumentContentChangeEvent, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextChange, TranscriptLanguageService } from './core';
import { FIX_ALL_KIND, SEMANTIC_LEGEND, toSemanticTokens, toCodeAction, toDiagnostic, toDocumentLink, toDocumentSymbol, toFoldingRanges, toHover } from './convert';
import { PowerTools } from './powerTools';
import { registerPlayerHandlers } from './handlers/player';
import { SettingsCache } from './settings';
import { VERSION } from './version';

/** Custom request behind the "Open Video at Cursor" command. */
export const VIDEO_AT_REQUEST = 'transcripts/videoAt';

/**
 * LSP wiring only: every handler converts positions, asks the language service, converts back.
 * Each handler is guarded: an exception is logged and answered as an error; the server keeps going.
 */
export function startServer(connection: Connection): void {
  let canPullConfiguration = false;
  let canRefreshTokens = false;
  const settings = new SettingsCache(connection, () => canPullConfiguration);
  const service = new TranscriptLanguageService((uri) => settings.current(uri));
  // The document manager also tells the service each change as offsets, for its item-local update.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (doc, changes, version) => {
      const previousVersion = doc.version;
      const offsets: TextChange[] = [];
      let full = false;
      for (const change of changes) {
        if (TextDocumentContentChangeEvent.isIncremental(change)) {
          const [a, b] = [doc.offsetAt(change.range.start), doc.offsetAt(change.range.end)];
          offsets.push({ start: Math.min(a, b), end: Math.max(a, b), text: change.text });
        } else full = true;
        TextDocument.update(doc, [change], version);
      }
      // A version number that does not grow (protocol abuse) must not find the old text's cache entry.
      if (version <= previousVersion) service.forget(doc.uri);
      else service.didChange(doc.uri, version, full ? 'full' : offsets);
      return doc;
    },
  });

  const guard = <P, R, A extends unknown[] = []>(name: string, handler: (params: P, ...rest: A) => R | Promise<R>) =>
    async (params: P, ...rest: A): Promise<R | ResponseError<void>> => {
      try {
        return await handler(params, ...rest);
      } catch (error) {
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        connection.console.error(`transcripts: ${name} failed: ${message}`);
        return new ResponseError(ErrorCodes.InternalError, `transcripts: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRefreshTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'Transcript' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        ...power.initialize(params),
      },
      serverInfo: { name: 'transcript-language-server', version: VERSION },
    };
  });

  // Coalesced validation: at most one pending run per document, always of its newest version.
  const pending = new Set<string>();
  const schedule = (uri: string) => {
    if (pending.has(uri)) return;
    pending.add(uri);
    // Two turns of the event loop: changes already queued on the connection are applied first,
    // so a burst of edits is checked once, at its newest version.
    setImmediate(() => setImmediate(() => {
      pending.delete(uri);
      void validate(uri);
    }));
  };
  const validate = async (uri: string) => {
    try {
      const doc = documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      await settings.resolve(uri);
      if (documents.get(uri)?.version !== version) return; // A newer version is already scheduled.
      const diagnostics = [...service.findings(doc), ...power.crossFileFindings(doc)].map((f) => toDiagnostic(doc, f));
      await connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`transcripts: checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  };
  const revalidateAll = () => {
    settings.clear();
    for (const doc of documents.all()) schedule(doc.uri);
    // Tokens follow the findings, which follow the settings.
    if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
    power.onConfigurationChanged();
  };

  documents.onDidOpen((e) => {
    // didOpen of a document already open replaces its text, maybe at the same version: forget the old one.
    service.forget(e.document.uri);
    schedule(e.document.uri);
  });
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    service.forget(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    power.onClosed(e.document.uri);
  });
  connection.onDidChangeConfiguration(revalidateAll);
  connection.onDidChangeWatchedFiles(revalidateAll);

  connection.onHover(guard('hover', (params) => {
    const doc = documents.get(params.textDocument.uri);
    const hover = doc && service.hover(doc, doc.offsetAt(params.position));
    return hover ? toHover(doc, hover) : null;
  }));

  connection.onDocumentSymbol(guard('documentSymbol', (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.symbols(doc).map((s) => toDocumentSymbol(doc, s)) : null;
  }));

  connection.onFoldingRanges(guard('foldingRange', (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? toFoldingRanges(doc, service.folding(doc)) : null;
  }));

  connection.onDocumentLinks(guard('documentLink', (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.links(doc).map((l) => toDocumentLink(doc, l)) : null;
  }));

  connection.onCodeAction(guard('codeAction', async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    await settings.resolve(doc.uri);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const span = { start: doc.offsetAt(params.range.start), end: doc.offsetAt(params.range.end) };
    const actions = service.codeActions(doc, span, { quickfix: wants(CodeActionKind.QuickFix), fixAll: wants(FIX_ALL_KIND) });
    return actions.map((a) => toCodeAction(doc, a));
  }));

  connection.languages.semanticTokens.on(guard('semanticTokens', async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    await settings.resolve(doc.uri);
    return toSemanticTokens(doc, service.tokens(doc));
  }));

  connection.onRequest(VIDEO_AT_REQUEST, guard('videoAt', (params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const video = service.videoAt(doc, doc.offsetAt(params.position));
    return video ?? null;
  }));

  // Shift times, rename, completion, CodeLens, status, workspace check and symbols (powerTools.ts).
  const power = new PowerTools({ connection, documents, service, settings, guard, schedule: (uri) => schedule(uri) });
  power.register();
  registerPlayerHandlers({ connection, service, documents, guard });

  documents.listen(connection);
  connection.listen();
}
