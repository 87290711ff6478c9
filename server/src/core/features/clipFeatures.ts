import { clipAt, readClips } from '../clips';
import { EpisodeModel, getField } from '../model';
import { firstWords } from '../text';
import { formatTime } from '../time';
import type { EpisodeHover } from './hover';
import type { EpisodeLink } from './links';
import { escapeMarkdown } from './markdown';
import { isOnValue, videoHoverLine, videoUrl } from './video';

/**
 * Hovers and links on `quotableClips`, like on transcript lines: the video at the clip's
 * `startOffset` (and `endOffset`), built from the validated `ids.youtube`, never from the clip's own url.
 */

export function clipHoverAt(model: EpisodeModel, offset: number): EpisodeHover | undefined {
  if (!model.isEpisode) return undefined;
  const clip = clipAt(model, offset);
  if (!clip) return undefined;
  const lines = [clip.name !== undefined ? `**Clip:** ${escapeMarkdown(firstWords(clip.name, 120))}` : `**Clip ${clip.index + 1}**`];
  if (clip.start === undefined) {
    lines.push('No startOffset (a whole number of seconds), so no time to open.');
  } else {
    const range = clip.end !== undefined ? `${formatTime(clip.start)} – ${formatTime(clip.end)} (${clip.end - clip.start} s)` : formatTime(clip.start);
    lines.push(`${range}, startOffset ${clip.start}${clip.end !== undefined ? `, endOffset ${clip.end}` : ''}.`);
    const video = videoHoverLine(model, clip.start, isOnValue(clip.fields, 'startOffset', offset));
    if (video) lines.push(video);
  }
  const field = clip.fields.find((f) => offset >= f.keySpan.start && offset <= (f.valueSpan ?? f.keySpan).end);
  const span = field ? { start: field.keySpan.start, end: (field.valueSpan ?? field.keySpan).end } : clip.span;
  return { markdown: lines.join('\n\n'), span };
}

/** `startOffset` and `endOffset` values are Ctrl+click links to the video at that second. */
export function clipLinks(model: EpisodeModel): EpisodeLink[] {
  const links: EpisodeLink[] = [];
  for (const clip of readClips(model)) {
    for (const [key, sec] of [['startOffset', clip.start], ['endOffset', clip.end]] as const) {
      const field = getField(clip.fields, key);
      const url = sec !== undefined ? videoUrl(model, sec) : undefined;
      if (field?.valueSpan && url) links.push({ span: field.valueSpan, url, tooltip: `Open video at ${formatTime(sec!)}` });
    }
  }
  return links;
}
