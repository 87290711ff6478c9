import { CodeActionKind, Connection, InitializeResult, TextDocumentContentChangeEvent, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextChange, TranscriptLanguageService } from './core';
import { FIX_ALL_KIND, SEMANTIC_LEGEND } from './convert';
import { registerAudioHandlers } from './handlers/audio';
import { EpisodeMedia } from './handlers/episodeMedia';
import { registerChapterHandlers } from './handlers/chapters';
import { COMMAND_IDS, registerCommands } from './handlers/commands';
import { guardWith, readClientFeatures, ServerContext } from './handlers/context';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerDocumentFeatures } from './handlers/documentFeatures';
import { registerEditing } from './handlers/editing';
import { registerExportTranscript } from './handlers/exportTranscript';
import { registerPlayerHandlers } from './handlers/player';
import { registerTranscriptImport } from './handlers/transcriptImport';
import { WorkspaceFeatures } from './handlers/workspace';
import type { ServerHost } from './host';
import { SettingsCache } from './settings';
import { VERSION } from './version';
import { WorkspaceIndex } from './workspaceIndex';
import { SiteTermsProvider } from './siteTerms';
import { episodeSpellings } from './core/terms/sources';

/**
 * The language server on any connection and any host: the Node entry (main.ts) passes a stdio or
 * IPC connection and the file system, the browser worker (browser/main.ts) a postMessage connection
 * and a host that asks the client. Everything else is the same code.
 */
export function startServer(connection: Connection, host: ServerHost): void {
  const ctx: ServerContext = {
    connection,
    host,
    documents: createDocuments(() => ctx.service),
    settings: new SettingsCache(connection, host, () => ctx.client.pullConfiguration, () => ctx.client.workspaceTrusted),
    service: new TranscriptLanguageService((uri) => ctx.settings.current(uri), (uri) => ctx.terms.current(uri)),
    index: new WorkspaceIndex(host),
    terms: undefined as unknown as SiteTermsProvider,
    client: readClientFeatures({ capabilities: {}, processId: null, rootUri: null }),
    schedule: () => undefined,
    guard: guardWith(connection),
    media: new EpisodeMedia(),
  };
  ctx.terms = new SiteTermsProvider(host, ctx.index, () => host.dictionaryFiles());
  ctx.index.spellingsOf = (model) => episodeSpellings(model, ctx.terms.loaded().english);
  const workspace = new WorkspaceFeatures(ctx);

  connection.onInitialize((params): InitializeResult => {
    ctx.client = readClientFeatures(params);
    workspace.initialize(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'Transcript' },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        executeCommandProvider: { commands: COMMAND_IDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'transcript-language-server', version: VERSION },
    };
  });

  registerDiagnostics(ctx, workspace);
  registerDocumentFeatures(ctx);
  registerEditing(ctx);
  registerPlayerHandlers(ctx);
  registerExportTranscript(ctx);
  registerTranscriptImport(ctx);
  registerChapterHandlers(ctx);
  registerAudioHandlers(ctx, ctx.media);
  registerCommands(ctx, workspace);
  workspace.register();

  ctx.documents.listen(connection);
  connection.listen();
}

/** The document manager, which also tells the service each change as offsets, for its item-local update. */
function createDocuments(service: () => TranscriptLanguageService): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
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
      if (version <= previousVersion) service().forget(doc.uri);
      else service().didChange(doc.uri, version, full ? 'full' : offsets);
      return doc;
    },
  });
}
