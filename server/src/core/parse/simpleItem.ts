import { isScalar, Pair, Scalar, YAMLMap } from 'yaml';
import type { Schema, ScalarTag } from 'yaml';

/**
 * Reading the common shape of a transcript item without the YAML parser: `key: value` pairs at one
 * column, each value a scalar (plain, single-quoted, or double-quoted without escapes) that may go on
 * over more indented lines, as YAML dumpers wrap long lines. That is nearly every item of every real
 * episode, and the YAML library's lexer, parser and composer take most of an episode's first open
 * (their code is cold then) and a good part of every keystroke. The result is the node the parser
 * builds for the same text (same ranges, values, scalar types and resolved tags); anything else (a
 * comment, a tab, a CR, an empty value, a blank line inside the item, an indicator, a duplicate key,
 * a control character) returns undefined and the caller parses the chunk with the library. A
 * differential test holds the two to the same nodes on every item of the corpus and on fuzzed items.
 */

export interface SimpleItem {
  /** The item's map, its ranges relative to the chunk. */
  node: YAMLMap;
  /** Where the list ends as the parser places it: after the line break of the item's last pair. */
  end: number;
}

const SPACE = 32;
const LINE_FEED = 10;
const COLON = 58;
const HASH = 35;
const BACKSLASH = 92;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

/** `chunk`: one item of a block list, from the start of its `- ` line to the next item (blank lines included). */
export function readSimpleItem(chunk: string, schema: Schema): SimpleItem | undefined {
  let indent = 0;
  while (chunk.charCodeAt(indent) === SPACE) indent++;
  if (chunk[indent] !== '-' || chunk.charCodeAt(indent + 1) !== SPACE) return undefined;
  let keyColumn = indent + 1;
  while (chunk.charCodeAt(keyColumn) === SPACE) keyColumn++;

  const lines = new LineReader(chunk);
  const map = new YAMLMap();
  const keys = new Set<string>();
  let pairStart = keyColumn;
  for (;;) {
    const pair = readPair(lines, pairStart, keyColumn, schema);
    if (!pair || keys.has(pair.key)) return undefined;
    keys.add(pair.key);
    map.items.push(pair.node);
    // The pair's last line has been read: next comes another pair at the key column, or blank lines to the end.
    const end = lines.next;
    while (lines.advance() && lines.isBlank());
    if (lines.atEnd) {
      map.range = [keyColumn, end, end];
      return { node: map, end };
    }
    if (lines.start !== end || lines.indent !== keyColumn) return undefined; // a blank line between pairs, or another column
    pairStart = lines.start + keyColumn;
  }
}

/** The chunk's lines, one at a time: where each starts, ends (before its line break) and the next begins. */
class LineReader {
  start = 0;
  end = 0;
  next = 0;
  indent = 0;
  atEnd = false;
  constructor(readonly text: string) {
    this.read(0);
  }
  /** Moves to the next line; false at the end of the chunk. */
  advance(): boolean {
    if (this.next >= this.text.length) {
      this.atEnd = true;
      return false;
    }
    this.read(this.next);
    return true;
  }
  isBlank(): boolean {
    return this.start + this.indent === this.end;
  }
  /** Whether the line after this one goes on with a value: not blank, and indented past the key column. */
  continuesPast(keyColumn: number): boolean {
    let column = 0;
    while (this.text.charCodeAt(this.next + column) === SPACE) column++;
    const at = this.next + column;
    return column > keyColumn && at < this.text.length && this.text.charCodeAt(at) !== LINE_FEED;
  }
  private read(start: number): void {
    const newline = this.text.indexOf('\n', start);
    this.start = start;
    this.end = newline < 0 ? this.text.length : newline;
    this.next = newline < 0 ? this.text.length : newline + 1;
    let indent = 0;
    while (this.text.charCodeAt(start + indent) === SPACE) indent++;
    this.indent = indent;
  }
}

/** `key: value` from `start` on the current line, with the value's continuation lines (the reader ends on its last line). */
function readPair(lines: LineReader, start: number, keyColumn: number, schema: Schema): { key: string; node: Pair } | undefined {
  const text = lines.text;
  let keyEnd = start;
  while (keyEnd < lines.end && isKeyCharacter(text.charCodeAt(keyEnd), keyEnd === start)) keyEnd++;
  if (keyEnd === start || text.charCodeAt(keyEnd) !== COLON || text.charCodeAt(keyEnd + 1) !== SPACE) return undefined;
  const key = resolvedPlain(text.slice(start, keyEnd), schema);
  if (!key || typeof key.value !== 'string') return undefined;
  key.range = [start, keyEnd, keyEnd];

  let valueStart = keyEnd + 1;
  while (text.charCodeAt(valueStart) === SPACE) valueStart++;
  if (valueStart >= lines.end) return undefined;
  const first = text.charCodeAt(valueStart);
  const value = first === SINGLE_QUOTE || first === DOUBLE_QUOTE
    ? quoted(lines, valueStart, keyColumn, first)
    : plain(lines, valueStart, keyColumn, schema);
  if (!value) return undefined;
  value.range = [valueStart, value.range![1], lines.next];
  return { key: key.value, node: new Pair(key, value) };
}

