import { isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { EpisodeModel, Field, TranscriptItem } from './model';
import { getField, isNonNegativeInteger } from './fields';
import { parseMapPiece } from './parse/itemUnits';
import { readItem } from './parse/nodes';
import { startOfLine } from './text';

/**
 * The episode's `quotableClips` (name, startOffset, url, endOffset per clip) and `guests`. The model
 * keeps only a list's span, so the list is read here from its own lines (a few dozen), once per field
 * object: an edit inside the transcript keeps the field object, any other edit makes a new one.
 */

export interface Clip {
  index: number;
  /** The clip's map, and its whole lines (as for transcript items). */
  span: TranscriptItem['span'];
  region: TranscriptItem['region'];
  fields: Field[];
  name?: string;
  /** `startOffset` / `endOffset` when they are non-negative integers. */
  start?: number;
  end?: number;
  url?: string;
}

const clipCache = new WeakMap<Field, Clip[]>();
const guestCache = new WeakMap<Field, string[]>();

export function readClips(model: EpisodeModel): Clip[] {
  return readSequence(model, 'quotableClips', clipCache, (nodes, base, flow) => nodes.map((node, index) => toClip(readItem(node, index, model.text, base, flow), index)));
}

/** The `guests` entries that are strings (slugs on the real site, names elsewhere). */
export function readGuests(model: EpisodeModel): string[] {
  return readSequence(model, 'guests', guestCache, (nodes) =>
    nodes.flatMap((node) => (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? [String(node.value)] : [])));
}

/** A top-level list, parsed from its own lines once per field object. */
function readSequence<T>(model: EpisodeModel, key: string, cache: WeakMap<Field, T[]>, read: (nodes: YamlNode[], base: number, flow: boolean) => T[]): T[] {
  const field = getField(model.topLevel, key);
  if (!field || field.kind !== 'seq' || !field.valueSpan) return [];
  let values = cache.get(field);
  if (!values) {
    const base = startOfLine(model.text, field.keySpan.start);
    const seq = parseMapPiece(model.text.slice(base, field.valueSpan.end))?.map.get(key, true);
    values = isSeq(seq) ? read(seq.items as YamlNode[], base, seq.flow === true) : [];
    cache.set(field, values);
  }
  return values;
}

function toClip(item: TranscriptItem, index: number): Clip {
  const clip: Clip = { index, span: item.span, region: item.region, fields: item.fields };
  const name = getField(item.fields, 'name');
  if (name && (name.kind === 'string' || name.kind === 'number')) clip.name = String(name.value);
  const start = getField(item.fields, 'startOffset');
  if (start && isNonNegativeInteger(start)) clip.start = start.value as number;
  const end = getField(item.fields, 'endOffset');
  if (end && isNonNegativeInteger(end)) clip.end = end.value as number;
  const url = getField(item.fields, 'url');
  if (url?.kind === 'string') clip.url = url.value as string;
  return clip;
}

/** The clip whose lines hold `offset`. */
export function clipAt(model: EpisodeModel, offset: number): Clip | undefined {
  return readClips(model).find((clip) => offset >= clip.region.start && offset < clip.region.end);
}
