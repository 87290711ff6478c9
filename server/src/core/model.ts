import { isMap, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { hasAnchors, parserMessage, readItem, readMapFields, shiftedField } from './yamlNodes';
import { recoverUnits } from './recovery/recover';
import { findFrontMatter, FrontMatter } from './frontMatter';
import { checkFrontMatter, DEFAULT_FRONT_MATTER_KB } from './limits';
import { parseByItems, SplitParse } from './splitParse';
import type { Span } from './types';

/**
 * The episode model: the front matter parsed once, reduced to the plain facts every feature
 * reads (fields with their document offsets). Nothing here knows about LSP.
 */

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
  /** The front matter did not parse as a whole; it was read unit by unit and the broken units left out (recovery/). */
  readonly recovered?: boolean;
  /** The size limit the model was parsed under, and the front matter's line count, for the keystroke path. */
  readonly limits?: { maxKB: number; lines: number };
}

const TRANSCRIPT_KEY_LINE = /(?:^|[\r\n])transcript[ \t]*:/;

export function isInPodcastFolder(uri: string): boolean {
  return /(?:^|[\\/])_podcast[\\/]/.test(uri);
}

export interface ParseOptions {
  /** Parse the transcript item by item when the layout allows (default); false parses the front matter whole. */
  itemByItem?: boolean;
  /** Size limit of the front matter in KB (default 512, see limits.ts). */
  maxFrontMatterKB?: number;
}

export function parseEpisode(text: string, uri = '', options: ParseOptions = {}): EpisodeModel {
  const frontMatter = findFrontMatter(text);
  const inPodcastFolder = isInPodcastFolder(uri);
  if (!frontMatter) return { text, uri, isEpisode: inPodcastFolder, syntaxErrors: [], topLevel: [], hasAnchors: false };

  const yamlText = text.slice(frontMatter.contentStart, frontMatter.contentEnd);
  const base = frontMatter.contentStart;
  const syntaxErrors: SyntaxError[] = [];
  if (!frontMatter.closed) {
    syntaxErrors.push({ message: "the front matter has no closing '---' line", span: frontMatter.opening });
  }
  // Too large or too deep to parse in the time an editor waits: say so instead (see limits.ts).
  const maxKB = options.maxFrontMatterKB ?? DEFAULT_FRONT_MATTER_KB;
  const { problem: limit, lines } = checkFrontMatter(yamlText, maxKB);
  if (limit) {
    const at = limit.offset > 0 ? { start: base + limit.offset, end: base + limit.offset } : frontMatter.opening;
    syntaxErrors.push({ message: limit.message, span: at });
    const isEpisode = inPodcastFolder || TRANSCRIPT_KEY_LINE.test(yamlText);
    return { text, uri, isEpisode, frontMatter, syntaxErrors, topLevel: [], hasAnchors: false, limits: { maxKB, lines } };
  }
  // Item by item when the layout allows (faster, same result); else the whole front matter.
  const split = options.itemByItem !== false && frontMatter.closed ? parseByItems(yamlText) : undefined;
  if (split) return { ...modelFromItems(text, uri, frontMatter, split), limits: { maxKB, lines } };
  // Aliases are never resolved (no toJS), so an alias bomb costs nothing.
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  // A broken value: read the rest unit by unit, so every other item is still checked. Only after the
  // whole parse failed: a unit can fail alone where the whole reads (a flow collection over lines).
  const recovered = doc.errors.length > 0 && frontMatter.closed ? recoverUnits(text, base, yamlText) : undefined;
  if (recovered) {
    const isEpisode = inPodcastFolder || recovered.transcript !== undefined || TRANSCRIPT_KEY_LINE.test(yamlText);
    return { text, uri, isEpisode, frontMatter, ...recovered, hasAnchors: false, recovered: true, limits: { maxKB, lines } };
  }
  for (const error of doc.errors) {
    const start = base + Math.min(error.pos[0], yamlText.length);
    const end = base + Math.min(Math.max(error.pos[1], error.pos[0]), yamlText.length);
    syntaxErrors.push({ message: parserMessage(error.message), span: { start, end } });
  }

  const topLevel = isMap(doc.contents) ? readMapFields(doc.contents, base) : [];
  const transcriptField = topLevel.find((f) => f.key === 'transcript');
  const isEpisode = inPodcastFolder || transcriptField !== undefined || (syntaxErrors.length > 0 && TRANSCRIPT_KEY_LINE.test(yamlText));
  let transcript: Transcript | undefined;
  if (transcriptField && isMap(doc.contents)) {
    const node = doc.contents.get('transcript', true);
    transcript = { field: transcriptField, items: isSeq(node) ? readItems(node.items as YamlNode[], text, base, node.flow === true) : [] };
  }
  return { text, uri, isEpisode, frontMatter, syntaxErrors, topLevel, transcript, hasAnchors: hasAnchors(doc, yamlText), limits: { maxKB, lines } };
}

function modelFromItems(text: string, uri: string, frontMatter: FrontMatter, split: SplitParse): EpisodeModel {
  const base = frontMatter.contentStart;
  const cut = base + split.removed.at;
  const topLevel = readMapFields(split.skeleton.contents as YAMLMap, base).map((field): Field => {
    if (field.keySpan.start >= cut) return shiftedField(field, split.removed.length);
    if (field.key !== 'transcript') return field;
    // The blanked list read as an empty value: make it the list a whole parse sees.
    return { key: field.key, keySpan: field.keySpan, kind: 'seq', value: null, valueSpan: { start: base + split.listSpan.start, end: base + split.listSpan.end } };
  });
  const transcriptField = topLevel.find((f) => f.key === 'transcript')!;
  const items = split.items.map((chunk, index) => readItem(chunk.node, index, text, base + chunk.offset));
  return { text, uri, isEpisode: true, frontMatter, syntaxErrors: [], topLevel, transcript: { field: transcriptField, items }, hasAnchors: false };
}


function readItems(nodes: YamlNode[], text: string, base: number, inFlowSequence: boolean): TranscriptItem[] {
  return nodes.map((node, index) => readItem(node, index, text, base, inFlowSequence));
}


export { endOfLine, getField, hasAnchors, isNonNegativeInteger, readItem, readSpeaker, startOfLine } from './yamlNodes';
