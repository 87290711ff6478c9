import type { EpisodeModel, TranscriptItem } from '../model';
import { withoutControlCharacters } from '../text';

/**
 * An episode's headers as chapters, the way the site shows them: a header's time is its first
 * timed line's `sec`; a header with no timed line before the next header (or the end) is hidden by
 * the site (`header-hidden`), so it is no chapter.
 */

export interface EpisodeChapter {
  sec: number;
  /** The header text with white space runs made one space and the ends trimmed (a list line holds one line). */
  title: string;
  item: TranscriptItem;
}

export interface HiddenHeader {
  title: string;
  item: TranscriptItem;
  why: 'another header follows before any timed line' | 'no timed line follows it' | 'its text is empty';
}

export interface EpisodeChapters {
  chapters: EpisodeChapter[];
  hidden: HiddenHeader[];
}

export function chapterTitle(header: string): string {
  return withoutControlCharacters(header).replace(/\s+/g, ' ').trim();
}

export function episodeChapters(model: EpisodeModel): EpisodeChapters {
  const items = model.transcript?.items ?? [];
  const chapters: EpisodeChapter[] = [];
  const hidden: HiddenHeader[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'header') continue;
    const title = chapterTitle(item.header!);
    let j = i + 1;
    while (j < items.length && items[j].sec === undefined && items[j].header === undefined) j++;
    if (j >= items.length || items[j].sec === undefined) {
      hidden.push({ title, item, why: j >= items.length ? 'no timed line follows it' : 'another header follows before any timed line' });
    } else if (title === '') {
      hidden.push({ title, item, why: 'its text is empty' });
    } else {
      chapters.push({ sec: items[j].sec!, title, item });
    }
  }
  return { chapters, hidden };
}

/** The last `sec` of the transcript (its latest moment), or undefined without timed lines. */
export function lastSecond(model: EpisodeModel): number | undefined {
  let last: number | undefined;
  for (const item of model.transcript?.items ?? []) if (item.sec !== undefined && (last === undefined || item.sec > last)) last = item.sec;
  return last;
}
