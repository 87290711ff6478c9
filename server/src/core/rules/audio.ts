import type { AudioAnalysis } from '../audio/types';
import { recomputeSecFix, recomputeTimeFix } from '../fixes';
import { getField } from '../fields';
import type { EpisodeModel, TranscriptItem } from '../model';
import { formatTime } from '../time';
import type { Finding, Fix, TranscriptConfig } from '../types';
import { RuleContext } from './context';

export const DEFAULT_AUDIO_TOLERANCE_SECONDS = 1.5;
export const DEFAULT_UNTRANSCRIBED_SECONDS = 20;
/** media-offset needs this many timed lines to tell a shift from chance. */
const MIN_LINES_FOR_OFFSET = 5;
/** Shifts looked for, either way (an intro cut or added). */
const MAX_OFFSET_SECONDS = 600;
/** The shift command the media-offset fix runs (the server's transcripts.shiftTimes). */
export const SHIFT_TIMES_COMMAND = 'transcripts.shiftTimes';

/**
 * The audio rules (issue 24), for an episode whose media was analysed: `sec` against the speech
 * onsets (sec-off-speech), the transcript as a whole against the audio (media-offset), speech with
 * no line (speech-untranscribed), and times past the end (sec-past-media). Kept apart from
 * analyze(): they need the analysis, which the host brings (the player's media, `--media`).
 */
export function checkAudio(model: EpisodeModel, config: TranscriptConfig, analysis: AudioAnalysis, lineOf?: (offset: number) => number): Finding[] {
  if (!model.isEpisode || config.audio?.enabled === false) return [];
  if (model.syntaxErrors.length > 0 && !model.recovered) return [];
  const ctx = new RuleContext(model, config, lineOf);
  const tolerance = config.audio?.toleranceSeconds ?? DEFAULT_AUDIO_TOLERANCE_SECONDS;
  const starts = lineStarts(ctx);
  const onsets = analysis.speech.map(([onset]) => onset);
  const inMedia = starts.filter((item) => item.sec! <= analysis.duration);
  for (const item of starts) if (item.sec! > analysis.duration) reportPastMedia(ctx, item, analysis.duration);
  const offset = findOffset(inMedia, onsets, tolerance);
  if (offset) reportOffset(ctx, inMedia[0], offset);
  else for (const item of inMedia) checkOffSpeech(ctx, item, onsets, tolerance);
  checkUntranscribed(ctx, inMedia, analysis, offset?.seconds ?? 0);
  return ctx.findings.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}

/** The first line of each `sec` (continuations repeating it are the same start). */
function lineStarts(ctx: RuleContext): TranscriptItem[] {
  const starts: TranscriptItem[] = [];
  let previous: number | undefined;
  for (const item of ctx.timed) {
    if (item.kind === 'line' && item.sec !== previous) starts.push(item);
    previous = item.sec;
  }
  return starts;
}

/** How far an onset is from a line at `sec`: `sec` is the start cut down to a whole second, so the start lies in [sec, sec + 1). */
function distance(onset: number, sec: number): number {
  if (onset < sec) return sec - onset;
  return onset > sec + 1 ? onset - sec - 1 : 0;
}

/** The onset nearest to a second (binary search; onsets are sorted). */
function nearestOnset(onsets: readonly number[], sec: number): number | undefined {
  if (onsets.length === 0) return undefined;
  let low = 0;
  let high = onsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (onsets[mid] < sec + 0.5) low = mid + 1;
    else high = mid;
  }
  const candidates = [onsets[low], onsets[low - 1]].filter((o) => o !== undefined);
  return candidates.reduce((best, o) => (distance(o, sec) < distance(best, sec) ? o : best));
}

function matches(starts: readonly TranscriptItem[], onsets: readonly number[], tolerance: number, shift: number): number {
  let count = 0;
  for (const item of starts) {
    const onset = nearestOnset(onsets, item.sec! + shift);
    if (onset !== undefined && distance(onset, item.sec! + shift) <= tolerance) count++;
  }
  return count;
}

interface Offset {
  seconds: number;
  matched: number;
  matchedUnshifted: number;
}

/**
 * A constant shift of the whole transcript: the whole-second shift (Shift Times moves by whole
 * seconds) under which most lines start at an onset, at least twice as many as unshifted. Candidate
 * shifts come from the onsets near each line, so the search stays linear in practice.
 */
function findOffset(starts: readonly TranscriptItem[], onsets: readonly number[], tolerance: number): Offset | undefined {
  if (starts.length < MIN_LINES_FOR_OFFSET || onsets.length === 0) return undefined;
  const votes = new Map<number, number>();
  for (const item of starts) {
    const seen = new Set<number>();
    for (const onset of onsets) {
      const shift = Math.round(onset - item.sec! - 0.5);
      if (Math.abs(shift) > MAX_OFFSET_SECONDS || seen.has(shift)) continue;
      seen.add(shift);
      votes.set(shift, (votes.get(shift) ?? 0) + 1);
    }
  }
  const matchedUnshifted = matches(starts, onsets, tolerance, 0);
  const candidates = [...votes.entries()].filter(([shift]) => Math.abs(shift) > tolerance).sort((a, b) => b[1] - a[1]).slice(0, 8);
  let best: Offset | undefined;
  for (const [shift] of candidates) {
    const matched = matches(starts, onsets, tolerance, shift);
    if (!best || matched > best.matched) best = { seconds: shift, matched, matchedUnshifted };
  }
  if (!best || best.matched * 2 < starts.length || best.matched < 2 * matchedUnshifted || best.matched < MIN_LINES_FOR_OFFSET) return undefined;
  // Neighbouring shifts match alike (a start lies anywhere in its second): take the typical distance from sec to its onset.
  const differences = starts.map((item) => nearestOnset(onsets, item.sec! + best!.seconds)! - item.sec!).sort((a, b) => a - b);
  const seconds = wholeSecond(differences[differences.length >> 1]);
  return seconds === 0 ? undefined : { ...best, seconds, matched: matches(starts, onsets, tolerance, seconds) };
}

