import type { Field } from './model';

/** Questions every reader of the model asks of its fields. */

export function getField(fields: readonly Field[], key: string): Field | undefined {
  return fields.find((f) => f.key === key);
}

export function isNonNegativeInteger(field: Field): boolean {
  return field.kind === 'number' && Number.isSafeInteger(field.value) && (field.value as number) >= 0;
}
