import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ClientCommands, Requests, StatusResult } from '../../server/src/protocol';

/** Set while the active editor is an episode (for menus). */
const EPISODE_CONTEXT = 'transcripts.isEpisode';

/** The server's status for the cursor of an editor, or null (not an episode, or no server yet). */
export async function statusAt(client: BaseLanguageClient, editor: vscode.TextEditor): Promise<StatusResult | null> {
  if (!client.isRunning()) return null;
  return client.sendRequest<StatusResult | null>(Requests.status, client.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active));
}

/**
 * The language status item of an episode: `23:41 / 1:02:03` (time at the cursor / length); its
 * link opens the video at the cursor. Follows the active editor and its cursor.
 */
export function startStatusItem(client: BaseLanguageClient, context: vscode.ExtensionContext): void {
  let item: vscode.LanguageStatusItem | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const status = editor && editor.document.languageId === 'markdown' ? await statusAt(client, editor) : null;
    void vscode.commands.executeCommand('setContext', EPISODE_CONTEXT, status !== null);
    if (!status) {
      item?.dispose();
      item = undefined;
      return;
    }
    item ??= vscode.languages.createLanguageStatusItem('transcripts.time', { language: 'markdown' });
    item.name = 'Transcript time';
    item.text = status.text;
    item.detail = 'at the cursor / episode length';
    item.accessibilityInformation = { label: `Transcript time ${status.text.replace(' / ', ' of ')}` };
    item.command = status.url ? { title: 'Open video', command: ClientCommands.openVideoAtCursor, tooltip: 'Open the video at the cursor' } : undefined;
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update().catch(() => undefined), 100);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(later),
    vscode.window.onDidChangeTextEditorSelection(later),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && later()),
    { dispose: () => item?.dispose() },
  );
  later();
}
