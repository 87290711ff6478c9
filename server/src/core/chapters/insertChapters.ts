import { applyEdits } from '../fixAll';
import { itemYaml } from '../convert/itemYaml';
import { ConvertError } from '../convert/types';
import type { EpisodeModel, TranscriptItem } from '../model';
import { parseEpisode } from '../parse/parseEpisode';
import type { TextEdit } from '../types';
import { clockLabel } from './chapterTime';
import type { Chapter } from './readChapters';

/**
 * A chapter list made the episode's headers, in place: each chapter goes where the site's own
 * inserter (`update_headers_in_transcript` in scripts/insert_podcast_timestamps.py) puts it, a
 * chapter that would cover no timed line is not written (the site would hide it), and the edit
 * touches header items only: old ones are removed whole, new ones inserted as text. The written
 * text is parsed and compared before it is returned.
 */

export interface InsertChaptersOptions {
  /** Keep the episode's headers and merge the chapters in (default: the chapters replace them). */
  keepHeaders?: boolean;
}

export interface InsertChaptersOutcome {
  /** The episode's text with the chapters as headers. */
  text: string;
  /** The edits from the old text to it, on the old text's offsets (header items only); empty when nothing changes. */
  edits: TextEdit[];
  /** The chapters written as headers, in time order. */
  inserted: Chapter[];
  /** Chapters not written: no timed line would follow them before the next header (the site would hide them). */
  coverNoLine: Chapter[];
  /** Header items removed (replace mode; headers already where and as the chapters say are left alone and not counted). */
  removed: number;
}

/** A header in the result: a new chapter or an episode's header kept, before the content item `gap` (content.length: at the end). */
interface Slot {
  gap: number;
  chapter?: Chapter;
  existing?: TranscriptItem;
}

export function insertChapters(model: EpisodeModel, chapters: readonly Chapter[], options: InsertChaptersOptions = {}): InsertChaptersOutcome {
  const items = checkInsertable(model);
  const { content, news, timedBefore } = placeAll(items, chapters);
  const existing = items.filter((item) => item.kind === 'header').map((item): Slot => ({ gap: gapOf(items, item), existing: item }));
  const kept = options.keepHeaders ? mergeKept(existing, news, timedBefore) : keepCovering(news, timedBefore, content.length);
  const keptSet = new Set(kept);
  const inserted = kept.flatMap((slot) => (slot.chapter ? [slot.chapter] : []));
  const coverNoLine = news.filter((slot) => !keptSet.has(slot)).map((slot) => slot.chapter!);

  const eol = lineEnding(model.text);
  const plan = options.keepHeaders ? keepPlan(model.text, items, content, kept, eol) : replacePlan(model.text, items, content, kept, eol);
  const text = applyEdits(model.text, plan.edits);
  verify(model, text, content, kept);
  return { text, edits: plan.edits, inserted: [...inserted].sort((a, b) => a.sec - b.sec), coverNoLine, removed: plan.removed };
}

function placeAll(items: readonly TranscriptItem[], chapters: readonly Chapter[]) {
  const content = items.filter((item) => item.kind !== 'header');
  const sorted = [...chapters].sort((a, b) => a.sec - b.sec);
  const gaps = placeChapters(content, sorted);
  return { content, news: sorted.map((chapter, i): Slot => ({ gap: gaps[i], chapter })), timedBefore: timedCounts(content) };
}

/**
 * Where a chapter list puts its headers when it replaces the episode's (what insertChapters writes,
 * without writing): each written chapter with its gap, the number of non-header items before it.
 */
export function plannedHeaders(items: readonly TranscriptItem[], chapters: readonly Chapter[]): { gap: number; chapter: Chapter }[] {
  const { content, news, timedBefore } = placeAll(items, chapters);
  return keepCovering(news, timedBefore, content.length).map((slot) => ({ gap: slot.gap, chapter: slot.chapter! }));
}

/** How many non-header items come before an item. */
export function gapOf(items: readonly TranscriptItem[], item: TranscriptItem): number {
  let gap = 0;
  for (let i = 0; i < item.index; i++) if (items[i].kind !== 'header') gap++;
  return gap;
}

/** The transcript's items, or a refusal: no transcript, a front matter that does not parse, anchors, or a layout we cannot edit line by line. */
function checkInsertable(model: EpisodeModel): TranscriptItem[] {
  if (model.syntaxErrors.length > 0) throw new ConvertError('the front matter does not parse; fix it first (transcript-lint names the problem)');
  if (!model.transcript) throw new ConvertError('the file has no transcript');
  if (model.hasAnchors) throw new ConvertError('the front matter uses YAML anchors or aliases; headers cannot be changed one item at a time');
  const items = model.transcript.items;
  if (!items.some((item) => item.kind !== 'header')) throw new ConvertError('the transcript has no spoken lines to put chapters before');
  for (const item of items) {
    const lead = model.text.slice(item.region.start, item.span.start);
    if (!/^[ \t]*-[ \t]+$/.test(lead)) throw new ConvertError(`transcript item ${item.index + 1} is not written as '- key: value' lines; headers cannot be inserted line by line`);
    if (item.header !== undefined && item.kind !== 'header') throw new ConvertError(`transcript item ${item.index + 1} has both header and line; fix it first (item-shape)`);
  }
  return items;
}

