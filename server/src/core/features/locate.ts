import type { EpisodeModel, TranscriptItem } from '../model';

/** The transcript item whose lines hold `offset` (binary search: items are in document order). */
export function itemAt(model: EpisodeModel, offset: number): TranscriptItem | undefined {
  const items = model.transcript?.items ?? [];
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    if (offset < item.region.start) high = mid - 1;
    else if (offset >= item.region.end) low = mid + 1;
    else return item;
  }
  return undefined;
}

export interface TimedMoment {
  sec: number;
  /** The item whose `sec` is used. */
  source: TranscriptItem;
  /** How the moment was found when it is not the item's own `sec`. */
  borrowed?: 'previous' | 'next';
}

/**
 * The moment in the video an item stands for: its own `sec`; for a header, its section's first
 * timed line; for an untimed continuation line, the previous timed line.
 */
export function momentOf(model: EpisodeModel, item: TranscriptItem): TimedMoment | undefined {
  if (item.sec !== undefined) return { sec: item.sec, source: item };
  const items = model.transcript?.items ?? [];
  if (item.header !== undefined) {
    for (let i = item.index + 1; i < items.length && items[i].header === undefined; i++) {
      if (items[i].sec !== undefined) return { sec: items[i].sec!, source: items[i], borrowed: 'next' };
    }
    return undefined;
  }
  for (let i = item.index - 1; i >= 0; i--) {
    if (items[i].sec !== undefined) return { sec: items[i].sec!, source: items[i], borrowed: 'previous' };
  }
  return undefined;
}
