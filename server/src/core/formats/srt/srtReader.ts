import { joinCueLines, stripSrtMarkup } from '../cues/cueText';
import { CueOptions, joinCues } from '../cues/joinCues';
import type { ReadResult } from '../shared/readResult';
import { clip, plural, textLines } from '../shared/textLines';
import { assignSpeakers, ReadCue } from '../speakers/cueSpeakers';
import { ConvertError } from '../../convert/types';

/**
 * SubRip (`.srt`) as the common players read it: a BOM and CR LF, LF or CR line ends; an optional cue
 * number (gaps and repeats do not matter), a timing line `H:M:S,mmm --> H:M:S,mmm` (comma or dot before
 * the milliseconds, fields of one or two digits, anything after the end time ignored), then the text
 * up to the next cue: a blank line inside the text continues it unless what follows is a timing line
 * or a number followed by one. Tags (`<i>`, `<font …>`, `<s>`, any other) and ASS overrides (`{\an8}`)
 * are removed; ../speakers/cueSpeakers.ts says when a leading `Name: ` is the speaker. A cue whose
 * timing cannot be read is skipped and named; the file is refused only when nothing in it is a cue.
 * `sec` is the cue's start, floored.
 */

const TIMING = /^[ \t]*(\d+):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?[ \t]*-->[ \t]*(\d+):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?(?:[ \t].*)?$/;
/** What is meant as a timing line, readable or not: `00:00:01.5 -> 3`, `0:01,000-->…`. */
const TIMING_LIKE = /^[ \t]*\d+:\d[^>]*->/;
const NUMBER = /^[ \t]*\d+[ \t]*$/;
const SHOWN_SKIPS = 5;

export function readSrt(text: string, options: CueOptions = {}): ReadResult {
  const lines = textLines(text);
  const isCueStart = (i: number) => TIMING_LIKE.test(lines[i]) || (NUMBER.test(lines[i]) && i + 1 < lines.length && TIMING_LIKE.test(lines[i + 1]));
  const cues: ReadCue[] = [];
  const skipped: string[] = [];
  let empty = 0;
  let i = 0;
  while (i < lines.length) {
    if (!isCueStart(i)) {
      if (lines[i].trim() !== '') skipped.push(`line ${i + 1}: '${clip(lines[i].trim())}' (text before the first cue)`);
      i++;
      while (i < lines.length && !isCueStart(i)) i++;
      continue;
    }
    if (!TIMING_LIKE.test(lines[i])) i++;
    const timing = timingLine(i);
    const body: string[] = [];
    for (i++; i < lines.length && !isCueStart(i); i++) body.push(stripSrtMarkup(lines[i]));
    if (typeof timing === 'string') skipped.push(timing);
    else if (joinCueLines(body) === '') empty++;
    else cues.push({ start: timing, text: joinCueLines(body) });
  }
  if (cues.length === 0) throw new ConvertError(skipped.length > 0 ? `no cue could be read: ${skipped[0]}` : 'no cue with text found: nothing to import');
  const warnings: string[] = [];
  if (skipped.length > 0) warnings.push(`${plural(skipped.length, 'block')} not read as a cue, skipped: ${skipped.slice(0, SHOWN_SKIPS).join('; ')}${skipped.length > SHOWN_SKIPS ? '; …' : ''}`);
  if (empty > 0) warnings.push(`${plural(empty, 'cue')} without text skipped`);
  return { items: joinCues(assignSpeakers(cues), options), warnings };

  /** The cue's start in seconds, or why its timing line cannot be read. */
  function timingLine(at: number): number | string {
    const match = TIMING.exec(lines[at]);
    const quoted = `line ${at + 1}: '${clip(lines[at].trim())}'`;
    if (!match) return `${quoted} (a timing reads like 00:01:02,000 --> 00:01:04,500)`;
    if ([match[2], match[3], match[6], match[7]].some((field) => Number(field) > 59)) return `${quoted} (minutes and seconds go up to 59)`;
    return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number((match[4] ?? '0').padEnd(3, '0')) / 1000;
  }
}
