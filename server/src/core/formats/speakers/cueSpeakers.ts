import { leadingSpeaker } from '../cues/cueText';
import { isPlaceholderSpeaker } from './speakers';
import type { Cue } from '../cues/joinCues';

/**
 * Who speaks in each cue of a caption file (SRT, WebVTT). A `<v Name>` voice always names the
 * speaker. A leading `Name: ` does only when it is believable: either every cue with text opens
 * with such a label and some labels come again (Zoom's and similar transcripts), or the label looks
 * like a name and every cue has a label one of which is a placeholder, or the label looks
 * like a name (one to four capitalised words: `Priya Raman`, `Speaker 1`, `SPEAKER_00`, `Dr. Jane Roe`) and opens at least one
 * other cue too, or it is a transcription service's placeholder (`Speaker 1`, `SPEAKER_00`), which
 * no sentence begins with. Anything else (`We're here: the final episode!`, a lone `Because:`, a stray
 * `NAME: Mm-hmm`) stays part of the text. A speaker carries over to the following unlabelled cues
 * only from a voice with text or a label that passed.
 */

/** A cue as a reader found it, before speakers are settled. */
export interface ReadCue {
  start: number;
  /** The cue's text on one line, markup removed. */
  text: string;
  /** The name of a `<v>` voice span the text is in. */
  voice?: string;
}

export function assignSpeakers(cues: readonly ReadCue[]): Cue[] {
  const labels = cues.map((cue) => (cue.voice === undefined ? leadingSpeaker(cue.text) : undefined));
  const believed = believedLabels(cues, labels);
  let speaker: string | undefined;
  return cues.map((cue, i) => {
    if (cue.voice !== undefined) {
      // A voice with no text (`<v Bob></v>`) names nobody who speaks.
      if (cue.voice !== '' && cue.text !== '') speaker = cue.voice;
      return { start: cue.start, text: cue.text, speaker };
    }
    const label = labels[i]!;
    if (label.speaker === undefined || !believed(label.speaker)) return { start: cue.start, text: cue.text, speaker };
    speaker = label.speaker;
    return { start: cue.start, text: label.text, speaker };
  });
}

/** Which labels are speakers in this file. */
function believedLabels(cues: readonly ReadCue[], labels: ReadonlyArray<{ speaker?: string } | undefined>): (label: string) => boolean {
  const unvoiced = labels.filter((label, i): label is { speaker?: string } => label !== undefined && cues[i].text !== '');
  const opens = new Map<string, number>();
  for (const label of unvoiced) if (label.speaker !== undefined) opens.set(label.speaker, (opens.get(label.speaker) ?? 0) + 1);
  const throughout = unvoiced.length >= 2 && unvoiced.every((label) => label.speaker !== undefined);
  // Labels throughout, and some of them again: names (a file of sentences with colons has no repeats).
  if (throughout && opens.size < unvoiced.length) return () => true;
  // Labels throughout, one a service's placeholder (`Speaker 1:`, then `Ilse:` once): the others that look like names are names too.
  const besidePlaceholder = throughout && [...opens.keys()].some(isPlaceholderSpeaker);
  return (label) => isPlaceholderSpeaker(label) || (((opens.get(label) ?? 0) >= 2 || besidePlaceholder) && looksLikeName(label));
}

// A word of a name: capitalised (`Priya`, `O'Neil`, `Dr.`, `Jean-Luc`), all capitals or digits with `_`
// (`SPEAKER_00`), a number after the first word (`Speaker 1`), or a particle inside (`van`, `de`).
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const CAPITALS = /^\p{Lu}[\p{Lu}\p{N}_]*$/u;
const NUMBER = /^\p{N}+$/u;
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'du', 'la', 'le', 'bin', 'al', 'ter']);

/** One to four capitalised words: a name, not the start of a sentence. */
export function looksLikeName(label: string): boolean {
  const words = label.split(' ');
  if (words.length > 4 || !(CAPITALISED.test(words[0]) || CAPITALS.test(words[0]))) return false;
  return words.every((word, i) => CAPITALISED.test(word) || CAPITALS.test(word) || (i > 0 && (NUMBER.test(word) || (i < words.length - 1 && PARTICLES.has(word)))));
}
