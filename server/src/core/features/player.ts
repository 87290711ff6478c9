import { insertSecFix, insertTimeFix, lineBreakOf, quotedTime, recomputeSecFix, recomputeTimeFix, yamlString } from '../fixes';
import type { EpisodeModel, TranscriptItem } from '../model';
import { getField } from '../fields';
import { startOfLine } from '../text';
import { validYoutubeId } from '../rules/youtube';
import { formatTime } from '../time';
import type { Span, TextEdit } from '../types';
import { nextSpeaker } from './completion';
import { itemAt, momentOf } from './locate';
import { readSeconds } from './shiftInput';
import { describe, labelScalar } from './shiftTimes';

/**
 * The transcript side of the media player (issue 13), on plain text so that any editor can use it:
 * which item is spoken at a second (follow, Go to Time), which second an item stands for (seek on
 * cursor), and the edits of Set Time From Player and Insert Line at Player Time. The media itself
 * belongs to the client.
 */

export interface SpokenItem {
  item: TranscriptItem;
  /** The second the item is played at (its own `sec`, or the one it borrows, see `momentOf`). */
  sec: number;
  /** The item plus the untimed continuation lines right after it: all of it is spoken from `sec` on. */
  span: Span;
  /** The second asked for comes before the first timed line, which is answered instead. */
  before?: boolean;
}

/**
 * The item spoken at second `t`: the timed item with the latest `sec` ≤ t (of equal ones, the last in
 * the file). In a transcript in order that is simply the last one reached; where one line's `sec`
 * runs back (a real mistake), the highlight does not stick on it for every second after it.
 */
export function itemAtSecond(model: EpisodeModel, t: number): SpokenItem | undefined {
  if (!model.isEpisode) return undefined;
  const items = model.transcript?.items ?? [];
  let found: TranscriptItem | undefined;
  let first: TranscriptItem | undefined;
  for (const item of items) {
    if (item.sec === undefined) continue;
    if (first === undefined || item.sec < first.sec!) first = item;
    if (item.sec <= t && (found === undefined || item.sec >= found.sec!)) found = item;
  }
  const item = found ?? first;
  return item && { item, sec: item.sec!, span: spokenSpan(items, item), ...(found ? {} : { before: true }) };
}

/** The second the cursor's item stands for: any line of an item; a header, its first timed line; an untimed continuation, the previous timed line. */
export function secondAt(model: EpisodeModel, offset: number): SpokenItem | undefined {
  if (!model.isEpisode) return undefined;
  const item = itemAt(model, offset);
  const moment = item && momentOf(model, item);
  return moment && { item: moment.source, sec: moment.sec, span: spokenSpan(model.transcript!.items, moment.source) };
}

function spokenSpan(items: readonly TranscriptItem[], item: TranscriptItem): Span {
  let last = item;
  for (let i = item.index + 1; i < items.length && items[i].kind === 'line' && items[i].sec === undefined; i++) last = items[i];
  return { start: item.region.start, end: last.region.end };
}

/** What the media discovery needs of the episode: the ids a media file may be named after. */
export interface MediaHints {
  youtube?: string;
  season?: number;
  episode?: number;
}

export function mediaHints(model: EpisodeModel): MediaHints | undefined {
  if (!model.isEpisode) return undefined;
  const number = (key: string) => {
    const field = getField(model.topLevel, key);
    return field?.kind === 'number' && Number.isSafeInteger(field.value) && (field.value as number) >= 0 ? (field.value as number) : undefined;
  };
  return { youtube: validYoutubeId(model.topLevel), season: number('season'), episode: number('episode') };
}

/** Go to Time's input: `754` (seconds, `754s` too), `12:34`, `1:02:03`. */
export function parseTimeInput(input: string): { sec: number } | { error: string } {
  const text = input.trim();
  const sec = text === '' ? undefined : readSeconds(text);
  return sec === undefined ? { error: `'${text}' is not a time: type 12:34, 1:02:03 or a number of seconds (754).` } : { sec };
}

export type PlayerEdit =
  /** `cursor` is an offset in the text after the edits. */
  | { ok: true; edits: TextEdit[]; message: string; warning?: string; cursor?: number }
  | { ok: false; message: string };

/** Set Time From Player: the item at the cursor gets `sec` = the player's second and a `time` that matches, written as the quick fixes write them. */
export function setTimeFromPlayer(model: EpisodeModel, offset: number, sec: number): PlayerEdit {
  const target = targetItem(model, offset, sec);
  if ('message' in target) return target;
  const item = target.item;
  if (item.header !== undefined) return { ok: false, message: `${capital(describe(model, item))} is a header, which has no time of its own: put the cursor on a spoken line.` };
  if (!item.isMap) return { ok: false, message: `${capital(describe(model, item))} is not a map of keys (line, sec, time, who): fix it first.` };
  const text = model.text;
  const hasSec = getField(item.fields, 'sec') !== undefined;
  const hasTime = getField(item.fields, 'time') !== undefined;
  let edits: TextEdit[];
  if (hasSec && hasTime) edits = [...recomputeSecFix(item, sec, text).edits, ...recomputeTimeFix(item, sec, text).edits];
  else if (hasSec) edits = [...recomputeSecFix(item, sec, text).edits, ...insertTimeFix(text, item, sec).edits];
  else if (hasTime) edits = insertSecFix(text, item, sec).edits;
  else edits = [insertTimedLines(model, item, sec)];
  edits.sort((a, b) => a.start - b.start);
  const unchanged = item.sec === sec && item.time === formatTime(sec);
  return {
    ok: true,
    edits: unchanged ? [] : edits,
    message: unchanged ? `${capital(describe(model, item))} is already at ${formatTime(sec)} (sec ${sec}).` : `Set ${describe(model, item)} to ${formatTime(sec)} (sec ${sec}).`,
    warning: orderWarning(model, item.index, sec, true),
  };
}

