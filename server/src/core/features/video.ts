import type { EpisodeModel } from '../model';
import { validYoutubeId } from '../rules/youtube';

/**
 * The only links the product ever builds: a YouTube watch URL from a validated 11-character id
 * and an integer second. Nothing else from the file reaches a URL.
 */
export function videoUrl(model: EpisodeModel, sec: number): string | undefined {
  const id = validYoutubeId(model.topLevel);
  if (id === undefined || !Number.isSafeInteger(sec) || sec < 0) return undefined;
  return `https://www.youtube.com/watch?v=${id}&t=${sec}`;
}
