/**
 * Everything the client and the server say to each other beyond plain LSP: command ids, custom
 * requests and their parameter and result types. Both sides import these names from here, so a
 * method name is written once. Its only runtime import is one pure function of the core (the
 * shift amount syntax), so the client bundles nothing else of the server.
 */

/** Commands the server runs (listed in its executeCommandProvider). */
export const Commands = {
  shiftTimes: 'transcripts.shiftTimes',
  checkWorkspace: 'transcripts.checkWorkspace',
  /** What a CodeLens carries: `[url]`. */
  openVideo: 'transcripts.openVideo',
  /** "Add X to the site's words" (name/term-spelling): `[{ uri, word }]`. */
  addWord: 'transcripts.addWord',
} as const;

export interface AddWordArgs {
  /** The episode the word was found in: the word goes into its nearest .transcriptlintrc.json. */
  uri: string;
  word: string;
}

/** Commands only the VS Code extension registers. */
export const ClientCommands = {
  openVideoAtCursor: 'transcripts.openVideoAtCursor',
} as const;

/** Custom requests from the client to the server. */
export const Requests = {
  /** `TextPositionParams` → `VideoAtResult | null`: behind Open Video at Cursor. */
  videoAt: 'transcripts/videoAt',
  /** `TextPositionParams` → `StatusResult | null`: the status item. */
  status: 'transcripts/status',
} as const;

/**
 * Requests from the server to the client, for a server without a file system (the browser
 * worker): the client answers with `vscode.workspace.fs` and `findFiles`, as the Markdown
 * extension's `markdown/fs/*` requests do. Every path is a URI string.
 */
export const FileRequests = {
  /** `UriParams` → `string | null` (the text, UTF-8; null when unreadable). */
  readFile: 'transcripts/fs/readFile',
  /** `UriParams` → `FileStat | null`. */
  stat: 'transcripts/fs/stat',
  /** `FindFilesParams` → `string[]`: every `*.md` below the folders, not in node_modules or .git. */
  findMarkdownFiles: 'transcripts/fs/findMarkdownFiles',
  /**
   * `UriParams` → `Uint8Array | null`: a media file's bytes, for the speech analysis. Only between a
   * browser worker and its client, where messages are structured clones (no JSON), so the bytes
   * pass as they are.
   */
  readBytes: 'transcripts/fs/readBytes',
} as const;

/**
 * The browser worker's cache of speech analyses, kept by the client in the extension's global
 * storage (`<globalStorageUri>/audio/<key>.json`): the worker has no storage of its own. `key` is
 * hex (the file's identity hashed); the client writes nowhere else.
 */
export const AudioCacheRequests = {
  /** `AudioCacheParams` → `string | null`: the cached analysis (JSON), null when there is none. */
  read: 'transcripts/audioCache/read',
  /** `AudioCacheParams & { text }` → `null`. */
  write: 'transcripts/audioCache/write',
} as const;

export interface AudioCacheParams {
  key: string;
  text?: string;
}

/** The name of the configuration file looked for from a document's folder upward. */
export const CONFIG_FILE_NAME = '.transcriptlintrc.json';

/** The settings section, as `workspace/configuration` and `workspace/didChangeConfiguration` carry it. */
export const SETTINGS_SECTION = 'transcripts';

export interface TextPositionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

export interface VideoAtResult {
  url: string;
  sec: number;
}

export interface StatusResult {
  /** `23:41 / 1:02:03`. */
  text: string;
  sec?: number;
  length?: number;
  url?: string;
}

export interface ShiftTimesArgs {
  uri: string;
  /** 0-based line of the first item to move (any line of it). */
  line: number;
  /** Seconds to add (negative to move back)... */
  delta?: number;
  /** ... or the time (seconds) the first timed item should move to, the rest with it. */
  to?: number;
}

export interface ShiftTimesResult {
  applied: boolean;
  message: string;
}

export interface CheckSummary {
  files: number;
  episodes: number;
  findings: number;
  filesWithFindings: number;
  copies: number;
  cancelled: boolean;
}

export interface OpenVideoResult {
  opened: boolean;
}

/** What the editor sends as the `transcripts` settings (only what the user set). */
export interface TranscriptSettings {
  rules?: Record<string, string>;
  order?: { toleranceSeconds?: number };
  limits?: { frontMatterKB?: number };
  codeLens?: boolean;
  /** Chapters (issue 19): the chapter file beside each episode (chapters-file-mismatch), the YouTube list's intro title. */
  chapters?: { filePattern?: string; introTitle?: string };
  /** name-spelling: the people files' folder relative to the episode's folder. */
  terms?: { peopleFolder?: string };
  speechRate?: { maxWordsPerMinute?: number };
  audio?: { enabled?: boolean; toleranceSeconds?: number; untranscribedSeconds?: number };
}

