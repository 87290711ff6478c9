import { isMap, isSeq, parseDocument } from 'yaml';
import type { BrokenUnit, EpisodeModel } from '../model';
import { layoutUnits, misplacedFirst, TopUnit } from '../parse/recovery/units';
import { firstWords } from '../text';
import { hasAnchors } from '../parse/nodes';
import type { Fix, Span, TextEdit } from '../types';
import { fieldParses, fieldsOf, RawField } from './fields';
import { bareQuotes, indentContinuation, joinLines, opensQuotation, quoteReadings, Reading } from './readings';

/**
 * Repairs of a broken unit: the readings of its one broken value (readings.ts), each kept only when
 * the repaired text shows that the value now parses, the units around it are cut exactly as before
 * (no other value changed), the unit has the keys its lines name, and the writer's characters are
 * all still there. One plausible reading left is preferred and safe (fix-all, `--fix`); several are
 * offered side by side, none preferred.
 */

export interface UnitRepairs {
  /** The broken value: where the error is shown. */
  span: Span;
  /** How to name the value in messages and titles: `intro`, `header 'Q&A: what comes next'`. */
  where: string;
  fixes: Fix[];
}

/** Short values that hold no line breaks: one broken over lines is joined back, not re-indented. */
const SHORT_KEYS = new Set(['time', 'sec']);

export function repairUnit(model: EpisodeModel, unit: BrokenUnit): UnitRepairs | undefined {
  const text = model.text;
  // A lone CR is a line break to PyYAML (and to the YAML spec), not to the \`yaml\` package: any
  // reading that quotes across it turns the next line into text. Not guessed at.
  if (/\r(?!\n)/.test(text.slice(unit.span.start, unit.span.end))) return undefined;
  const broken = fieldsOf(text, unit.span).filter((field) => !fieldParses(text, field));
  if (broken.length === 0 || broken.length > MAX_BROKEN_FIELDS) return undefined;
  const held = unit.kind === 'top' && keyHeldTwice(model, unit);
  const first = broken[0];
  const where = nameOf(first, text.slice(first.valueStart, first.valueEnd), unit);
  const span = { start: first.valueStart, end: Math.max(first.valueStart, Math.min(first.valueEnd, first.lines[0].end)) };

  // Each broken value's readings that make it parse alone; then every combination, checked on the whole unit.
  const perField = broken.map((field) => {
    const raw = text.slice(field.valueStart, field.valueEnd);
    return candidates(field, raw).filter((reading) => fieldParses(text, field, reading.text) && writerCharacters(reading.text) === writerCharacters(raw));
  });
  // A key the file holds twice stays an error whatever its value: no repair is offered.
  const valid = held ? [] : combinations(perField).filter((combo) => isRepair(model, unit, broken, combo.map((reading) => reading.text)));
  const plausible = valid.filter((combo) => combo.every((reading) => reading.plausible));
  const offered = plausible.length > 0 ? plausible : valid;
  const preferred = plausible.length === 1 && offered.length === 1;
  const fixes = offered.map((combo): Fix => ({
    title: combo.map((reading, k) => `${reading.action} ${nameOf(broken[k], text.slice(broken[k].valueStart, broken[k].valueEnd), unit)}`).join('; '),
    edits: combo.flatMap((reading, k) => valueEdits(text.slice(broken[k].valueStart, broken[k].valueEnd), reading.text, broken[k].valueStart)),
    isPreferred: preferred || undefined,
    safe: preferred,
  }));
  return { span, where, fixes };
}

/** More broken values than this in one unit is not a quoting slip: no repair is guessed. */
const MAX_BROKEN_FIELDS = 3;
const MAX_COMBINATIONS = 16;

function combinations(perField: Reading[][]): Reading[][] {
  let combos: Reading[][] = [[]];
  for (const readings of perField) {
    combos = combos.flatMap((combo) => readings.map((reading) => [...combo, reading])).slice(0, MAX_COMBINATIONS);
  }
  return combos.filter((combo) => combo.length === perField.length);
}

