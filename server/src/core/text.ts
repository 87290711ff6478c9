/** Small text helpers shared by the parse, messages, symbols, hovers and fixes. */

/** The first words of a text, cut at a word boundary, for labels that must stay short. */
export function firstWords(text: string, maxLength = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), capped for speed. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0][j] = j; continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return Math.min(rows[a.length][b.length], cap + 1);
}

/** Offset → 1-based line number (a CRLF or lone CR ends a line too), by binary search over the line starts. */
export function lineNumberFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * Control characters YAML's readers disagree on (control-character): C0 controls but tab, LF and CR;
 * DEL; C1 controls (NEL among them); the line and paragraph separators.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
const LINE_BREAKING = /[\u0085\u2028\u2029]/g;

/** Text fit for an export: the characters that break a line (NEL, the separators) become spaces, the other controls go. */
export function withoutControlCharacters(text: string): string {
  if (!CONTROL_CHARACTER.test(text)) return text;
  return text.replace(LINE_BREAKING, ' ').replace(CONTROL_CHARACTERS, '');
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
