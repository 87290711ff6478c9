import type { FrontMatter } from '../model';

const OPENING = /^\uFEFF?---[ \t]*(\r\n|\n|\r)/;
// Only CR and LF end lines here, as in YAML (JavaScript's `^`/`$` would also break at U+2028).
const LINE_BREAK = /\r\n|\n|\r/g;
const CLOSING_LINE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Finds the front matter the way Jekyll does: a `---` line at the very start of the file
 * (a byte-order mark is tolerated), then YAML up to a `---` (or `...`) line.
 */
export function findFrontMatter(text: string): FrontMatter | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const contentStart = opening[0].length;
  const openingSpan = { start: text.startsWith('\uFEFF') ? 1 : 0, end: contentStart - opening[1].length };
  let lineStart = contentStart;
  LINE_BREAK.lastIndex = contentStart;
  for (;;) {
    const lineBreak = LINE_BREAK.exec(text);
    const lineEnd = lineBreak ? lineBreak.index : text.length;
    const first = text.charCodeAt(lineStart);
    if ((first === 0x2d || first === 0x2e) && CLOSING_LINE.test(text.slice(lineStart, lineEnd))) {
      return { contentStart, contentEnd: lineStart, opening: openingSpan, closed: true };
    }
    if (!lineBreak) break;
    lineStart = LINE_BREAK.lastIndex;
  }
  return { contentStart, contentEnd: text.length, opening: openingSpan, closed: false };
}
