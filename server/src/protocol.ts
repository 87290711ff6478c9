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
} as const;

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
} as const;

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
}

/** `initializationOptions` the server understands. */
export interface InitializationOptions {
  /** A client command the `who` key completion runs after inserting (VS Code: editor.action.triggerSuggest). */
  retriggerSuggestCommand?: string;
}

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
