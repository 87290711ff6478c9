import * as vscode from 'vscode';
import type { PlayerEditResult } from '../../../server/src/protocol';
import type { PlayerController } from './controller';
import { applyPlayerEdit } from './applyEdit';
import { toPosition, toRange } from './requests';

/**
 * The player's commands. The transcript work (which item, which edit) is the language server's;
 * here: which editor, the player's second, applying the edit as one undo step, the cursor.
 */
export function registerPlayerCommands(player: PlayerController): vscode.Disposable[] {
  const command = (id: string, run: () => Promise<void> | void) => vscode.commands.registerCommand(id, () => run());
  return [
    command('transcripts.openPlayer', async () => {
      const editor = vscode.window.activeTextEditor ?? player.episodeEditor();
      if (!editor || editor.document.languageId !== 'markdown') return info('Open an episode first, then run Open Player beside it.');
      await player.open(editor);
    }),
    command('transcripts.player.playPause', () => withPanel(player)?.togglePlay()),
    command('transcripts.player.back', () => withPanel(player)?.skip(-1)),
    command('transcripts.player.forward', () => withPanel(player)?.skip(1)),
    command('transcripts.setTimeFromPlayer', () => playerEdit(player, 'set')),
    command('transcripts.insertLineAtPlayer', () => playerEdit(player, 'insert')),
    command('transcripts.goToTime', () => goToTime(player)),
  ];
}

function withPanel(player: PlayerController) {
  if (!player.panel) info('No player is open: run Transcripts: Open Player in an episode first.');
  return player.panel;
}

/** Set Time From Player / Insert Line at Player Time: the player's whole second, at the cursor of its episode. */
async function playerEdit(player: PlayerController, kind: 'set' | 'insert'): Promise<void> {
  const panel = withPanel(player);
  const editor = player.episodeEditor();
  if (!panel) return;
  if (!editor || editor.document.uri.toString() !== panel.episode.toString()) {
    return info('The player plays another episode: run Open Player in this one first, or go back to the episode it plays.');
  }
  if (!panel.hasMedia()) return info('The player has no media loaded: choose the media file in the player first.');
  const doc = editor.document;
  const sec = Math.floor(panel.state.sec);
  const position = editor.selection.active;
  const result: PlayerEditResult = kind === 'set'
    ? await player.requests.setTimeFromPlayer(doc, position, sec)
    : await player.requests.insertLineAtPlayer(doc, position, sec);
  const failure = await applyPlayerEdit(doc, result, player.follower);
  if (failure !== undefined || !result.ok) return warn(failure ?? 'The edit failed.');
  if (result.cursor) {
    const cursor = toPosition(result.cursor);
    editor.selection = new vscode.Selection(cursor, cursor);
    editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  vscode.window.setStatusBarMessage(result.message, 6000);
  if (result.warning) void vscode.window.showWarningMessage(result.warning);
}

/** Go to Time: `12:34`, `1:02:03` or `754`; the cursor goes to the item spoken then, and an open player of this episode seeks there. */
async function goToTime(player: PlayerController): Promise<void> {
  const editor = player.episodeEditor();
  if (!editor || editor.document.languageId !== 'markdown') return info('Go to Time works in an episode: open one first.');
  const doc = editor.document;
  const input = await vscode.window.showInputBox({
    title: 'Go to Time',
    prompt: 'The time in the video or audio: the cursor goes to the line spoken then.',
    placeHolder: '12:34, 1:02:03 or 754 (seconds)',
    validateInput: async (value) => {
      if (value.trim() === '') return undefined;
      const check = await player.requests.itemAtSecond(doc, value);
      return check.ok ? undefined : check.message;
    },
  });
  if (input === undefined || input.trim() === '') return;
  const hit = await player.requests.itemAtSecond(doc, input);
  if (!hit.ok) return warn(hit.message);
  const panel = player.panel;
  const seeks = panel !== undefined && panel.hasMedia() && panel.episode.toString() === doc.uri.toString();
  if (seeks) player.follower.expectCursorOnItem(hit.position.line);
  const cursor = toPosition(hit.position);
  await vscode.window.showTextDocument(doc, editor.viewColumn);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(toRange(hit.range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // The time as typed, not the line's start: the user read that moment elsewhere.
  if (seeks) panel.seek(hit.at);
  if (hit.before) vscode.window.setStatusBarMessage(`Nothing is spoken before ${input.trim()}: the first timed line starts later.`, 6000);
}

function info(message: string): void {
  void vscode.window.showInformationMessage(message);
}

function warn(message: string): void {
  void vscode.window.showWarningMessage(message);
}
