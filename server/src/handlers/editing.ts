import { ErrorCodes, LSPErrorCodes, ResponseError, WorkspaceEdit } from 'vscode-languageserver';
import type { ShiftAmount } from '../core';
import { toCompletionItem, toRange, toTextEdits, toOffset } from '../convert';
import { Commands, ShiftTimesArgs, ShiftTimesResult } from '../protocol';
import { ServerContext, showMessage } from './context';

/** Edits the user asks for in a document: rename a speaker, completion, and the shift-times command. */
export function registerEditing(ctx: ServerContext): void {
  const { connection, documents, service, guard } = ctx;

  connection.onPrepareRename(guard('prepareRename', (params) => {
    const doc = documents.get(params.textDocument.uri);
    const target = doc && service.prepareRename(doc, toOffset(doc, params.position));
    if (!doc || !target) return null;
    if ('error' in target) return new ResponseError(LSPErrorCodes.RequestFailed, target.error);
    return { range: toRange(doc, target.span), placeholder: target.placeholder };
  }));

  connection.onRenameRequest(guard('rename', (params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = doc && service.rename(doc, toOffset(doc, params.position), params.newName);
    if (!doc || !result) return null;
    if ('error' in result) return new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return { changes: { [doc.uri]: toTextEdits(doc, result.edits) } };
  }));

  connection.onCompletion(guard('completion', (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const list = service.completions(doc, toOffset(doc, params.position));
    return list.length === 0 ? null : { isIncomplete: false, items: list.map((c) => toCompletionItem(doc, c, ctx.client.snippets, ctx.client.retriggerCommand)) };
  }));
}

/** `transcripts.shiftTimes [{ uri, line, delta | to }]`: one `workspace/applyEdit` for the open document. */
export async function shiftTimes(ctx: ServerContext, raw: unknown): Promise<ShiftTimesResult | ResponseError<void>> {
  const args = raw as Partial<ShiftTimesArgs> | undefined;
  const amount: ShiftAmount | undefined = Number.isSafeInteger(args?.delta) ? { delta: args!.delta! } : Number.isSafeInteger(args?.to) && args!.to! >= 0 ? { to: args!.to! } : undefined;
  if (!args || typeof args.uri !== 'string' || !Number.isSafeInteger(args.line) || args.line! < 0 || !amount) {
    return new ResponseError(ErrorCodes.InvalidParams, `${Commands.shiftTimes} takes [{ uri, line, delta }] (or { uri, line, to }) with whole numbers of seconds`);
  }
  const { connection, documents, service } = ctx;
  const tell = (kind: 'info' | 'warning', message: string): ShiftTimesResult => {
    showMessage(connection, kind, message);
    return { applied: false, message };
  };
  const doc = documents.get(args.uri);
  if (!doc) return tell('warning', 'Shift Times: open the episode first; only open documents can be shifted.');
  const outcome = service.shiftTimes(doc, doc.offsetAt({ line: args.line!, character: 0 }), amount);
  if (!outcome.ok) return tell('warning', outcome.message);
  if (outcome.edits.length === 0) return tell('info', outcome.message);
  const edits = toTextEdits(doc, outcome.edits);
  const edit: WorkspaceEdit = ctx.client.documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
  if (!ctx.client.applyEdit) return { applied: false, message: 'The editor cannot apply edits sent by the server (no workspace/applyEdit).', edit } as never;
  const result = await connection.workspace.applyEdit({ label: 'Shift times', edit });
  if (!result.applied) return tell('warning', `The editor did not apply the shift${result.failureReason ? `: ${result.failureReason}` : ''}.`);
  return { applied: true, message: outcome.message };
}
