import { getField } from '../fields';
import type { TranscriptItem } from '../model';
import { firstWords } from '../text';
import { formatTime } from '../time';
import type { RuleContext } from './context';
import { ChangeTest, repeatsNeighbourLine, timelineChanged } from './incremental';

/** Fewer words than this between two times are too few to call the pace too fast. */
export const MIN_FAST_WORDS = 20;
/** A span longer than this (seconds) with fewer than SLOW_WORDS_PER_MINUTE is too slow. */
export const SLOW_SPAN_SECONDS = 120;
export const SLOW_WORDS_PER_MINUTE = 10;
export const DEFAULT_MAX_WORDS_PER_MINUTE = 350;
/** A repeated paragraph must be this long (words) to be told apart from a common short answer. */
const MIN_REPEAT_WORDS = 12;

/** The lines spoken from one `sec` to the next higher one: a timed line, its same-`sec` and untimed continuations. */
interface Span {
  first: TranscriptItem;
  lines: TranscriptItem[];
  start: number;
  end: number;
  words: number;
}

/**
 * speech-rate: people speak 100 to 200 words a minute, so a span between two `sec` values holding far
 * more words has a wrong `sec` (or a pasted copy of a paragraph), and a long span with almost no
 * words has a wrong `sec` or lost text. Spans that run backwards are sec-order's.
 */
export function checkSpeechRate(ctx: RuleContext): void {
  if (!ctx.isEnabled('speech-rate')) return;
  const maxRate = ctx.config.maxWordsPerMinute ?? DEFAULT_MAX_WORDS_PER_MINUTE;
  const spans = speechSpans(ctx);
  const typical = medianRate(spans);
  spans.forEach((span, i) => {
    // sec values are whole seconds cut down from the real times: a span of n s may last up to n + 1 s.
    const minutes = (span.end - span.start + 1) / 60;
    const rate = span.words / minutes;
    const written = span.words / ((span.end - span.start) / 60);
    if (span.words >= MIN_FAST_WORDS && rate > maxRate) reportFast(ctx, spans, i, written, typical);
    else if (span.end - span.start > SLOW_SPAN_SECONDS && rate < SLOW_WORDS_PER_MINUTE) reportSlow(ctx, spans, i, written);
  });
}

/**
 * What speech-rate reads of an item: kind, sec, word count, whether it copies a neighbour; and,
 * while a span is reported, the words themselves (a repeated paragraph is looked up by them).
 */
export const speechRateChanged: ChangeTest = ({ before, after, index }, items, kept) =>
  timelineChanged({ before, after }) || before.line === undefined || after.line === undefined || wordsOf(before) !== wordsOf(after) ||
  repeatsNeighbourLine(before, index, items) || repeatsNeighbourLine(after, index, items) || (kept.length > 0 && keyOf(before) !== keyOf(after));

function speechSpans(ctx: RuleContext): Span[] {
  const copies = adjacentCopies(ctx.lines);
  const spans: Span[] = [];
  // The span being read; its end is the next higher sec (NaN until then: it is pushed only once that is known).
  let current: Span | undefined;
  for (const item of ctx.items) {
    if (item.kind === 'broken') { current = undefined; continue; }
    if (item.kind !== 'line') continue;
    if (item.sec !== undefined && (current === undefined || item.sec !== current.start)) {
      if (current && item.sec > current.start && !ctx.brokenBetween(current.first, item)) {
        current.end = item.sec;
        spans.push(current);
      }
      current = { first: item, lines: [], start: item.sec, end: NaN, words: 0 };
    }
    // A copy next to its original is item-duplicate's; the time it crowds is not a wrong sec.
    if (!current || copies.has(item)) continue;
    current.lines.push(item);
    current.words += wordsOf(item);
  }
  return spans;
}

/** Lines that repeat their neighbour word for word, all but one of each run (the timed one, as item-duplicate keeps). */
function adjacentCopies(lines: readonly TranscriptItem[]): Set<TranscriptItem> {
  const copies = new Set<TranscriptItem>();
  let runStart = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && lines[i].line!.trim() === lines[i - 1].line!.trim()) continue;
    if (i - runStart > 1) {
      let keep = runStart;
      while (keep < i && lines[keep].sec === undefined) keep++;
      if (keep === i) keep = runStart;
      for (let k = runStart; k < i; k++) if (k !== keep) copies.add(lines[k]);
    }
    runStart = i;
  }
  return copies;
}


function wordCount(text: string): number {
  const words = text.match(/\S+/g);
  return words ? words.length : 0;
}

/** Each line's word count and normalised text, kept with the item object (its text does not change while it lives). */
const lineFacts = new WeakMap<TranscriptItem, { words: number; key?: string }>();

function factsOf(item: TranscriptItem): { words: number; key?: string } {
  let facts = lineFacts.get(item);
  if (!facts) lineFacts.set(item, (facts = { words: wordCount(item.line!) }));
  return facts;
}

function wordsOf(item: TranscriptItem): number {
  return factsOf(item).words;
}

function keyOf(item: TranscriptItem): string {
  const facts = factsOf(item);
  return (facts.key ??= normalize(item.line!));
}

/** The episode's usual pace, to say how long a span's words would take. */
function medianRate(spans: Span[]): number {
  const rates: number[] = [];
  for (const span of spans) if (span.words >= 5) rates.push(span.words / ((span.end - span.start) / 60));
  // Numbers in a typed array sort by value without a compare callback.
  const sorted = Float64Array.from(rates).sort();
  return sorted.length === 0 ? 150 : sorted[sorted.length >> 1];
}

