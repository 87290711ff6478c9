import type { EpisodeModel, Field, TranscriptItem } from '../model';
import { countLines, editedItemProblem } from '../limits';
import { parseItemChunk } from './itemUnits';
import { readItem } from './nodes';
import { shiftedField, shiftItem } from './shift';

/** A text change in offsets of the text before it. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * The model after an edit that stays inside one transcript item: only that item is parsed again,
 * the items after it move by the length difference. Returns undefined when the edit is not
 * provably local (it touches an item boundary, text between items, anything outside the
 * transcript, or the item no longer reads as exactly one block item); the caller then parses the
 * whole document. A differential test checks the result equals a full parse.
 */
export function updateEpisode(model: EpisodeModel, change: TextChange, newText: string): EpisodeModel | undefined {
  const items = model.transcript?.items;
  if (!items || !model.isEpisode || model.syntaxErrors.length > 0 || model.hasAnchors || !model.frontMatter) return undefined;
  const index = findItemStrictlyContaining(items, change);
  if (index === undefined) return undefined;
  const old = items[index];
  const delta = change.text.length - (change.end - change.start);
  if (newText.length !== model.text.length + delta) return undefined;
  const itemText = newText.slice(old.region.start, old.region.end + delta);
  // An edit that takes the front matter past the parser's limits is reported by a full parse.
  // The old text passed them, so the sizes and this item's own lines are all there is to check.
  if (!model.limits) return undefined;
  const lines = model.limits.lines + countLines(change.text) - countLines(model.text.slice(change.start, change.end));
  const length = model.frontMatter.contentEnd - model.frontMatter.contentStart + delta;
  if (editedItemProblem(itemText, length, lines, model.limits.maxKB)) return undefined;
  const indent = dashIndent(model.text, old.region.start);
  if (dashIndent(itemText, 0) !== indent || !isOneBlockItem(itemText, indent)) return undefined;

  const parsed = parseItemChunk(itemText);
  if (!parsed) return undefined;
  const item = readItem(parsed.node, index, newText, old.region.start);
  if (item.region.start !== old.region.start || item.region.end !== old.region.end + delta) return undefined;

  const newItems = items.slice();
  newItems[index] = item;
  for (let i = index + 1; i < newItems.length; i++) shiftItem(newItems[i], delta);
  const transcriptField = stretched(model.transcript!.field, delta);
  return {
    ...model,
    text: newText,
    frontMatter: { ...model.frontMatter, contentEnd: model.frontMatter.contentEnd + delta },
    limits: { maxKB: model.limits.maxKB, lines },
    topLevel: model.topLevel.map((field) => {
      if (field === model.transcript!.field) return transcriptField;
      return field.keySpan.start >= change.end ? shiftedField(field, delta) : field;
    }),
    transcript: { field: transcriptField, items: newItems },
  };
}

/** The transcript's own value grows or shrinks with the edit. */
function stretched(field: Field, delta: number): Field {
  return { ...field, valueSpan: field.valueSpan && { start: field.valueSpan.start, end: field.valueSpan.end + delta } };
}

/** The item whose region holds the change, with the item's first character and final line break untouched. */
function findItemStrictlyContaining(items: readonly TranscriptItem[], change: TextChange): number | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const region = items[mid].region;
    if (change.start <= region.start) high = mid - 1;
    else if (change.start >= region.end) low = mid + 1;
    else return change.end < region.end ? mid : undefined;
  }
  return undefined;
}

function dashIndent(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ') i++;
  return i - from;
}

/**
 * The item text still starts with `- ` and every later line is blank or indented past the dash,
 * so it cannot have become two items or swallowed a key of the enclosing map; it ends with a line break.
 */
function isOneBlockItem(itemText: string, indent: number): boolean {
  if (itemText[indent] !== '-' || !/^[ \r\n]/.test(itemText[indent + 1] ?? '')) return false;
  if (!/[\r\n]$/.test(itemText)) return false;
  const lines = itemText.split(/\r\n|\n|\r/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    let column = 0;
    while (line[column] === ' ') column++;
    if (column <= indent) return false;
  }
  return true;
}
