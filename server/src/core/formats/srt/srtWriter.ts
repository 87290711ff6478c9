import type { EpisodeModel } from '../../model';
import { captionCues } from '../cues/captions';
import { cueTimestamp, episodeCues, TimedText } from '../cues/episodeCues';
import { firstWords } from '../../text';
import { counted } from '../shared/sourceItems';
import { hasName, labelReadsBack, needsLabel, speakerLabel, speakerlessWarning } from '../speakers/speakerLabel';
import type { ExportOptions, ExportResult } from '../../convert/types';
import { looksLikeSrtStructure, srtSafeText } from './srtSafeText';

/**
 * SubRip (YouTube captions): the cues numbered from 1, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the text
 * lines, a blank line after each cue. The speaker is a leading `Who: ` on every cue of a named speaker
 * (speakerLabel.ts says why). SRT has no escapes: text players would read as
 * a timing line or markup gets a zero-width space inside (srtSafeText.ts), counted in a warning.
 * Timing: episodeCues.ts; `captions`: captions.ts (the label then counts in the 42 characters).
 */
export function writeSrt(model: EpisodeModel, options: ExportOptions = {}): ExportResult {
  const { cues, warnings } = episodeCues(model);
  const written = options.captions ? captionCues(cues, { labelSpeakers: true }) : labelled(cues);
  const blocks = written.map((cue, i) => `${i + 1}\n${cueTimestamp(cue.startMs, ',')} --> ${cueTimestamp(cue.endMs, ',')}\n${cue.lines.map(srtSafeText).join('\n')}\n`);
  return { text: blocks.join('\n'), warnings: [...warnings, ...unreadableLabels(cues), ...structureWarning(written), ...speakerlessWarning(written)] };
}

function structureWarning(cues: readonly TimedText[]): string[] {
  const count = cues.filter((cue) => cue.lines.some(looksLikeSrtStructure)).length;
  return count === 0 ? [] : [`${counted(count, 'cue')} with text a player would read as a timing line or markup ('-->', '<i>', '{\\an8}'): a zero-width space is written inside each.`];
}

/** Speakers a `Name: ` label cannot carry (more than four words, a `:;,!?`, a digit first …): written as they are, counted. */
function unreadableLabels(cues: readonly TimedText[]): string[] {
  const names = new Set(cues.map((cue) => cue.who).filter((who): who is string => hasName(who) && !labelReadsBack(who, 'Text.')));
  if (names.size === 0) return [];
  const count = cues.filter((cue) => cue.who !== undefined && names.has(cue.who)).length;
  const shown = [...names].slice(0, 3).map((name) => `'${firstWords(name)}'`).join(', ');
  return [`${counted(count, 'cue')} of ${counted(names.size, 'speaker')} that a leading 'Name: ' cannot carry as written (${shown}${names.size > 3 ? ', …' : ''}): a reader takes them otherwise.`];
}

/** One cue per line, each of a named speaker with `Who: ` in front. */
function labelled(cues: readonly TimedText[]): TimedText[] {
  return cues.map((cue) => (needsLabel(cue.who) ? { ...cue, lines: [speakerLabel(cue.who) + cue.lines[0], ...cue.lines.slice(1)] } : cue));
}
