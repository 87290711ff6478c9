import { parseDocument, isMap } from 'yaml';
import { closesOn, isBoundary, keyOf, Line, OpenQuote, quoteOpenedBy, splitLines } from '../parse/recovery/lines';
import type { Span } from '../types';

/**
 * The `key: value` fields of a broken unit, read line by line (the parser cannot say where a
 * broken value ends), and which of them do not parse on their own: those are what a repair changes.
 */

export interface RawField {
  key: string;
  /** Column of the key in its line. */
  keyColumn: number;
  /** Document offset of the value's first character (on the key's line). */
  valueStart: number;
  /** Document offset just past the value's last non-blank character (its last line may be a continuation). */
  valueEnd: number;
  /** The field's lines, from the key's line to the value's last line. */
  lines: Line[];
}

export function fieldsOf(text: string, unit: Span): RawField[] {
  const fields: RawField[] = [];
  let current: RawField | undefined;
  let open: OpenQuote | undefined;
  const lines = splitLines(text, unit.start, unit.end);
  for (const [index, line] of lines.entries()) {
    if (open && current && !isBoundary(lines, index, open)) {
      grow(current, line);
      if (closesOn(text, line, open)) open = undefined;
      continue;
    }
    open = undefined;
    if (line.blank || line.comment) continue;
    const key = keyOf(line);
    const continues = current && current.valueStart < current.lines[0].end && (line.indent > current.keyColumn || !key);
    if (key && !continues) {
      current = { key: key.key, keyColumn: key.keyColumn, valueStart: line.start + key.valueColumn, valueEnd: line.end, lines: [line] };
      fields.push(current);
    } else if (current) {
      grow(current, line);
    }
    open = quoteOpenedBy(text, line);
  }
  // A value that is empty on its key's line holds nested fields, listed on their own.
  return fields.filter((field) => field.valueStart < field.lines[0].end).map((field) => withoutTrailingComment(text, field));
}

/**
 * A comment after the value is not part of it: after a plain value's ` #`, or after the last quote
 * of a quoted value when only a comment follows it on the line. A repair keeps it where it is.
 */
function withoutTrailingComment(text: string, field: RawField): RawField {
  const last = field.lines[field.lines.length - 1];
  const from = Math.max(last.start, field.valueStart);
  const lineText = text.slice(from, field.valueEnd);
  const quoted = text[field.valueStart] === '"' || text[field.valueStart] === "'";
  const comment = quoted ? /(['"])[ \t]+#.*$/.exec(lineText) : /[ \t]+#.*$/.exec(lineText);
  if (!comment) return field;
  const end = from + comment.index + (quoted ? 1 : 0);
  return end > field.valueStart ? { ...field, valueEnd: end } : field;
}

function grow(field: RawField, line: Line): void {
  if (line.blank) return;
  field.lines.push(line);
  field.valueEnd = line.end;
}

/** The field alone, its lines moved left by its key's column, as YAML: does it read as one key with a value? */
export function fieldParses(text: string, field: RawField, value = text.slice(field.valueStart, field.valueEnd)): boolean {
  const first = field.lines[0];
  const keyText = text.slice(first.start + field.keyColumn, field.valueStart);
  const lines = (keyText + value).split('\n').map((line, i) => (i === 0 ? line : dedent(line, field.keyColumn)));
  const doc = parseDocument(lines.join('\n'), { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length === 0 && isMap(doc.contents) && doc.contents.items.length === 1;
}

function dedent(line: string, columns: number): string {
  let i = 0;
  while (i < columns && line[i] === ' ') i++;
  return line.slice(i);
}
