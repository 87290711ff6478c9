import * as vscode from 'vscode';
import type { PlayerPanel, PlayerState } from './panel';
import { PlayerRequests, toRange } from './requests';

/**
 * Ties the transcript to the player both ways. While playing, the item being spoken is highlighted
 * and kept in view (`transcripts.player.follow`); typing in the episode stops that until the next
 * play. Moving the cursor to another item seeks the player there (`transcripts.player.seekOnCursor`:
 * by default only while paused, so reading along does not jump while listening).
 */
export class Follower implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly subscriptions: vscode.Disposable[] = [this.decoration];
  private highlighted?: vscode.Range;
  /** Typing while playing: no following until the next play. */
  private suspended = false;
  private wasPlaying = false;
  /** The second last looked up (whole seconds: the lookup changes at most once a second). */
  private lastSecond = -1;
  private lookup?: Promise<void>;
  private latest?: PlayerState;
  /** The item a command puts the cursor on after seeking the player itself (Go to Time). */
  private skipItemLine?: number;
  /** Edits the extension makes itself (Set Time, Insert Line) are not typing. */
  private ownEdits = 0;

  constructor(private readonly requests: PlayerRequests, private readonly panel: () => PlayerPanel | undefined) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => void this.onCursor(e).catch(() => undefined)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redraw()),
    );
  }

  /** Called with every state the player reports. */
  onState(state: PlayerState): void {
    if (state.playing && !this.wasPlaying) this.suspended = false;
    this.wasPlaying = state.playing;
    this.latest = state;
    if (!this.followSetting() && this.highlighted) this.reset();
    this.pump();
  }

  /** One lookup at a time; when it ends, the newest state is looked up if its second moved meanwhile. */
  private pump(): void {
    const state = this.latest;
    if (!state || this.lookup || !this.followSetting() || this.suspended) return;
    const second = Math.floor(state.sec);
    if (second === this.lastSecond) return;
    this.lastSecond = second;
    this.lookup = this.highlightAt(second, state.playing).catch(() => undefined).finally(() => {
      this.lookup = undefined;
      this.pump();
    });
  }

  /** Runs an edit of the extension's own without it counting as typing. */
  async ownEdit<T>(edit: () => Thenable<T>): Promise<T> {
    this.ownEdits++;
    try {
      return await edit();
    } finally {
      this.ownEdits--;
    }
  }

  /** The cursor is being put on the item at `line` by a command that seeks itself (Go to Time). */
  expectCursorOnItem(line: number): void {
    this.skipItemLine = line;
  }

  /** Forgets the episode's highlight (the player closed or moved to another episode). */
  reset(): void {
    this.highlighted = undefined;
    this.lastSecond = -1;
    this.suspended = false;
    this.redraw();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }

  private async highlightAt(second: number, playing: boolean): Promise<void> {
    const panel = this.panel();
    const doc = panel && vscode.workspace.textDocuments.find((d) => d.uri.toString() === panel.episode.toString());
    if (!doc) return;
    const hit = await this.requests.itemAtSecond(doc, second);
    if (this.suspended) return;
    const range = hit.ok && !hit.before ? wholeLines(doc, toRange(hit.range)) : undefined;
    const moved = !sameRange(range, this.highlighted);
    this.highlighted = range;
    if (!moved) return;
    this.redraw();
    if (range && playing) {
      for (const editor of this.episodeEditors()) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  private redraw(): void {
    const ranges = this.highlighted ? [this.highlighted] : [];
    for (const editor of vscode.window.visibleTextEditors) {
      editor.setDecorations(this.decoration, this.isEpisode(editor.document) ? ranges : []);
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (!this.isEpisode(e.document) || e.contentChanges.length === 0) return;
    // Items moved or changed their times: look the highlighted one up again.
    this.lastSecond = -1;
    if (this.ownEdits > 0 || !this.panel()?.state.playing) return this.pump();
    this.suspended = true;
    this.highlighted = undefined;
    this.redraw();
  }

  private async onCursor(e: vscode.TextEditorSelectionChangeEvent): Promise<void> {
    const panel = this.panel();
    const doc = e.textEditor.document;
    if (!panel || !panel.hasMedia() || !this.isEpisode(doc) || e.selections.length !== 1) return;
    const mode = vscode.workspace.getConfiguration('transcripts.player', doc.uri).get<string>('seekOnCursor', 'whenPaused');
    if (mode === 'never' || (mode === 'whenPaused' && panel.state.playing)) return;
    const hit = await this.requests.secondAt(doc, e.selections[0].active);
    const skip = this.skipItemLine;
    this.skipItemLine = undefined;
    if (!hit || hit.position.line === skip) return;
    // Moving within the item the player is in does not start it over.
    const current = await this.requests.itemAtSecond(doc, Math.floor(panel.state.sec));
    if (current.ok && !current.before && current.position.line === hit.position.line) return;
    panel.seek(hit.sec);
  }

  private episodeEditors(): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((editor) => this.isEpisode(editor.document));
  }

  private isEpisode(doc: vscode.TextDocument): boolean {
    return doc.uri.toString() === this.panel()?.episode.toString();
  }

  private followSetting(): boolean {
    const episode = this.panel()?.episode;
    return vscode.workspace.getConfiguration('transcripts.player', episode).get<boolean>('follow', true);
  }
}

/** The item's lines: its range ends at the start of the next item's line, which a whole-line decoration would paint too. */
function wholeLines(doc: vscode.TextDocument, range: vscode.Range): vscode.Range {
  return range.end.character === 0 && range.end.line > range.start.line ? range.with({ end: doc.lineAt(range.end.line - 1).range.end }) : range;
}

function sameRange(a: vscode.Range | undefined, b: vscode.Range | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.isEqual(b));
}
