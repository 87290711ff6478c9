import * as vscode from 'vscode';
import { fileName, isVideo, MediaSearch } from './media';

/**
 * The player's webview panel: one at a time, bound to one episode. The HTML is fixed text (only the
 * CSP source, a nonce and the extension's own asset URIs go in); everything from the episode or the
 * file system reaches the page by postMessage and is shown with textContent.
 */

export const PLAYER_VIEW_TYPE = 'transcripts.player';

/** What the page reports: the media element's time and state. */
export interface PlayerState {
  sec: number;
  playing: boolean;
  duration?: number;
  /** `1:23 / 6:41`, as the page shows it. */
  label: string;
}

type FromPage =
  | { type: 'ready' }
  | { type: 'state'; sec: number; playing: boolean; duration?: number; label: string }
  | { type: 'error'; code?: number }
  | { type: 'blocked' }
  | { type: 'choose' }
  | { type: 'moveLine'; index: number; sec: number; version: number }
  | { type: 'pageAnalysis'; analysis: unknown }
  | { type: 'pageAnalysisFailed'; message: string };

/** What the page tells the waveform lane (lane.ts). */
export type LaneEvent =
  | { type: 'ready' }
  | { type: 'moveLine'; index: number; sec: number; version: number }
  | { type: 'pageAnalysis'; analysis: unknown }
  | { type: 'pageAnalysisFailed'; message: string };

/** Formats every VS Code plays; AAC is the one desktop VS Code (Electron) lacks. */
const PLAYABLE = 'MP3, WAV, FLAC, Ogg (Vorbis or Opus) and WebM';

