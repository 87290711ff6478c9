// The floor of an edit: a language server that only keeps each document in sync (the same
// incremental TextDocuments our server uses) and publishes empty diagnostics for every version. What
// it costs is LSP messaging, JSON and the text sync: what any server pays before it checks anything.
import { rootRequire } from './paths.mjs';

const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = rootRequire('vscode-languageserver/node');
const { TextDocument } = rootRequire('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, documentSymbolProvider: true },
  serverInfo: { name: 'sync-only floor' },
}));
documents.onDidChangeContent(({ document }) => {
  // Read the text, as every checker must at least once per version.
  document.getText();
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
connection.onHover(() => null);
connection.onDocumentSymbol(() => []);
documents.listen(connection);
connection.listen();
