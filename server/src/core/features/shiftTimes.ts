import { formatDuration, parseDuration } from '../duration';
import type { EpisodeModel, Field, TranscriptItem } from '../model';
import { getField } from '../fields';
import { durationFix } from '../rules/episodeMeta';
import { firstWords } from '../text';
import { formatTime, parseTime } from '../time';
import type { TextEdit } from '../types';
import { itemAt } from './locate';
import { describeDelta, ShiftAmount } from './shiftInput';

/**
 * Shift Times From Here: from one transcript item to the end, add a delta to every `sec` and move
 * its `time` label with it (and `duration`, which spans first to last `sec`). One list of edits,
 * so an editor applies it as one undo step. Refused, with a message naming the item, when a `sec`
 * would go negative or the first moved item would fall before the timed line ahead of it.
 */

export interface ShiftOutcome {
  /** False when the shift was refused; the message says why. */
  ok: boolean;
  message: string;
  edits: TextEdit[];
  /** How many items had their `sec` (or, lacking one, their `time`) moved. */
  moved: number;
}

export function shiftTimes(model: EpisodeModel, offset: number, amount: ShiftAmount): ShiftOutcome {
  const items = model.transcript?.items ?? [];
  if (!model.isEpisode || items.length === 0) return refuse('This file has no transcript items to shift.');
  if (model.syntaxErrors.length > 0) return refuse('The front matter does not parse: fix the YAML first, then shift.');
  const start = firstItemFrom(model, offset);
  if (start === undefined) return refuse('Put the cursor on a transcript item: times move from that item to the end.');
  const moving = items.slice(start);
  const firstTimed = moving.find((item) => item.sec !== undefined);
  const delta = 'to' in amount ? (firstTimed ? amount.to - firstTimed.sec! : undefined) : amount.delta;
  if (delta === undefined) return refuse(`No timed item from ${describe(model, items[start])} on: nothing to move to ${formatTime((amount as { to: number }).to)}.`);
  if (!Number.isSafeInteger(delta)) return refuse('The shift must be a whole number of seconds.');
  if (delta === 0) return { ok: true, message: 'Nothing to shift: the amount is 0 s.', edits: [], moved: 0 };

  const by = describeDelta(delta);
  for (const item of moving) {
    const at = item.sec ?? labelSeconds(item);
    if (at !== undefined && at + delta < 0) {
      return refuse(`Cannot shift by ${by}: ${describe(model, item)} is at ${formatTime(at)} (${at} s) and would move to ${at + delta} s.`);
    }
  }
  const previous = lastTimedBefore(items, start);
  if (delta < 0 && firstTimed && previous && firstTimed.sec! + delta < previous.sec!) {
    const moved = firstTimed.sec! + delta;
    return refuse(`Cannot shift by ${by}: ${describe(model, firstTimed)} would move to ${formatTime(moved)} (sec ${moved}), before ${describe(model, previous)} at ${formatTime(previous.sec!)} (sec ${previous.sec}).`);
  }

  const edits: TextEdit[] = [];
  let moved = 0;
  let skippedLabels = 0;
  for (const item of moving) {
    const sec = getField(item.fields, 'sec');
    if (item.sec !== undefined && sec?.valueSpan) edits.push({ ...sec.valueSpan, newText: String(item.sec + delta) });
    const time = getField(item.fields, 'time');
    if (time?.valueSpan && (item.sec !== undefined || item.time !== undefined)) {
      const label = item.time !== undefined ? shiftLabel(item.time, delta) : undefined;
      if (label !== undefined) edits.push({ ...time.valueSpan, newText: labelScalar(label, time.quote) });
      else skippedLabels++;
    }
    if (item.sec !== undefined || labelSeconds(item) !== undefined) moved++;
  }
  const duration = durationEdit(model, start, delta);
  if (duration.edit) edits.push(duration.edit);
  edits.sort((a, b) => a.start - b.start);

  const from = firstTimed ? ` from ${formatTime(firstTimed.sec!)} on` : '';
  const notes = [
    `Shifted ${moved} timed item${moved === 1 ? '' : 's'}${from} by ${by}.`,
    duration.note,
    skippedLabels > 0 ? `${skippedLabels} time label${skippedLabels === 1 ? ' that is' : 's that are'} not a time (M:SS) left as written.` : undefined,
  ];
  return { ok: true, message: notes.filter(Boolean).join(' '), edits, moved };
}

