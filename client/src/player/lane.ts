import * as vscode from 'vscode';
import type { AudioAnalysisResult, TimelineResult } from '../../../server/src/protocol';
import { applyPlayerEdit } from './applyEdit';
import type { Follower } from './follow';
import type { PlayerPanel } from './panel';
import { fileName } from './media';
import { PlayerRequests, toPosition } from './requests';

/** Typing settles before the lane is redrawn: one timeline request per pause, not per keystroke. */
const REDRAW_DELAY_MS = 300;
/** An analysis answered from the cache takes well under this: no notification flashes for it. */
const PROGRESS_DELAY_MS = 1000;

/**
 * Keeps the player's waveform lane (client/webview/waveform.ts) in step with its episode: the timed
 * lines (redrawn when the episode changes), the line at the cursor, and a dragged region's start
 * turned into one Set Time edit of that line (`sec` and `time`, one undo step).
 */
export class WaveformLane implements vscode.Disposable {
  private timeline?: TimelineResult;
  /** The media the page has (or is getting) the analysis of. */
  private analysed?: string;
  /** Why the server could not analyse it, while the page tries (M4A/AAC). */
  private serverMessage?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly panel: PlayerPanel, private readonly requests: PlayerRequests, private readonly follower: Follower) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isEpisode(e.document)) this.scheduleRedraw();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.isEpisode(e.textEditor.document)) this.showCursor(e.selections[0].active.line);
      }),
    ];
  }

  /** Sends the episode's lines now (the page is ready, or the player moved to another episode). */
  async redraw(): Promise<void> {
    const doc = this.document();
    if (!doc) return;
    const timeline = await this.requests.timeline(doc);
    if (!timeline || timeline.version !== doc.version) return;
    this.timeline = timeline;
    const lines = timeline.lines.map(({ index, sec, end, who, text }) => ({ index, sec, end, who, text }));
    this.panel.post({ type: 'timeline', version: timeline.version, lines });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (editor) this.showCursor(editor.selection.active.line);
  }

  /**
   * The waveform and speech of the player's media, from the language server's analysis (which also
   * checks the episode against it with the audio rules). A long one shows a cancellable notification.
   */
  async analyse(): Promise<void> {
    const media = this.panel.mediaUri();
    const doc = this.document();
    if (!media || !doc || this.analysed === media.toString()) return;
    if (!vscode.workspace.getConfiguration('transcripts.audio', doc.uri).get<boolean>('enabled', true)) {
      this.panel.post({ type: 'laneNote', text: 'No waveform: the speech analysis is off (transcripts.audio.enabled).' });
      return;
    }
    this.analysed = media.toString();
    const cancel = new vscode.CancellationTokenSource();
    let percent = 0;
    let progressShown: ((percent: number) => void) | undefined;
    const request = this.requests.audioAnalysis(doc, media, (p) => {
      percent = p;
      progressShown?.(p);
    }, cancel.token);
    const timer = setTimeout(() => void vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification, title: `Analysing the speech in ${fileName(media)}`, cancellable: true,
    }, (progress, token) => {
      token.onCancellationRequested(() => cancel.cancel());
      let reported = 0;
      progressShown = (p) => {
        progress.report({ increment: p - reported, message: `${p}%` });
        reported = p;
      };
      progressShown(percent);
      return request.catch(() => undefined);
    }), PROGRESS_DELAY_MS);
    try {
      const result = await request;
      if (this.analysed !== media.toString()) return; // Another media was chosen meanwhile.
      if (!result.ok && result.browserMayDecode) {
        // M4A/AAC: the page's browser may decode it (pageDecode.ts); its answer comes as pageAnalysed or pageFailed.
        this.serverMessage = result.message;
        this.panel.post({ type: 'analyseInPage' });
        return;
      }
      this.show(result);
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  }

  /** The page decoded the media itself: the server checks the analysis and keeps it for the episode's audio rules. */
  async pageAnalysed(analysis: unknown): Promise<void> {
    const media = this.panel.mediaUri();
    const doc = this.document();
    if (!media || !doc || this.analysed !== media.toString()) return;
    this.show(await this.requests.givenAnalysis(doc, media, analysis));
  }

  /** The page could not decode it either: the server's reason, and the page's. */
  pageFailed(reason: string): void {
    this.analysed = undefined;
    this.panel.post({ type: 'laneNote', text: `No waveform: ${this.serverMessage ?? 'the media cannot be analysed'} (and ${reason})` });
  }

  private show(result: AudioAnalysisResult): void {
    if (!result.ok) {
      this.analysed = undefined; // Tried again when the player opens next.
      this.panel.post({ type: 'laneNote', text: result.cancelled ? 'No waveform: the analysis was cancelled.' : `No waveform: ${result.message}` });
      return;
    }
    const { duration, peaksPerSecond, peaks, speech } = result.analysis;
    this.panel.post({ type: 'analysis', analysis: { duration, peaksPerSecond, peaks, speech } });
  }

  /** The player moved to another media file: its analysis is asked for anew. */
  mediaChanged(): void {
    this.analysed = undefined;
  }

  /** The page dragged line `index` to `sec`. */
  async moveLine(index: number, sec: number, version: number): Promise<void> {
    const doc = this.document();
    const line = this.timeline?.lines.find((l) => l.index === index);
    if (!doc || !line || version !== doc.version || this.timeline?.version !== doc.version) {
      void vscode.window.showWarningMessage('The episode changed while the line was dragged: drag it again.');
      return this.redraw();
    }
    const result = await this.requests.setTimeFromPlayer(doc, toPosition(line.position), sec);
    const failure = await applyPlayerEdit(doc, result, this.follower);
    if (failure !== undefined) {
      void vscode.window.showWarningMessage(failure);
      return this.redraw(); // Puts the region back where the line is.
    }
    if (result.ok) {
      vscode.window.setStatusBarMessage(result.message, 6000);
      if (result.warning) void vscode.window.showWarningMessage(result.warning);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
  }

  private scheduleRedraw(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.redraw().catch(() => undefined);
    }, REDRAW_DELAY_MS);
  }

  /** The timed line the cursor is in (the last one starting at or above it), highlighted in the lane. */
  private showCursor(cursorLine: number): void {
    const lines = this.timeline?.lines ?? [];
    let index: number | undefined;
    for (const line of lines) {
      if (line.position.line > cursorLine) break;
      index = line.index;
    }
    this.panel.post({ type: 'cursorLine', index });
  }

  private isEpisode(doc: vscode.TextDocument): boolean {
    return doc.uri.toString() === this.panel.episode.toString();
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => this.isEpisode(d));
  }
}
