/** What SRT and WebVTT cue text share: lines joined, markup dropped, and a leading `Label:` split off. */

/**
 * `Label: text` at the start of a cue: up to six words before the first `: `, none of `!?;,"` in them
 * (Zoom writes whatever name a participant typed: `priya r`, `Sam (iPad)`). Whether a label is a
 * speaker is for ../speakers/cueSpeakers.ts to say.
 */
const LABEL = /^([^\s:][^:!?;,"]{0,59}?):[ \t]+(?=\S)/u;
const MAX_LABEL_WORDS = 6;

export interface CueSpeech {
  speaker?: string;
  text: string;
}

/** Splits a leading `Label: ` off a cue's text; the text alone when there is none. */
export function leadingSpeaker(text: string): CueSpeech {
  const match = LABEL.exec(text);
  const label = match?.[1].replace(/\s+/g, ' ').trim();
  if (!match || !label || label.split(' ').length > MAX_LABEL_WORDS) return { text };
  return { speaker: label, text: text.slice(match[0].length).trim() };
}

/** A cue's lines as one line: each trimmed, joined with one space, runs of white space as one. */
export function joinCueLines(lines: readonly string[]): string {
  return lines.map((line) => line.trim()).filter((line) => line !== '').join(' ').replace(/\s+/g, ' ');
}

/**
 * SRT's markup as players drop it: the tags they know (`<i>`, `<b>`, `<u>`, `<s>`, `<font …>`, WebVTT's
 * `<v …>`, `<c.x>`, HTML's `<span>`, `<br>` …) and ASS overrides (`{\an8}`); the text kept. Anything
 * else in angle brackets is text (`for <an hourly amount>`).
 */
const SRT_TAG = /<\/?(?:i|b|u|s|font|v|c|span|em|strong|small|big|sub|sup|br|ruby|rt|lang)(?=[\s./>])[^<>]*>/gi;

export function stripSrtMarkup(text: string): string {
  return text.replace(SRT_TAG, '').replace(/\{\\[^}]*\}/g, '');
}
