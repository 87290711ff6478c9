// The player's waveform lane (issue 24), inside the player's webview, drawn by wavesurfer.js on the
// page's own <audio>/<video> (player.js makes it and announces it): the episode's peaks and speech
// from the extension's analysis (the lane decodes the file itself only when asked: M4A/AAC, pageDecode.ts), every timed line
// a region from its `sec` to the next, the line being played shown as text under the lane. Dragging a
// region's start sends one edit of that line's `sec` and `time` to the extension.
// Everything from the episode is shown with textContent (wavesurfer's string content is textContent too).
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { formatTime } from '../../server/src/core/time';
import { lineAtSecond, linesInWindow, orderBySecond, type LaneLine } from '../src/player/laneLines';
import { analyseInPage } from './pageDecode';

interface Api {
  postMessage(message: unknown): void;
}

/** The language server's analysis of the media (protocol.ts, `transcripts/audioAnalysis`). */
interface AnalysisMessage {
  duration: number;
  peaksPerSecond: number;
  /** Base64, one byte (0–255) per 1/peaksPerSecond s: the loudest sample there. */
  peaks: string;
  /** Speech segments, [onset, end] in seconds. */
  speech: [number, number][];
}

interface Analysis {
  duration: number;
  /** Peak amplitudes, 0–1. */
  peaks: Float32Array;
  speech: [number, number][];
}

function readAnalysis(m: AnalysisMessage): Analysis | undefined {
  if (!m || typeof m.peaks !== 'string' || !(m.duration > 0) || !Array.isArray(m.speech)) return undefined;
  const bytes = atob(m.peaks);
  const peaks = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) peaks[i] = bytes.charCodeAt(i) / 255;
  const speech = m.speech.filter((s): s is [number, number] => Array.isArray(s) && Number.isFinite(s[0]) && Number.isFinite(s[1]));
  return { duration: m.duration, peaks, speech };
}

/** Pixels per second the zoom steps through; 0 fits the whole media in the lane. */
const ZOOM_STEPS = [0, 2, 5, 10, 20, 40, 80, 160];
const DEFAULT_ZOOM = 20;

/** The page's nonce, which the CSP allows wavesurfer's shadow-DOM <style> with (read while this script runs). */
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce;
const api = (window as unknown as { transcriptsPlayerApi?: Api }).transcriptsPlayerApi;
const lane = document.getElementById('waveform') as HTMLElement;
const now = document.getElementById('now') as HTMLElement;
const zoomOut = document.getElementById('zoom-out') as HTMLButtonElement;
const zoomIn = document.getElementById('zoom-in') as HTMLButtonElement;
const zoomLabel = document.getElementById('zoom-level') as HTMLElement;
const note = document.getElementById('lane-note') as HTMLElement;

let media: HTMLMediaElement | undefined;
let ws: WaveSurfer | undefined;
let regions: ReturnType<typeof RegionsPlugin.create> | undefined;
let analysis: Analysis | undefined;
let lines: LaneLine[] = [];
let version = -1;
let bySecond: LaneLine[] = [];
let cursorIndex: number | undefined;
let playingIndex: number | undefined;
let zoom = DEFAULT_ZOOM;
let speechBand: HTMLElement | undefined;
const regionOf = new Map<number, Region>();
/** Each line's place in the file's order, which alternates the regions' colours. */
let positionOf = new Map<number, number>();

function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/** The media's length as far as known: the analysis's, else the element's once its metadata loaded. */
function duration(): number | undefined {
  if (analysis && analysis.duration > 0) return analysis.duration;
  const d = media?.duration;
  return d !== undefined && Number.isFinite(d) && d > 0 ? d : undefined;
}

function create(): void {
  const length = duration();
  if (!media || length === undefined || ws) return;
  regions = RegionsPlugin.create();
  ws = WaveSurfer.create({
    container: lane,
    media,
    // Always given, so wavesurfer never fetches and decodes the whole file (an hour of PCM) itself.
    peaks: [analysis && analysis.peaks.length > 0 ? analysis.peaks : [0, 0]],
    duration: length,
    height: 72,
    waveColor: cssColor('--vscode-editorLineNumber-foreground', '#888'),
    progressColor: cssColor('--vscode-button-background', '#0e639c'),
    cursorColor: cssColor('--vscode-editorCursor-foreground', '#fff'),
    cursorWidth: 2,
    minPxPerSec: zoom,
    autoScroll: true,
    autoCenter: true,
    dragToSeek: true,
    normalize: true,
    plugins: [regions],
    ...(nonce ? { cspNonce: nonce } : {}),
  });
  regions.on('region-updated', (region, side) => moved(region, side));
  ws.on('timeupdate', (t) => showPlaying(t));
  ws.on('scroll', scheduleSync);
  ws.on('zoom', scheduleSync);
  ws.on('resize', scheduleSync);
  ws.on('ready', () => {
    drawSpeech();
    drawRegions();
    markDrawn('waveform-draw', 'waveform-peaks');
  });
  document.body.classList.add('waveform');
  showZoom();
}

