import { readClips } from '../clips';
import type { EpisodeModel } from '../model';
import { getField } from '../fields';
import { formatTime, parseTime } from '../time';
import type { Span } from '../types';
import { videoUrl } from './video';

export interface EpisodeLink {
  span: Span;
  url: string;
  tooltip: string;
}

/**
 * Each `time` value is a Ctrl+click link to the video at its line's second (`sec`, which the site
 * seeks with); so are each clip's `startOffset` and `endOffset`.
 */
export function documentLinks(model: EpisodeModel): EpisodeLink[] {
  const links: EpisodeLink[] = [];
  for (const item of model.transcript?.items ?? []) {
    const time = getField(item.fields, 'time');
    if (!time?.valueSpan) continue;
    const parsed = item.time !== undefined ? parseTime(item.time) : undefined;
    const sec = item.sec ?? (parsed?.ok ? parsed.seconds : undefined);
    const url = sec !== undefined ? videoUrl(model, sec) : undefined;
    if (url) links.push({ span: time.valueSpan, url, tooltip: `Open video at ${formatTime(sec!)}` });
  }
  return [...clipLinks(model), ...links].sort((a, b) => a.span.start - b.span.start);
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
