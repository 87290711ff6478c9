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
