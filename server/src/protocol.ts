/**
 * The media player's custom requests (issue 13): what any editor needs to tie a player to a
 * transcript. Self-contained (names and shapes only, no runtime imports) so that the VS Code client,
 * the server and other editors' plugins can share it. Positions are LSP positions (0-based, UTF-16).
 *
 * Requests rather than executeCommand: each answer is data the client acts on (a range to
 * highlight, edits to apply as one undo step, where the cursor goes), and an edit is checked
 * against the document version it was computed for.
 */

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

/** `transcripts/itemAtSecond`: the item spoken at a second (the last timed item with `sec` ≤ it). */
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
