import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Commands, parseShiftAmount, ShiftTimesArgs, ShiftTimesResult } from '../../../server/src/protocol';
import { statusAt } from '../statusItem';

/**
 * Shift Times From Here from the palette or the context menu (no arguments): the amount from an
 * input box, the first line of the selection; the server's command does the shift.
 */
export async function shiftTimesInteractively(
  client: BaseLanguageClient,
  next: (command: string, args: unknown[]) => vscode.ProviderResult<unknown>,
): Promise<unknown> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Shift Times From Here works in an episode: put the cursor on a transcript item.');
    return undefined;
  }
  const line = editor.selections.reduce((least, s) => Math.min(least, s.start.line), Infinity);
  const here = (await statusAt(client, editor))?.text.split(' / ')[0];
  const input = await vscode.window.showInputBox({
    title: 'Shift Times From Here',
    prompt: `Move every time from this item${here && here !== '–' ? ` (${here})` : ''} to the end: +7 or -1:30 moves by that much, =12:34 moves this item to 12:34 and the rest with it.`,
    placeHolder: '+7, -1:30 or =12:34',
    validateInput: (value) => {
      const parsed = parseShiftAmount(value);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  if (input === undefined) return undefined;
  const amount = parseShiftAmount(input);
  if ('error' in amount) return undefined;
  const args: ShiftTimesArgs = { uri: editor.document.uri.toString(), line, ...amount };
  const result = (await next(Commands.shiftTimes, [args])) as Partial<ShiftTimesResult> | undefined;
  if (result?.applied && result.message) vscode.window.setStatusBarMessage(result.message, 8000);
  return result;
}
