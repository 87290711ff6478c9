import { isMap, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { BrokenUnit, Field, SyntaxError, Transcript, TranscriptItem } from '../../model';
import { endOfLine } from '../../text';
import { hasAnchors, parserMessage as firstLine, readItem, readMapFields, readSpeaker } from '../nodes';
import { layoutUnits, misplacedFirst, TopUnit, Unit } from './units';

/**
 * A front matter that does not parse, read unit by unit (units.ts): every top-level value and every
 * transcript item that parses on its own is kept; each one that does not becomes one syntax error
 * confined to it, and a broken item stays in the list as a placeholder (`kind: 'broken'`) so that
 * rules looking across items know something unreadable stands there.
 */

export interface Recovered {
  topLevel: Field[];
  transcript?: Transcript;
  syntaxErrors: SyntaxError[];
}

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;

/** Anchors link units to each other: an alias cannot be read in a unit of its own. */
const ANCHORS = new Error('anchors');

/**
 * `yaml` is the front matter's text, starting at document offset `base`. Undefined when every unit
 * parses (then the whole front matter may well parse too), when two units hold one key, or when
 * anchors link units: the caller parses the whole front matter and reports what the parser says.
 */
export function recoverUnits(text: string, base: number, yaml: string): Recovered | undefined {
  try {
    return readUnits(text, base, yaml);
  } catch (error) {
    if (error === ANCHORS) return undefined;
    throw error;
  }
}

function readUnits(text: string, base: number, yaml: string): Recovered | undefined {
  const topLevel: Field[] = [];
  const syntaxErrors: SyntaxError[] = [];
  let transcript: Transcript | undefined;
  const seen = new Set<string>();
  const units = layoutUnits(yaml);
  for (const [index, unit] of units.entries()) {
    const chunk = yaml.slice(unit.start, unit.list ? unit.list.head.end : unit.end);
    const doc = parseDocument(chunk, PARSE_OPTIONS);
    const problem = unitProblem(doc, chunk) ?? (index === 0 ? misplaced(units, chunk) : undefined);
    if (problem) {
      syntaxErrors.push(confined(problem, unit.list ? { start: unit.start, end: unit.end } : unit, 'top', yaml, base));
      continue;
    }
    if (!isMap(doc.contents)) continue; // Comments only.
    const fields = readMapFields(doc.contents, base + unit.start);
    for (const field of fields) {
      // Two units with one key: a whole parse names the duplicate; nothing to confine.
      if (seen.has(field.key)) return undefined;
      seen.add(field.key);
    }
    if (unit.list) {
      const items = unit.list.items.map((item, index) => readUnitItem(text, base, yaml, item, index, syntaxErrors));
      const field: Field = { ...fields[0], kind: 'seq', value: null, valueSpan: listSpan(items) };
      transcript = { field, items };
      topLevel.push(field);
      continue;
    }
    for (const field of fields) topLevel.push(field);
    if (fields[0]?.key === 'transcript') transcript = { field: fields[0], items: flowItems(doc, text, base + unit.start) };
  }
  return syntaxErrors.length > 0 ? { topLevel, transcript, syntaxErrors } : undefined;
}

/** Why a unit's text is not one `key: value` (or comments): the parser's first error, or the shape. */
function unitProblem(doc: Document.Parsed, chunk: string): { message: string; pos: number } | undefined {
  if (hasAnchors(doc, chunk)) throw ANCHORS;
  if (doc.errors.length > 0) return { message: firstLine(doc.errors[0].message), pos: doc.errors[0].pos[0] };
  if (doc.contents === null) return undefined;
  if (!isMap(doc.contents) || doc.contents.items.length !== 1) return { message: 'a line that is neither a key nor part of the value above it', pos: 0 };
  return undefined;
}

/** The first unit indented above the others (units.ts): shown on its first key. */
function misplaced(units: readonly TopUnit[], chunk: string): { message: string; pos: number } | undefined {
  if (!misplacedFirst(units)) return undefined;
  const pos = chunk.search(/[^ ]/);
  return { message: `the first key is indented by ${pos} space${pos === 1 ? '' : 's'}, but the keys after it start at column 0`, pos };
}

function readUnitItem(text: string, base: number, yaml: string, unit: Unit, index: number, errors: SyntaxError[]): TranscriptItem {
  const chunk = yaml.slice(unit.start, unit.end);
  const doc = parseDocument(chunk, PARSE_OPTIONS);
  const shapeOk = isSeq(doc.contents) && doc.contents.items.length === 1;
  if (hasAnchors(doc, chunk)) throw ANCHORS;
  const problem = doc.errors.length > 0 ? { message: firstLine(doc.errors[0].message), pos: doc.errors[0].pos[0] }
    : !shapeOk ? { message: 'an item that is not one list entry', pos: 0 }
    : undefined;
  if (!problem) return readItem((doc.contents as { items: YamlNode[] }).items[0], index, text, base + unit.start);
  const error = confined(problem, unit, 'item', yaml, base);
  errors.push(error);
  const span = error.unit!.span;
  const item: TranscriptItem = { index, span, region: { start: span.start, end: endOfLine(text, span.end) }, isMap: false, fields: [], keyColumn: 0, kind: 'broken' };
  const who = speakerNamed(chunk);
  if (who !== undefined) [item.who, item.speaker] = [who, readSpeaker(who)];
  return item;
}

const WHO_LINE = /^[ \t]+who:[ \t]*(.*?)[ \t]*\r?$/m;

/** The speaker a broken item's `who:` line names, when that line reads plainly (a name, or a simply quoted one); counted, never reported. */
function speakerNamed(chunk: string): string | undefined {
  const value = WHO_LINE.exec(chunk)?.[1].replace(/[ \t]+#.*$/, '');
  if (!value) return undefined;
  if (/^'[^']*(?:''[^']*)*'$/.test(value)) return value.slice(1, -1).replace(/''/g, "'");
  if (/^"[^"\\]*"$/.test(value)) return value.slice(1, -1);
  return /^[^'"&*!|>%@`{[\]#-][^#]*$/.test(value) && !/: /.test(value) ? value : undefined;
}

function confined(problem: { message: string; pos: number }, unit: Unit, kind: BrokenUnit['kind'], yaml: string, base: number): SyntaxError {
  let end = unit.end;
  while (end > unit.start && /\s/.test(yaml[end - 1])) end--;
  const at = Math.min(unit.start + Math.max(problem.pos, 0), end);
  return { message: problem.message, span: { start: base + at, end: base + at }, unit: { kind, span: { start: base + unit.start, end: base + end } } };
}

/** The list as a whole parse places it: from the first item's `-` to the end of the last item. */
function listSpan(items: TranscriptItem[]): Field['valueSpan'] {
  if (items.length === 0) return undefined;
  return { start: items[0].span.start, end: items[items.length - 1].span.end };
}

/** `transcript: [...]` in flow style parses as one unit; its items are read as a whole parse reads them. */
function flowItems(doc: Document.Parsed, text: string, base: number): TranscriptItem[] {
  const node = isMap(doc.contents) ? doc.contents.get('transcript', true) : undefined;
  return isSeq(node) ? (node.items as YamlNode[]).map((item, index) => readItem(item, index, text, base, node.flow === true)) : [];
}