/** Every reading of the quoting, each also with the continuation lines fixed when they need it; the simpler one first. */
export function candidates(field: RawField, raw: string): Reading[] {
  const quoting = quoteReadings(raw);
  const continuation = field.lines.slice(1).some((line) => !line.blank && line.indent <= field.keyColumn) || SHORT_KEYS.has(field.key) && raw.includes('\n');
  const layout = !continuation ? undefined
    : SHORT_KEYS.has(field.key) ? { action: 'Join the broken value of', apply: joinLines }
    : { action: 'Indent the continuation lines of', apply: (value: string) => indentContinuation(value, field.keyColumn + 2) };
  const readings: Reading[] = [...quoting];
  if (layout) {
    readings.push({ action: layout.action, text: layout.apply(raw), plausible: true });
    for (const reading of quoting) {
      readings.push({ ...reading, action: `${reading.action.replace(/ (of|in)$/, '')} and ${layout.action.toLowerCase().replace(/ (of|in)$/, '')} of`, text: layout.apply(reading.text) });
    }
  }
  // A composed reading is kept only where the simpler one alone does not repair the value.
  return readings.filter((reading, i) => readings.findIndex((other) => other.text === reading.text) === i);
}

function isRepair(model: EpisodeModel, unit: BrokenUnit, fields: RawField[], values: string[]): boolean {
  let text = model.text;
  // Back to front, so that earlier offsets stay valid.
  for (let k = fields.length - 1; k >= 0; k--) text = text.slice(0, fields[k].valueStart) + values[k] + text.slice(fields[k].valueEnd);
  const delta = text.length - model.text.length;
  const after = layoutAround(text, model, unit, delta);
  if (!sameCuts(layoutAround(model.text, model, unit, 0), after, unit.span.end - unit.span.start, delta)) return false;
  // Parsing alone is not parsing in place: an indented first unit stays broken whatever its value holds.
  if (unit.kind === 'top' && misplacedFirst(after)) return false;
  const unitText = text.slice(unit.span.start, unit.span.end + delta);
  // While another unit stays broken the front matter must still be read unit by unit, which anchors
  // stop (recovery/recover.ts); a repair of the last broken unit is checked in place instead (inPlace.ts).
  if (model.syntaxErrors.length > 1 && /[&*]/.test(unitText) && hasAnchors(parseDocument(unitText), unitText)) return false;
  return parsedKeys(unitText, unit.kind)?.join() === expectedKeys(model.text, unit).join();
}

/** How far past a broken unit the layout is compared: the next units start in the same state either way. */
const WINDOW = 4096;

/**
 * The units of a window starting at the broken unit (an item under a stand-in `transcript:` line):
 * the text after the unit is the same before and after a repair, so once the next unit starts at the
 * same place, everything after it is cut the same too, and the window need not reach the end.
 */
function layoutAround(text: string, model: EpisodeModel, unit: BrokenUnit, delta: number): TopUnit[] {
  const front = model.frontMatter!;
  let end = Math.min(front.contentEnd + delta, unit.span.end + delta + WINDOW);
  while (end < front.contentEnd + delta && text[end - 1] !== '\n') end++;
  const prefix = unit.kind === 'item' ? 'transcript:\n' : '';
  const units = layoutUnits(prefix + text.slice(unit.span.start, end));
  return prefix ? units.flatMap((top) => top.list?.items ?? [top]).map((u) => ({ start: u.start - prefix.length, end: u.end - prefix.length })) : units;
}

/** The units are cut at the same places, those after the value moved by `delta`: no other value changed extent. */
function sameCuts(before: TopUnit[], after: TopUnit[], end: number, delta: number): boolean {
  const cuts = (units: TopUnit[], shift: number) => units.flatMap((unit) => [unit, ...(unit.list?.items ?? [])])
    .map((unit) => `${unit.start > 0 ? unit.start - shift : unit.start}-${unit.end >= end + shift ? unit.end - shift : unit.end}`).join();
  return cuts(before, 0) === cuts(after, delta);
}

/** Another top-level unit starts with the broken unit's key: once both parse, the front matter holds it twice. */
function keyHeldTwice(model: EpisodeModel, unit: BrokenUnit): boolean {
  const [key] = expectedKeys(model.text, unit);
  const front = model.frontMatter!;
  const units = layoutUnits(model.text.slice(front.contentStart, front.contentEnd));
  return key !== undefined && units.some((other) => other.key === key && other.start + front.contentStart !== unit.span.start);
}

