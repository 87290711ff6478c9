import { renameKeyFix } from '../fixes';
import type { Field, TranscriptItem, ValueKind } from '../model';
import { isNonNegativeInteger } from '../fields';
import { editDistance } from '../text';
import type { RuleContext } from './context';

/** schema-type, item-shape, item-unknown-key: the episode's keys hold the kinds of values the site expects. */

const ITEM_KEYS = ['line', 'header', 'sec', 'time', 'who'];
const TEXT_KEYS = new Set(['line', 'header', 'who']);

const KIND_NAMES: Record<ValueKind, string> = {
  string: 'text', number: 'a number', boolean: 'true/false', null: 'empty', map: 'a map', seq: 'a list', alias: 'an alias', other: 'another kind of value',
};

/** Top-level keys (whole-document check). */
export function checkTopLevelSchema(ctx: RuleContext): void {
  for (const field of ctx.model.topLevel) {
    switch (field.key) {
      case 'transcript':
        if (field.kind !== 'seq') reportKind(ctx, field, 'a list of items');
        break;
      case 'season':
      case 'episode':
        if (!isInteger(field)) reportKind(ctx, field, 'a whole number');
        break;
      case 'guests':
        if (field.kind !== 'seq') reportKind(ctx, field, 'a list');
        break;
      case 'ids':
      case 'links':
        if (field.kind !== 'map') reportKind(ctx, field, 'a map');
        break;
    }
  }
}

/** One transcript item's shape and keys (item-local check, cached per item). */
export function checkItemSchema(ctx: RuleContext, item: TranscriptItem): void {
  if (!item.isMap) {
    ctx.report('item-shape', item.span, 'a transcript item must be a map with line or header, not a single value');
    return;
  }
  const has = (key: string) => item.fields.some((f) => f.key === key);
  if (has('header') && has('line')) {
    const header = item.fields.find((f) => f.key === 'header')!;
    ctx.report('item-shape', header.keySpan, 'an item has both header and line: split it into a header item and a line item');
  } else if (!has('header') && !has('line')) {
    const anchor = item.fields[0]?.keySpan ?? item.span;
    ctx.report('item-shape', anchor, 'an item has neither line nor header');
  }
  for (const field of item.fields) {
    if (!ITEM_KEYS.includes(field.key)) reportUnknownKey(ctx, item, field);
    else if (field.key === 'sec' && !isNonNegativeInteger(field)) reportKind(ctx, field, 'a whole number of seconds, 0 or more');
    else if (TEXT_KEYS.has(field.key) && (field.kind === 'map' || field.kind === 'seq' || field.kind === 'alias')) reportKind(ctx, field, 'text');
  }
}

function reportUnknownKey(ctx: RuleContext, item: TranscriptItem, field: Field): void {
  const suggestion = nearestKey(field.key);
  const usable = suggestion !== undefined && !item.fields.some((f) => f.key === suggestion);
  const hint = usable ? `; did you mean '${suggestion}'?` : ` (known keys: ${ITEM_KEYS.join(', ')})`;
  ctx.report('item-unknown-key', field.keySpan, `unknown key '${field.key}' in a transcript item${hint}`, usable ? [renameKeyFix(field, suggestion)] : []);
}

function nearestKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of ITEM_KEYS) {
    const distance = editDistance(lower, known, 2);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  // Two edits turn any 3-letter key into another: only suggest what is closer than a rewrite.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 2)) ? best : undefined;
}

function isInteger(field: Field): boolean {
  return field.kind === 'number' && Number.isSafeInteger(field.value);
}

function reportKind(ctx: RuleContext, field: Field, expected: string): void {
  const shown = field.kind === 'string' ? `'${String(field.value)}'` : field.kind === 'number' ? String(field.value) : KIND_NAMES[field.kind];
  ctx.report('schema-type', field.valueSpan ?? field.keySpan, `${field.key} must be ${expected}, not ${shown}`);
}
