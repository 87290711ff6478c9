/** What SRT and WebVTT cue text share: lines joined, markup dropped, and a leading `Name:` read as the speaker. */

/**
 * `Name: text` at the start of a cue: a name of at most four words, starting with a letter, with
 * no digits-only word and none of `:;,!?` in it (`Alexey: Hi`, `Speaker 1: Hi`, `SPEAKER_00: Hi`,
 * `Dr. Jane Roe: Hi`). Longer prefixes are speech (`So the answer is: yes`).
 */
const LEADING_SPEAKER = /^(\p{L}[\p{L}\p{M}\p{N}_.'’-]*(?: [\p{L}\p{M}\p{N}_.'’-]+){0,3}):[ \t]+(?=\S)/u;

export interface CueSpeech {
  speaker?: string;
  text: string;
}

/** Splits a leading `Name: ` off a cue's text; the text alone when there is none. */
export function leadingSpeaker(text: string): CueSpeech {
  const match = LEADING_SPEAKER.exec(text);
  if (!match) return { text };
  return { speaker: match[1], text: text.slice(match[0].length).trim() };
}

/** A cue's lines as one line: each trimmed, joined with one space, runs of white space as one. */
export function joinCueLines(lines: readonly string[]): string {
  return lines.map((line) => line.trim()).filter((line) => line !== '').join(' ').replace(/\s+/g, ' ');
}

/** SRT's common markup (`<i>`, `<b>`, `<u>`, `<font …>`, `{\an8}`): dropped, the text kept. */
export function stripSrtMarkup(text: string): string {
  return text.replace(/<\/?(?:i|b|u|font)(?:\s[^>]*)?>/gi, '').replace(/\{\\[^}]*\}/g, '');
}
