/**
 * Line-level reading of a front matter that does not parse: where keys start, and whether a quoted
 * value is still open at the end of a line. The YAML parser gives up at the first broken value and
 * reads everything after it wrongly; these few facts are enough to cut the text into units that
 * can be parsed on their own (see units.ts) and to find the broken value (see ../repair).
 */

export interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the content (before the CR of a CRLF and the LF). */
  end: number;
  /** Offset of the next line (past the line break). */
  next: number;
  indent: number;
  /** The content after the indentation. */
  content: string;
  blank: boolean;
  comment: boolean;
}

export type Quote = '"' | "'";

/** Lines end at LF (a CRLF's CR is left out of the content), as the YAML parser reads them. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let pos = from;
  while (pos < to) {
    const newline = text.indexOf('\n', pos);
    const next = newline < 0 || newline >= to ? to : newline + 1;
    let end = newline < 0 || newline >= to ? to : newline;
    if (end > pos && text[end - 1] === '\r') end--;
    let indent = 0;
    while (pos + indent < end && text.charCodeAt(pos + indent) === 32) indent++;
    const content = text.slice(pos + indent, end);
    const trimmed = content.trim();
    lines.push({ start: pos, end, next, indent, content, blank: trimmed === '', comment: trimmed.startsWith('#') });
    pos = next;
  }
  return lines;
}

const KEY = /^(?:[^\s'"#\-?:,[\]{}][^\n]*?|'[^']*'|"[^"]*")[ \t]*:(?=[ \t]|$)/;
// Keys the way episode files write them: a lowercase identifier (`title`, `quotableClips`, `sec`).
const SCHEMA_KEY = /^(?:- +)?[a-z][A-Za-z0-9_]*:(?:[ \t]|$)/;

/** The line starts with `- ` (or is a lone `-`): a block list item. */
export function isDash(content: string): boolean {
  return content[0] === '-' && (content.length === 1 || content[1] === ' ');
}

/** Where a line's key and its value start, after any `- ` markers: columns in the line. */
export function keyOf(line: Line): { key: string; keyColumn: number; valueColumn: number } | undefined {
  let column = line.indent;
  let rest = line.content;
  while (isDash(rest)) {
    const skipped = rest.length - rest.slice(1).trimStart().length;
    column += skipped;
    rest = rest.slice(skipped);
  }
  const match = KEY.exec(rest);
  if (!match) return undefined;
  let valueColumn = column + match[0].length;
  const after = rest.slice(match[0].length);
  valueColumn += after.length - after.trimStart().length;
  const raw = match[0].slice(0, -1).trim();
  const key = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
  return { key, keyColumn: column, valueColumn };
}

/**
 * Line `index` looks like a new key of the episode schema at or left of the open quote's key: the
 * quoted value cannot run past it. Except a key-like line left of an item's keys after which the
 * item goes on (a key at the item's column before the next line that far left): that is a
 * continuation line moved left that happens to start with `word: ` (`was: I found …`), not a key.
 */
export function isBoundary(lines: readonly Line[], index: number, open: OpenQuote): boolean {
  const line = lines[index];
  if (line.blank || line.indent > open.keyColumn || !SCHEMA_KEY.test(line.content)) return false;
  if (line.indent === open.keyColumn || isDash(line.content)) return true;
  for (let i = index + 1; i < lines.length; i++) {
    const next = lines[i];
    if (next.blank || next.indent > open.keyColumn) continue;
    return !(next.indent === open.keyColumn && SCHEMA_KEY.test(next.content));
  }
  return true;
}

/**
 * Scans `text` from `from` to `to` inside a quoted scalar; returns the offset just past the closing
 * quote, or undefined when the quote is still open at `to`. In single quotes `''` is a quote in the
 * text; in double quotes a backslash escapes the next character.
 */
export function closingQuote(text: string, from: number, to: number, quote: Quote): number | undefined {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && text[i + 1] === "'" && i + 1 < to) {
      i++;
      continue;
    }
    return i + 1;
  }
  return undefined;
}

/** A quote a line's scalar value opens and does not close on that line, with the column of its key. */
export interface OpenQuote {
  quote: Quote;
  keyColumn: number;
}

/** The quote left open at the end of `line` (not inside a quoted value at its start). */
export function quoteOpenedBy(text: string, line: Line): OpenQuote | undefined {
  if (line.blank || line.comment) return undefined;
  const key = keyOf(line);
  let column = key ? key.valueColumn : line.indent;
  if (!key) {
    // `- 'value'`: an item that is a quoted scalar.
    let rest = line.content;
    while (isDash(rest)) {
      const skipped = rest.length - rest.slice(1).trimStart().length;
      column += skipped;
      rest = rest.slice(skipped);
    }
  }
  const c = text[line.start + column];
  if (c !== '"' && c !== "'") return undefined;
  const closed = closingQuote(text, line.start + column + 1, line.end, c);
  return closed === undefined ? { quote: c, keyColumn: key ? key.keyColumn : line.indent } : undefined;
}

/** Whether an open quote closes on this line (scanning from its start). */
export function closesOn(text: string, line: Line, open: OpenQuote): boolean {
  return closingQuote(text, line.start, line.end, open.quote) !== undefined;
}
