import { parseDuration } from '../../duration';
import type { EpisodeModel } from '../../model';
import { ConvertError } from '../../convert/types';
import { groupBySec, shareSpan, textWeight } from './shareTime';
import { counted, fileLines, isBlank, oneLine, readSourceItems, SourceItem, wordsOf } from '../shared/sourceItems';

/**
 * The episode's transcript as timed cues, the one timing every cue format (WebVTT, SRT, Podcasting
 * 2.0 JSON) writes:
 * - one cue per timed line (one with `sec`), starting at its `sec` (never `time`); headers are not cues;
 * - an untimed line (a continuation paragraph) joins the cue before it as another text line; untimed
 *   lines before the first timed one join the first cue;
 * - cues are in time order: a line whose `sec` runs back gets its cue at its own `sec`, among the cues
 *   of that second (the site seeks to `sec`, so that is where the line is said to be);
 * - no two cues overlap (players show overlapping cues stacked, newest on top): lines of one second
 *   (a speaker's paragraphs written with the same `sec`, or a quick answer) become consecutive cues
 *   in file order that share the time until the next second's first cue by their length in
 *   characters (shareTime.ts); every cue ends where the next one begins;
 * - the last second's lines share the time up to the episode's `duration` when that is later than
 *   their `sec`, else the time their words take at 2.5 words a second (at least one second).
 */

export interface TimedText {
  startMs: number;
  endMs: number;
  who?: string;
  /** Text lines of the cue, none blank, none with a line break. */
  lines: string[];
}

export interface Cue extends TimedText {
  /** The timed line's `sec`. */
  sec: number;
  /** The file line of the timed line. */
  fileLine: number;
}

export interface CueList {
  cues: Cue[];
  warnings: string[];
}

/** Words a second, for the length of the last cue when the duration does not give its end. */
const WORDS_PER_SECOND = 2.5;
const MIN_LAST_CUE_MS = 1000;

export function episodeCues(model: EpisodeModel): CueList {
  const source = readSourceItems(model);
  const result = cuesOf(source.items, episodeDurationSec(model));
  if (result.cues.length === 0) throw new ConvertError('the transcript has no timed line (sec): captions and segments need at least one');
  return { cues: result.cues, warnings: [...source.warnings, ...result.warnings] };
}

/** The `duration` front-matter value in seconds, when it is a `PT#H#M#S` string. */
export function episodeDurationSec(model: EpisodeModel): number | undefined {
  const field = model.topLevel.find((f) => f.key === 'duration');
  return field?.kind === 'string' ? parseDuration(field.value as string) : undefined;
}

export function cuesOf(items: readonly SourceItem[], durationSec?: number): CueList {
  const grouped = groupTurns(items);
  const ordered = inTimeOrder(grouped.turns);
  const cues = timed(ordered.turns, durationSec);
  return { cues, warnings: [...grouped.warnings, ...ordered.warnings] };
}

interface Turn {
  sec: number;
  who?: string;
  lines: string[];
  fileLine: number;
}

/** Timed lines with their continuation paragraphs, in file order. */
function groupTurns(items: readonly SourceItem[]): { turns: Turn[]; warnings: string[] } {
  const turns: Turn[] = [];
  const beforeFirst: string[] = [];
  const beforeFirstLines: number[] = [];
  const otherSpeaker: number[] = [];
  const empty: number[] = [];
  for (const item of items) {
    if (item.kind === 'header') continue;
    if (isBlank(item.text)) {
      empty.push(item.fileLine);
      continue;
    }
    const text = oneLine(item.text);
    if (item.sec !== undefined) {
      turns.push({ sec: item.sec, who: item.who, lines: [text], fileLine: item.fileLine });
      continue;
    }
    const current = turns[turns.length - 1];
    if (!current) {
      beforeFirst.push(text);
      beforeFirstLines.push(item.fileLine);
      continue;
    }
    if (item.who !== current.who) otherSpeaker.push(item.fileLine);
    current.lines.push(text);
  }
  if (turns.length === 0) return { turns, warnings: [] };
  turns[0].lines = [...beforeFirst, ...turns[0].lines];
  const warnings: string[] = [];
  if (empty.length > 0) warnings.push(`${counted(empty.length, 'line')} with no text left out (${fileLines(empty)}).`);
  if (beforeFirst.length > 0) warnings.push(`${counted(beforeFirst.length, 'untimed line')} before the first timed line joined into the first cue (${fileLines(beforeFirstLines)}).`);
  if (otherSpeaker.length > 0) {
    warnings.push(`${counted(otherSpeaker.length, 'untimed line')} of another speaker than the line before (or of none) joined into that line's cue, under its speaker (${fileLines(otherSpeaker)}).`);
  }
  return { turns, warnings };
}

/** Stable sort by `sec`; says where `sec` ran back, since those lines move. */
function inTimeOrder(turns: Turn[]): { turns: Turn[]; warnings: string[] } {
  // Counted as the lint rule counts: a line whose sec is lower than the timed line's before it.
  const back = turns.filter((turn, i) => i > 0 && turn.sec < turns[i - 1].sec).map((turn) => turn.fileLine);
  if (back.length === 0) return { turns, warnings: [] };
  const sorted = turns.map((turn, index) => ({ turn, index })).sort((a, b) => a.turn.sec - b.turn.sec || a.index - b.index).map((entry) => entry.turn);
  return { turns: sorted, warnings: [`sec runs back at ${counted(back.length, 'line')} (${fileLines(back)}): cues are placed in time order, each at its own sec.`] };
}

/** Start and end of each cue, as the module comment says. */
function timed(turns: readonly Turn[], durationSec: number | undefined): Cue[] {
  const cues: Cue[] = [];
  const groups = groupBySec(turns);
  let previousStart = -1;
  let lastEnd = 0;
  groups.forEach((group, g) => {
    const from = group[0].sec * 1000;
    const to = g + 1 < groups.length ? groups[g + 1][0].sec * 1000 : lastSecondEndMs(group, from, durationSec);
    const starts = shareSpan(from, to, group.map((turn) => textWeight(turn.lines)), previousStart);
    group.forEach((turn, i) => cues.push({ startMs: starts[i], endMs: 0, who: turn.who, lines: turn.lines, sec: turn.sec, fileLine: turn.fileLine }));
    previousStart = starts[starts.length - 1];
    lastEnd = to;
  });
  cues.forEach((cue, i) => {
    cue.endMs = i + 1 < cues.length ? cues[i + 1].startMs : Math.max(lastEnd, cue.startMs + 1);
  });
  return cues;
}

/** Where the last second's lines end: at the episode's duration when it is later, else after their words. */
function lastSecondEndMs(group: readonly Turn[], from: number, durationSec: number | undefined): number {
  if (durationSec !== undefined && durationSec * 1000 > from) return Math.round(durationSec * 1000);
  return from + speakingMs(group.flatMap((turn) => turn.lines).join(' '));
}

/** How long a text takes to say, at 2.5 words a second and at least one second. */
export function speakingMs(text: string): number {
  return Math.max(MIN_LAST_CUE_MS, Math.round((wordsOf(text).length / WORDS_PER_SECOND) * 1000));
}

/** `HH:MM:SS.mmm` (WebVTT) or `HH:MM:SS,mmm` (SRT). */
export function cueTimestamp(ms: number, separator: '.' | ','): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${two(hours)}:${two(minutes)}:${two(seconds)}${separator}${String(ms % 1000).padStart(3, '0')}`;
}
