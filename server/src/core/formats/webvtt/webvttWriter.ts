import type { EpisodeModel } from '../../model';
import { captionCues } from '../cues/captions';
import { cueTimestamp, episodeCues, TimedText } from '../cues/episodeCues';
import { hasName, speakerlessWarning } from '../speakers/speakerLabel';
import type { ExportOptions, ExportResult } from '../../convert/types';

/**
 * WebVTT (Apple Podcasts, browsers' `<track>`, YouTube): `WEBVTT`, a blank line, then per cue
 * `HH:MM:SS.mmm --> HH:MM:SS.mmm` and its text lines, the speaker as a `<v Who>` voice span. Text is
 * escaped as WebVTT cue text needs (`&` `<` `>` as `&amp;` `&lt;` `&gt;`), so it never holds a tag
 * or `-->`; no cue holds a blank line. Timing: episodeCues.ts; `captions`: captions.ts.
 */
export function writeWebVtt(model: EpisodeModel, options: ExportOptions = {}): ExportResult {
  const { cues, warnings } = episodeCues(model);
  const written: TimedText[] = options.captions ? captionCues(cues) : cues;
  const blocks = written.map(webVttCue);
  return { text: `WEBVTT\n\n${blocks.join('\n')}`, warnings: [...warnings, ...speakerlessWarning(written)] };
}

function webVttCue(cue: TimedText): string {
  const voice = hasName(cue.who) ? `<v ${escapeAnnotation(cue.who)}>` : '';
  const text = cue.lines.map(escapeCueText);
  text[0] = voice + text[0];
  return `${cueTimestamp(cue.startMs, '.')} --> ${cueTimestamp(cue.endMs, '.')}\n${text.join('\n')}\n`;
}

export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A voice span's annotation: one line, white space folded (as the parser folds it), `>` and `&` escaped. */
export function escapeAnnotation(who: string): string {
  return escapeCueText(who.replace(/\s+/g, ' ').trim());
}