function drawSpeech(): void {
  if (!ws) return;
  speechBand?.remove();
  const length = duration();
  if (!analysis || !length) return;
  // One band under the waveform: speech is a shade, silence is none. Positioned in % of the whole lane, so zoom keeps it aligned.
  // Styled here, not in player.css: the lane lives in wavesurfer's shadow DOM, which the page's styles do not reach (CSS variables do).
  speechBand = document.createElement('div');
  speechBand.setAttribute('part', 'speech');
  speechBand.title = 'Speech found in the audio';
  Object.assign(speechBand.style, { position: 'absolute', left: '0', right: '0', bottom: '0', height: '6px', zIndex: '4', pointerEvents: 'none' });
  for (const [onset, end] of analysis.speech) {
    const span = document.createElement('span');
    Object.assign(span.style, {
      position: 'absolute', top: '0', bottom: '0', background: 'var(--speech)',
      left: `${(onset / length) * 100}%`, width: `${(Math.max(0, end - onset) / length) * 100}%`,
    });
    speechBand.append(span);
  }
  ws.getWrapper().append(speechBand);
}

/**
 * Regions only for the lines in view and half a view either side, made anew as the lane scrolls or zooms:
 * wavesurfer's regions each cost a few event subscriptions and a layout read on every scroll and zoom,
 * which for the 850 lines of a two-hour episode took seconds. Past MAX_REGIONS lines in that window (a
 * long episode zoomed out) the lines are ticks in one band, as the speech is: zoom in to drag one.
 */
const MAX_REGIONS = 150;
let ticks: HTMLElement | undefined;
let syncPending = false;
let pointerDown = false;

/** All of the lane's lines drawn anew (new lines, or the media's length known): regions or ticks. */
function drawRegions(): void {
  regions?.clearRegions();
  regionOf.clear();
  ticks?.remove(); // drawTicks keeps a band it already drew: after new lines it must be made again.
  ticks = undefined;
  syncRegions();
}

function scheduleSync(): void {
  if (syncPending) return;
  syncPending = true;
  requestAnimationFrame(() => {
    syncPending = false;
    // Never while a region's start is being dragged: it stays until dropped.
    if (!pointerDown) syncRegions();
  });
}

function syncRegions(): void {
  if (!ws || !regions) return;
  const length = duration() ?? 0;
  const wide = ws.getWrapper().scrollWidth;
  if (!(length > 0) || !(wide > 0)) return;
  const perSecond = wide / length;
  const view = ws.getWidth() / perSecond;
  const from = ws.getScroll() / perSecond - view / 2;
  const shown = linesInWindow(bySecond, from, from + view * 2).filter((line) => line.sec < length); // Past the media's end: sec-past-media says so.
  if (shown.length > MAX_REGIONS) {
    regions.clearRegions();
    regionOf.clear();
    drawTicks(length);
    return;
  }
  ticks?.remove();
  ticks = undefined;
  const keep = new Set(shown.map((line) => line.index));
  for (const [index, region] of regionOf) {
    if (keep.has(index)) continue;
    region.remove();
    regionOf.delete(index);
  }
  for (const line of shown) if (!regionOf.has(line.index)) addRegion(line, length);
}

function addRegion(line: LaneLine, length: number): void {
  const region = regions!.addRegion({
    id: `line-${line.index}`,
    start: line.sec,
    end: Math.max(Math.min(line.end ?? length, length), line.sec + 0.05),
    drag: false,
    resize: true,
    resizeStart: true,
    resizeEnd: false,
    color: regionColor(line.index, positionOf.get(line.index) ?? 0),
  });
  region.element?.setAttribute('title', `${line.who ? `${line.who} · ` : ''}${formatTime(line.sec)}: drag the start to move this line's time`);
  regionOf.set(line.index, region);
}

/** Every line's start as a tick, in % of the whole lane like the speech band. */
function drawTicks(length: number): void {
  if (ticks || !ws) return;
  ticks = document.createElement('div');
  ticks.setAttribute('part', 'line-ticks');
  ticks.title = 'Timed lines: zoom in to drag one';
  Object.assign(ticks.style, { position: 'absolute', left: '0', right: '0', top: '0', height: '10px', zIndex: '4', pointerEvents: 'none' });
  for (const line of lines) {
    if (line.sec >= length) continue;
    const tick = document.createElement('span');
    Object.assign(tick.style, { position: 'absolute', top: '0', bottom: '0', width: '1px', background: 'var(--region-cursor)', left: `${(line.sec / length) * 100}%` });
    ticks.append(tick);
  }
  ws.getWrapper().append(ticks);
}

