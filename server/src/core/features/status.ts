import type { EpisodeModel } from '../model';
import { formatTime } from '../time';
import { itemAt, momentOf } from './locate';
import { videoUrl } from './video';

/** What the editor's status item shows for an episode: the time at the cursor and the episode's length. */
export interface EpisodeStatus {
  /** `23:41 / 1:02:03`, or `– / 1:02:03` when the cursor is on no timed moment. */
  text: string;
  /** The moment at the cursor (as the hover and Open Video at Cursor use it). */
  sec?: number;
  /** The highest `sec` of the transcript. */
  length?: number;
  /** The video at `sec`, from the validated id only. */
  url?: string;
}

export function statusAt(model: EpisodeModel, offset: number): EpisodeStatus | undefined {
  if (!model.isEpisode) return undefined;
  let length: number | undefined;
  for (const item of model.transcript?.items ?? []) if (item.sec !== undefined && (length === undefined || item.sec > length)) length = item.sec;
  const item = itemAt(model, offset);
  const sec = item && momentOf(model, item)?.sec;
  const text = `${sec !== undefined ? formatTime(sec) : '–'} / ${length !== undefined ? formatTime(length) : '–'}`;
  return { text, sec, length, url: sec !== undefined ? videoUrl(model, sec) : undefined };
}
