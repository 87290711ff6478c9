import { leadingSpeaker } from '../cues/cueText';
import type { TimedText } from '../cues/episodeCues';
import { counted } from '../shared/sourceItems';

/**
 * The speaker as a leading `Who: ` (SRT, which has no voice tag), on every cue of a named speaker:
 * readers (../speakers/cueSpeakers.ts) believe a label that opens every cue, or a name that opens
 * more than one, and a label written only where the speaker changes would be a one-off for a speaker
 * who talks once, or for the only speaker of a solo episode.
 */

export function needsLabel(who: string | undefined): who is string {
  return hasName(who);
}

/** `Who: `, white space folded and a trailing `:` dropped (`Alexey:` would read as no speaker at all). */
export function speakerLabel(who: string): string {
  return `${who.replace(/\s+/g, ' ').trim().replace(/:+$/, '')}: `;
}

/** Whether a reader takes `Who: text` back as exactly this speaker and this text. */
export function labelReadsBack(who: string, text: string): boolean {
  const read = leadingSpeaker(speakerLabel(who) + text);
  return read.speaker === who && read.text === text.trim();
}

export function hasName(who: string | undefined): who is string {
  return who !== undefined && /\S/.test(who);
}

/**
 * Cues with no speaker right after cues with one: a reader carries the speaker before over to them,
 * and the format has no way to say "nobody". Said once, counted.
 */
export function speakerlessWarning(cues: readonly TimedText[]): string[] {
  let named = false;
  let count = 0;
  for (const cue of cues) {
    if (hasName(cue.who)) named = true;
    else if (named) count++;
  }
  return count === 0 ? [] : [`${counted(count, 'cue')} with no speaker after a named one: a reader takes them for the speaker before.`];
}
