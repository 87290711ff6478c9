import { endOfLine, Field, getField, startOfLine, TranscriptItem } from './model';
import { formatTime } from './time';
import type { Fix, TextEdit } from './types';

/**
 * Builders for the edits behind quick fixes. Each touches only the bytes it means to change:
 * one scalar, one inserted line, or one item's lines.
 */

export function lineBreakOf(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/** A time label as YAML: single-quoted (valid in YAML 1.1 and 1.2), double-quoted if the old one was. */
function quotedTime(seconds: number, old?: Field): string {
  const label = formatTime(seconds);
  return old?.quote === 'double' ? `"${label}"` : `'${label}'`;
}

export function recomputeTimeFix(item: TranscriptItem, sec: number): Fix {
  const time = getField(item.fields, 'time')!;
  return {
    title: `Recompute time from sec (${formatTime(sec)})`,
    edits: [replaceValue(time, quotedTime(sec, time))],
    isPreferred: true,
    safe: true,
  };
}

export function recomputeSecFix(item: TranscriptItem, seconds: number): Fix {
  const sec = getField(item.fields, 'sec')!;
  return { title: `Recompute sec from time (${seconds})`, edits: [replaceValue(sec, String(seconds))], safe: false };
}

export function insertTimeFix(text: string, item: TranscriptItem, sec: number): Fix {
  const secField = getField(item.fields, 'sec')!;
  const line = `${' '.repeat(item.keyColumn)}time: ${quotedTime(sec)}${lineBreakOf(text)}`;
  return { title: `Insert time from sec (${formatTime(sec)})`, edits: [insertLineAfter(text, secField, line)], isPreferred: true, safe: true };
}

export function insertSecFix(text: string, item: TranscriptItem, seconds: number): Fix {
  const time = getField(item.fields, 'time')!;
  const line = `${' '.repeat(item.keyColumn)}sec: ${seconds}${lineBreakOf(text)}`;
  // Keys are kept in alphabetical order (sec before time) unless time opens the item on the `- ` line.
  const timeOpensItem = item.fields[0] === time;
  const edit = timeOpensItem
    ? insertLineAfter(text, time, line)
    : { start: startOfLine(text, time.keySpan.start), end: startOfLine(text, time.keySpan.start), newText: line };
  return { title: `Insert sec from time (${seconds})`, edits: [edit], isPreferred: true, safe: true };
}

export function renameKeyFix(field: Field, newKey: string): Fix {
  return { title: `Rename '${field.key}' to '${newKey}'`, edits: [{ ...field.keySpan, newText: newKey }], isPreferred: true, safe: true };
}

export function renameSpeakerFix(who: Field, name: string): Fix {
  return { title: `Change speaker to '${name}'`, edits: [replaceValue(who, yamlString(name, who))], isPreferred: true, safe: true };
}

function replaceValue(field: Field, newText: string): TextEdit {
  const span = field.valueSpan ?? { start: field.keySpan.end + 1, end: field.keySpan.end + 1 };
  return { ...span, newText: field.valueSpan ? newText : ` ${newText}` };
}

function insertLineAfter(text: string, field: Field, line: string): TextEdit {
  const at = endOfLine(text, (field.valueSpan ?? field.keySpan).end);
  return { start: at, end: at, newText: line };
}

/** A string as a YAML scalar: plain when that reads back as the same string, else single-quoted. */
export function yamlString(value: string, old?: Field): string {
  if (old?.quote === 'double') return JSON.stringify(value);
  if (old?.quote !== 'single' && isSafePlain(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function isSafePlain(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  if (/: |:$| #|[\r\n\t]/.test(value)) return false;
  // Words YAML would read as another type.
  return !/^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?|[\d:]+)$/i.test(value);
}