function secSpan(item: TranscriptItem) {
  const field = getField(item.fields, 'sec')!;
  return field.valueSpan ?? field.keySpan;
}

function reportPastMedia(ctx: RuleContext, item: TranscriptItem, duration: number): void {
  ctx.report('sec-past-media', secSpan(item), `sec ${item.sec} (${formatTime(item.sec!)}) is after the end of the media (${formatTime(Math.floor(duration))}, ${round1(duration)} s)`);
}

function reportOffset(ctx: RuleContext, first: TranscriptItem, offset: Offset): void {
  const total = lineStarts(ctx).filter((item) => item.sec !== undefined).length;
  const direction = offset.seconds > 0 ? 'later' : 'earlier';
  const signed = offset.seconds > 0 ? `+${offset.seconds}` : String(offset.seconds);
  const message = `the transcript is offset from its audio by ${signed} s: ${offset.matched} of ${total} lines start where speech starts ${Math.abs(offset.seconds)} s ${direction} (${offset.matchedUnshifted} at their own sec)`;
  const fix: Fix = {
    title: `Shift all times by ${signed} s`,
    edits: [],
    command: { command: SHIFT_TIMES_COMMAND, arguments: [{ uri: ctx.model.uri, line: ctx.lineNumber(first.span.start) - 1, delta: offset.seconds }] },
    safe: false,
  };
  ctx.report('media-offset', secSpan(first), message, [fix]);
}

function checkOffSpeech(ctx: RuleContext, item: TranscriptItem, onsets: readonly number[], tolerance: number): void {
  const onset = nearestOnset(onsets, item.sec!);
  if (onset === undefined || distance(onset, item.sec!) <= tolerance) return;
  const snapped = Math.max(0, wholeSecond(onset));
  const message = `sec ${item.sec} (${formatTime(item.sec!)}) is ${Math.round(distance(onset, item.sec!))} s from the nearest start of speech, at ${formatTime(snapped)}`;
  ctx.report('sec-off-speech', secSpan(item), message, [snapFix(ctx, item, snapped)]);
}

/** Sets `sec` and `time` together: one edit, one undo step. Not safe: the nearest onset may be another line's. */
function snapFix(ctx: RuleContext, item: TranscriptItem, sec: number): Fix {
  const text = ctx.model.text;
  const edits = [...recomputeSecFix(item, sec, text).edits, ...(getField(item.fields, 'time') ? recomputeTimeFix(item, sec, text).edits : [])];
  return { title: `Snap to speech at ${formatTime(sec)}`, edits: edits.sort((a, b) => a.start - b.start), isPreferred: true, safe: false };
}

/**
 * Speech with no line: between one line's start and the next, the speech heard minus what the
 * lines' words take at the episode's own pace (seconds of speech per word, its median over the
 * spans); a remainder of `untranscribedSeconds` or more is a passage that lost its line.
 */
function checkUntranscribed(ctx: RuleContext, starts: readonly TranscriptItem[], analysis: AudioAnalysis, shift: number): void {
  const minimum = ctx.config.audio?.untranscribedSeconds ?? DEFAULT_UNTRANSCRIBED_SECONDS;
  if (starts.length < 2) return;
  const spans = starts.slice(0, -1).map((item, i) => {
    const [from, to] = [item.sec! + shift, starts[i + 1].sec! + shift];
    return { item, from, to, speech: speechBetween(analysis.speech, from, to), words: wordsFrom(ctx, item, starts[i + 1]) };
  }).filter((s) => s.to > s.from);
  const paces = spans.filter((s) => s.words >= 5).map((s) => s.speech / s.words).sort((a, b) => a - b);
  if (paces.length === 0) return;
  const pace = paces[paces.length >> 1];
  for (const span of spans) {
    const extra = span.speech - span.words * pace;
    if (extra < minimum) continue;
    const message = `about ${Math.round(extra)} s of speech between ${formatTime(Math.floor(span.from))} and ${formatTime(Math.floor(span.to))} has no line: ${span.speech.toFixed(0)} s of speech for ${span.words} words (about ${Math.round(span.words * pace)} s at this episode's pace)`;
    ctx.report('speech-untranscribed', secSpan(span.item), message);
  }
}

function speechBetween(speech: AudioAnalysis['speech'], from: number, to: number): number {
  let total = 0;
  for (const [onset, end] of speech) {
    if (end <= from) continue;
    if (onset >= to) break;
    total += Math.min(end, to) - Math.max(onset, from);
  }
  return total;
}

/** Words of the spoken lines from one start up to the next (continuations included). */
function wordsFrom(ctx: RuleContext, from: TranscriptItem, to: TranscriptItem): number {
  let words = 0;
  for (let i = from.index; i < to.index; i++) {
    const line = ctx.items[i].line;
    if (line !== undefined && ctx.items[i].kind === 'line') words += line.match(/\S+/g)?.length ?? 0;
  }
  return words;
}

/**
 * The `sec` of a start heard at `onset`: the whole second it falls in, as the site's times are cut
 * down; an onset within 0.1 s before a whole second counts as that second (the VAD's 30 ms frames
 * may place it a frame early).
 */
function wholeSecond(onset: number): number {
  return Math.floor(onset + 0.1);
}

function round1(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