/**
 * The site's placement (chapters sorted by time, stable): a chapter goes before the first timed
 * item whose `sec` is at or after it; at an untimed item after a timed one, a chapter after that
 * timed item's `sec` and at or before the next timed item's goes before the untimed item (with no
 * timed item after it: every chapter after the last `sec`); the rest go at the end.
 * Returns each chapter's gap: the index of the content item it goes before, content.length for the end.
 */
export function placeChapters(content: readonly { sec?: number }[], chapters: readonly Chapter[]): number[] {
  const nextSec: (number | undefined)[] = new Array(content.length);
  let after: number | undefined;
  for (let k = content.length - 1; k >= 0; k--) {
    nextSec[k] = after;
    if (content[k].sec !== undefined) after = content[k].sec;
  }
  const gaps: number[] = [];
  let t = 0;
  let lastSec: number | undefined;
  for (let k = 0; k < content.length && t < chapters.length; k++) {
    const sec = content[k].sec;
    if (sec !== undefined) {
      lastSec = sec;
      while (t < chapters.length && chapters[t].sec <= sec) gaps[t++] = k;
    } else if (lastSec !== undefined) {
      const next = nextSec[k];
      const last = lastSec;
      const fits = next !== undefined ? (c: number) => c <= last || c <= next : (c: number) => c > last;
      while (t < chapters.length && fits(chapters[t].sec)) gaps[t++] = k;
    }
  }
  while (t < chapters.length) gaps[t++] = content.length;
  return gaps;
}

/** How many content items before each gap have a `sec` (length content.length + 1). */
function timedCounts(content: readonly TranscriptItem[]): number[] {
  const counts = [0];
  for (const item of content) counts.push(counts[counts.length - 1] + (item.sec !== undefined ? 1 : 0));
  return counts;
}

/** Whether a header at `gap` followed by the next header at `nextGap` has a timed line of its own. */
function covers(timedBefore: readonly number[], gap: number, nextGap: number): boolean {
  return timedBefore[nextGap] - timedBefore[gap] > 0;
}

/** Replace mode: from the last chapter back, a chapter is kept when a timed line lies between it and the next kept one. */
function keepCovering(news: Slot[], timedBefore: readonly number[], end: number): Slot[] {
  const kept: Slot[] = [];
  let nextGap = end;
  for (let i = news.length - 1; i >= 0; i--) {
    if (!covers(timedBefore, news[i].gap, nextGap)) continue;
    kept.unshift(news[i]);
    nextGap = news[i].gap;
  }
  return kept;
}

/**
 * Keep mode: the episode's headers stay; a chapter joins them (before the headers already in its
 * gap: they stand for a later or equal time) when it covers a timed line and leaves every header
 * that covered one still covering one. Repeated until nothing more is dropped.
 */
function mergeKept(existing: Slot[], news: Slot[], timedBefore: readonly number[]): Slot[] {
  const end = timedBefore.length - 1;
  const coveredBefore = coveringSet(existing, timedBefore, end);
  let candidates = [...news];
  for (;;) {
    const merged = mergeSlots(existing, candidates);
    const covering = coveringSet(merged, timedBefore, end);
    const drop = new Set<Slot>();
    merged.forEach((slot, i) => {
      if (slot.chapter && !covering.has(slot)) drop.add(slot);
      if (slot.existing && coveredBefore.has(slot) && !covering.has(slot)) {
        const next = merged.slice(i + 1).find((s) => s.chapter);
        if (next) drop.add(next);
      }
    });
    if (drop.size === 0) return merged;
    candidates = candidates.filter((slot) => !drop.has(slot));
  }
}

function mergeSlots(existing: Slot[], news: Slot[]): Slot[] {
  const merged: Slot[] = [];
  let e = 0;
  for (const slot of news) {
    while (e < existing.length && existing[e].gap < slot.gap) merged.push(existing[e++]);
    merged.push(slot);
  }
  return [...merged, ...existing.slice(e)];
}

function coveringSet(slots: Slot[], timedBefore: readonly number[], end: number): Set<Slot> {
  const set = new Set<Slot>();
  slots.forEach((slot, i) => {
    if (covers(timedBefore, slot.gap, i + 1 < slots.length ? slots[i + 1].gap : end)) set.add(slot);
  });
  return set;
}


interface Plan {
  edits: TextEdit[];
  removed: number;
}

/**
 * Replace mode's edits, gap by gap: where the headers already are the chapters (same texts, same
 * order) nothing is touched; elsewhere the old header items are removed and the new ones inserted
 * before the gap's content item (at the end: after the last item).
 */
