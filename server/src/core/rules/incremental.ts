import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, TranscriptConfig } from '../types';
import type { TermsInput } from '../terms/sources';
import { shiftFinding } from './context';
import type { RuleContext } from './context';

/**
 * What a keystroke re-checks. parse/updateEpisode.ts re-reads only the item an edit touched and
 * moves the others (same objects, offsets shifted), and only when the edit stays inside that item;
 * any other edit is a full parse with all-new item objects. So when a new model shares item objects
 * with the one analysed last, it is that model with one item replaced: the metadata are the same
 * (moved), and every finding that does not touch the replaced item only moves. A rule whose inputs
 * did not change at that item (its `changed` test) keeps its findings, moved; the others run again.
 */

/** The one item that differs from the last analysis of the document. */
export interface ItemChange {
  index: number;
  before: TranscriptItem;
  after: TranscriptItem;
  /** The item's text before and after (its region). */
  beforeText: string;
  afterText: string;
  /** The text before, where `before`'s offsets lie, and after. */
  oldText: string;
  newText: string;
  /** How much longer the document got. */
  delta: number;
}

/** A file check's test: could this change of one item change its findings? `items` are the new items. */
export type ChangeTest = (change: ItemChange, items: readonly TranscriptItem[], kept: readonly Finding[]) => boolean;

/** The last analysis of one document: its items, what it was analysed with, and each check's findings. */
interface Analysed {
  items: readonly TranscriptItem[];
  text: string;
  config: TranscriptConfig;
  terms?: TermsInput;
  /** Findings per file check (by position in FILE_CHECKS), and of the item checks with the index of their item. */
  byCheck: (readonly Finding[])[];
  itemFindings: { owner: number; finding: Finding }[];
}

/** One entry per document URI; a model of another text under the same URI (fix-all's passes) shares no item and replaces it. */
const lastAnalysis = new Map<string, Analysed>();
const MAX_DOCUMENTS = 64;

/** Counts for tests, per file check (its function's name): how often it ran, kept its findings, or re-checked a stretch. */
export const incrementalStats = { ran: new Map<string, number>(), kept: new Map<string, number>(), local: new Map<string, number>() };

export function count(counts: Map<string, number>, name: string): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

export interface Previous {
  analysed: Analysed;
  change: ItemChange;
  /** The site's terms differ from the last analysis (they finished loading, or the site changed): the checks reading them run again. */
  termsChanged: boolean;
}

/**
 * The last analysis of this document and the one item changed since, when the new model is that
 * one with one item re-read (or none), same settings, and the item kept its number of lines (so
 * the line numbers in messages hold). Undefined otherwise: everything runs.
 */
export function previousAnalysis(model: EpisodeModel, config: TranscriptConfig, terms: TermsInput | undefined): Previous | undefined {
  const analysed = lastAnalysis.get(model.uri);
  const items = model.transcript?.items;
  if (!analysed || !items || analysed.config !== config || analysed.items.length !== items.length) return undefined;
  const termsChanged = analysed.terms !== terms;
  let index = -1;
  for (let i = 0; i < items.length; i++) {
    if (items[i] === analysed.items[i]) continue;
    if (index >= 0) return undefined; // Two items changed (edits batched): their old offsets are not all in the old text's terms.
    index = i;
  }
  if (index < 0) return model.text === analysed.text && items.length > 0 ? { analysed, change: noChange(analysed), termsChanged } : undefined;
  // Only a shared item object proves the new model came from the old one by an edit of one item.
  if (items.length === 1) return undefined;
  const before = analysed.items[index];
  const after = items[index];
  const beforeText = analysed.text.slice(before.region.start, before.region.end);
  const afterText = model.text.slice(after.region.start, after.region.end);
  if (lineBreaks(beforeText) !== lineBreaks(afterText)) return undefined;
  if (after.region.start !== before.region.start || !sameAround(analysed.text, model.text, before, after)) return undefined;
  return { analysed, change: { index, before, after, beforeText, afterText, oldText: analysed.text, newText: model.text, delta: model.text.length - analysed.text.length }, termsChanged };
}

/** The same model analysed again (same text, same items): nothing changed. */
function noChange(analysed: Analysed): ItemChange {
  const item = analysed.items[0];
  return { index: -1, before: item, after: item, beforeText: '', afterText: '', oldText: analysed.text, newText: analysed.text, delta: 0 };
}

export function remember(model: EpisodeModel, config: TranscriptConfig, terms: TermsInput | undefined, byCheck: (readonly Finding[])[], itemFindings: Analysed['itemFindings']): void {
  const items = model.transcript?.items;
  if (!items) {
    lastAnalysis.delete(model.uri);
    return;
  }
  if (lastAnalysis.size >= MAX_DOCUMENTS && !lastAnalysis.has(model.uri)) lastAnalysis.clear();
  lastAnalysis.set(model.uri, { items, text: model.text, config, terms, byCheck, itemFindings });
}

/**
 * A check's findings of the last analysis, moved past the change, when the change cannot have
 * changed them: the check's own test says so, none of them lies on the changed item, and it does
 * not read the site's terms or they are the same.
 */
export function keptFindings(previous: Previous, check: number, changed: ChangeTest | undefined, items: readonly TranscriptItem[], readsTerms = false): Finding[] | undefined {
  const kept = previous.analysed.byCheck[check];
  const { change } = previous;
  if (!kept || !changed || (readsTerms && previous.termsChanged)) return undefined;
  if (change.index < 0) return kept.slice();
  if (changed(change, items, kept)) return undefined;
  return moved(kept, change);
}

