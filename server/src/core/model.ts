import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
import type { Document } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { findFrontMatter, FrontMatter } from './frontMatter';
import { checkFrontMatter, DEFAULT_FRONT_MATTER_KB } from './limits';
import { parseByItems, SplitParse } from './splitParse';
import { shiftedField } from './incremental';
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
  header?: string;
  line?: string;
  who?: string;
  /** The `time` label when it is a string. */
  time?: string;
  /** `sec` when it is a non-negative integer. */
  sec?: number;
  /** What the item is: a section header, a spoken line, or neither/both (an item-shape problem). */
  kind: 'header' | 'line' | 'other';
  /** The speaker, read once per item parse so cross-item checks only compare strings. */
  speaker?: Speaker;
  /**
   * Findings of the item-local checks, offsets relative to `region.start`, for one configuration.
   * An edit elsewhere only moves the item, so they stay valid; an edited item is a new object.
   */
  localFindings?: { config: object; findings: readonly import('./types').Finding[] };
  /** transcript-copy's hash of the line text (-1: too short to count), computed once per item. */
  copyHash?: number;
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

const TRAILING_PUNCTUATION = /[:.]+$/;

/**
 * Speakers are interned: a transcript has a handful of names repeated thousands of times, and
 * shared objects make the per-keystroke speaker counts identity lookups. Bounded, so hostile input
 * with endless distinct names cannot grow it without limit.
 */
const internedSpeakers = new Map<string, Speaker>();
const MAX_INTERNED_SPEAKERS = 4096;

export function readSpeaker(who: string): Speaker {
  let speaker = internedSpeakers.get(who);
  if (speaker) return speaker;
  const name = who.trim();
  const words = name === '' ? 0 : name.split(/\s+/).length;
  speaker = Object.freeze({ name, bare: name.replace(TRAILING_PUNCTUATION, ''), speech: name.length > 40 || words > 4, words });
  if (internedSpeakers.size >= MAX_INTERNED_SPEAKERS) internedSpeakers.clear();
  internedSpeakers.set(who, speaker);
  return speaker;
}

export interface SyntaxError {
  message: string;
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
  for (const error of doc.errors) {
    const start = base + Math.min(error.pos[0], yamlText.length);
    const end = base + Math.min(Math.max(error.pos[1], error.pos[0]), yamlText.length);
    syntaxErrors.push({ message: firstLine(error.message), span: { start, end } });
  }

  const topLevel = isMap(doc.contents) ? readMapFields(doc.contents, base) : [];
  const transcriptField = topLevel.find((f) => f.key === 'transcript');
  const isEpisode = inPodcastFolder || transcriptField !== undefined || (syntaxErrors.length > 0 && TRANSCRIPT_KEY_LINE.test(yamlText));
  let transcript: Transcript | undefined;
  if (transcriptField && isMap(doc.contents)) {
    const node = doc.contents.get('transcript', true);
    transcript = { field: transcriptField, items: isSeq(node) ? readItems(node.items as YamlNode[], text, base) : [] };
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

export function hasAnchors(doc: Document.Parsed | Document, source: string): boolean {
  if (!source.includes('&') && !source.includes('*')) return false;
  let found = false;
  visit(doc, (_key, node) => {
    if (isAlias(node) || ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

function firstLine(message: string): string {
  const line = message.split(/\r?\n/)[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function readItems(nodes: YamlNode[], text: string, base: number): TranscriptItem[] {
  return nodes.map((node, index) => readItem(node, index, text, base));
}

export function readItem(node: YamlNode | null, index: number, text: string, base: number): TranscriptItem {
  const range = node?.range ?? [0, 0, 0];
  const span = { start: base + range[0], end: trimEnd(text, base + range[0], base + range[1]) };
  const lineStart = startOfLine(text, span.start);
  const region = { start: lineStart, end: endOfLine(text, base + range[2] > span.end ? base + range[2] : span.end) };
  const item: TranscriptItem = {
    index,
    span,
    region,
    isMap: isMap(node),
    fields: isMap(node) ? readMapFields(node, base) : [],
    keyColumn: span.start - lineStart,
    kind: 'other',
  };
  for (const field of item.fields) {
    if (field.kind === 'string' || field.kind === 'number') {
      const value = String(field.value);
      if (field.key === 'header' && item.header === undefined) item.header = value;
      if (field.key === 'line' && item.line === undefined) item.line = value;
      if (field.key === 'who' && item.who === undefined) item.who = value;
      if (field.key === 'time' && item.time === undefined && field.kind === 'string') item.time = value;
    }
    if (field.key === 'sec' && item.sec === undefined && isNonNegativeInteger(field)) item.sec = field.value as number;
  }
  if (item.isMap && item.header !== undefined && item.line === undefined) item.kind = 'header';
  if (item.isMap && item.line !== undefined && item.header === undefined) item.kind = 'line';
  if (item.who !== undefined) item.speaker = readSpeaker(item.who);
  return item;
}

/** A map node's range runs past its last line break; items end at their last character. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

export function isNonNegativeInteger(field: Field): boolean {
  return field.kind === 'number' && Number.isSafeInteger(field.value) && (field.value as number) >= 0;
}

function readMapFields(map: YAMLMap, base: number): Field[] {
  const fields: Field[] = [];
  for (const pair of map.items as Pair<unknown, unknown>[]) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) continue;
    fields.push(readField(String(key.value), key as Scalar, pair.value as YamlNode | null, base));
  }
  return fields;
}

function readField(key: string, keyNode: Scalar, value: YamlNode | null, base: number): Field {
  const keyRange = keyNode.range!;
  const field: Field = { key, keySpan: { start: base + keyRange[0], end: base + keyRange[1] }, kind: 'null', value: null };
  if (!value || !value.range) return field;
  const [start, end] = value.range;
  if (end > start) field.valueSpan = { start: base + start, end: base + end };
  if (isScalar(value)) {
    field.value = value.value;
    field.kind = scalarKind(value.value);
    field.quote = quoteStyle(value.type);
  } else if (isMap(value)) {
    field.kind = 'map';
    field.children = readMapFields(value, base);
  } else if (isSeq(value)) {
    field.kind = 'seq';
  } else if (isAlias(value)) {
    field.kind = 'alias';
  } else {
    field.kind = 'other';
  }
  return field;
}

function scalarKind(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'other';
}

function quoteStyle(type: Scalar['type']): QuoteStyle {
  switch (type) {
    case 'QUOTE_SINGLE': return 'single';
    case 'QUOTE_DOUBLE': return 'double';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL': return 'block';
    default: return 'plain';
  }
}

export function startOfLine(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The offset just past the line break that ends the line holding `offset - 1`'s content. */
export function endOfLine(text: string, offset: number): number {
  // A node's end may already sit after its line break.
  if (offset > 0 && (text[offset - 1] === '\n' || (text[offset - 1] === '\r' && text[offset] !== '\n'))) return offset;
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

export function getField(fields: readonly Field[], key: string): Field | undefined {
  return fields.find((f) => f.key === key);
}
