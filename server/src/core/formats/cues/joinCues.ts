import { formatTime } from '../../time';
import { NewLine } from '../../convert/types';

/**
 * From timed cues (SRT, WebVTT, Podcasting 2.0 JSON) to transcript items. Captions come in
 * fragments of a few seconds; the site's lines are a speaker's turn: so consecutive cues of one
 * speaker join into one line, and a turn longer than `maxLineChars` breaks at sentence ends into
 * several items, each timed by the cue its first word came from.
 */

/** A cue as a reader found it: its start, its text on one line, and its speaker (carried over from earlier cues). */
export interface Cue {
  /** Seconds from the start, fractions kept (items get it floored). */
  start: number;
  text: string;
  speaker?: string;
}

export interface CueOptions {
  /** One item per cue instead of one per turn (`--one-item-per-cue`). */
  oneItemPerCue?: boolean;
  /** A joined turn longer than this many characters breaks at a sentence end (default {@link DEFAULT_MAX_LINE_CHARS}). */
  maxLineChars?: number;
}

/** About the longest line among the site's own (99 % of its 27,764 lines are shorter). */
export const DEFAULT_MAX_LINE_CHARS = 1000;

export function joinCues(cues: readonly Cue[], options: CueOptions = {}): NewLine[] {
  const spoken = cues.filter((cue) => cue.text !== '');
  if (options.oneItemPerCue) return spoken.map((cue) => lineItem(cue.text, cue.start, cue.speaker));
  const max = options.maxLineChars !== undefined && options.maxLineChars > 0 ? options.maxLineChars : DEFAULT_MAX_LINE_CHARS;
  const items: NewLine[] = [];
  let turn: Cue[] = [];
  for (const cue of spoken) {
    if (turn.length > 0 && turn[0].speaker !== cue.speaker) {
      for (const item of turnItems(turn, max)) items.push(item);
      turn = [];
    }
    turn.push(cue);
  }
  if (turn.length > 0) for (const item of turnItems(turn, max)) items.push(item);
  return items;
}

function lineItem(line: string, start: number, who: string | undefined): NewLine {
  const sec = Math.floor(start);
  return who === undefined ? { line, sec, time: formatTime(sec) } : { line, sec, time: formatTime(sec), who };
}

/** One turn's cues as one line, or as several when it is longer than `max`. */
function turnItems(turn: readonly Cue[], max: number): NewLine[] {
  const starts: number[] = [];
  let text = '';
  for (const cue of turn) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += cue.text;
  }
  // Spans come in order: the cue a span starts in is found by walking forward (linear, not a search per span).
  let index = 0;
  return splitAtSentences(text, max).map(([from, to]) => {
    while (index + 1 < starts.length && starts[index + 1] <= from) index++;
    return lineItem(text.slice(from, to), turn[index].start, turn[0].speaker);
  });
}

/** Where a sentence ends: `.`, `!`, `?` or `…`, closing quotes or brackets, then white space (its offset). */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)/g;

/**
 * Spans of `text` no longer than `max` where a sentence end allows: the last sentence end within
 * the limit, else the first after it (a sentence longer than the limit stays whole). Linear in the
 * text: the sentence ends are walked once, never searched again per span (issue 28: a 5 MB cue).
 */
export function splitAtSentences(text: string, max: number): Array<[number, number]> {
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index! + m[0].length).filter((end) => end < text.length);
  const spans: Array<[number, number]> = [];
  let from = 0;
  let next = 0;
  while (text.length - from > max) {
    while (next < ends.length && ends[next] <= from) next++;
    if (next === ends.length) break;
    let last = next;
    while (last + 1 < ends.length && ends[last + 1] - from <= max) last++;
    const cut = ends[last] - from <= max ? ends[last] : ends[next];
    spans.push([from, cut]);
    from = cut;
    while (from < text.length && /\s/.test(text[from])) from++;
  }
  spans.push([from, text.length]);
  return spans;
}
