import { endOfLine, startOfLine } from './text';
import type { Field, TranscriptItem } from './model';
import { getField } from './fields';
import { doubleQuoted, needsEscape } from './convert/itemYaml';
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
export function quotedTime(seconds: number, old?: Field): string {
  const label = formatTime(seconds);
  return old?.quote === 'double' ? `"${label}"` : `'${label}'`;
}

/** `text` (the document) lets the edit place a missing value correctly; without it, it goes right after the key's colon. */
export function recomputeTimeFix(item: TranscriptItem, sec: number, text?: string): Fix {
  const time = getField(item.fields, 'time')!;
  return {
    title: `Recompute time from sec (${formatTime(sec)})`,
    edits: [replaceValue(time, quotedTime(sec, time), text)],
    isPreferred: true,
    safe: true,
  };
}

export function recomputeSecFix(item: TranscriptItem, seconds: number, text?: string): Fix {
  const sec = getField(item.fields, 'sec')!;
  return { title: `Recompute sec from time (${seconds})`, edits: [replaceValue(sec, String(seconds), text)], safe: false };
}

/** Both `time` and `sec` set to `seconds`: a reading of a label whose `sec` came from the same typo (never safe: one reading among others). */
export function retimeFix(item: TranscriptItem, seconds: number, why: string, text?: string): Fix {
  const time = getField(item.fields, 'time')!;
  const sec = getField(item.fields, 'sec')!;
  const edits = [replaceValue(time, quotedTime(seconds, time), text), replaceValue(sec, String(seconds), text)].sort((a, b) => a.start - b.start);
  return { title: `Set time to '${formatTime(seconds)}' and sec to ${seconds} (${why})`, edits, safe: false };
}

export function insertTimeFix(text: string, item: TranscriptItem, sec: number): Fix {
  const secField = getField(item.fields, 'sec')!;
  const title = `Insert time from sec (${formatTime(sec)})`;
  // A `{…}` item gets the key in its own style, after sec: a line after it would leave the map.
  if (item.flow) return { title, edits: [insertAfterInFlow(secField, `time: ${quotedTime(sec)}`)], isPreferred: true, safe: true };
  const line = `${' '.repeat(item.keyColumn)}time: ${quotedTime(sec)}${lineBreakOf(text)}`;
  return { title, edits: [insertLineAfter(text, secField, line)], isPreferred: true, safe: true };
}

export function insertSecFix(text: string, item: TranscriptItem, seconds: number): Fix {
  const time = getField(item.fields, 'time')!;
  const line = `${' '.repeat(item.keyColumn)}sec: ${seconds}${lineBreakOf(text)}`;
  // Keys are kept in alphabetical order (sec before time) unless time opens the item on the `- ` line.
  const timeOpensItem = item.fields[0] === time;
  const edit = item.flow
    ? { start: time.keySpan.start, end: time.keySpan.start, newText: `sec: ${seconds}, ` }
    : timeOpensItem
    ? insertLineAfter(text, time, line)
    : { start: startOfLine(text, time.keySpan.start), end: startOfLine(text, time.keySpan.start), newText: line };
  // Once sec is there, a label spelled another way ('62:05') would be the next finding: respell it in the same fix.
  if (time.value === formatTime(seconds)) return { title: `Insert sec from time (${seconds})`, edits: [edit], isPreferred: true, safe: true };
  const respell = replaceValue(time, quotedTime(seconds, time), text);
  const edits = respell.start < edit.start ? [respell, edit] : [edit, respell];
  return { title: `Insert sec from time (${seconds}) and write time as '${formatTime(seconds)}'`, edits, isPreferred: true, safe: true };
}

/**
 * Not in fix-all: the new key is a guess, and a renamed key brings its value into play (a `tiem`
 * renamed to `time` next to an inserted `time`, a `lin` renamed to `line` that duplicates the next
 * line), so fix-all would not reach a fixed point in one run.
 */
export function renameKeyFix(field: Field, newKey: string): Fix {
  return { title: `Rename '${field.key}' to '${newKey}'`, edits: [{ ...field.keySpan, newText: newKey }], isPreferred: true, safe: false };
}

export function renameSpeakerFix(who: Field, name: string, text?: string): Fix {
  return { title: `Change speaker to '${name}'`, edits: [replaceValue(who, yamlString(name, who), text)], isPreferred: true, safe: true };
}

/**
 * Replaces a value, or writes one where the key has none: after whatever follows the colon on the
 * key's line (an anchor or a tag stays with the new value), before a comment.
 */
function replaceValue(field: Field, newText: string, text?: string): TextEdit {
  if (field.valueSpan) {
    // YAML needs a space between the colon and the value (a value may start right after `:` with a lone CR).
    const spaced = text !== undefined && text[field.valueSpan.start - 1] === ':' ? ` ${newText}` : newText;
    return { ...field.valueSpan, newText: spaced };
  }
  const rest = text === undefined ? '' : text.slice(field.keySpan.end, endOfContent(text, field.keySpan.end));
  const colon = rest.indexOf(':');
  if (text === undefined || colon < 0) return { start: field.keySpan.end + 1, end: field.keySpan.end + 1, newText: ` ${newText}` };
  const comment = /[ \t]#/.exec(rest.slice(colon));
  const valueEnd = field.keySpan.end + colon + (comment ? comment.index : rest.length - colon);
  let at = valueEnd;
  while (at > field.keySpan.end + colon + 1 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return { start: at, end: at, newText: ` ${newText}` };
}

/** The end of the line holding `offset`, before its line break. */
function endOfContent(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** `, key: value` right after a field of a flow map (`{sec: 1}` → `{sec: 1, time: '0:01'}`). */
function insertAfterInFlow(field: Field, entry: string): TextEdit {
  const at = (field.valueSpan ?? field.keySpan).end;
  return { start: at, end: at, newText: `, ${entry}` };
}

function insertLineAfter(text: string, field: Field, line: string): TextEdit {
  const at = endOfLine(text, (field.valueSpan ?? field.keySpan).end);
  return { start: at, end: at, newText: line };
}

/**
 * A string as a YAML scalar: plain when that reads back as the same string, else single-quoted;
 * double-quoted with escapes when it was, or when it holds characters YAML 1.1 (PyYAML) or 1.2
 * would read otherwise (controls, NEL, line separators).
 */
export function yamlString(value: string, old?: Field): string {
  if (old?.quote === 'double' || needsEscape(value)) return doubleQuoted(value);
  if (old?.quote !== 'single' && isSafePlain(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function isSafePlain(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  // Flow indicators too: the same text may sit in a `{…}` item, where a plain `,` ends the value.
  if (/: |:$| #|[\r\n\t,[\]{}]/.test(value)) return false;
  // Words YAML 1.2 or 1.1 (PyYAML) would read as another type: booleans, null, numbers, base-60 numbers, dates, `=`, `<<`.
  return !/^(?:true|false|yes|no|on|off|y|n|null|~|=|<<|[-+]?\.?\d.*|[-+]?\.(?:inf|nan))$/i.test(value);
}
