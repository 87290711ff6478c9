import type { Span } from './types';

/**
 * The episode model: the front matter parsed once (parse/), reduced to the plain facts every feature
 * reads (fields with their document offsets). Types only: nothing here knows about LSP or YAML.
 */

export interface FrontMatter {
  /** Offset of the first character of the YAML (after the opening `---` line). */
  contentStart: number;
  /** Offset just past the YAML (the start of the closing `---` line, or the end of the text when unclosed). */
  contentEnd: number;
  /** The opening delimiter line, for messages anchored to it. */
  opening: Span;
  closed: boolean;
}

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'map' | 'seq' | 'alias' | 'other';
export type QuoteStyle = 'plain' | 'single' | 'double' | 'block';

export interface Field {
  key: string;
  keySpan: Span;
  /** The value as written (quotes included); absent when the key has no value at all. */
  valueSpan?: Span;
  kind: ValueKind;
  /** The parsed value for scalars. */
  value: unknown;
  quote?: QuoteStyle;
  /** Nested fields when the value is a map (used for `ids` and `links`). */
  children?: Field[];
}

export interface TranscriptItem {
  index: number;
  /** The item node itself (after `- `). */
  span: Span;
  /** Whole lines from the line holding `- ` to the end of the item's last line, for deleting it. */
  region: Span;
  isMap: boolean;
  fields: Field[];
  /** Column of the item's keys, for inserting a key line. */
  keyColumn: number;
  /**
   * Written in flow style: a `{…}` map in a block list (`map`), or an item of a `[…]` list
   * (`sequence`, whose region is the item's own text). Fixes write flow style or are not offered.
   */
  flow?: 'map' | 'sequence';
  header?: string;
  line?: string;
  who?: string;
  /** The `time` label when it is a string. */
  time?: string;
  /** `sec` when it is a non-negative integer. */
  sec?: number;
  /**
   * What the item is: a section header, a spoken line, neither/both (an item-shape problem), or
   * text that does not parse (front matter read unit by unit: no fields; rules treat it as absent).
   */
  kind: 'header' | 'line' | 'other' | 'broken';
  /** The speaker, read once per item parse so cross-item checks only compare strings. */
  speaker?: Speaker;
}

export interface Speaker {
  /** `who` trimmed. */
  readonly name: string;
  /** Without trailing `:`/`.`. */
  readonly bare: string;
  /** Over 40 characters or over 4 words: speech stored in the speaker field. */
  readonly speech: boolean;
  readonly words: number;
}

export interface SyntaxError {
  message: string;
  span: Span;
  /** The unit the error is confined to (whole lines of one transcript item or one top-level value), when the rest was read. */
  unit?: BrokenUnit;
}

export interface BrokenUnit {
  kind: 'item' | 'top';
  /** Document offsets: from the unit's first line to the end of its last non-blank line. */
  span: Span;
}

export interface Transcript {
  field: Field;
  items: TranscriptItem[];
}

export interface EpisodeModel {
  readonly text: string;
  readonly uri: string;
  readonly isEpisode: boolean;
  readonly frontMatter?: FrontMatter;
  readonly syntaxErrors: SyntaxError[];
  readonly topLevel: Field[];
  readonly transcript?: Transcript;
  /** Anchors or aliases link items to each other, so an edit cannot stay local to one item. */
  readonly hasAnchors: boolean;
  /** The front matter did not parse as a whole; it was read unit by unit and the broken units left out (parse/recovery/). */
  readonly recovered?: boolean;
  /** The size limit the model was parsed under, and the front matter's line count, for the keystroke path. */
  readonly limits?: { maxKB: number; lines: number };
}