function describe(span: Span, rate: number): string {
  const seconds = span.end - span.start;
  return `${span.words} words in ${seconds} s from sec ${span.start} (${formatTime(span.start)}) to ${span.end} (${formatTime(span.end)}), ${Math.round(rate)} words a minute`;
}

function reportFast(ctx: RuleContext, spans: Span[], i: number, rate: number, typical: number): void {
  const span = spans[i];
  const repeat = repeatedParagraph(ctx, span);
  const secSpan = getField(span.first.fields, 'sec')!.valueSpan!;
  if (repeat) {
    const field = getField(repeat.copy.fields, 'line')!;
    const where = `line ${ctx.lineNumber(repeat.original.span.start)}`;
    const message = `${describe(span, rate)}: the paragraph "${firstWords(repeat.copy.line!, 40)}" repeats the one at ${where}`;
    ctx.report('speech-rate', field.valueSpan ?? field.keySpan, message);
    return;
  }
  const needed = Math.round((span.words / typical) * 60);
  const previous = spans[i - 1];
  const next = spans[i + 1];
  const previousSlack = previous && previous.end === span.start ? previous.end - previous.start - (previous.words / typical) * 60 : 0;
  const nextSlack = next && next.start === span.end ? next.end - next.start - (next.words / typical) * 60 : 0;
  let suspect: string;
  if (previousSlack >= needed / 2 && previousSlack >= nextSlack) suspect = `this sec (${span.start}) looks too late: the span before it is slow`;
  else if (nextSlack >= needed / 2) suspect = `the next sec (${span.end}, line ${ctx.lineNumber(next.first.span.start)}) looks too early: the span after it is slow`;
  else suspect = `at this episode's ${Math.round(typical)} words a minute they take about ${needed} s`;
  ctx.report('speech-rate', secSpan, `${describe(span, rate)}: ${suspect}`);
}

function reportSlow(ctx: RuleContext, spans: Span[], i: number, rate: number): void {
  const span = spans[i];
  const secSpan = getField(span.first.fields, 'sec')!.valueSpan!;
  ctx.report('speech-rate', secSpan, `${describe(span, rate)}: a sec is wrong here, or text is missing`);
}

/** A paragraph of the span that repeats another spoken line of the episode, word for word. */
function repeatedParagraph(ctx: RuleContext, span: Span): { copy: TranscriptItem; original: TranscriptItem } | undefined {
  const byText = paragraphIndex(ctx);
  for (const item of span.lines) {
    const key = keyOf(item);
    if (wordCount(key) < MIN_REPEAT_WORDS) continue;
    const same = byText.get(key);
    // Only the later copy crowds its span wrongly; the first one is where the paragraph was spoken.
    if (!same || same.length < 2 || same[0] === item) continue;
    return { copy: item, original: same[0] };
  }
  return undefined;
}

/** Each spoken line by its normalised text, in document order: per analysis, and the last one per document. */
interface ParagraphIndex {
  lines: readonly TranscriptItem[];
  byText: Map<string, TranscriptItem[]>;
}
const indexes = new WeakMap<object, ParagraphIndex>();
const lastIndexes = new Map<string, ParagraphIndex>();
const MAX_DOCUMENTS = 64;

function paragraphIndex(ctx: RuleContext): Map<string, TranscriptItem[]> {
  let index = indexes.get(ctx);
  if (index) return index.byText;
  const last = lastIndexes.get(ctx.model.uri);
  // A keystroke replaces one item: the last index, that one line moved, instead of every line read again.
  index = (last && updatedIndex(last, ctx.lines)) ?? { lines: ctx.lines, byText: buildIndex(ctx.lines) };
  indexes.set(ctx, index);
  if (lastIndexes.size >= MAX_DOCUMENTS && !lastIndexes.has(ctx.model.uri)) lastIndexes.clear();
  lastIndexes.set(ctx.model.uri, index);
  return index.byText;
}

function buildIndex(lines: readonly TranscriptItem[]): Map<string, TranscriptItem[]> {
  const byText = new Map<string, TranscriptItem[]>();
  for (const item of lines) {
    const key = keyOf(item);
    const list = byText.get(key);
    if (list) list.push(item);
    else byText.set(key, [item]);
  }
  return byText;
}

/**
 * The last index for these lines when they are its lines with at most one replaced (the same
 * objects elsewhere, so the same order), updated in place; undefined otherwise. The last index is
 * handed over: it is this document's index from now on.
 */
function updatedIndex(last: ParagraphIndex, lines: readonly TranscriptItem[]): ParagraphIndex | undefined {
  if (last.lines.length !== lines.length) return undefined;
  let changed = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === last.lines[i]) continue;
    if (changed >= 0) return undefined;
    changed = i;
  }
  if (changed < 0) return { lines, byText: last.byText };
  const before = last.lines[changed];
  const after = lines[changed];
  const old = last.byText.get(keyOf(before));
  const at = old ? old.indexOf(before) : -1;
  if (!old || at < 0) return undefined;
  if (old.length === 1) last.byText.delete(keyOf(before));
  else old.splice(at, 1);
  const key = keyOf(after);
  const list = last.byText.get(key);
  if (!list) last.byText.set(key, [after]);
  else {
    let k = list.length;
    while (k > 0 && list[k - 1].index > after.index) k--;
    list.splice(k, 0, after);
  }
  return { lines, byText: last.byText };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
