import { CodeLensRefreshRequest, type Diagnostic } from 'vscode-languageserver';
import { audioFindingsOf } from '../audioFindings';
import { chaptersFileFindingsOf } from '../chaptersFiles';
import { toDiagnostic } from '../convert';
import { DID_GRANT_WORKSPACE_TRUST } from '../protocol';
import type { ServerContext } from './context';
import type { WorkspaceFeatures } from './workspace';

/**
 * Diagnostics of open documents: checked after each change (coalesced: at most one pending run per
 * document, always of its newest version), cleared on close, all re-checked when settings or
 * watched files change. Sets `ctx.schedule`, which the other handlers use to re-check a document.
 */
export function registerDiagnostics(ctx: ServerContext, workspace: WorkspaceFeatures): void {
  const { connection, documents, service, settings, host } = ctx;
  /** Documents with a check queued, and whether that check may stay quiet (every request for it was quiet). */
  const pending = new Map<string, boolean>();
  /** What was last published per document: a quiet re-check that finds the same says nothing. */
  const published = new Map<string, { version: number; diagnostics: Diagnostic[] }>();

  ctx.schedule = (uri, quiet = false) => {
    const queued = pending.get(uri);
    if (queued !== undefined) {
      if (!quiet) pending.set(uri, false);
      return;
    }
    pending.set(uri, quiet);
    // Two turns of the event loop: changes already queued on the connection are applied first,
    // so a burst of edits is checked once, at its newest version.
    host.later(() => host.later(() => {
      const quietly = pending.get(uri) ?? false;
      pending.delete(uri);
      void validate(uri, quietly);
    }));
  };

  const validate = async (uri: string, quiet: boolean) => {
    try {
      const doc = documents.get(uri);
      if (!doc) return;
      const version = doc.version;
      const config = await settings.resolve(uri);
      // The first time, the dictionaries and the people files load after this check's findings are
      // published (without the two terms rules); the document is checked again once they are.
      const loadTerms = ctx.terms.update(uri, config);
      const chapters = await chaptersFileFindingsOf(host, service.model(doc), config, (other) => ctx.index.shownPath(other));
      if (documents.get(uri)?.version !== version) return; // A newer version is already scheduled.
      const audio = audioFindingsOf(service, ctx.media, doc, config);
      const diagnostics = [...service.findings(doc), ...workspace.crossFileFindings(doc), ...chapters, ...audio].map((f) => toDiagnostic(doc, f));
      const last = published.get(uri);
      // A client shows the latest publish: the same findings again would only make the list flicker
      // (and reach a client after a publish it asked for since, e.g. a settings change).
      if (!(quiet && last?.version === version && sameDiagnostics(last.diagnostics, diagnostics))) {
        published.set(uri, { version, diagnostics });
        await connection.sendDiagnostics({ uri, version, diagnostics });
      }
      if (loadTerms) void loadTerms().then(() => ctx.schedule(uri, true), (error) => connection.console.error(`transcripts: loading the site's terms failed: ${error instanceof Error ? error.stack : String(error)}`));
      // The other episodes are read (transcript-copy, the site's term counts) once this one's findings are out.
      workspace.ensureIndexed();
    } catch (error) {
      connection.console.error(`transcripts: checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  };

  const revalidateAll = () => {
    settings.clear();
    ctx.terms.clear();
    for (const doc of documents.all()) ctx.schedule(doc.uri);
    // Tokens follow the findings, which follow the settings; the CodeLens setting lives in the client, which asks again after a refresh.
    if (ctx.client.refreshSemanticTokens) void connection.languages.semanticTokens.refresh();
    if (ctx.client.refreshCodeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };

  documents.onDidOpen((e) => {
    // didOpen of a document already open replaces its text, maybe at the same version: forget the old one.
    service.forget(e.document.uri);
    ctx.schedule(e.document.uri);
  });
  documents.onDidChangeContent((e) => ctx.schedule(e.document.uri));
  documents.onDidClose((e) => {
    service.forget(e.document.uri);
    settings.forget(e.document.uri);
    ctx.terms.forget(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    workspace.onClosed(e.document.uri);
  });
  connection.onDidChangeConfiguration((params) => {
    settings.push(params.settings);
    revalidateAll();
  });
  connection.onDidChangeWatchedFiles(revalidateAll);
  connection.onNotification(DID_GRANT_WORKSPACE_TRUST, () => {
    ctx.client.workspaceTrusted = true;
    revalidateAll();
  });
}

/** Two publishes' diagnostics are the same (compared only for a quiet re-check). */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