export class PlayerPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  state: PlayerState = { sec: 0, playing: false, label: '–' };
  private media: MediaSearch | undefined;
  /** Where the media starts when it loads: the second of the item at the cursor. */
  private startSec = 0;
  private readonly stateChanged = new vscode.EventEmitter<PlayerState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly laneEvents = new vscode.EventEmitter<LaneEvent>();
  /** The page is ready for the waveform lane's lines, a line's region was dragged, or the page analysed the media itself. */
  readonly onDidLaneEvent = this.laneEvents.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private isDisposed = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    public episode: vscode.Uri,
    private readonly onChoose: () => void,
    private readonly skipSeconds: () => number,
    location: 'beside' | 'below' = 'beside',
  ) {
    // Below: opened in the episode's group, then moved to a new group under it (VS Code has no "below" column).
    const below = location === 'below';
    this.panel = vscode.window.createWebviewPanel(PLAYER_VIEW_TYPE, 'Player', { viewColumn: below ? vscode.ViewColumn.Active : vscode.ViewColumn.Beside, preserveFocus: !below }, {
      enableScripts: true,
      retainContextWhenHidden: true, // Keeps playing while another editor covers the panel.
      localResourceRoots: [this.assets(), this.bundles()],
    });
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((m: FromPage) => this.receive(m)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  /**
   * Shows the media found for `episode` (or why there is none), paused at `startSec`; a fresh page,
   * so its resource roots include the media's folder.
   */
  show(episode: vscode.Uri, media: MediaSearch, startSec = 0): void {
    this.episode = episode;
    this.media = media;
    this.startSec = startSec;
    this.state = { sec: 0, playing: false, label: '–' };
    this.stateChanged.fire(this.state);
    this.panel.title = `Player: ${fileName(episode)}`;
    const roots = [this.assets(), this.bundles(), ...('uri' in media ? [vscode.Uri.joinPath(media.uri, '..')] : [])];
    this.panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    this.panel.webview.html = this.html();
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  seek(sec: number): void {
    void this.panel.webview.postMessage({ type: 'seek', sec });
  }

  skip(by: number): void {
    void this.panel.webview.postMessage({ type: 'skip', by });
  }

  togglePlay(): void {
    void this.panel.webview.postMessage({ type: 'toggle' });
  }

  /** A message to the page (the waveform lane's lines, the line at the cursor). */
  post(message: unknown): void {
    void this.panel.webview.postMessage(message);
  }

  /** The skip amount setting changed. */
  updateSkip(): void {
    void this.panel.webview.postMessage({ type: 'skipSeconds', skip: this.skipSeconds() });
  }

  /** The media's name, for messages. */
  mediaName(): string | undefined {
    return this.media && 'uri' in this.media ? fileName(this.media.uri) : undefined;
  }

  /** The media file playing, when one was found. */
  mediaUri(): vscode.Uri | undefined {
    return this.media && 'uri' in this.media ? this.media.uri : undefined;
  }

  hasMedia(): boolean {
    return this.media !== undefined && 'uri' in this.media;
  }

  dispose(): void {
    // Called by the close button (onDidDispose) and by the extension: once is enough.
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.disposed.fire();
    this.subscriptions.forEach((s) => s.dispose());
    this.stateChanged.dispose();
    this.laneEvents.dispose();
    this.disposed.dispose();
    this.panel.dispose();
  }

  private receive(message: FromPage): void {
    switch (message.type) {
      case 'ready':
        this.sendMedia();
        this.laneEvents.fire({ type: 'ready' });
        break;
      case 'moveLine':
        // From the page: checked before use (numbers only; the lane finds the line by index).
        if (Number.isSafeInteger(message.index) && Number.isSafeInteger(message.sec) && message.sec >= 0 && Number.isSafeInteger(message.version)) {
          this.laneEvents.fire({ type: 'moveLine', index: message.index, sec: message.sec, version: message.version });
        }
        break;
      case 'pageAnalysis':
        // Untrusted: the server checks its shape before keeping it.
        this.laneEvents.fire({ type: 'pageAnalysis', analysis: message.analysis });
        break;
      case 'pageAnalysisFailed':
        this.laneEvents.fire({ type: 'pageAnalysisFailed', message: String(message.message) });
        break;
      case 'state':
        this.state = { sec: message.sec, playing: message.playing, duration: message.duration, label: message.label };
        this.stateChanged.fire(this.state);
        break;
      case 'error':
        this.say(`${this.mediaName() ?? 'The media file'} cannot be played here${message.code === 4 ? ' (its format or codec is not supported)' : ''}. ` +
          `VS Code plays ${PLAYABLE}; desktop VS Code has no AAC decoder, so .m4a and .mp4 files with AAC audio do not play. ` +
          'Convert it (for example: ffmpeg -i episode.m4a episode.mp3) or Choose Media File… to pick another.', 'error');
        break;
      case 'blocked':
        this.say('Playback was blocked until you click in the player once: press its Play button.', 'info');
        break;
      case 'choose':
        this.onChoose();
        break;
    }
  }

  private sendMedia(): void {
    const media = this.media;
    if (!media) return;
    if ('missing' in media) {
      const where = media.folders.length > 0 ? ` next to it or in ${media.folders.join(', ')} (transcripts.player.mediaFolders)` : ' next to it (add folders to search with transcripts.player.mediaFolders)';
      this.say(`No media file found for ${fileName(this.episode)}: looked for ${media.lookedFor}${where}. Choose Media File… to pick it; the choice is remembered for this episode.`, 'missing');
      return;
    }
    // Cache-busting as VS Code's media preview does, so a replaced file is read again.
    const src = this.panel.webview.asWebviewUri(media.uri).with({ query: `v=${Date.now()}` }).toString();
    void this.panel.webview.postMessage({ type: 'load', src, name: fileName(media.uri), video: isVideo(media.uri), skip: this.skipSeconds(), start: this.startSec });
  }

  private say(text: string, kind: 'error' | 'missing' | 'info'): void {
    void this.panel.webview.postMessage({ type: 'message', text, kind });
  }

  private assets(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'client', 'media');
  }

  /** The page's bundled scripts (tools/bundle.mjs): the waveform lane. */
  private bundles(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = makeNonce();
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.assets(), name)).toString();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src ${webview.cspSource}; connect-src ${webview.cspSource}; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}' 'wasm-unsafe-eval';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('player.css')}">
<title>Player</title>
</head>
<body>
<main>
  <p id="file" class="file"></p>
  <div id="media"></div>
  <div class="controls">
    <button id="back" type="button"></button>
    <button id="play" type="button" disabled>Play</button>
    <button id="forward" type="button"></button>
    <span id="time" class="time" aria-live="off">–</span>
  </div>
  <input id="seek" type="range" min="0" max="0" step="0.1" value="0" aria-label="Position" disabled>
  <section class="lane" aria-label="Waveform">
    <div id="waveform" class="waveform"></div>
    <p id="lane-note" class="lane-note" hidden></p>
    <div class="lane-bar">
      <p id="now" class="now" hidden></p>
      <span class="zoom"><button id="zoom-out" type="button" class="icon" title="Zoom out (Ctrl+wheel)" aria-label="Zoom out">−</button><span id="zoom-level" class="zoom-level"></span><button id="zoom-in" type="button" class="icon" title="Zoom in (Ctrl+wheel)" aria-label="Zoom in">+</button></span>
    </div>
  </section>
  <label class="speed">Speed <select id="speed">
    <option value="0.75">0.75×</option><option value="1" selected>1×</option><option value="1.25">1.25×</option>
    <option value="1.5">1.5×</option><option value="1.75">1.75×</option><option value="2">2×</option>
  </select></label>
  <p id="message" class="message" role="status" hidden></p>
  <button id="choose" type="button" class="secondary">Choose Media File…</button>
</main>
<script nonce="${nonce}" src="${asset('player.js')}"></script>
<script nonce="${nonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(this.bundles(), 'waveform.js')).toString()}"></script>
</body>
</html>`;
  }
}

function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
