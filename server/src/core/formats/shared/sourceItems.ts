import type { EpisodeModel } from '../../model';
import { CONTROL_CHARACTER, lineNumberFinder, withoutControlCharacters } from '../../text';

/**
 * The episode's transcript as the writers need it: headers and spoken lines in file order, with
 * the file line each came from (for warnings). Timings come from `sec` only, never from `time`.
 */

export interface SourceItem {
  kind: 'header' | 'line';
  /** The header's or the line's text, as parsed. */
  text: string;
  /** A whole number of seconds ≥ 0; absent for an untimed (continuation) line. */
  sec?: number;
  who?: string;
  /** 1-based line of the episode file where the item starts. */
  fileLine: number;
}

export interface SourceItems {
  items: SourceItem[];
  warnings: string[];
}

export function readSourceItems(model: EpisodeModel): SourceItems {
  const lineOf = lineNumberFinder(model.text);
  const items: SourceItem[] = [];
  const neither: number[] = [];
  const badSec: number[] = [];
  const controls: number[] = [];
  // Control characters never reach an export (control-character): dropped, and said so.
  const clean = (text: string, fileLine: number) => {
    if (CONTROL_CHARACTER.test(text) && controls[controls.length - 1] !== fileLine) controls.push(fileLine);
    return withoutControlCharacters(text);
  };
  for (const item of model.transcript?.items ?? []) {
    const fileLine = lineOf(item.span.start);
    if (item.kind === 'header') items.push({ kind: 'header', text: clean(item.header!, fileLine), fileLine });
    else if (item.kind === 'line') {
      // A `sec` that is not a whole number ≥ 0 times nothing: the line is exported as untimed (and said so).
      if (item.sec === undefined && item.fields.some((field) => field.key === 'sec')) badSec.push(fileLine);
      const who = item.who === undefined ? undefined : clean(item.who, fileLine);
      items.push({ kind: 'line', text: clean(item.line!, fileLine), sec: item.sec, who, fileLine });
    } else neither.push(fileLine);
  }
  const warnings: string[] = [];
  if (neither.length > 0) warnings.push(`${counted(neither.length, 'item')} neither a line nor a header left out (${fileLines(neither)}).`);
  if (controls.length > 0) warnings.push(`${counted(controls.length, 'item')} holding control characters written without them (${fileLines(controls)}; see control-character).`);
  if (badSec.length > 0) warnings.push(`${counted(badSec.length, 'line')} whose sec is not a whole number of seconds exported as untimed (${fileLines(badSec)}).`);
  return { items, warnings };
}

/** "1 line", "3 lines". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "file line 12" / "file lines 12, 40, 77 and 9 more": where to look, kept short. */
export function fileLines(lines: readonly number[], shown = 5): string {
  const head = lines.slice(0, shown).join(', ');
  const more = lines.length > shown ? ` and ${lines.length - shown} more` : '';
  return `file line${lines.length === 1 ? '' : 's'} ${head}${more}`;
}

/** A spoken text with no line breaks (a cue line never holds a blank line) and no white space at its ends. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|[\r\n\u2028\u2029])[ \t\r\n\u2028\u2029]*/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
}

export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/** The words of a text (what a round trip keeps; white space is the format's to choose). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}
