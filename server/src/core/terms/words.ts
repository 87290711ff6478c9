/**
 * The words of a text as the transcription wrote them, with their offsets. Only plain words count:
 * a chunk holding digits, `@`, `/`, `_`, `=` or a dot inside (numbers, URLs, e-mail addresses,
 * file and code names) is skipped whole, and so is everything in square brackets (`[chuckles]`).
 * A possessive `'s` is left outside the word.
 */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** The word ends a clause (`.`, `,`, `?`…): a two-word term does not run across it. */
  endsClause: boolean;
  /** A word in quotation marks of its own (`“aber”`): a word talked about, often of another language. */
  quoted?: boolean;
}

const LEADING = /^[("'“‘*]+/;
const TRAILING = /[)"'”’*,.;:!?…]+$/;
const PLAIN = /^[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z\u00C0-\u024F]+)*$/;
const POSSESSIVE = /['’]s$/i;

function count(chunk: string, char: string): number {
  let n = 0;
  for (let at = chunk.indexOf(char); at >= 0; at = chunk.indexOf(char, at + 1)) n++;
  return n;
}

export function wordsIn(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  forEachWordSpan(text, from, to, (start, end, endsClause, quoted) => {
    const word = text.slice(start, end);
    words.push(quoted ? { text: word, start, end, endsClause, quoted } : { text: word, start, end, endsClause });
  });
  return words;
}

/** What forEachWordSpan calls for each word: the word is `text.slice(start, end)`. */
export type WordSpanVisitor = (start: number, end: number, endsClause: boolean, quoted: boolean) => void;

/**
 * The words of wordsIn as offsets only (the site's count reads every line of every episode, and
 * looks each word up by its characters: no string made for it). Scanned by character codes, not
 * regular expressions: no match array and no chunk string for the plain words that most chunks are.
 */
export function forEachWordSpan(text: string, from: number, to: number, visit: WordSpanVisitor): void {
  let bracketDepth = 0;
  let at = from;
  while (at < to) {
    while (at < to && isSpace(text.charCodeAt(at))) at++;
    if (at >= to) break;
    const chunkStart = at;
    while (at < to && !isSpace(text.charCodeAt(at))) at++;
    // Most chunks are a plain word, perhaps ending a clause: the quick way.
    const letters = bracketDepth === 0 ? plainWordEnd(text, chunkStart, at) : -1;
    if (letters > 0) {
      visit(chunkStart, letters, letters < at, false);
      continue;
    }
    const chunk = text.slice(chunkStart, at);
    const opens = count(chunk, '[');
    const closes = count(chunk, ']');
    const inBrackets = bracketDepth > 0 || opens > 0;
    bracketDepth = Math.max(0, bracketDepth + opens - closes);
    if (inBrackets) continue;
    const lead = LEADING.exec(chunk)?.[0].length ?? 0;
    const trail = TRAILING.exec(chunk.slice(lead))?.[0] ?? '';
    const start = chunkStart - from + lead;
    const cores: { text: string; start: number }[] = [];
    for (const part of splitHyphens(chunk.slice(lead, chunk.length - trail.length), start)) {
      let core = part.text;
      if (!PLAIN.test(core)) continue;
      if (POSSESSIVE.test(core) && core.length > 3) core = core.slice(0, -2);
      cores.push({ text: core, start: from + part.start });
    }
    const endsClause = /[,.;:!?…)]/.test(trail);
    const quoted = cores.length === 1 && /["“‘']/.test(chunk.slice(0, lead)) && /["”’']/.test(trail);
    cores.forEach((core, k) => visit(core.start, core.start + core.text.length, k === cores.length - 1 && endsClause, quoted));
  }
}

/** JavaScript's `\s`: the white space and line terminators of ECMAScript. */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Letters (A–Z, a–z, U+00C0–U+024F) then only clause punctuation (`,.;:!?…`) to the chunk's end: where the letters end; else -1. */
function plainWordEnd(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && isLetter(text.charCodeAt(at))) at++;
  if (at === start) return -1;
  for (let k = at; k < end; k++) if (!isClausePunctuation(text.charCodeAt(k))) return -1;
  return at;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f);
}

/** `,` `.` `;` `:` `!` `?` `…` */
function isClausePunctuation(code: number): boolean {
  return code === 44 || code === 46 || code === 59 || code === 58 || code === 33 || code === 63 || code === 0x2026;
}

/** `state-of-the-art` is three words; a leading or trailing hyphen is no word at all. */
function splitHyphens(chunk: string, start: number): { text: string; start: number }[] {
  if (!chunk.includes('-')) return [{ text: chunk, start }];
  const parts: { text: string; start: number }[] = [];
  let at = start;
  for (const text of chunk.split('-')) {
    if (text) parts.push({ text, start: at });
    at += text.length + 1;
  }
  return parts;
}