/** `initializationOptions` the server understands. */
export interface InitializationOptions {
  /** A client command the `who` key completion runs after inserting (VS Code: editor.action.triggerSuggest). */
  retriggerSuggestCommand?: string;
  /** A folder URI where the server keeps media analyses (VS Code: the extension's global storage). */
  audioCacheFolder?: string;
  /**
   * False in a workspace the user has not trusted: the folder's `.transcriptlintrc.json` may then not
   * raise the limits or name folders (withoutRestrictedKeys). Absent means trusted (other editors).
   */
  workspaceTrusted?: boolean;
}

/** The user trusted the workspace (VS Code: onDidGrantWorkspaceTrust): the whole `.transcriptlintrc.json` applies from now on. */
export const DID_GRANT_WORKSPACE_TRUST = 'transcripts/didGrantWorkspaceTrust';

export interface UriParams {
  uri: string;
}

export interface FileStat {
  /** Modification time, ms. */
  mtime: number;
  size: number;
  isFile: boolean;
}

export interface FindFilesParams {
  /** Workspace folder URIs. */
  folders: string[];
}

/** The input syntax of Shift Times From Here (`+7`, `-1:30`, `=12:34`), which the client's input box validates. */
export { parseShiftAmount } from './core/features/shiftInput';

// ---- The player (issue 13): the transcript side of following the media, usable from any client. ----

export interface PlayerPosition {
  line: number;
  character: number;
}

export interface PlayerRange {
  start: PlayerPosition;
  end: PlayerPosition;
}

export interface PlayerTextEdit {
  range: PlayerRange;
  newText: string;
}

export interface PlayerDocumentParams {
  textDocument: { uri: string };
}

/** A refusal or a parse error, in words for the user. */
export interface PlayerFailure {
  ok: false;
  message: string;
}

/** A transcript item and the second it is played at. */
export interface SpokenItemResult {
  ok: true;
  sec: number;
  /** Where the item starts (its first key): where Go to Time puts the cursor. */
  position: PlayerPosition;
  /** The item plus its untimed continuation lines: what follow highlights. */
  range: PlayerRange;
  /** The second asked for is before the first timed line, which is answered instead. */
  before?: boolean;
}

/** `transcripts/itemAtSecond`: the item spoken at a second (the timed item with the latest `sec` ≤ it). */
export const ITEM_AT_SECOND_REQUEST = 'transcripts/itemAtSecond';
export interface ItemAtSecondParams extends PlayerDocumentParams {
  /** Seconds (a number, fractions allowed), or what the user typed: `754`, `12:34`, `1:02:03`. */
  at: number | string;
}
export type ItemAtSecondResult = (SpokenItemResult & { /** The second asked for, as a number (the input parsed). */ at: number }) | PlayerFailure;

/** `transcripts/secondAt`: the second of the item at a position (a header: its first timed line; an untimed line: the previous timed line). */
export const SECOND_AT_REQUEST = 'transcripts/secondAt';
export interface SecondAtParams extends PlayerDocumentParams {
  position: PlayerPosition;
}
/** null: no timed moment there (outside the transcript, not an episode). */
export type SecondAtResult = SpokenItemResult | null;

/** `transcripts/mediaHints`: what a media file of this episode may be named after, besides the episode's own file name. */
export const MEDIA_HINTS_REQUEST = 'transcripts/mediaHints';
export interface MediaHintsResult {
  /** `ids.youtube` when it is a valid id. */
  youtube?: string;
  season?: number;
  episode?: number;
}
/** null: not an episode. */
export type MediaHintsResponse = MediaHintsResult | null;

/**
 * `transcripts/timeline`: the timed lines and headers as the player's waveform lane draws them: each line a
 * region from its `sec` to the next greater `sec` (absent for the last: it runs to the end of the media).
 * Dragging a region's start is a `transcripts/setTimeFromPlayer` at the line's `position`.
 */
export const TIMELINE_REQUEST = 'transcripts/timeline';
export interface TimelineLineResult {
  /** The item's index in the transcript. */
  index: number;
  /** The item's first key. */
  position: PlayerPosition;
  sec: number;
  end?: number;
  who?: string;
  /** The words, on one line, cut at 240 characters. */
  text: string;
}
export interface TimelineResult {
  /** The document version the positions are for. */
  version: number;
  lines: TimelineLineResult[];
  headers: { index: number; sec: number; title: string }[];
}
/** null: not an episode. */
export type TimelineResponse = TimelineResult | null;

