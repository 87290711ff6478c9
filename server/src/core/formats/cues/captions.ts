import type { Cue, TimedText } from './episodeCues';
import { charCount, shareSpan, textWeight } from './shareTime';
import { needsLabel, speakerLabel } from '../speakers/speakerLabel';
import { wordsOf } from '../shared/sourceItems';

/**
 * `--captions`: caption-sized cues for YouTube and players instead of one cue per line. Each cue's
 * text is wrapped at word boundaries into lines of at most 42 characters (a longer word is cut),
 * two lines a caption. A cue's captions share the cue's own time by their characters (shareTime.ts):
 * starts stay strictly increasing, every end is after its start and at or before the next start.
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
  for (const cue of cues) {
    const text = cue.lines.join(' ');
    const label = options.labelSpeakers && needsLabel(cue.who) ? speakerLabel(cue.who) : '';
    const captions = wrapCaptions(label + text);
    // The cue's own time, shared among its captions by their characters: cues do not overlap, so neither do captions.
    const starts = shareSpan(cue.startMs, cue.endMs, captions.map(textWeight), previousStart);
    previousStart = starts[starts.length - 1];
    captions.forEach((lines, i) => out.push({ startMs: starts[i], endMs: i + 1 < captions.length ? starts[i + 1] : cue.endMs, who: cue.who, lines }));
  }
  // A cue squeezed past its end by the 1 ms steps ends where the next caption begins.
  out.forEach((caption, i) => {
    const next = out[i + 1]?.startMs;
    caption.endMs = Math.max(caption.startMs + 1, next !== undefined ? Math.min(caption.endMs, next) : caption.endMs);
  });
  return out;
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
