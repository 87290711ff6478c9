import type { EpisodeModel } from '../model';
import { captionCues } from './captions';
import { cueTimestamp, episodeCues, TimedText } from './cues';
import { needsLabel, speakerLabel, speakerlessWarning } from './speakerLabel';
import type { ExportOptions, ExportResult } from './types';

/**
 * SubRip (YouTube captions): the cues numbered from 1, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the text
 * lines, a blank line after each cue. The speaker is a leading `Who: ` when it changes (or when the
 * text itself begins like a label: speakerLabel.ts). Text is written as it is: SRT has no escapes.
 * Timing: cues.ts; `captions`: captions.ts (the label then counts in the 42 characters).
 */
export function writeSrt(model: EpisodeModel, options: ExportOptions = {}): ExportResult {
  const { cues, warnings } = episodeCues(model);
  const written = options.captions ? captionCues(cues, { labelSpeakers: true }) : labelled(cues);
  const blocks = written.map((cue, i) => `${i + 1}\n${cueTimestamp(cue.startMs, ',')} --> ${cueTimestamp(cue.endMs, ',')}\n${cue.lines.join('\n')}\n`);
  return { text: blocks.join('\n'), warnings: [...warnings, ...speakerlessWarning(written)] };
}

/** One cue per line, each with `Who: ` in front where the speaker changes. */
function labelled(cues: readonly TimedText[]): TimedText[] {
  let previousWho: string | undefined;
  return cues.map((cue) => {
    const lines = [...cue.lines];
    if (needsLabel(cue.who, previousWho, lines[0])) lines[0] = speakerLabel(cue.who!) + lines[0];
    previousWho = cue.who;
    return { ...cue, lines };
  });
}