/** Params of the two edits: the cursor and the player's current second (a whole number, 0 or more). */
export interface PlayerEditParams extends PlayerDocumentParams {
  position: PlayerPosition;
  sec: number;
}

export interface PlayerEditSuccess {
  ok: true;
  /** The document version the edits are for: apply them only to that version, as one undo step. */
  version: number;
  edits: PlayerTextEdit[];
  /** What was done, for a status message. */
  message: string;
  /** Set when the new time is out of order with a neighbour (the edit is made anyway). */
  warning?: string;
  /** Where the cursor goes after the edits are applied (Insert Line: inside the new `line`). */
  cursor?: PlayerPosition;
}
export type PlayerEditResult = PlayerEditSuccess | PlayerFailure;

/** `transcripts/setTimeFromPlayer`: `sec` and `time` of the item at the position become the player's second. */
export const SET_TIME_FROM_PLAYER_REQUEST = 'transcripts/setTimeFromPlayer';

/** `transcripts/insertLineAtPlayer`: a new spoken line after the item at the position, at the player's second. */
export const INSERT_LINE_AT_PLAYER_REQUEST = 'transcripts/insertLineAtPlayer';

// ---- Transcripts in and out (issue 18) and chapters (issue 19): conversions the server holds, usable from any client. ----
// Every request answers `{ ok: false, message }` (a ConvertFailure) for input it refuses; nothing is changed then.

export type { ExportFormat, ImportFormat } from './core/convert/types';
import type { ExportFormat, ImportFormat } from './core/convert/types';

export interface ConvertFailure {
  ok: false;
  /** For the user: what is wrong and where (`line 12: …`, `paragraph 3: …`). */
  message: string;
}

/** `transcripts/exportTranscript`: the episode's transcript or chapters as a file's text, in any export format. */
export const EXPORT_TRANSCRIPT_REQUEST = 'transcripts/exportTranscript';
export interface ExportTranscriptParams extends PlayerDocumentParams {
  format: ExportFormat;
  /** `vtt`/`srt`: caption-sized cues. */
  captions?: boolean;
  /** `youtube`: the `00:00` chapter's title when the first header starts later (default `Intro`). */
  introTitle?: string;
}
export interface ExportTranscriptSuccess {
  ok: true;
  text: string;
  /** The file name ending for this format (`.vtt`, `.chapters.json`, …): the client writes `<episode><extension>`. */
  extension: string;
  warnings: string[];
}
export type ExportTranscriptResult = ExportTranscriptSuccess | ConvertFailure;

/** A source file sent to the server: a text format as text, a Word document as base64 (JSON-RPC carries no bytes). */
export interface SourceFile {
  /** The file's name (its extension picks the format when `format` is absent); used in messages. */
  name: string;
  format?: ImportFormat;
  text?: string;
  base64?: string;
}

/** How a source is read into items. */
export interface ReadOptions {
  /** SRT, WebVTT, JSON: one item per cue instead of joining a speaker's consecutive cues. */
  oneItemPerCue?: boolean;
  /** A joined turn longer than this many characters breaks at a sentence end (setting `transcripts.import.maxLineChars`). */
  maxLineChars?: number;
  /** Speaker renames, `{ "Speaker 1": "Alexey" }`. */
  speakers?: Record<string, string>;
}

/** `transcripts/readTranscript`: reads a source without writing anything, so the client can ask about its speakers first. */
export const READ_TRANSCRIPT_REQUEST = 'transcripts/readTranscript';
export interface ReadTranscriptParams extends ReadOptions {
  source: SourceFile;
}
export interface ReadTranscriptSuccess {
  ok: true;
  /** Spoken items and headers read. */
  lines: number;
  headers: number;
  /** Every speaker name, in order of first appearance (after renames). */
  speakers: string[];
  /** The speakers of the workspace's episodes, most lines first: what an unknown name can be renamed to. */
  knownSpeakers: string[];
  /** Names of `speakers` to ask about: a service's placeholder (`Speaker 1`, `SPEAKER_00`) or a name no episode has. */
  unknownSpeakers: string[];
  warnings: string[];
}
export type ReadTranscriptResult = ReadTranscriptSuccess | ConvertFailure;

/** `transcripts/importTranscript`: the edits that put a source's items into an episode (or the text of a new one). */
export const IMPORT_TRANSCRIPT_REQUEST = 'transcripts/importTranscript';
export interface ImportTranscriptParams extends ReadOptions {
  source: SourceFile;
  /** The episode to import into (open in the server); absent: the text of a new episode file. */
  textDocument?: { uri: string };
  /** Replace a transcript the episode already has (otherwise that is refused with `hasTranscript`). */
  replace?: boolean;
}
export interface ImportTranscriptSuccess {
  ok: true;
  /** Into an episode: the document version the edits are for, and the edits (one undo step). */
  version?: number;
  edits?: PlayerTextEdit[];
  /** Into a new file: its whole text. */
  newText?: string;
  lines: number;
  headers: number;
  /** An existing transcript was replaced. */
  replaced: boolean;
  warnings: string[];
}
export type ImportTranscriptResult = ImportTranscriptSuccess | (ConvertFailure & { /** Refused because the episode has a transcript and `replace` was not set. */ hasTranscript?: boolean });

