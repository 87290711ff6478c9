import * as vscode from 'vscode';
import type { PlayerEditResult } from '../../../server/src/protocol';
import type { Follower } from './follow';
import { toTextEdits } from './requests';

/**
 * Applies a player edit from the language server (Set Time From Player, Insert Line, a dragged
 * region in the waveform) as one undo step, only to the document version it was computed for.
 * Answers what went wrong, in words for the user, or undefined when it was applied.
 */
export async function applyPlayerEdit(doc: vscode.TextDocument, result: PlayerEditResult, follower: Follower): Promise<string | undefined> {
  if (!result.ok) return result.message;
  if (result.version !== doc.version) return 'The episode changed while the edit was computed: run the command again.';
  if (result.edits.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, toTextEdits(result.edits));
  const applied = await follower.ownEdit(() => vscode.workspace.applyEdit(edit));
  return applied ? undefined : 'The edit could not be applied (is the file read-only?).';
}