function refuse(message: string): ShiftOutcome {
  return { ok: false, message, edits: [], moved: 0 };
}

/** The item holding `offset`, or the first one after it when the offset sits between items of the transcript. */
export function firstItemFrom(model: EpisodeModel, offset: number): number | undefined {
  const hit = itemAt(model, offset);
  if (hit) return hit.index;
  const transcript = model.transcript;
  const items = transcript?.items ?? [];
  const end = transcript?.field.valueSpan?.end ?? transcript?.field.keySpan.end ?? -1;
  if (!transcript || offset < transcript.field.keySpan.start || offset > end) return undefined;
  const next = items.find((item) => item.region.start >= offset);
  return next?.index;
}

function lastTimedBefore(items: readonly TranscriptItem[], index: number): TranscriptItem | undefined {
  for (let i = index - 1; i >= 0; i--) if (items[i].sec !== undefined) return items[i];
  return undefined;
}

/** The second a `time` label names, for items that have a label but no `sec`. */
function labelSeconds(item: TranscriptItem): number | undefined {
  if (item.sec !== undefined || item.time === undefined) return undefined;
  const parsed = parseTime(item.time);
  return parsed.ok ? parsed.seconds : undefined;
}

/**
 * A label moved by `delta` in its own spelling: a canonical label stays canonical (`59:58` + 7 is
 * `1:00:05`); another spelling keeps its shape (`'60:08'` + 7 is `'60:15'`, `02:39` keeps its zero),
 * so that shifting back gives the same bytes. Undefined when the label is not a time.
 */
export function shiftLabel(label: string, delta: number): string | undefined {
  const parsed = parseTime(label);
  if (!parsed.ok || parsed.seconds + delta < 0) return undefined;
  const seconds = parsed.seconds + delta;
  if (label === formatTime(parsed.seconds)) return formatTime(seconds);
  const parts = label.split(':');
  const two = (n: number) => String(n).padStart(2, '0');
  if (parts.length === 3) {
    return `${String(Math.floor(seconds / 3600)).padStart(parts[0].length, '0')}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  }
  return `${String(Math.floor(seconds / 60)).padStart(parts[0].length, '0')}:${two(seconds % 60)}`;
}

/**
 * A label as the site's PyYAML scripts write it: plain when it starts with `0` (`0:30`, which YAML
 * 1.1 and 1.2 both read as a string), else single-quoted (`'1:11'` would be a base-60 integer in YAML
 * 1.1); a double-quoted label stays double-quoted.
 */
export function labelScalar(label: string, oldQuote?: Field['quote']): string {
  if (oldQuote === 'double') return `"${label}"`;
  return label.startsWith('0') ? label : `'${label}'`;
}

/** `duration` follows the span from first to last `sec`: it changes when only one end moves. */
function durationEdit(model: EpisodeModel, start: number, delta: number): { edit?: TextEdit; note?: string } {
  const field = getField(model.topLevel, 'duration');
  const timed = (model.transcript?.items ?? []).filter((item) => item.sec !== undefined);
  if (!field || timed.length === 0) return {};
  const moves = (item: TranscriptItem) => (item.index >= start ? delta : 0);
  const change = moves(timed[timed.length - 1]) - moves(timed[0]);
  if (change === 0) return {};
  const current = field.kind === 'string' ? parseDuration(field.value as string) : undefined;
  if (current === undefined || current + change < 0) return { note: 'duration is not a PT#H#M#S duration and was left as written.' };
  const seconds = Math.round(current + change);
  return { edit: durationFix(field, seconds, model.text).edits[0], note: `duration is now ${formatDuration(seconds)}.` };
}

export function describe(model: EpisodeModel, item: TranscriptItem): string {
  const text = item.header ?? item.line;
  const what = item.header !== undefined ? 'the header' : 'the line';
  return `${what}${text !== undefined ? ` "${firstWords(text, 30)}"` : ''} (line ${lineNumber(model.text, item.span.start)})`;
}

function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
