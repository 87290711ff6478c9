import type { EpisodeModel } from '../model';
import { formatTime } from '../time';
import type { Span } from '../types';
import { momentOf } from './locate';
import { videoUrl } from './video';

export interface EpisodeCodeLens {
  /** The header item; the lens shows above its first line. */
  span: Span;
  /** `▶ 12:34`: a time label only, never text from the file. */
  title: string;
  /** The validated video URL at the section's first timed line. */
  url: string;
  sec: number;
}

/** `▶ 12:34` above each header whose section has a timed line, when the episode has a valid video id. */
export function codeLenses(model: EpisodeModel): EpisodeCodeLens[] {
  if (!model.isEpisode) return [];
  const lenses: EpisodeCodeLens[] = [];
  for (const item of model.transcript?.items ?? []) {
    if (item.kind !== 'header') continue;
    const moment = momentOf(model, item);
    const url = moment && videoUrl(model, moment.sec);
    if (moment && url) lenses.push({ span: item.span, title: `▶ ${formatTime(moment.sec)}`, url, sec: moment.sec });
  }
  return lenses;
}
