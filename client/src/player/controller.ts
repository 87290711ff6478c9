import * as vscode from 'vscode';
import { Follower } from './follow';
import { chooseMedia, findMedia } from './media';
import { WaveformLane } from './lane';
import { PlayerPanel } from './panel';
import { PlayerRequests } from './requests';
import { PlayerStatus } from './status';

/** Set while a player panel is open (for the keybindings). */
const PLAYER_OPEN_CONTEXT = 'transcripts.player.open';

/** Owns the one player panel: opens it for an episode, finds its media, and wires it to the follower and the status item. */
export class PlayerController implements vscode.Disposable {
  panel?: PlayerPanel;
  readonly follower: Follower;
  private readonly status = new PlayerStatus();
  private readonly settingsListener: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext, readonly requests: PlayerRequests) {
    this.follower = new Follower(requests, () => this.panel);
    this.settingsListener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('transcripts.player.skipSeconds')) this.panel?.updateSkip();
    });
  }

  /** Opens (or moves) the player to the episode of `editor`, paused at the item at its cursor. */
  async open(editor: vscode.TextEditor): Promise<void> {
    const hints = await this.requests.mediaHints(editor.document);
    if (!hints) {
      void vscode.window.showInformationMessage('The player plays an episode\'s media: open an episode (a Markdown file whose front matter has a transcript) first.');
      return;
    }
    const episode = editor.document.uri;
    const media = await findMedia(episode, hints, this.context.workspaceState);
    const start = await this.requests.secondAt(editor.document, editor.selection.active);
    if (!this.panel) {
      const location = vscode.workspace.getConfiguration('transcripts.player', episode).get<'beside' | 'below'>('location', 'beside');
      this.panel = this.createPanel(episode, location);
      if (location === 'below') {
        await vscode.commands.executeCommand('workbench.action.moveEditorToBelowGroup');
        await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, selection: editor.selection });
      }
    } else this.panel.reveal();
    this.follower.reset();
    this.panel.show(episode, media, start?.sec ?? 0);
  }

  /** The editor showing the player's episode: the active one, or a visible one while the player has focus. */
  episodeEditor(): vscode.TextEditor | undefined {
    const episode = this.panel?.episode.toString();
    const active = vscode.window.activeTextEditor;
    if (active && (!episode || active.document.uri.toString() === episode)) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === episode) ?? active;
  }

  dispose(): void {
    this.panel?.dispose();
    this.follower.dispose();
    this.status.dispose();
    this.settingsListener.dispose();
  }

  private createPanel(episode: vscode.Uri, location: 'beside' | 'below'): PlayerPanel {
    const skip = () => vscode.workspace.getConfiguration('transcripts.player', panel.episode).get<number>('skipSeconds', 5);
    const panel: PlayerPanel = new PlayerPanel(this.context.extensionUri, episode, () => void this.choose(), skip, location);
    const lane = new WaveformLane(panel, this.requests, this.follower);
    panel.onDidLaneEvent((event) => {
      if (event.type === 'ready') {
        // A fresh page: its lane needs the lines and the analysis again (answered from the cache when known).
        lane.mediaChanged();
        void lane.redraw().catch(() => undefined);
        void lane.analyse().catch(() => undefined);
      } else if (event.type === 'moveLine') void lane.moveLine(event.index, event.sec, event.version).catch(() => undefined);
      else if (event.type === 'pageAnalysis') void lane.pageAnalysed(event.analysis).catch(() => undefined);
      else lane.pageFailed(event.message);
    });
    panel.onDidChangeState((state) => {
      this.status.update(state, panel.mediaName());
      this.follower.onState(state);
    });
    panel.onDidDispose(() => {
      lane.dispose();
      this.panel = undefined;
      this.status.update(undefined, undefined);
      this.follower.reset();
      void vscode.commands.executeCommand('setContext', PLAYER_OPEN_CONTEXT, false);
    });
    void vscode.commands.executeCommand('setContext', PLAYER_OPEN_CONTEXT, true);
    return panel;
  }

  /** "Choose Media File…" in the panel: remembered for the episode, then played. */
  private async choose(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const episode = panel.episode;
    const uri = await chooseMedia(episode, this.context.workspaceState);
    if (uri && this.panel === panel) panel.show(episode, { uri, how: 'chosen' });
  }
}
