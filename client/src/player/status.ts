import * as vscode from 'vscode';
import type { PlayerState } from './panel';

/**
 * The player's time in the status bar (`▶ 1:23 / 6:41`), beside the language status item that shows
 * the time at the cursor; clicking it plays or pauses. Shown while a player is open.
 */
export class PlayerStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('transcripts.player.time', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Transcript player';
    this.item.command = 'transcripts.player.playPause';
  }

  update(state: PlayerState | undefined, media: string | undefined): void {
    if (!state) {
      this.item.hide();
      return;
    }
    this.item.text = `${state.playing ? '$(play)' : '$(debug-pause)'} ${state.label}`;
    this.item.tooltip = `${media ?? 'No media file'}: ${state.playing ? 'playing' : 'paused'} at ${state.label}. Click to ${state.playing ? 'pause' : 'play'}.`;
    this.item.accessibilityInformation = { label: `Player ${state.playing ? 'playing' : 'paused'} at ${state.label}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
