/**
 * SRT has no escapes, and players read some text as structure: a line with `-->` as a timing line
 * (a spoken `00:00:09,000 --> 00:00:12,000` would start a cue of its own), `<i>`, `<font …>` as
 * markup and `{\an8}` as an ASS override. So a zero-width space (U+200B, invisible on screen) goes
 * inside each: `--\u200B>`, `<\u200Bi>`, `{\u200B\an8}`. Text lines are never blank (cues.ts).
 */

const ZERO_WIDTH_SPACE = '\u200B';
const STRUCTURE = /-->|<(?=\/?[A-Za-z])|\{(?=\\)/g;

export function srtSafeText(line: string): string {
  return line.replace(STRUCTURE, (found) => (found === '-->' ? `--${ZERO_WIDTH_SPACE}>` : found + ZERO_WIDTH_SPACE));
}

export function looksLikeSrtStructure(line: string): boolean {
  STRUCTURE.lastIndex = 0;
  return STRUCTURE.test(line);
}
