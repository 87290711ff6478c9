import { clipAt } from '../clips';
import type { EpisodeModel, TranscriptItem } from '../model';
import { firstWords } from '../text';
import { formatTime } from '../time';
import type { Span } from '../types';
import { itemAt, momentOf } from './locate';
import { escapeMarkdown } from './markdown';
import { isOnValue, videoHoverLine, videoUrl } from './video';

export interface EpisodeHover {
  /** Markdown; file text in it is escaped, and the only link is a validated YouTube URL. */
  markdown: string;
  span: Span;
}

/** The hover on any part of a transcript item: who, when, and a link to the video at that second. */
export function hoverAt(model: EpisodeModel, offset: number): EpisodeHover | undefined {
  if (!model.isEpisode) return undefined;
  const item = itemAt(model, offset);
  if (!item) return clipHoverAt(model, offset);
  if (!item.isMap) return undefined;
  const lines = [title(item)];
  const moment = momentOf(model, item);
  if (!moment) {
    lines.push(item.header !== undefined ? 'No timed line follows this header.' : 'No timed line before this one, so no time to open.');
  } else {
    const time = formatTime(moment.sec);
    if (moment.borrowed === 'previous') lines.push(`Untimed continuation: uses the previous timed line's time, ${time} (sec ${moment.sec}).`);
    else if (moment.borrowed === 'next') lines.push(`Section starts at ${time} (sec ${moment.sec}), its first timed line.`);
    else lines.push(`At ${time} (sec ${moment.sec}).`);
    // A timed line's `time` links to its own `sec`, the same second.
    const video = videoHoverLine(model, moment.sec, moment.borrowed === undefined && isOnValue(item.fields, 'time', offset));
    if (video) lines.push(video);
  }
  return { markdown: lines.join('\n\n'), span: hoverSpan(item, offset) };
}

function title(item: TranscriptItem): string {
  if (item.header !== undefined) return `**Section:** ${escapeMarkdown(firstWords(item.header, 120))}`;
  const who = item.who !== undefined ? escapeMarkdown(firstWords(item.who, 60)) : '_no speaker_';
  return `**${who}**`;
}

/** The value under the cursor, so the hover stays while the mouse moves within it. */
function hoverSpan(item: TranscriptItem, offset: number): Span {
  for (const field of item.fields) {
    const value = field.valueSpan ?? field.keySpan;
    if (offset >= field.keySpan.start && offset <= value.end) return { start: field.keySpan.start, end: value.end };
  }
  return item.span;
}

/** Used by the command that opens the video at the cursor: the same moment as the hover. */
export function videoAt(model: EpisodeModel, offset: number): { url: string; sec: number } | undefined {
  const item = itemAt(model, offset);
  const moment = item && momentOf(model, item);
  const url = moment && videoUrl(model, moment.sec);
  return url && moment ? { url, sec: moment.sec } : undefined;
}

/**
 * The hover on `quotableClips`, like on transcript lines: the video at the clip's `startOffset` (and
 * `endOffset`), built from the validated `ids.youtube`, never from the clip's own url.
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
