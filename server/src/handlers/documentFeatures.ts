import { CodeActionKind } from 'vscode-languageserver';
import { FIX_ALL_KIND, toCodeAction, toCodeLens, toDocumentLink, toDocumentSymbol, toFoldingRanges, toHover, toSemanticTokens, toOffset } from '../convert';
import { Requests, StatusResult, TextPositionParams, VideoAtResult } from '../protocol';
import { audioFindingsOf } from '../audioFindings';
import { quickFixes } from '../core';
import type { ServerContext } from './context';

/**
 * What the editor asks of one open document: hover, outline, folding, links, code actions,
 * semantic tokens, CodeLens, and the two custom requests (video at the cursor, status). Each
 * handler converts positions, asks the language service, converts back.
 */
export function registerDocumentFeatures(ctx: ServerContext): void {
  const { connection, documents, service, settings, guard } = ctx;

  connection.onHover(guard('hover', (params) => {
    const doc = documents.get(params.textDocument.uri);
    const hover = doc && service.hover(doc, toOffset(doc, params.position));
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
    // The audio rules' fixes (snap to speech, shift times) come with the media the player sent.
    const audio = wants(CodeActionKind.QuickFix) ? quickFixes(audioFindingsOf(service, ctx.media, doc, await settings.resolve(doc.uri)), span) : [];
    return [...audio, ...actions].map((a) => toCodeAction(doc, a));
  }));

  connection.languages.semanticTokens.on(guard('semanticTokens', async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    await settings.resolve(doc.uri);
    return toSemanticTokens(doc, service.tokens(doc));
  }));

  connection.onCodeLens(guard('codeLens', (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? service.codeLenses(doc).map((lens) => toCodeLens(doc, lens)) : null;
  }));

  connection.onRequest(Requests.videoAt, guard('videoAt', (params: TextPositionParams): VideoAtResult | null => {
    const doc = documents.get(params.textDocument.uri);
    return (doc && service.videoAt(doc, toOffset(doc, params.position))) ?? null;
  }));

  connection.onRequest(Requests.status, guard('status', (params: TextPositionParams): StatusResult | null => {
    const doc = documents.get(params.textDocument.uri);
    return (doc && service.status(doc, toOffset(doc, params.position))) ?? null;
  }));
}
