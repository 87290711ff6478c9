import { isAlias, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { Field, QuoteStyle, Speaker, TranscriptItem, ValueKind } from '../model';
import { endOfLine, startOfLine } from '../text';
import { isNonNegativeInteger } from '../fields';

/**
 * Reading parsed YAML nodes into the model's plain fields and items, with document offsets. Shared
 * by every way the front matter is parsed: whole, item by item, one edited item, or unit by unit
 * when it does not parse (recovery/).
 */

const TRAILING_PUNCTUATION = /[:.]+$/;

/**
 * Speakers are interned: a transcript has a handful of names repeated thousands of times, and
 * shared objects make the per-keystroke speaker counts identity lookups. Bounded, so hostile input
 * with endless distinct names cannot grow it without limit.
 */
const internedSpeakers = new Map<string, Speaker>();
const MAX_INTERNED_SPEAKERS = 4096;

export function readSpeaker(who: string): Speaker {
  let speaker = internedSpeakers.get(who);
  if (speaker) return speaker;
  const name = who.trim();
  const words = name === '' ? 0 : name.split(/\s+/).length;
  speaker = Object.freeze({ name, bare: name.replace(TRAILING_PUNCTUATION, ''), speech: name.length > 40 || words > 4, words });
  if (internedSpeakers.size >= MAX_INTERNED_SPEAKERS) internedSpeakers.clear();
  internedSpeakers.set(who, speaker);
  return speaker;
}

export function hasAnchors(doc: Document.Parsed | Document, source: string): boolean {
  if (!source.includes('&') && !source.includes('*')) return false;
  let found = false;
  visit(doc, (_key, node) => {
    if (isAlias(node) || ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/**
 * One item of a sequence. `inFlowSequence`: the item sits in a `[…]` list, where many items share a
 * line: its region is its own text (scanning its line for every item would be quadratic).
 */
export function readItem(node: YamlNode | null, index: number, text: string, base: number, inFlowSequence = false): TranscriptItem {
  const range = node?.range ?? [0, 0, 0];
  const span = { start: base + range[0], end: trimEnd(text, base + range[0], base + range[1]) };
  const lineStart = inFlowSequence ? span.start : startOfLine(text, span.start);
  const region = inFlowSequence ? { ...span } : { start: lineStart, end: endOfLine(text, base + range[2] > span.end ? base + range[2] : span.end) };
  const item: TranscriptItem = {
    index,
    span,
    region,
    isMap: isMap(node),
    fields: isMap(node) ? readMapFields(node, base) : [],
    keyColumn: span.start - lineStart,
    kind: 'other',
  };
  if (inFlowSequence) item.flow = 'sequence';
  else if (isMap(node) && node.flow) item.flow = 'map';
  for (const field of item.fields) {
    if (field.kind === 'string' || field.kind === 'number') {
      const value = String(field.value);
      if (field.key === 'header' && item.header === undefined) item.header = value;
      if (field.key === 'line' && item.line === undefined) item.line = value;
      if (field.key === 'who' && item.who === undefined) item.who = value;
      if (field.key === 'time' && item.time === undefined && field.kind === 'string') item.time = value;
    }
    if (field.key === 'sec' && item.sec === undefined && isNonNegativeInteger(field)) item.sec = field.value as number;
  }
  if (item.isMap && item.header !== undefined && item.line === undefined) item.kind = 'header';
  if (item.isMap && item.line !== undefined && item.header === undefined) item.kind = 'line';
  if (item.who !== undefined) item.speaker = readSpeaker(item.who);
  return item;
}

/** A map node's range runs past its last line break; items end at their last character. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

export function readMapFields(map: YAMLMap, base: number): Field[] {
  const fields: Field[] = [];
  for (const pair of map.items as Pair<unknown, unknown>[]) {
    const key = pair.key;
    if (!isScalar(key) || !key.range) continue;
    fields.push(readField(String(key.value), key as Scalar, pair.value as YamlNode | null, base));
  }
  return fields;
}

function readField(key: string, keyNode: Scalar, value: YamlNode | null, base: number): Field {
  const keyRange = keyNode.range!;
  const field: Field = { key, keySpan: { start: base + keyRange[0], end: base + keyRange[1] }, kind: 'null', value: null };
  if (!value || !value.range) return field;
  const [start, end] = value.range;
  if (end > start) field.valueSpan = { start: base + start, end: base + end };
  if (isScalar(value)) {
    field.value = value.value;
    field.kind = scalarKind(value.value);
    field.quote = quoteStyle(value.type);
  } else if (isMap(value)) {
    field.kind = 'map';
    field.children = readMapFields(value, base);
  } else if (isSeq(value)) {
    field.kind = 'seq';
  } else if (isAlias(value)) {
    field.kind = 'alias';
  } else {
    field.kind = 'other';
  }
  return field;
}

function scalarKind(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'other';
}

function quoteStyle(type: Scalar['type']): QuoteStyle {
  switch (type) {
    case 'QUOTE_SINGLE': return 'single';
    case 'QUOTE_DOUBLE': return 'double';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL': return 'block';
    default: return 'plain';
  }
}

/** The parser's message without its position suffix, on one line. */
export function parserMessage(message: string): string {
  return message.split(/\r?\n/)[0].trim().replace(/ at line \d+, column \d+:?$/, '');
}
