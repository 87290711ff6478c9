import { isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode, Schema, ScalarTag } from 'yaml';

/**
 * Reading the common shape of front matter YAML without the YAML parser: block maps and block lists
 * (`key: value` at one column, `- ` items), their values scalars (plain, single-quoted, or
 * double-quoted without escapes) that may go on over more indented lines, as YAML dumpers wrap long
 * lines. That is nearly every transcript item and the metadata of nearly every real episode, and the
 * YAML library's lexer, parser and composer take most of an episode's first open (their code is cold
 * then) and a good part of every keystroke. The result is the node the parser builds for the same text
 * (same ranges, values, scalar types and resolved tags); anything else (a comment, a tab, a CR, a
 * flow collection, an indicator, a duplicate key, a control character, a document marker) returns
 * undefined and the caller parses the text with the library. A differential test holds the two to
 * the same nodes on every item and every metadata block of the corpus and on fuzzed text.
 */

export interface SimpleItem {
  /** The item's map, its ranges relative to the chunk. */
  node: YAMLMap;
  /** Where the list ends as the parser places it (the end of the item's last value). */
  end: number;
}

/**
 * Nesting this reader takes on (an episode nests 4 deep): deeper text goes to the parser, so that
 * this recursion never meets a small stack (a browser worker's) before the parser's own limits do.
 */
const MAX_DEPTH = 32;
const SPACE = 32;
const COLON = 58;
const HASH = 35;
const DASH = 45;
const BACKSLASH = 92;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const LINE_FEED = 10;

/** `chunk`: one item of a block list, from the start of its `- ` line to the next item (blank lines included). */
export function readSimpleItem(chunk: string, schema: Schema): SimpleItem | undefined {
  const lines = new Lines(chunk);
  const column = lines.indent;
  if (!lines.isDashAt(column)) return undefined;
  const keyStart = contentAfterDash(lines, column);
  if (keyStart === undefined || keyLength(chunk, keyStart, lines.end) === 0) return undefined;
  const map = readMap(lines, keyStart - lines.start, keyStart, schema);
  // One item and nothing after it but blank lines.
  if (!map || !lines.atEnd) return undefined;
  return { node: map, end: map.range![2] };
}

/** A whole document that is one block map at column 0 (blank lines around it), as the metadata of an episode is. */
export function readSimpleMap(text: string, schema: Schema): YAMLMap | undefined {
  const lines = new Lines(text);
  lines.skipBlank();
  if (lines.atEnd || lines.indent !== 0 || keyLength(text, lines.start, lines.end) === 0) return undefined;
  const map = readMap(lines, 0, lines.start, schema);
  return map && lines.atEnd ? map : undefined;
}

/** The text's lines, one at a time: where the current one starts, ends (before its line break), and the next begins. */
class Lines {
  start = 0;
  end = 0;
  next = 0;
  indent = 0;
  atEnd = false;
  /** Collections open around the current one (see MAX_DEPTH). */
  depth = 0;
  constructor(readonly text: string) {
    this.read(0);
  }
  advance(): void {
    this.read(this.next);
  }
  isBlank(): boolean {
    return this.start + this.indent === this.end;
  }
  skipBlank(): void {
    while (!this.atEnd && this.isBlank()) this.advance();
  }
  /** A `- ` (or a `-` ending the line) at this column of the current line. */
  isDashAt(column: number): boolean {
    const at = this.start + column;
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.end || this.text.charCodeAt(at + 1) === SPACE);
  }
  private read(start: number): void {
    this.atEnd = start >= this.text.length;
    const newline = this.text.indexOf('\n', start);
    this.start = start;
    this.end = newline < 0 ? this.text.length : newline;
    this.next = newline < 0 ? this.text.length : newline + 1;
    let indent = 0;
    while (this.text.charCodeAt(start + indent) === SPACE) indent++;
    this.indent = indent;
  }
}

/** Where an item's content starts after its `- `; undefined for an empty item. */
function contentAfterDash(lines: Lines, column: number): number | undefined {
  let at = lines.start + column + 1;
  while (lines.text.charCodeAt(at) === SPACE) at++;
  return at < lines.end ? at : undefined;
}

/**
 * A block map whose keys sit at `column`, its first key at `keyStart` on the current line. Ends
 * with the reader on the first line after it that is not blank (or at the end).
 */
function readMap(lines: Lines, column: number, keyStart: number, schema: Schema): YAMLMap | undefined {
  if (lines.depth >= MAX_DEPTH) return undefined;
  lines.depth++;
  const map = readMapPairs(lines, column, keyStart, schema);
  lines.depth--;
  return map;
}

function readMapPairs(lines: Lines, column: number, keyStart: number, schema: Schema): YAMLMap | undefined {
  const map = new YAMLMap();
  const keys = new Set<string>();
  let start = keyStart;
  for (;;) {
    const pair = readPair(lines, start, column, schema);
    if (!pair || keys.has(pair.key)) return undefined;
    keys.add(pair.key);
    map.items.push(pair.node);
    lines.skipBlank();
    if (lines.atEnd || lines.indent < column) break;
    if (lines.indent > column || lines.isDashAt(column)) return undefined;
    start = lines.start + column;
  }
  const end = (map.items[map.items.length - 1].value as YamlNode).range![2];
  map.range = [keyStart, end, end];
  return map;
}

