import { formatTime } from '../time';
import { isNewHeader, NewItem } from './types';

/**
 * Transcript items as YAML text in the site's newer style: a block sequence item per entry,
 * `line` first, then `sec`, `time` as `'m:ss'`, `who`; every value on one line, quoted only as
 * YAML needs. Callers parse what they write and compare it before applying it; this module only
 * promises text that reads back to the same strings under YAML 1.2 and 1.1 (the site's Python
 * scripts read it with PyYAML).
 */

/** YAML 1.1 words that a plain scalar would turn into booleans or null (the 1.2 core schema's are among them). */
const RESOLVED_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
/** Characters that never appear unescaped in our output: C0/C1 controls, DEL, line and paragraph separators, BOM. */
const NEEDS_ESCAPE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/;

/** Whether a string can only be written double-quoted, with escapes (it holds a control character, a line separator or a tab). */
export function needsEscape(value: string): boolean {
  return NEEDS_ESCAPE.test(value) || value.includes('\t');
}

/** A string value as a YAML flow scalar: plain when safe, else single-quoted, else double-quoted. */
export function yamlString(value: string): string {
  if (needsEscape(value)) return doubleQuoted(value);
  if (isSafePlain(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Plain only when nothing can read it otherwise: it starts with a letter (no indicator, number,
 * date or base-60 time), has no `: ` or ` #` inside, no `:` at the end, no white space at an end,
 * and is no word YAML 1.1 resolves.
 */
function isSafePlain(value: string): boolean {
  return (
    /^\p{L}/u.test(value) &&
    !/\s$/.test(value) &&
    !value.endsWith(':') &&
    !value.includes(': ') &&
    !value.includes(' #') &&
    !RESOLVED_WORDS.test(value)
  );
}

/** Double-quoted with every character YAML 1.1 or 1.2 would read otherwise escaped. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (NEEDS_ESCAPE.test(ch)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The `time` label, always single-quoted as the site writes it (`'1:11'`, `'1:00:42'`). */
export function yamlTimeLabel(label: string): string {
  return `'${label.replace(/'/g, "''")}'`;
}

/**
 * One item as lines of a block sequence at `indent` (the column of its `- `), each line ending in
 * `eol`. A line item with `sec` and no `time` gets the label `sec` formats to.
 */
export function itemYaml(item: NewItem, eol = '\n', indent = ''): string {
  const keyIndent = `${indent}  `;
  if (isNewHeader(item)) return `${indent}- header: ${yamlString(item.header)}${eol}`;
  let text = `${indent}- line: ${yamlString(item.line)}${eol}`;
  if (item.sec !== undefined) {
    text += `${keyIndent}sec: ${item.sec}${eol}`;
    text += `${keyIndent}time: ${yamlTimeLabel(item.time ?? formatTime(item.sec))}${eol}`;
  } else if (item.time !== undefined) {
    text += `${keyIndent}time: ${yamlTimeLabel(item.time)}${eol}`;
  }
  if (item.who !== undefined) text += `${keyIndent}who: ${yamlString(item.who)}${eol}`;
  return text;
}

/** Items as the value of a `transcript:` key: the list at column 0, as every real episode has it. */
export function transcriptYaml(items: readonly NewItem[], eol = '\n'): string {
  return `transcript:${eol}${items.map((item) => itemYaml(item, eol)).join('')}`;
}