/** A chapter as read from a list: its start, its title, and the 1-based line of the list it came from. */
export interface ChapterEntry {
  sec: number;
  title: string;
  line?: number;
}

/** `transcripts/insertChapters`: the edits that make a chapter list the episode's headers. */
export const INSERT_CHAPTERS_REQUEST = 'transcripts/insertChapters';
export interface InsertChaptersParams extends PlayerDocumentParams {
  /** The chapter list as text (site `HH:MM:SS Topic`, YouTube description, Podcasting 2.0 JSON or WebVTT chapters). */
  chapters: string;
  /** Keep the episode's headers and merge the new ones in by time (default: replace them). */
  keepHeaders?: boolean;
  /** The list is a language model's answer: chatty text around it is ignored, not reported (Suggest Chapters). */
  fromModel?: boolean;
}
export interface InsertChaptersSuccess {
  ok: true;
  version: number;
  /** Only header items change; empty when the headers already are the chapters. */
  edits: PlayerTextEdit[];
  /** The chapters written as headers. */
  inserted: ChapterEntry[];
  /** Chapters that would cover no spoken line (the site would hide them): not written; the user decides. */
  coverNoLine: ChapterEntry[];
  /** Lines of the list that are not chapters (1-based line and its text); blank lines are not counted. */
  notChapters: { line: number; text: string }[];
  /** Headers removed (replace mode). */
  removed: number;
  warnings: string[];
}
export type InsertChaptersResult = InsertChaptersSuccess | ConvertFailure;

/** `transcripts/chapterPrompt`: the prompt Suggest Chapters sends to a language model, built from the episode the way the site's script builds it. */
export const CHAPTER_PROMPT_REQUEST = 'transcripts/chapterPrompt';
export type ChapterPromptResult = { ok: true; prompt: string } | ConvertFailure;

/**
 * `transcripts/audioAnalysis` (issue 24): the speech analysis of a media file, for the player's
 * waveform and the audio rules.
 *
 * Params `AudioAnalysisParams`: `media`, the media file's URI (as the player found it: next to the
 * episode, `transcripts.player.mediaFolders`, or Choose Media File…); `textDocument`, optionally the
 * episode it belongs to: the server then keeps the analysis for that episode and checks it with the
 * audio rules (sec-off-speech, media-offset, speech-untranscribed, sec-past-media) until the
 * document closes or another media is sent; `workDoneToken`, optional, for progress
 * (`$/progress` begin/report with a percentage/end; cancellable). Cancel with `$/cancelRequest`.
 *
 * Result `AudioAnalysisResult`: `{ ok: true, media, cached, analysis }`, where `analysis` is
 * `{ version, duration (s), peaksPerSecond (50), peaks (base64: one byte 0–255 per 1/50 s, the
 * loudest absolute sample, 255 = full scale), speech: [[onset, end], …] (s, 3 decimals) }`;
 * or `{ ok: false, message, cancelled?, browserMayDecode? }` when the file cannot be read or decoded
 * (M4A/AAC: `browserMayDecode`, a browser may; the client can then send its own `analysis`), or the
 * request was cancelled. Results come from a cache keyed by the file's
 * path, size and modification time (the extension's global storage, `InitializationOptions.audioCacheFolder`;
 * in the browser worker through `AudioCacheRequests`, the bytes through `FileRequests.readBytes`).
 */
export const AUDIO_ANALYSIS_REQUEST = 'transcripts/audioAnalysis';

export interface AudioAnalysisParams {
  media: string;
  textDocument?: { uri: string };
  workDoneToken?: string | number;
  /**
   * The analysis made by the client itself (the player's page decodes M4A/AAC with the browser's
   * AudioContext when the server answered `browserMayDecode`): checked and kept for the episode as
   * if the server had made it; the media is not read.
   */
  analysis?: AudioAnalysisData;
}

export interface AudioAnalysisData {
  version: number;
  duration: number;
  peaksPerSecond: number;
  peaks: string;
  speech: Array<[number, number]>;
}

export type AudioAnalysisResult =
  | { ok: true; media: string; cached: boolean; analysis: AudioAnalysisData }
  | { ok: false; message: string; cancelled?: boolean; browserMayDecode?: boolean };
