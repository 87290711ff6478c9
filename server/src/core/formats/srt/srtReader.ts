import { joinCueLines, leadingSpeaker, stripSrtMarkup } from '../cues/cueText';
import { Cue, CueOptions, joinCues } from '../cues/joinCues';
import type { ReadResult } from '../shared/readResult';
import { clip, plural, textLines } from '../shared/textLines';
import { ConvertError } from '../../convert/types';

/**
 * SubRip (`.srt`): blocks separated by blank lines, each an optional number, a timing line
 * `HH:MM:SS,mmm --> HH:MM:SS,mmm` and the text. A leading `Name: ` names the speaker, who carries over to
 * the following cues until another name appears. `sec` is the cue's start, floored.
 */

const TIMING = /^(\d+):(\d\d):(\d\d)[,.](\d{1,3})[ \t]*-->[ \t]*(\d+):(\d\d):(\d\d)[,.](\d{1,3})(?:[ \t].*)?$/;

export function readSrt(text: string, options: CueOptions = {}): ReadResult {
  const lines = textLines(text);
  const cues: Cue[] = [];
  let speaker: string | undefined;
  let empty = 0;
  let i = 0;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    if (/^\d+$/.test(lines[i].trim())) {
      i++;
      if (i >= lines.length || lines[i].trim() === '') throw new ConvertError(`cue ${lines[i - 1].trim()} has no timing line after its number`, { line: i });
    }
    const [start] = srtTiming(lines[i], i + 1);
    i++;
    const body: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') body.push(stripSrtMarkup(lines[i++]));
    const said = leadingSpeaker(joinCueLines(body));
    speaker = said.speaker ?? speaker;
    if (said.text === '') empty++;
    cues.push({ start, text: said.text, speaker });
  }
  const items = joinCues(cues, options);
  if (items.length === 0) throw new ConvertError('no cue with text found: nothing to import');
  return { items, warnings: empty > 0 ? [`${plural(empty, 'cue')} without text skipped`] : [] };
}

/** A timing line's start and end in seconds; anything else is refused with its line number. */
function srtTiming(line: string, lineNumber: number): [number, number] {
  const match = TIMING.exec(line.trim());
  if (!match) {
    const what = line.includes('-->') || /^\s*\d+:/.test(line) ? `malformed cue timing '${line.trim()}'` : `expected a cue number or timing, found '${clip(line.trim())}'`;
    throw new ConvertError(`${what} (a cue starts with a timing such as 00:01:02,000 --> 00:01:04,500)`, { line: lineNumber });
  }
  const start = seconds(match.slice(1, 5), lineNumber);
  const end = seconds(match.slice(5, 9), lineNumber);
  if (end < start) throw new ConvertError(`the cue ends (${match[5]}:${match[6]}:${match[7]}) before it starts (${match[1]}:${match[2]}:${match[3]})`, { line: lineNumber });
  return [start, end];
}

function seconds([h, m, s, ms]: string[], lineNumber: number): number {
  if (Number(m) > 59 || Number(s) > 59) throw new ConvertError(`malformed cue timing: minutes and seconds go up to 59, not '${h}:${m}:${s}'`, { line: lineNumber });
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;
}
