import type { Field, TranscriptItem } from '../model';
import type { Span } from '../types';

/** Moving read fields and items by an offset: after an edit before them, or a cut-out list (itemUnits.ts). */

function shiftSpan(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}

export function shiftFieldInPlace(field: Field, delta: number): void {
  shiftSpan(field.keySpan, delta);
  if (field.valueSpan) shiftSpan(field.valueSpan, delta);
  field.children?.forEach((child) => shiftFieldInPlace(child, delta));
}

/** Items after an edit only move: their objects are kept, their offsets shift. */
export function shiftItem(item: TranscriptItem, delta: number): void {
  shiftSpan(item.span, delta);
  shiftSpan(item.region, delta);
  for (const field of item.fields) shiftFieldInPlace(field, delta);
}

export function shiftedField(field: Field, delta: number): Field {
  const copy = cloneField(field);
  shiftFieldInPlace(copy, delta);
  return copy;
}

function cloneField(field: Field): Field {
  return {
    ...field,
    keySpan: { ...field.keySpan },
    valueSpan: field.valueSpan && { ...field.valueSpan },
    children: field.children?.map(cloneField),
  };
}
