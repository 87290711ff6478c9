import { getField } from '../fields';
import type { EpisodeModel, Field } from '../model';
import { validYoutubeId } from '../rules/youtube';
import { formatTime } from '../time';

/**
 * The only links the product ever builds: a YouTube watch URL from a validated 11-character id
 * and an integer second. Nothing else from the file reaches a URL.
 */
export function videoUrl(model: EpisodeModel, sec: number): string | undefined {
  const id = validYoutubeId(model.topLevel);
  if (id === undefined || !Number.isSafeInteger(sec) || sec < 0) return undefined;
  return `https://www.youtube.com/watch?v=${id}&t=${sec}`;
}

/**
 * A hover's video line: the link to the video at `sec`, or why there is none. Left out when the cursor
 * is on a value that is itself a link to that second (a line's `time`, a clip's `startOffset`): VS Code
 * shows that link's own "Open video at …" in the same hover box, and saying it twice is noise.
 */
export function videoHoverLine(model: EpisodeModel, sec: number, onOwnLink: boolean): string | undefined {
  const url = videoUrl(model, sec);
  if (!url) return 'No valid YouTube id in `ids.youtube`, so no video link.';
  return onOwnLink ? undefined : `[Open video at ${formatTime(sec)}](${url})`;
}

/** Whether `offset` lies on the value of the field `key` (the span a document link covers). */
export function isOnValue(fields: readonly Field[], key: string, offset: number): boolean {
  const value = getField(fields, key)?.valueSpan;
  return value !== undefined && offset >= value.start && offset <= value.end;
}
