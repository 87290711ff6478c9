import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Requests, VideoAtResult } from '../../../server/src/protocol';

/** Open Video at Cursor: the server finds the moment, `env.openExternal` opens it (desktop and browser alike). */
export async function openVideoAtCursor(client: BaseLanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const result = await client.sendRequest<VideoAtResult | null>(Requests.videoAt, client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active));
  if (!result) {
    void vscode.window.showInformationMessage('No video moment here: put the cursor on a timed transcript line of an episode with a valid ids.youtube.');
    return;
  }
  // The URL is built by the server from a validated id and an integer second only.
  await vscode.env.openExternal(vscode.Uri.parse(result.url));
}
