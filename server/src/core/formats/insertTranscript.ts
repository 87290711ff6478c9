import { isMap, isScalar, parseDocument } from 'yaml';
import type { Document, Pair } from 'yaml';
import { findFrontMatter } from '../parse/frontMatter';
import { formatTime } from '../time';
import { transcriptYaml } from '../convert/itemYaml';
import { ConvertError, isNewHeader, NewItem } from '../convert/types';

/**
 * Writing imported items into an episode as one text edit, never a re-dump: a front matter without
 * a transcript gets `transcript:` and the items at its end; an existing transcript is replaced only
 * when asked (the `transcript:` key's whole span, its value included; every other byte stays); a text
 * without front matter gets one (`---`, `transcript:`, the items, `---`) before it. The line breaks
 * are the file's own. The result is parsed and compared (the transcript is the items, under YAML 1.2
 * and 1.1; every other key is unchanged) before it is returned: otherwise ConvertError, nothing written.
 */

/** One replacement in the old text, by offsets. */
export interface TranscriptEdit {
  start: number;
  end: number;
  text: string;
}

export interface InsertedTranscript {
  edit: TranscriptEdit;
  newText: string;
  /** An existing transcript was replaced. */
  replaced: boolean;
}

/** Refused because the episode already has a transcript and `replace` was not set. */
export class TranscriptExists extends ConvertError {}

export function insertTranscript(text: string, items: readonly NewItem[], options: { replace?: boolean } = {}): InsertedTranscript {
  if (items.length === 0) throw new ConvertError('no items to write');
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const frontMatter = findFrontMatter(text);
  let edit: TranscriptEdit;
  let replaced = false;
  if (!frontMatter) {
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    edit = { start: at, end: at, text: `---${eol}${transcriptYaml(items, eol)}---${eol}` };
  } else {
    if (!frontMatter.closed) throw new ConvertError("the front matter has no closing '---' line; the file is left as it is");
    const doc = parseFrontMatter(text, frontMatter.contentStart, frontMatter.contentEnd);
    const pair = transcriptPair(doc);
    if (!pair) {
      edit = { start: frontMatter.contentEnd, end: frontMatter.contentEnd, text: transcriptYaml(items, eol) };
    } else {
      if (!options.replace) throw new TranscriptExists('the episode already has a transcript; replace it only when asked (--replace)');
      const span = pairSpan(text, pair, frontMatter.contentStart);
      edit = { ...span, text: transcriptYaml(items, eol) };
      replaced = true;
    }
  }
  const newText = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  verify(text, newText, items);
  return { edit, newText, replaced };
}

/** Whether the text's front matter has a `transcript` key (false when it has none or does not parse). */
export function hasTranscriptKey(text: string): boolean {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter?.closed) return false;
  const doc = parseDocument(text.slice(frontMatter.contentStart, frontMatter.contentEnd), { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length === 0 && transcriptPair(doc) !== undefined;
}

function parseFrontMatter(text: string, start: number, end: number): Document {
  const doc = parseDocument(text.slice(start, end), { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = text.slice(0, start + error.pos[0]).split(/\r\n|\n|\r/).length;
    throw new ConvertError(`the front matter does not parse: ${error.message.split('\n')[0]}; the file is left as it is`, { line });
  }
  if (doc.contents !== null && !(isMap(doc.contents) && !doc.contents.flow)) {
    throw new ConvertError("the front matter is not a block of 'key: value' lines; the file is left as it is");
  }
  return doc;
}

function transcriptPair(doc: Document): Pair | undefined {
  if (!isMap(doc.contents)) return undefined;
  return (doc.contents.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === 'transcript');
}

/** From the key to the end of the value's last line, its line break included. */
function pairSpan(text: string, pair: Pair, base: number): { start: number; end: number } {
  const key = pair.key as { range?: [number, number, number] };
  const value = pair.value as { range?: [number, number, number] } | null;
  const start = base + key.range![0];
  let end = base + (value?.range?.[1] ?? key.range![1]);
  if (!/[\r\n]/.test(text[end - 1] ?? '')) {
    const lineBreak = /\r\n|\n|\r/g;
    lineBreak.lastIndex = end;
    const found = lineBreak.exec(text);
    end = found ? found.index + found[0].length : text.length;
  }
  return { start, end };
}

/** The written front matter, read back: the transcript must be the items, every other key as before. */
function verify(oldText: string, newText: string, items: readonly NewItem[]): void {
  const oldData = frontMatterData(oldText, '1.2');
  const expected = items.map(itemData);
  for (const version of ['1.2', '1.1'] as const) {
    const data = frontMatterData(newText, version);
    if (!sameData(data.get('transcript'), expected)) {
      throw new ConvertError(`the written transcript would not read back as the imported items (YAML ${version}); nothing is written`);
    }
    if (version === '1.2' && !sameData(withoutTranscript(data), withoutTranscript(oldData))) {
      throw new ConvertError('writing the transcript would change other keys of the front matter; nothing is written');
    }
  }
}

/** The front matter's data with maps as Maps (keys of any type, in order); empty without front matter. */
function frontMatterData(text: string, version: '1.1' | '1.2'): Map<unknown, unknown> {
  const frontMatter = findFrontMatter(text);
  if (!frontMatter) return new Map();
  const doc = parseDocument(text.slice(frontMatter.contentStart, frontMatter.contentEnd), { prettyErrors: false, uniqueKeys: true, version });
  if (doc.errors.length > 0 || !frontMatter.closed) throw new ConvertError('the written front matter would not parse; nothing is written');
  try {
    const data: unknown = doc.toJS({ mapAsMap: true });
    return data instanceof Map ? data : new Map();
  } catch (error) {
    throw new ConvertError(`the front matter cannot be compared (${error instanceof Error ? error.message : String(error)}); nothing is written`);
  }
}

function withoutTranscript(data: Map<unknown, unknown>): Map<unknown, unknown> {
  const rest = new Map(data);
  rest.delete('transcript');
  return rest;
}

/** An item as YAML reads it back: the keys written, `time` derived from `sec` when absent. */
function itemData(item: NewItem): Map<string, unknown> {
  if (isNewHeader(item)) return new Map([['header', item.header]]);
  const data = new Map<string, unknown>([['line', item.line]]);
  if (item.sec !== undefined) data.set('sec', item.sec);
  const time = item.time ?? (item.sec !== undefined ? formatTime(item.sec) : undefined);
  if (time !== undefined) data.set('time', time);
  if (item.who !== undefined) data.set('who', item.who);
  return data;
}

/** Data equality: maps with the same keys in the same order, lists item by item, scalars equal (dates by time). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => sameData(value, b[index]));
  if (a instanceof Map && b instanceof Map) {
    const entriesA = [...a];
    const entriesB = [...b];
    return entriesA.length === entriesB.length && entriesA.every(([key, value], index) => sameData(key, entriesB[index][0]) && sameData(value, entriesB[index][1]));
  }
  if (a instanceof Set && b instanceof Set) return sameData([...a], [...b]);
  return false;
}