function regionColor(index: number, n: number): string {
  if (index === cursorIndex) return 'var(--region-cursor)';
  if (index === playingIndex) return 'var(--region-playing)';
  return n % 2 === 0 ? 'var(--region-even)' : 'var(--region-odd)';
}

function recolor(): void {
  for (const [index, region] of regionOf) region.setOptions({ color: regionColor(index, positionOf.get(index) ?? 0) });
}

/** A region's start was dragged: one Set Time edit of that line, in whole seconds as `sec` is written. */
function moved(region: Region, side?: string): void {
  if (side !== 'start') return;
  const index = Number(region.id.replace('line-', ''));
  const line = lines.find((l) => l.index === index);
  if (!line) return;
  const sec = Math.max(0, Math.round(region.start));
  if (sec === line.sec) {
    region.setOptions({ start: line.sec });
    return;
  }
  api?.postMessage({ type: 'moveLine', index, sec, version });
}

function showPlaying(t: number): void {
  const line = lineAtSecond(bySecond, t);
  if (line?.index === playingIndex) return;
  playingIndex = line?.index;
  now.textContent = line ? `${line.who ? `${line.who} · ` : ''}${formatTime(line.sec)} — ${line.text}` : '';
  now.hidden = !line;
  recolor();
}

function setZoom(step: number): void {
  const at = ZOOM_STEPS.indexOf(zoom);
  const next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, (at < 0 ? ZOOM_STEPS.indexOf(DEFAULT_ZOOM) : at) + step))];
  zoom = next;
  performance.mark('waveform-zoom-start');
  ws?.zoom(zoom);
  showZoom();
  markDrawn('waveform-zoom', 'waveform-zoom-start');
}

/**
 * A performance measure from `start` to the frame after the lane was drawn (two animation frames: the
 * first runs before the paint, the second after it), for bench/audio.mjs: the time from the peaks to
 * the drawn lane, and of a zoom step.
 */
function markDrawn(name: string, start: string): void {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (performance.getEntriesByName(start, 'mark').length > 0) performance.measure(name, start);
  }));
}

function showZoom(): void {
  zoomLabel.textContent = zoom === 0 ? 'whole' : `${zoom} px/s`;
  zoomOut.disabled = zoom === ZOOM_STEPS[0];
  zoomIn.disabled = zoom === ZOOM_STEPS[ZOOM_STEPS.length - 1];
}

lane.addEventListener('pointerdown', () => (pointerDown = true));
window.addEventListener('pointerup', () => {
  pointerDown = false;
  scheduleSync();
});
zoomOut.addEventListener('click', () => setZoom(-1));
zoomIn.addEventListener('click', () => setZoom(1));
lane.addEventListener('wheel', (e) => {
  if (!e.ctrlKey) return;
  e.preventDefault();
  setZoom(e.deltaY < 0 ? 1 : -1);
}, { passive: false });

document.addEventListener('transcripts-media', (event) => {
  ws?.destroy();
  ws = undefined;
  analysis = undefined;
  media = (event as CustomEvent<HTMLMediaElement>).detail;
  media.addEventListener('loadedmetadata', create, { once: true });
});

window.addEventListener('message', (event) => {
  const m = event.data as { type?: string } & Record<string, unknown>;
  switch (m?.type) {
    case 'timeline':
      version = Number(m.version);
      lines = Array.isArray(m.lines) ? (m.lines as LaneLine[]) : [];
      bySecond = orderBySecond(lines);
      positionOf = new Map(lines.map((line, n) => [line.index, n]));
      playingIndex = undefined;
      drawRegions();
      if (media) showPlaying(media.currentTime);
      break;
    case 'analysis':
      performance.mark('waveform-peaks');
      analysis = readAnalysis(m.analysis as AnalysisMessage);
      if (!analysis) break;
      note.hidden = true;
      // Drawn anew with the peaks: wavesurfer's setOptions keeps the old drawing. The page's media
      // element is ours, so destroying the lane leaves playback as it is.
      ws?.destroy();
      ws = undefined;
      create();
      break;
    case 'analyseInPage':
      // The server cannot decode this file (M4A/AAC): the browser may. The result goes back to the extension.
      if (!media?.currentSrc) break;
      analyseInPage(media.currentSrc).then(
        (result) => api?.postMessage({ type: 'pageAnalysis', analysis: result }),
        (error: unknown) => api?.postMessage({ type: 'pageAnalysisFailed', message: error instanceof Error ? error.message : String(error) }),
      );
      break;
    case 'laneNote':
      note.textContent = String(m.text);
      note.hidden = false;
      break;
    case 'cursorLine':
      cursorIndex = typeof m.index === 'number' ? m.index : undefined;
      recolor();
      break;
  }
});