function replacePlan(text: string, items: readonly TranscriptItem[], content: readonly TranscriptItem[], kept: Slot[], eol: string): Plan {
  const edits: TextEdit[] = [];
  let removed = 0;
  const oldByGap = groupByGap(items.filter((item) => item.kind === 'header').map((item) => ({ gap: gapOf(items, item), item })));
  const newByGap = groupByGap(kept.map((slot) => ({ gap: slot.gap, item: slot.chapter! })));
  for (const gap of new Set([...oldByGap.keys(), ...newByGap.keys()])) {
    const old = oldByGap.get(gap) ?? [];
    const fresh = newByGap.get(gap) ?? [];
    if (old.length === fresh.length && old.every((item, i) => item.header === fresh[i].title)) continue;
    for (const item of old) edits.push({ start: item.region.start, end: item.region.end, newText: '' });
    removed += old.length;
    if (fresh.length > 0) edits.push(insertion(text, items, content, gap, fresh, eol));
  }
  return { edits: edits.sort((a, b) => a.start - b.start || a.end - b.end), removed };
}

/** Keep mode's edits: the new headers only, each gap's before the headers already in it. */
function keepPlan(text: string, items: readonly TranscriptItem[], content: readonly TranscriptItem[], kept: Slot[], eol: string): Plan {
  const newByGap = groupByGap(kept.flatMap((slot) => (slot.chapter ? [{ gap: slot.gap, item: slot.chapter }] : [])));
  const edits = [...newByGap].map(([gap, fresh]) => {
    const edit = insertion(text, items, content, gap, fresh, eol);
    // Before the headers already in this gap: right after the previous content item.
    const previous = gap > 0 ? content[gap - 1] : undefined;
    const first = previous ? items[previous.index + 1] : items[0];
    const at = first ? first.region.start : edit.start;
    return { ...edit, start: at, end: at };
  });
  return { edits: edits.sort((a, b) => a.start - b.start), removed: 0 };
}

function insertion(text: string, items: readonly TranscriptItem[], content: readonly TranscriptItem[], gap: number, chapters: Chapter[], eol: string): TextEdit {
  const before = gap < content.length ? content[gap] : undefined;
  const anchor = before ?? items[items.length - 1];
  const at = before ? before.region.start : anchor.region.end;
  const indent = /^[ \t]*/.exec(text.slice(anchor.region.start, anchor.span.start))![0];
  const newText = chapters.map((c) => itemYaml({ header: c.title }, eol, indent)).join('');
  // The last item may end the text without a line break (never in a closed front matter; kept safe).
  return { start: at, end: at, newText: at > 0 && !/[\r\n]/.test(text[at - 1]) ? eol + newText : newText };
}

function groupByGap<T>(entries: { gap: number; item: T }[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const { gap, item } of entries) groups.set(gap, [...(groups.get(gap) ?? []), item]);
  return groups;
}

/** The file's line ending, as its first line break has it. */
export function lineEnding(text: string): string {
  const at = text.search(/\r\n|\n|\r/);
  if (at < 0) return '\n';
  return text.startsWith('\r\n', at) ? '\r\n' : text[at];
}

/**
 * The written text read back: it must parse, hold the same content items byte for byte in the same
 * order, and the headers intended before each of them; anything else is a defect, and nothing is changed.
 */
function verify(model: EpisodeModel, text: string, content: readonly TranscriptItem[], kept: Slot[]): void {
  const after = parseEpisode(text, model.uri);
  const fail = (why: string) => {
    throw new ConvertError(`the headers could not be written safely (${why}); nothing was changed`);
  };
  if (after.syntaxErrors.length > 0 || !after.transcript) return fail('the result does not parse');
  const expected: string[] = [];
  let k = 0;
  for (const slot of kept) {
    while (k < slot.gap) expected.push(`C${model.text.slice(content[k].region.start, content[k].region.end)}`), k++;
    expected.push(`H${slot.chapter ? slot.chapter.title : slot.existing!.header}`);
  }
  while (k < content.length) expected.push(`C${model.text.slice(content[k].region.start, content[k].region.end)}`), k++;
  const actual = after.transcript.items.map((item) => (item.kind === 'header' ? `H${item.header}` : `C${text.slice(item.region.start, item.region.end)}`));
  if (actual.length !== expected.length) return fail(`${actual.length} items instead of ${expected.length}`);
  const at = actual.findIndex((value, i) => value !== expected[i]);
  if (at >= 0) return fail(`item ${at + 1} is not as intended`);
  const keys = (m: EpisodeModel) => m.topLevel.map((f) => f.key).join('\n');
  if (keys(after) !== keys(model)) return fail('the front matter keys changed');
}

/** For messages: `00:02:39 Topic`. */
export function chapterLabel(chapter: Chapter): string {
  return `${clockLabel(chapter.sec)} ${chapter.title}`;
}
