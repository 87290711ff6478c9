import type { Cue, TimedText } from './episodeCues';
import { needsLabel, speakerLabel } from '../speakers/speakerLabel';
import { wordsOf } from '../shared/sourceItems';

/**
 * `--captions`: caption-sized cues for YouTube and players instead of one cue per line. Each cue's
 * text is wrapped at word boundaries into lines of at most 42 characters (a longer word is cut),
 * two lines a caption. The cues of one second (which share their end) are laid out one after the
 * other over that second's time span, each caption getting a share proportional to its characters;
 * starts stay strictly increasing and every end is after its start.
 */

export const CAPTION_LINE_CHARS = 42;
export const CAPTION_LINES = 2;

export interface CaptionOptions {
  /** SRT: the first caption of a speaker change carries `Who: ` inside its wrapped text. */
  labelSpeakers?: boolean;
}

export function captionCues(cues: readonly Cue[], options: CaptionOptions = {}): TimedText[] {
  const out: TimedText[] = [];
  let previousStart = -1;
  for (const group of secondGroups(cues)) {
    const captions: { who?: string; lines: string[] }[] = [];
    for (const cue of group) {
      const text = cue.lines.join(' ');
      const label = options.labelSpeakers && needsLabel(cue.who) ? speakerLabel(cue.who) : '';
      for (const lines of wrapCaptions(label + text)) captions.push({ who: cue.who, lines });
    }
    const from = group[0].startMs;
    const to = group[group.length - 1].endMs;
    const total = captions.reduce((sum, caption) => sum + captionChars(caption.lines), 0);
    let done = 0;
    const starts = captions.map((caption) => {
      const start = Math.max(from + Math.floor(((to - from) * done) / total), previousStart + 1);
      done += captionChars(caption.lines);
      previousStart = start;
      return start;
    });
    captions.forEach((caption, i) => {
      const end = i + 1 < captions.length ? starts[i + 1] : to;
      out.push({ startMs: starts[i], endMs: Math.max(end, starts[i] + 1), who: caption.who, lines: caption.lines });
    });
  }
  return out;
}

/** Consecutive cues of the same second (they share their end). */
function secondGroups(cues: readonly Cue[]): Cue[][] {
  const groups: Cue[][] = [];
  for (const cue of cues) {
    const last = groups[groups.length - 1];
    if (last && last[0].sec === cue.sec) last.push(cue);
    else groups.push([cue]);
  }
  return groups;
}

function captionChars(lines: readonly string[]): number {
  return Math.max(1, lines.reduce((sum, line) => sum + charCount(line), 0));
}

/** Characters as a viewer counts them (code points, not UTF-16 units). */
function charCount(text: string): number {
  // Surrogate pairs are rare: count them only where there are any.
  return /[\uD800-\uDBFF]/.test(text) ? [...text].length : text.length;
}

/** A text as captions of at most two lines of at most 42 characters, words kept whole where they fit. */
export function wrapCaptions(text: string): string[][] {
  const lines = wrapLines(text, CAPTION_LINE_CHARS);
  const captions: string[][] = [];
  for (let i = 0; i < lines.length; i += CAPTION_LINES) captions.push(lines.slice(i, i + CAPTION_LINES));
  return captions;
}

function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  let currentChars = 0;
  for (const word of wordsOf(text).flatMap((w) => pieces(w, width))) {
    const chars = charCount(word);
    if (current === '') [current, currentChars] = [word, chars];
    else if (currentChars + 1 + chars <= width) [current, currentChars] = [`${current} ${word}`, currentChars + 1 + chars];
    else {
      lines.push(current);
      [current, currentChars] = [word, chars];
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** A word longer than a line, cut into line-sized pieces (by code point, so no surrogate pair is split). */
function pieces(word: string, width: number): string[] {
  if (word.length <= width) return [word];
  const chars = [...word];
  if (chars.length <= width) return [word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}