/** Insert Line at Player Time: a spoken line after the item at the cursor, `sec`/`time` from the player, the speaker guessed as completion guesses it; the cursor goes into `line`. */
export function insertLineAtPlayer(model: EpisodeModel, offset: number, sec: number): PlayerEdit {
  const target = targetItem(model, offset, sec);
  if ('message' in target) return target;
  const item = target.item;
  const text = model.text;
  const lb = lineBreakOf(text);
  let at = item.region.end;
  const needsBreak = at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r';
  // The new item is laid out like the one at the cursor: the same text before its first key (`- `, `  - `).
  const dash = text.slice(item.region.start, item.span.start);
  const indent = ' '.repeat(item.keyColumn);
  const who = nextSpeaker(model, at);
  const lines = [`${dash}line: `, `${indent}sec: ${sec}`, `${indent}time: ${timeLike(item, sec)}`, ...(who !== undefined ? [`${indent}who: ${yamlString(who)}`] : [])];
  const newText = `${needsBreak ? lb : ''}${lines.join(lb)}${lb}`;
  const cursor = at + (needsBreak ? lb.length : 0) + dash.length + 'line: '.length;
  return {
    ok: true,
    edits: [{ start: at, end: at, newText }],
    cursor,
    message: `Inserted a line at ${formatTime(sec)} (sec ${sec})${who !== undefined ? ` for ${who}` : ''} after ${describe(model, item)}.`,
    warning: orderWarning(model, item.index, sec, false),
  };
}

/**
 * The new line's `time` written as the item at the cursor writes its own: quoted like it (the site's
 * files quote nearly every label), plain only after a plain label; quoted when it has none.
 */
function timeLike(item: TranscriptItem, sec: number): string {
  const time = getField(item.fields, 'time');
  return time?.quote === 'plain' ? labelScalar(formatTime(sec)) : quotedTime(sec, time);
}

/** The refusals both edits share, else the item at the cursor. */
function targetItem(model: EpisodeModel, offset: number, sec: number): { item: TranscriptItem } | { ok: false; message: string } {
  if (!model.isEpisode) return { ok: false, message: 'This file is not an episode: its front matter has no transcript.' };
  if (model.syntaxErrors.length > 0) return { ok: false, message: 'The front matter does not parse: fix the YAML first.' };
  if (!Number.isSafeInteger(sec) || sec < 0) return { ok: false, message: `The player's time must be a whole number of seconds, 0 or more (got ${sec}).` };
  const item = itemAt(model, offset);
  if (!item) return { ok: false, message: 'Put the cursor on a transcript item first.' };
  return { item };
}

/** `sec` and `time` lines for an untimed line, before its `who` when that has a line of its own (keys stay in the site's order), else after the item. */
function insertTimedLines(model: EpisodeModel, item: TranscriptItem, sec: number): TextEdit {
  const text = model.text;
  const lb = lineBreakOf(text);
  const indent = ' '.repeat(item.keyColumn);
  const who = getField(item.fields, 'who');
  const beforeWho = who && who !== item.fields[0] ? startOfLine(text, who.keySpan.start) : undefined;
  const at = beforeWho ?? item.region.end;
  return { start: at, end: at, newText: `${indent}sec: ${sec}${lb}${indent}time: ${quotedTime(sec)}${lb}` };
}

/**
 * Says when `sec` at item `index` (or right after it, for an inserted line) runs against the timed
 * neighbours: the edit is still made, as the user heard it; the sec-order check then shows it.
 */
function orderWarning(model: EpisodeModel, index: number, sec: number, replacing: boolean): string | undefined {
  const items = model.transcript!.items;
  let previous: TranscriptItem | undefined;
  for (let i = replacing ? index - 1 : index; i >= 0 && !previous; i--) if (items[i].sec !== undefined) previous = items[i];
  let next: TranscriptItem | undefined;
  for (let i = index + 1; i < items.length && !next; i++) if (items[i].sec !== undefined) next = items[i];
  const at = `${formatTime(sec)} (sec ${sec})`;
  if (previous && previous.sec! > sec) return `${at} is before ${describe(model, previous)} at ${formatTime(previous.sec!)}: the times are now out of order (sec-order).`;
  if (next && next.sec! < sec) return `${at} is after ${describe(model, next)} at ${formatTime(next.sec!)}: the times are now out of order (sec-order).`;
  return undefined;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
