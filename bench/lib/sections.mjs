// A script's own section of bench/RESULTS.md, between its two markers: replaced in place, or added at
// the end; the rest of the file is left as it is (npm run bench rewrites the rest and keeps these).
import { existsSync, readFileSync } from 'node:fs';

/** `text` with the section between `start` and `end` replaced by `section` (which holds both markers), or added. */
export function replaceSection(text, start, end, section) {
  const at = text.indexOf(start);
  return at >= 0 ? text.slice(0, at) + section + text.slice(text.indexOf(end) + end.length) : `${text.trimEnd()}\n\n${section}\n`;
}

/** The section between `start` and `end` in `file` (markers included), or '' when it has none. */
export function sectionOf(file, start, end) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(start);
  return at >= 0 ? text.slice(at, text.indexOf(end) + end.length) : '';
}