/** Findings moved past a change, or undefined when one lies on the changed item (then it is built again). */
export function moved(findings: readonly Finding[], change: ItemChange): Finding[] | undefined {
  if (change.index < 0) return findings.slice();
  const { start, end } = change.before.region;
  const out: Finding[] = [];
  for (const finding of findings) {
    const side = sideOf(finding, start, end);
    if (side === BEFORE) out.push(finding);
    else if (side === AFTER) out.push(shiftFinding(finding, change.delta));
    else return undefined; // On the changed item, or reaching across it: built again.
  }
  return out;
}

const BEFORE = -1;
const ACROSS = 0;
const AFTER = 1;

/** Where a finding and its fixes' edits lie against [start, end): all before it, all after it, or across. Every keystroke asks this of every kept finding: no arrays. */
function sideOf(finding: Finding, start: number, end: number): number {
  const side = finding.end <= start ? BEFORE : finding.start >= end ? AFTER : ACROSS;
  if (side === ACROSS) return ACROSS;
  for (const fix of finding.fixes) {
    for (const edit of fix.edits) {
      if (side === BEFORE ? edit.end > start : edit.start < end) return ACROSS;
    }
  }
  return side;
}

/**
 * A file check whose findings each belong to a stretch of neighbouring items (item-duplicate's runs of
 * copies): after a change it re-checks only the stretch around the changed item.
 */
export interface LocalRecheck {
  /**
   * The stretch (first and last item index, the changed one inside) that holds every finding the
   * change can alter, whole: no finding reaches across its edges. Undefined: the whole file runs again.
   */
  around: (change: ItemChange, items: readonly TranscriptItem[], lines: readonly TranscriptItem[]) => { first: number; last: number } | undefined;
  /** Reports the findings of the items first..last alone. */
  check: (ctx: RuleContext, first: number, last: number) => void;
}

/**
 * A check's findings after a change, with only the stretch around the changed item checked again: the
 * last analysis's findings before it kept, those after it moved, those in it built again. Undefined
 * when the check cannot say which stretch, or a finding reaches across its edges.
 */
export function recheckedAround(previous: Previous, check: number, local: LocalRecheck | undefined, ctx: RuleContext, readsTerms = false): Finding[] | undefined {
  const kept = previous.analysed.byCheck[check];
  const { change } = previous;
  if (!kept || !local || change.index < 0 || (readsTerms && previous.termsChanged)) return undefined;
  const stretch = local.around(change, ctx.items, ctx.lines);
  if (!stretch || stretch.first > change.index || stretch.last < change.index) return undefined;
  // In the text before the change: items up to the changed one did not move, the ones after it moved by delta.
  const start = ctx.items[stretch.first].region.start;
  const end = ctx.items[stretch.last].region.end - change.delta;
  const out: Finding[] = [];
  for (const finding of kept) {
    const side = sideOf(finding, start, end);
    if (side === BEFORE) out.push(finding);
    else if (side === AFTER) out.push(shiftFinding(finding, change.delta));
    else if (!inside(finding, start, end)) return undefined;
  }
  for (const finding of ctx.collect(() => local.check(ctx, stretch.first, stretch.last))) out.push(finding);
  return out;
}

function inside(finding: Finding, start: number, end: number): boolean {
  if (finding.start < start || finding.end > end) return false;
  return finding.fixes.every((fix) => fix.edits.every((edit) => edit.start >= start && edit.end <= end));
}

/** Where an item is among the spoken lines (binary search by item index), or -1. */
export function lineAt(lines: readonly TranscriptItem[], index: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = lines[mid].index;
    if (at === index) return mid;
    if (at < index) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Characters compared on each side of the changed item by `sameAround`. */
const AROUND = 256;

/**
 * The text next to the item is the same before and after, and the rest only moved: a check of the
 * reasoning above that costs the same at any size (comparing the whole text would cost a keystroke
 * more than everything else at 20,000 items).
 */
function sameAround(oldText: string, newText: string, before: TranscriptItem, after: TranscriptItem): boolean {
  const delta = newText.length - oldText.length;
  if (after.region.end !== before.region.end + delta) return false;
  const from = Math.max(0, before.region.start - AROUND);
  const to = Math.min(oldText.length, before.region.end + AROUND);
  return oldText.slice(from, before.region.start) === newText.slice(from, after.region.start) && oldText.slice(before.region.end, to) === newText.slice(after.region.end, to + delta);
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** Whether an item's line text is that of the spoken line before or after it (item-duplicate, speech-rate copies). */
export function repeatsNeighbourLine(item: TranscriptItem, index: number, items: readonly TranscriptItem[]): boolean {
  if (item.line === undefined) return false;
  const text = item.line.trim();
  let i = index - 1;
  while (i >= 0 && items[i].kind !== 'line') i--;
  if (i >= 0 && items[i].line!.trim() === text) return true;
  i = index + 1;
  while (i < items.length && items[i].kind !== 'line') i++;
  return i < items.length && items[i].line!.trim() === text;
}

/** Whether the changed item differs in kind or in `sec`: what every rule over the timeline reads. */
export function timelineChanged({ before, after }: Pick<ItemChange, 'before' | 'after'>): boolean {
  return before.kind !== after.kind || before.sec !== after.sec || before.isMap !== after.isMap;
}
