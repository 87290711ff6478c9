import type { EpisodeModel, TranscriptItem } from '../model';

/**
 * The transcript as the player's waveform lane draws it (issue 24): every timed line a region from
 * its `sec` to where the next moment starts, with the words shown under the waveform while it plays.
 * Pure: the lane is drawn by the client, which sends drags back as Set Time edits.
 */

/** Text shown for a line is cut here: the lane shows one line of it, and the page gets no whole paragraphs it does not need. */
export const TIMELINE_TEXT_LIMIT = 240;

export interface TimelineLine {
  /** The item's index in the transcript. */
  index: number;
  /** Offset of the item's first key: where a drag's Set Time edit is aimed. */
  start: number;
  sec: number;
  /**
   * Where the region ends: the first later `sec` (in file order) that is greater than this one.
   * Absent for the last moment of the file, which runs to the end of the media.
   */
  end?: number;
  who?: string;
  /** The line's words with its untimed continuation lines, cut at TIMELINE_TEXT_LIMIT. */
  text: string;
}

export interface TimelineHeader {
  index: number;
  /** The second of the first timed line after the header, where the section starts. */
  sec: number;
  title: string;
}

export interface Timeline {
  lines: TimelineLine[];
  headers: TimelineHeader[];
}

export function timelineOf(model: EpisodeModel): Timeline | undefined {
  if (!model.isEpisode) return undefined;
  const items = model.transcript?.items ?? [];
  const lines: TimelineLine[] = [];
  const headers: TimelineHeader[] = [];
  let pendingHeaders: { index: number; title: string }[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.header !== undefined) pendingHeaders.push({ index: item.index, title: cut(item.header) });
    if (item.kind !== 'line' || item.sec === undefined) continue;
    for (const header of pendingHeaders) headers.push({ ...header, sec: item.sec });
    pendingHeaders = [];
    lines.push({ index: item.index, start: item.span.start, sec: item.sec, ...(item.who !== undefined ? { who: item.who } : {}), text: spokenText(items, i) });
  }
  setEnds(lines);
  return { lines, headers };
}

/** One pass from the end: each line ends at the nearest later `sec` greater than its own (shared or backward seconds skip ahead). */
function setEnds(lines: TimelineLine[]): void {
  // A stack of later seconds in increasing order from the top: the first greater than a line's sec is its end.
  const later: number[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const sec = lines[i].sec;
    while (later.length > 0 && later[later.length - 1] <= sec) later.pop();
    if (later.length > 0) lines[i].end = later[later.length - 1];
    later.push(sec);
  }
}

/** The line's words and those of its untimed continuation lines, as one line of text. */
function spokenText(items: readonly TranscriptItem[], at: number): string {
  let text = items[at].line ?? '';
  for (let i = at + 1; i < items.length && text.length < TIMELINE_TEXT_LIMIT; i++) {
    const next = items[i];
    if (next.kind !== 'line' || next.sec !== undefined) break;
    if (next.line) text += ` ${next.line}`;
  }
  return cut(text);
}

function cut(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > TIMELINE_TEXT_LIMIT ? `${one.slice(0, TIMELINE_TEXT_LIMIT - 1)}…` : one;
}