/** The keys the repaired unit must have: those at the unit's outer key column, as its lines name them (for a top-level value, its key). */
export function expectedKeys(text: string, unit: BrokenUnit): string[] {
  const keys = keyLines(text, unit.span);
  const column = keys.reduce((least, k) => Math.min(least, k.keyColumn), Infinity);
  const outer = keys.filter((k) => k.keyColumn === column).map((k) => k.key);
  return unit.kind === 'top' ? outer.slice(0, 1) : outer;
}

/** The keys of the repaired unit's text: it must parse as one item, or as one key. */
export function parsedKeys(unitText: string, kind: BrokenUnit['kind']): string[] | undefined {
  const doc = parseDocument(unitText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  const map = kind === 'item' && isSeq(doc.contents) && doc.contents.items.length === 1 ? doc.contents.items[0] : doc.contents;
  if (!isMap(map) || (kind === 'top' && map.items.length !== 1)) return undefined;
  return map.items.map((pair) => String((pair.key as { value?: unknown })?.value));
}

/** Every key line of the unit, nested ones included, but not key-like text inside a multi-line value. */
function keyLines(text: string, span: Span): { key: string; keyColumn: number }[] {
  const keyLine = /^( *)(?:- +)*([^\s'"#\-?:,[\]{}][^:\n]*?|'[^'\n]*'|"[^"\n]*")[ \t]*:(?:[ \t]|$)/gm;
  const unitText = text.slice(span.start, span.end);
  const found: { key: string; keyColumn: number }[] = [];
  const fields = fieldsOf(text, span);
  for (const match of unitText.matchAll(keyLine)) {
    const offset = span.start + match.index!;
    // A key-like text inside a multi-line value is not a key.
    if (fields.some((f) => offset > f.lines[0].start && offset < f.valueEnd)) continue;
    const column = match[0].indexOf(match[2]);
    found.push({ key: match[2].replace(/^['"]|['"]$/g, ''), keyColumn: column });
  }
  return found;
}

/** What the writer typed, apart from quotes, backslashes and white space: a repair must keep all of it, in order. */
function writerCharacters(value: string): string {
  return value.replace(/["'\\\s]/g, '');
}

function nameOf(field: RawField, raw: string, unit: BrokenUnit): string {
  if (unit.kind === 'top' && field.keyColumn === 0) return field.key;
  // The opening quote is not shown, unless the text goes on after the quote that closes it.
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : undefined;
  const closes = quote ? bareQuotes(raw, quote)[0] : undefined;
  const body = quote && !opensQuotation(raw) ? raw.slice(1, closes === raw.length - 1 ? closes : undefined) : raw;
  const shown = firstWords(body, 26);
  return `${field.key} '${shown}'`;
}

/**
 * The edits from `raw` to `value` at document offset `at`: readings only insert or remove quotes,
 * backslashes and white space, so a walk over both texts finds each small edit, and every other
 * byte stays untouched. Falls back to one edit over the differing middle.
 */
function valueEdits(raw: string, value: string, at: number): TextEdit[] {
  const edits: TextEdit[] = [];
  const add = (start: number, end: number, newText: string) => {
    const last = edits[edits.length - 1];
    if (last && last.end === start) [last.end, last.newText] = [end, last.newText + newText];
    else edits.push({ start, end, newText });
  };
  let i = 0;
  let j = 0;
  while (i < raw.length || j < value.length) {
    if (i < raw.length && j < value.length && raw[i] === value[j]) [i, j] = [i + 1, j + 1];
    else if (i < raw.length && /[\s"'\\]/.test(raw[i]) && (j >= value.length || /\s/.test(raw[i]) || !/["'\\]/.test(value[j]))) add(at + i, at + ++i, '');
    else if (j < value.length && /[\s"'\\]/.test(value[j])) add(at + i, at + i, value[j++]);
    else return [minimalEdit(raw, value, at)];
  }
  return edits;
}

function minimalEdit(raw: string, value: string, at: number): TextEdit {
  let head = 0;
  while (head < raw.length && head < value.length && raw[head] === value[head]) head++;
  let tail = 0;
  while (tail < raw.length - head && tail < value.length - head && raw[raw.length - 1 - tail] === value[value.length - 1 - tail]) tail++;
  return { start: at + head, end: at + raw.length - tail, newText: value.slice(head, value.length - tail) };
}
