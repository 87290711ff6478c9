import { ErrorCodes, ResponseError, TextDocumentEdit } from 'vscode-languageserver';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addWordEdit } from '../core/terms/siteWords';
import type { AddWordArgs } from '../protocol';
import { dirnameUri } from '../uri';
import { ServerContext, showMessage } from './context';

const CONFIG_NAME = '.transcriptlintrc.json';

/**
 * "Add X to the site's words": one workspace edit that puts the word into `words` of the
 * episode's nearest .transcriptlintrc.json, or creates that file (in the workspace folder holding
 * the episode, else beside it). The episode is checked again once the file changes.
 */
export async function addWord(ctx: ServerContext, raw: unknown): Promise<{ applied: boolean }> {
  const args = raw as Partial<AddWordArgs> | undefined;
  if (typeof args?.uri !== 'string' || typeof args.word !== 'string' || !/^\S{1,80}$/.test(args.word)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'transcripts.addWord needs { uri, word }');
  }
  const existing = await ctx.host.findConfigFile(args.uri);
  const text = existing && (await ctx.host.readFile(existing));
  const target = existing ?? `${folderFor(ctx, args.uri)}/${CONFIG_NAME}`;
  const change = addWordEdit(existing ? text ?? '' : undefined, args.word);
  if (change.kind === 'present') return { applied: false };
  if (change.kind === 'invalid') {
    showMessage(ctx.connection, 'warning', `Could not add '${args.word}' to ${CONFIG_NAME}: ${change.reason}.`);
    return { applied: false };
  }
  let edit: WorkspaceEdit;
  if (change.kind === 'create') {
    edit = { documentChanges: [{ kind: 'create', uri: target, options: { ignoreIfExists: true } }, TextDocumentEdit.create({ uri: target, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }])] };
  } else {
    const doc = TextDocument.create(target, 'json', 0, text ?? '');
    const range = { start: doc.positionAt(change.edit.start), end: doc.positionAt(change.edit.end) };
    edit = { changes: { [target]: [{ range, newText: change.edit.newText }] } };
  }
  const result = await ctx.connection.workspace.applyEdit({ label: `Add '${args.word}' to the site's words`, edit });
  if (result.applied) {
    ctx.settings.clear();
    for (const doc of ctx.documents.all()) ctx.schedule(doc.uri);
  }
  return { applied: result.applied };
}

/** The workspace folder holding the episode, else the episode's own folder. */
function folderFor(ctx: ServerContext, uri: string): string {
  const folder = ctx.index.folderOf(uri);
  return folder ?? dirnameUri(uri);
}


