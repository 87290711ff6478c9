import { isMap, parseDocument } from 'yaml';
import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, Fix, TextEdit } from '../types';

/**
 * A fix on a flow-style item (`- {line: a, sec: 1}`, or an item of `transcript: [...]`) is offered
 * only when the item's text, fixed, still reads as one map with the keys it had (and the ones the fix
 * adds): a plain value that gained a `,` or a line written in block style would read otherwise.
 * Cheap: only the item's own text is parsed, and only for flow items.
 */
export function dropUnparsableFlowFixes(model: EpisodeModel, findings: Finding[]): Finding[] {
  const items = model.transcript?.items ?? [];
  // Nearly every episode is all block style: one look at the items, and a keystroke pays nothing more.
  if (!items.some((item) => item.flow !== undefined && item.isMap)) return findings;
  // The few fixes each look their item up.
  return findings.map((finding) => {
    if (finding.fixes.length === 0) return finding;
    const kept = finding.fixes.filter((fix) => flowFixParses(model.text, items, fix));
    return kept.length === finding.fixes.length ? finding : { ...finding, fixes: kept };
  });
}

const ITEM_KEYS = new Set(['line', 'header', 'sec', 'time', 'who']);

function flowFixParses(text: string, items: readonly TranscriptItem[], fix: Fix): boolean {
  for (const edit of fix.edits) {
    const item = flowItemAt(items, edit);
    if (!item) continue;
    // Every edit of the fix that lies in this item, applied to the item's text alone.
    const inside = fix.edits.filter((e) => e.start >= item.span.start && e.end <= item.span.end);
    if (inside.some((e) => !(e.start > item.span.start && e.end < item.span.end))) return false;
    let source = text.slice(item.span.start, item.span.end);
    for (const e of [...inside].sort((a, b) => b.start - a.start)) source = source.slice(0, e.start - item.span.start) + e.newText + source.slice(e.end - item.span.start);
    if (!readsAsItem(source, item)) return false;
  }
  return true;
}

/** The flow item an edit touches (its span, edges included), by binary search. */
function flowItemAt(items: readonly TranscriptItem[], edit: TextEdit): TranscriptItem | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    if (edit.end < item.span.start) high = mid - 1;
    else if (edit.start > item.span.end) low = mid + 1;
    else return item.flow && item.isMap ? item : undefined;
  }
  return undefined;
}

function readsAsItem(source: string, item: TranscriptItem): boolean {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
  const keys = doc.contents.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value));
  const before = new Set(item.fields.map((field) => field.key));
  return [...before].every((key) => keys.includes(key)) && keys.every((key) => before.has(key) || ITEM_KEYS.has(key));
}
