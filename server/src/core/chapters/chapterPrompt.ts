import { getField } from '../fields';
import type { EpisodeModel } from '../model';
import { ConvertError } from '../convert/types';
import { clockLabel } from './chapterTime';
import { MAX_SUGGESTED_CHAPTERS } from './readChapters';

/**
 * What Suggest Chapters asks a language model, in the way the site's generate_podcast_timestamps.py
 * asks: at most 30 chapters, one `HH:MM:SS Topic` line each, short topic phrases, nothing else.
 * The model sees the transcript as `[HH:MM:SS] Speaker: text` lines on the transcript's own times
 * (an untimed continuation line carries the time of the timed line before it), so every time it
 * answers with is one the transcript has.
 */
export function chapterPrompt(model: EpisodeModel): string {
  if (model.syntaxErrors.length > 0) throw new ConvertError('the front matter does not parse; fix it first (transcript-lint names the problem)');
  const items = model.transcript?.items ?? [];
  const lines: string[] = [];
  let sec: number | undefined;
  for (const item of items) {
    if (item.kind !== 'line') continue;
    if (item.sec !== undefined) sec = item.sec;
    if (sec === undefined) continue;
    const who = item.who?.trim() ? `${item.who.trim()}: ` : '';
    lines.push(`[${clockLabel(sec)}] ${who}${item.line!.replace(/\s+/g, ' ').trim()}`);
  }
  if (lines.length === 0) throw new ConvertError('the transcript has no timed lines to make chapters of');
  const title = getField(model.topLevel, 'title');
  const heading = title?.kind === 'string' ? `Episode: ${String(title.value).replace(/\s+/g, ' ').trim()}\n\n` : '';
  return `You are an expert creating timestamps for a podcast episode.

TASK: Write chapters that help listeners navigate the episode below.

REQUIREMENTS:
- At most ${MAX_SUGGESTED_CHAPTERS} chapters, in time order, the first where the conversation starts
- Each chapter starts at a time that appears in the transcript below (the [HH:MM:SS] before a line)
- A structured outline of the major topics; not over-granular
- Concise nominative phrases that say what is covered, not what is asked (write "Open Source Contribution: Starting Small", not "How to contribute to open source?")
- No speaker names or questions unless essential

FORMAT: one chapter per line, HH:MM:SS Topic, for example:
00:02:39 Guest Background: From Physics to Data Engineering
00:11:05 Building the First Data Platform

Answer with the chapter lines only.

${heading}TRANSCRIPT:
${lines.join('\n')}
`;
}
