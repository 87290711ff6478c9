/**
 * The readings of a broken value: what the writer may have meant, each as the value's new text.
 * Every reading only adds, removes or doubles quotes and backslashes, or moves line breaks and
 * indentation: the writer's other characters stay, in order.
 */

export type Reading = {
  /** What it does, completed with where by the caller (`Close the quote of` + ` header 'Soup…'`). */
  action: string;
  text: string;
  /** Whether a person would take it as what was meant; several plausible readings are offered, none preferred. */
  plausible: boolean;
};

type Quote = '"' | "'";

/** Readings of the quoting of a value written as `raw` (from its first character to its last non-blank one). */
export function quoteReadings(raw: string): Reading[] {
  const first = raw[0];
  if (first !== '"' && first !== "'") return plainReadings(raw);
  const quote = first as Quote;
  const bare = bareQuotes(raw, quote);
  const closed = bare.length > 0 && bare[bare.length - 1] === raw.length - 1;
  const inner = closed ? bare.slice(0, -1) : bare;
  const count = `${inner.length} inner quote${inner.length === 1 ? '' : 's'}`;
  if (closed && inner.length === 0) return [];
  if (closed) {
    const readings: Reading[] = [{ action: `Escape ${count} in`, text: escapeAt(raw, inner, quote), plausible: true }];
    // A quote at the end of a line may instead close a value that was later continued below it.
    const early = inner.filter((at) => /^\r?\n/.test(raw.slice(at + 1)));
    if (early.length === 1) readings.push({ action: 'Remove the quote that ends early in', text: raw.slice(0, early[0]) + raw.slice(early[0] + 1), plausible: true });
    // `"Soup", she said, "is data"`: the outer quotes may be the text's own quotations.
    if (opensQuotation(raw)) readings.push({ action: 'Quote the', text: singleQuoted(raw), plausible: true });
    return readings;
  }
  if (inner.length === 0) return [{ action: 'Close the quote of', text: closeAtEnd(raw, quote), plausible: true }];
  // The quote closes early and text follows: an apostrophe or inner quotes, or a quotation that starts the text.
  const quotation = opensQuotation(raw);
  return [
    { action: `Escape ${count} and close the quote of`, text: closeAtEnd(escapeAt(raw, inner, quote), quote), plausible: !quotation || inner.length > 1 },
    { action: 'Quote the', text: singleQuoted(raw), plausible: quotation },
  ];
}

/** The value's first quote is closed by a quote that ends a word, followed by more text: `"Soup" for beginners`. */
export function opensQuotation(raw: string): boolean {
  const quote = raw[0];
  if (quote !== '"' && quote !== "'") return false;
  const close = bareQuotes(raw, quote)[0];
  if (close === undefined || close === raw.length - 1) return false;
  const apostrophe = isLetter(raw[close - 1]) && isLetter(raw[close + 1]);
  // Text follows on the same line (a quote at the end of a line is the one that ends a value early).
  return !apostrophe && /^[ \t,.;:!?)]+[^\s]/.test(raw.slice(close + 1));
}

/** A plain value that YAML reads as a key, a comment or an indicator: the whole text, quoted. */
function plainReadings(raw: string): Reading[] {
  const flat = raw.replace(/\s*\n\s*/g, ' ');
  if (!/: |:$| #|^[@`%]/.test(flat)) return [];
  return [{ action: 'Quote the', text: singleQuoted(raw), plausible: true }];
}

/** Offsets of the quotes in `raw` (after the opening one) that a YAML parser reads as closing. */
export function bareQuotes(raw: string, quote: Quote): number[] {
  const found: number[] = [];
  for (let i = 1; i < raw.length; i++) {
    const c = raw[i];
    if (quote === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c !== quote) continue;
    if (quote === "'" && raw[i + 1] === "'" && i + 1 < raw.length - 1) {
      i++;
      continue;
    }
    found.push(i);
  }
  return found;
}

function escapeAt(raw: string, offsets: number[], quote: Quote): string {
  const escape = quote === '"' ? '\\"' : "''";
  let out = '';
  let last = 0;
  for (const at of offsets) {
    out += raw.slice(last, at) + escape;
    last = at + 1;
  }
  return out + raw.slice(last);
}

function closeAtEnd(raw: string, quote: Quote): string {
  // A trailing backslash would escape the new closing quote: it is text, so double it.
  const body = quote === '"' && /(^|[^\\])(\\\\)*\\$/.test(raw) ? raw + '\\' : raw;
  return body + quote;
}

/**
 * The whole value as text in single quotes, the way PyYAML writes a string that needs quoting (its
 * quotes doubled, its wrapping kept: single-quoted lines fold like plain ones). Text that holds a
 * control character cannot be single-quoted and gets no such reading.
 */
function singleQuoted(raw: string): string {
  return `'${raw.replace(/'/g, "''")}'`;
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}|\p{N}/u.test(c);
}

/** Continuation lines moved right of the key, to `indent` columns, the way the site's files wrap (blank lines stay blank). */
export function indentContinuation(raw: string, indent: number): string {
  const lines = raw.split('\n');
  return lines.map((line, i) => {
    if (i === 0 || line.trim() === '') return line;
    let column = 0;
    while (line[column] === ' ') column++;
    return column >= indent ? line : ' '.repeat(indent - column) + line;
  }).join('\n');
}

/** A short value (a time label) broken over lines: the line breaks and the indentation around them go. */
export function joinLines(raw: string): string {
  return raw.replace(/[ \t]*\r?\n[\s]*/g, '');
}