/** A block list whose `- ` sit at `column`, the reader on its first item's line. */
function readSeq(lines: Lines, column: number, schema: Schema): YAMLSeq | undefined {
  if (lines.depth >= MAX_DEPTH) return undefined;
  lines.depth++;
  const seq = readSeqItems(lines, column, schema);
  lines.depth--;
  return seq;
}

function readSeqItems(lines: Lines, column: number, schema: Schema): YAMLSeq | undefined {
  const seq = new YAMLSeq();
  const start = lines.start + column;
  for (;;) {
    const itemStart = contentAfterDash(lines, column);
    if (itemStart === undefined) return undefined;
    const item = keyLength(lines.text, itemStart, lines.end) > 0
      ? readMap(lines, itemStart - lines.start, itemStart, schema)
      : readScalar(lines, itemStart, column, schema);
    if (!item) return undefined;
    seq.items.push(item);
    lines.skipBlank();
    if (lines.atEnd || lines.indent < column || (lines.indent === column && !lines.isDashAt(column))) break;
    if (lines.indent > column) return undefined;
  }
  const end = (seq.items[seq.items.length - 1] as YamlNode).range![2];
  seq.range = [start, end, end];
  return seq;
}

/**
 * `key: value` from `start` on the current line; the value on the same line, or below it (a block
 * map indented past `column`, a block list at or past it), or nothing (null).
 */
function readPair(lines: Lines, start: number, column: number, schema: Schema): { key: string; node: Pair } | undefined {
  const text = lines.text;
  const keyEnd = start + keyLength(text, start, lines.end);
  if (keyEnd === start) return undefined;
  const key = resolvedPlain(text.slice(start, keyEnd), schema);
  if (!key || typeof key.value !== 'string') return undefined;
  key.range = [start, keyEnd, keyEnd];

  let valueStart = keyEnd + 1;
  while (text.charCodeAt(valueStart) === SPACE) valueStart++;
  let value: YamlNode | undefined;
  if (valueStart < lines.end) value = text.charCodeAt(valueStart) === OPEN_BRACKET ? readFlowList(lines, valueStart, schema) : readScalar(lines, valueStart, column, schema);
  else {
    const nullAt = lines.end;
    lines.advance();
    lines.skipBlank();
    if (!lines.atEnd && lines.indent >= column && lines.isDashAt(lines.indent)) value = readSeq(lines, lines.indent, schema);
    else if (!lines.atEnd && lines.indent > column) {
      const nested = lines.start + lines.indent;
      value = keyLength(text, nested, lines.end) > 0 ? readMap(lines, lines.indent, nested, schema) : undefined;
    } else {
      const empty = new Scalar(null);
      empty.source = '';
      empty.type = Scalar.PLAIN;
      empty.range = [nullAt, nullAt, nullAt];
      value = empty;
    }
  }
  return value && { key: key.value, node: new Pair(key, value) };
}

/** The length of a `key:` at `start` (letters, digits, `_`, `-`; a colon then a space or the line's end), else 0. */
function keyLength(text: string, start: number, lineEnd: number): number {
  let end = start;
  while (end < lineEnd && isKeyCharacter(text.charCodeAt(end), end === start)) end++;
  if (end === start || text.charCodeAt(end) !== COLON) return 0;
  return end + 1 === lineEnd || text.charCodeAt(end + 1) === SPACE ? end - start : 0;
}

function isKeyCharacter(code: number, first: boolean): boolean {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) return true;
  return !first && ((code >= 48 && code <= 57) || code === DASH);
}

/**
 * A list in brackets on one line (`guests: [someone, someone-else]`, as older episodes write it) of
 * plain or quoted scalars; the reader ends after its line.
 */
