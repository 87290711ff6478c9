import { getField } from '../fields';
import type { TranscriptItem } from '../model';
import { firstWords } from '../text';
import type { Fix, Span } from '../types';
import type { RuleContext } from './context';
import { ChangeTest, ItemChange, lineAt, LocalRecheck, repeatsNeighbourLine, timelineChanged } from './incremental';

/**
 * item-duplicate: the same header twice in a row, or the same line text twice in a row among the
 * spoken lines (headers between them do not break the row: pasted blocks repeat header and line
 * together). A run of copies keeps one item (the first timed one, else one with a speaker) and flags
 * every other, so deleting the flagged ones leaves no new pair behind.
 */
export function checkDuplicates(ctx: RuleContext): void {
  checkDuplicatesIn(ctx, 0, ctx.items.length - 1);
}

/** The runs of copies among the items first..last (whole runs: see duplicatesAround). */
function checkDuplicatesIn(ctx: RuleContext, first: number, last: number): void {
  const items = ctx.items;
  const whole = first === 0 && last === items.length - 1;
  const stretch = whole ? items : items.slice(first, last + 1);
  forEachRun(stretch.filter(isHeader), (a, b) => b.index === a.index + 1 && a.header!.trim() === b.header!.trim(), (run) => reportOnce(ctx, run, 'header'));
  const lines = whole ? ctx.lines : stretch.filter((item) => item.kind === 'line');
  forEachRun(lines, (a, b) => inLineRun(items, a, b), (run) => reportOnce(ctx, run, 'line'));
}

function inLineRun(items: readonly TranscriptItem[], a: TranscriptItem, b: TranscriptItem): boolean {
  return sameLine(a, b) && onlyHeadersBetween(items, a, b);
}

/** What sets an item's part in a run of copies apart from its line's text: its kind, header, speaker, sec, style. */
function runKeysChanged({ before, after }: ItemChange): boolean {
  return timelineChanged({ before, after }) || before.header !== after.header || before.who !== after.who || before.flow !== after.flow;
}

/** An item's part in a run of copies: the keys above, and whether its line repeats a neighbour's. */
export const duplicatesChanged: ChangeTest = (change, items) =>
  runKeysChanged(change) || repeatsNeighbourLine(change.before, change.index, items) || repeatsNeighbourLine(change.after, change.index, items);

/**
 * When only a line's text changed, the runs it can join or leave are those of its neighbours: from
 * the run holding the line before it to the run holding the line after it (pairs further out did
 * not change, so neither did their runs). Typing in one copy of a pasted block re-checks that block,
 * not the episode's other copies.
 */
export const duplicatesAround: LocalRecheck = {
  around: (change, items, lines) => {
    if (runKeysChanged(change) || change.after.kind !== 'line') return undefined;
    const at = lineAt(lines, change.index);
    if (at < 0) return undefined;
    let first = Math.max(0, at - 1);
    while (first > 0 && inLineRun(items, lines[first - 1], lines[first])) first--;
    let last = Math.min(lines.length - 1, at + 1);
    while (last < lines.length - 1 && inLineRun(items, lines[last], lines[last + 1])) last++;
    return { first: lines[first].index, last: lines[last].index };
  },
  check: checkDuplicatesIn,
};

/**
 * A run's messages and fixes are built once while its items are unchanged (ctx.memo): the fix reads
 * the headers around the copies, as far before the run as the run is long.
 */
function reportOnce(ctx: RuleContext, run: TranscriptItem[], what: 'header' | 'line'): void {
  const last = run[run.length - 1].index;
  const from = Math.max(0, 2 * run[0].index - last);
  ctx.memo(`item-duplicate ${what}`, ctx.items.slice(from, last + 1), () => reportRun(ctx, run, what));
}

function isHeader(item: TranscriptItem): boolean {
  return item.kind === 'header';
}