/** Letters, digits, `_` and `-` (not first): every key of the schema and of the site's scripts. */
function isKeyCharacter(code: number, first: boolean): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) return true;
  return !first && ((code >= 48 && code <= 57) || code === 45);
}

/** Tabs, carriage returns and other control characters, NEL, the line and paragraph separators, BOM. */
function hasForbiddenCharacter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  }
  return false;
}

/**
 * A plain value: not starting with an indicator, no `: ` or final `:` (a nested map) and no ` #` (a
 * comment) on any of its lines; its lines folded into one, each without its surrounding spaces.
 */
function plain(lines: LineReader, start: number, keyColumn: number, schema: Schema): Scalar | undefined {
  const text = lines.text;
  if (INDICATORS.has(text[start]) && !(MAY_START_PLAIN.has(text[start]) && start + 1 < lines.end && text.charCodeAt(start + 1) !== SPACE)) return undefined;
  let from = start;
  let source = '';
  let end = start;
  for (;;) {
    end = lines.end;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    if (!isPlainText(text, from, end)) return undefined;
    source = source === '' ? text.slice(from, end) : `${source} ${text.slice(from, end)}`;
    if (!lines.continuesPast(keyColumn)) break;
    lines.advance();
    from = lines.start + lines.indent;
    if (text.charCodeAt(from) === HASH) return undefined; // a comment line ends the value
  }
  const scalar = resolvedPlain(source, schema);
  if (scalar) scalar.range = [start, end, end];
  return scalar;
}

function isPlainText(text: string, from: number, to: number): boolean {
  if (hasForbiddenCharacter(text, from, to)) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON && (i + 1 === to || text.charCodeAt(i + 1) === SPACE)) return false;
    if (code === HASH && text.charCodeAt(i - 1) === SPACE) return false;
  }
  return true;
}

/**
 * A quoted value closed on its first line or a later one, followed by nothing but spaces; double
 * quotes without escapes. Its lines are folded into one, each without its surrounding spaces.
 */
function quoted(lines: LineReader, start: number, keyColumn: number, quote: number): Scalar | undefined {
  const text = lines.text;
  const parts: string[] = [];
  let from = start + 1;
  for (;;) {
    if (hasForbiddenCharacter(text, from, lines.end)) return undefined;
    const close = closingQuote(text, from, lines.end, quote);
    if (close === -2) return undefined;
    if (close >= 0) {
      for (let j = close + 1; j < lines.end; j++) if (text.charCodeAt(j) !== SPACE) return undefined;
      parts.push(text.slice(from, close));
      const inner = parts.length === 1 ? parts[0] : foldQuotedLines(parts);
      const scalar = new Scalar(quote === SINGLE_QUOTE && inner.includes("''") ? inner.replace(/''/g, "'") : inner);
      scalar.type = quote === SINGLE_QUOTE ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
      scalar.source = scalar.value as string;
      scalar.range = [start, close + 1, close + 1];
      return scalar;
    }
    parts.push(text.slice(from, lines.end));
    if (!lines.continuesPast(keyColumn)) return undefined;
    lines.advance();
    from = lines.start + lines.indent;
  }
}

/** Where the quote closes on this line; -1 if it does not, -2 for an escape this reader leaves to the parser. */
function closingQuote(text: string, from: number, to: number, quote: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (quote === DOUBLE_QUOTE && code === BACKSLASH) return -2;
    if (code !== quote) continue;
    if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** Line folding in a quoted scalar: spaces around each line break dropped, the break read as one space. */
function foldQuotedLines(parts: string[]): string {
  return parts.map((part, k) => {
    let start = 0;
    let end = part.length;
    if (k > 0) while (part.charCodeAt(start) === SPACE) start++;
    if (k < parts.length - 1) while (end > start && part.charCodeAt(end - 1) === SPACE) end--;
    return part.slice(start, end);
  }).join(' ');
}

/** Characters that start something other than a plain scalar (or may, followed by a space). */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** Indicators that start a plain scalar when a non-space follows (`-12`, `:)`, `?!`). */
const MAY_START_PLAIN = new Set(['-', '?', ':']);
const TAG_OPTIONS = { intAsBigInt: false };

/** A plain scalar's value as the schema resolves it (null, booleans, numbers by their patterns; else the string). */
function resolvedPlain(source: string, schema: Schema): Scalar | undefined {
  const tag = schema.tags.find((t): t is ScalarTag => t.default === true && (t as ScalarTag).test?.test(source) === true);
  let scalar: Scalar;
  if (!tag) scalar = new Scalar(source);
  else {
    let failed = false;
    const resolved = tag.resolve(source, () => (failed = true), TAG_OPTIONS as never);
    if (failed) return undefined;
    scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
    if (tag.format) scalar.format = tag.format;
  }
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  return scalar;
}