function readFlowList(lines: Lines, start: number, schema: Schema): YAMLSeq | undefined {
  const text = lines.text;
  if (hasForbiddenCharacter(text, start, lines.end)) return undefined;
  const seq = new YAMLSeq();
  seq.flow = true;
  let at = skipSpaces(text, start + 1);
  while (text.charCodeAt(at) !== CLOSE_BRACKET) {
    const item = readFlowItem(text, at, lines.end, schema);
    if (!item) return undefined;
    seq.items.push(item);
    at = item.range![2];
    if (text.charCodeAt(at) === COMMA) at = skipSpaces(text, at + 1);
    else if (text.charCodeAt(at) !== CLOSE_BRACKET) return undefined;
  }
  const close = at + 1;
  if (skipSpaces(text, close) !== lines.end) return undefined;
  seq.range = [start, close, lines.next];
  lines.advance();
  return seq;
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** One scalar of a bracketed list, up to the `,` or `]` after it (its range's end, past the spaces that follow it). */
function readFlowItem(text: string, start: number, lineEnd: number, schema: Schema): Scalar | undefined {
  const first = text.charCodeAt(start);
  if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
    const close = closingQuote(text, start + 1, lineEnd, first);
    if (close < 0) return undefined;
    const scalar = quotedScalar(text.slice(start + 1, close), first);
    scalar.range = [start, close + 1, skipSpaces(text, close + 1)];
    return scalar;
  }
  if (INDICATORS.has(text[start])) return undefined;
  let end = start;
  for (; end < lineEnd; end++) {
    const code = text.charCodeAt(end);
    if (code === COMMA || code === CLOSE_BRACKET) break;
    // Nested collections, a key (`a: b`), a comment: the parser's.
    if (code === OPEN_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE || code === COLON || (code === HASH && text.charCodeAt(end - 1) === SPACE)) return undefined;
  }
  if (end >= lineEnd) return undefined;
  const after = end;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  const scalar = resolvedPlain(text.slice(start, end), schema);
  if (scalar) scalar.range = [start, end, after];
  return scalar;
}

/** A scalar from `start` on the current line, with its continuation lines (indented past `column`); the reader ends after it. */
function readScalar(lines: Lines, start: number, column: number, schema: Schema): Scalar | undefined {
  const first = lines.text.charCodeAt(start);
  const scalar = first === SINGLE_QUOTE || first === DOUBLE_QUOTE ? quoted(lines, start, column, first) : plain(lines, start, column, schema);
  if (!scalar) return undefined;
  scalar.range = [start, scalar.range![1], lines.next];
  lines.advance();
  return scalar;
}

/**
 * Whether a value goes on after the current line: the next line that is not blank is indented past
 * `column`. Returns how many blank lines come first (each is a line break in the value), or -1.
 */
function continuation(lines: Lines, column: number): number {
  const text = lines.text;
  let blanks = 0;
  for (let start = lines.next; start < text.length; blanks++) {
    let at = start;
    while (text.charCodeAt(at) === SPACE) at++;
    if (at < text.length && text.charCodeAt(at) !== LINE_FEED) return at - start > column ? blanks : -1;
    start = at + 1;
  }
  return -1;
}

/** Moves the reader past `blanks` blank lines to the value's next line. */
function advancePast(lines: Lines, blanks: number): void {
  for (let k = 0; k <= blanks; k++) lines.advance();
}

/** Line folding: each line break between two lines is a space, or as many line feeds as blank lines were between them. */
function folded(into: string, blanks: number, line: string): string {
  return `${into}${blanks > 0 ? '\n'.repeat(blanks) : ' '}${line}`;
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
 * The reader stays on its last line.
 */
function plain(lines: Lines, start: number, column: number, schema: Schema): Scalar | undefined {
  const text = lines.text;
  if (INDICATORS.has(text[start]) && !(MAY_START_PLAIN.has(text[start]) && start + 1 < lines.end && text.charCodeAt(start + 1) !== SPACE)) return undefined;
  let from = start;
  let source: string | undefined;
  let blanks = 0;
  let end = start;
  for (;;) {
    end = lines.end;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    if (!isPlainText(text, from, end)) return undefined;
    source = source === undefined ? text.slice(from, end) : folded(source, blanks, text.slice(from, end));
    blanks = continuation(lines, column);
    if (blanks < 0) break;
    advancePast(lines, blanks);
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
 * The reader stays on its last line.
 */
function quoted(lines: Lines, start: number, column: number, quote: number): Scalar | undefined {
  const text = lines.text;
  let value: string | undefined;
  let blanks = 0;
  let from = start + 1;
  for (;;) {
    if (hasForbiddenCharacter(text, from, lines.end)) return undefined;
    const close = closingQuote(text, from, lines.end, quote);
    if (close === -2) return undefined;
    // Spaces around a line break are not part of the value; those before the quotes are.
    let partEnd = close >= 0 ? close : lines.end;
    if (close < 0) while (partEnd > from && text.charCodeAt(partEnd - 1) === SPACE) partEnd--;
    const part = text.slice(from, partEnd);
    value = value === undefined ? part : folded(value, blanks, part);
    if (close >= 0) {
      for (let j = close + 1; j < lines.end; j++) if (text.charCodeAt(j) !== SPACE) return undefined;
      const scalar = quotedScalar(value, quote);
      scalar.range = [start, close + 1, close + 1];
      return scalar;
    }
    blanks = continuation(lines, column);
    if (blanks < 0) return undefined;
    advancePast(lines, blanks);
    from = lines.start + lines.indent;
  }
}

/** A quoted scalar's node from the text between its quotes (a single quote doubled inside single quotes is one). */
function quotedScalar(inner: string, quote: number): Scalar {
  const scalar = new Scalar(quote === SINGLE_QUOTE && inner.includes("''") ? inner.replace(/''/g, "'") : inner);
  scalar.type = quote === SINGLE_QUOTE ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
  scalar.source = scalar.value as string;
  return scalar;
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