/** Short answers ("Bye.") legitimately repeat across speakers; long texts or the same speaker do not. */
function sameLine(a: TranscriptItem, b: TranscriptItem): boolean {
  // Cheap length test first: nearly every pair of neighbours differs.
  if (Math.abs(a.line!.length - b.line!.length) > 8) return false;
  const text = a.line!.trim();
  if (text !== b.line!.trim()) return false;
  return text.length >= 20 || (a.who !== undefined && a.who === b.who);
}

function onlyHeadersBetween(items: readonly TranscriptItem[], a: TranscriptItem, b: TranscriptItem): boolean {
  for (let i = a.index + 1; i < b.index; i++) if (!isHeader(items[i])) return false;
  return true;
}

function forEachRun(list: readonly TranscriptItem[], same: (a: TranscriptItem, b: TranscriptItem) => boolean, onRun: (run: TranscriptItem[]) => void): void {
  let runStart = 0;
  for (let i = 1; i <= list.length; i++) {
    if (i < list.length && same(list[i - 1], list[i])) continue;
    if (i - runStart > 1) onRun(list.slice(runStart, i));
    runStart = i;
  }
}

function reportRun(ctx: RuleContext, run: TranscriptItem[], what: 'header' | 'line'): void {
  // Keep the copy that loses least: the timed one, else the one with a speaker, else the first.
  const keep = run.find((item) => item.sec !== undefined) ?? run.find((item) => item.who !== undefined) ?? run[0];
  for (const item of run) {
    if (item === keep) continue;
    const field = getField(item.fields, what)!;
    const relation = item.index < keep.index ? 'the next' : 'the previous';
    const text = firstWords(item[what]!, 40);
    const untimed = what === 'line' && item.sec === undefined && keep.sec !== undefined ? ' (this copy has no time)' : '';
    const fix = deleteCopyFix(ctx, run, run.indexOf(item), run.indexOf(keep), what);
    ctx.report('item-duplicate', field.valueSpan ?? field.keySpan, `${what} "${text}" repeats ${relation} ${what}${untimed}`, fix ? [fix] : []);
  }
}

/**
 * Deletes the copy; when header items sit between it and the next copy on the way to the kept one,
 * and they repeat the headers just before the run (a block pasted with its headers) or the headers
 * that would end up right before them, they go with the copy, so no duplicate header is left behind.
 */
function deleteCopyFix(ctx: RuleContext, run: TranscriptItem[], at: number, keepAt: number, what: string): Fix | undefined {
  const items = ctx.items;
  const copy = run[at];
  // An item of a `[…]` list shares its line with its commas: deleting it is left to a person.
  if (copy.flow === 'sequence') return undefined;
  const towardsKeep = at < keepAt ? 1 : -1;
  const neighbour = run[at + towardsKeep];
  const [first, second] = towardsKeep > 0 ? [copy, neighbour] : [neighbour, copy];
  const between = items.slice(first.index + 1, second.index);
  if (between.length === 0) return deleteFix([copy.region], what);
  const repeats = (group: TranscriptItem[]) =>
    group.length === between.length && group.every((item, i) => isHeader(item) && item.header!.trim() === between[i].header!.trim());
  const beforeRun = items.slice(Math.max(0, run[0].index - between.length), run[0].index);
  // The headers on the copy's other side, which deleting the copies joins to these.
  const farSide = towardsKeep > 0
    ? (at > 0 ? items.slice(run[at - 1].index + 1, copy.index) : [])
    : (at - 1 > keepAt ? items.slice(run[at - 2].index + 1, run[at - 1].index) : []);
  if (!repeats(beforeRun) && !repeats(farSide)) return deleteFix([copy.region], what);
  const regions = copy === first ? [copy.region, ...between.map((h) => h.region)] : [...between.map((h) => h.region), copy.region];
  return deleteFix(regions, `${what} and the repeated header${between.length > 1 ? 's' : ''} with it`);
}

function deleteFix(regions: Span[], what: string): Fix {
  // Adjacent item regions join into one deletion.
  const edit = { start: regions[0].start, end: regions[regions.length - 1].end, newText: '' };
  return { title: `Delete the repeated ${what}`, edits: [edit], isPreferred: true, safe: true };
}
