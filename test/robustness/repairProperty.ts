import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import { DEFAULT_CONFIG, findFrontMatter, Finding, TextEdit } from '../../server/src/core';
import type { Span } from '../../server/src/core';
import { layoutUnits } from '../../server/src/core/recovery/units';
import { check, fixText } from '../../server/src/cli/fix';
import { corpusFiles } from '../helpers';
import { createRandom } from '../random';

/**
 * The repair property of issue 11: take a real episode, break one value the way people do, and check
 * the broken file:
 *   1. a `yaml-syntax` finding is there, and every other finding of the unbroken file outside the
 *      broken unit is still reported at the same place (moved by the edit): the error stays local;
 *      no finding but `yaml-syntax` points into the broken unit;
 *   2. after the preferred repair and fix-all (`transcript-lint --fix`), the front matter parses to
 *      the data of the unbroken file after the same fix-all;
 *   3. every repair edit lies inside the broken unit;
 *   4. a preferred repair restores the unbroken data: one that reads something else is counted as wrong.
 * Cases are drawn from a seed (test/random.ts); case `i` of seed `s` depends on nothing else, so one
 * case replays alone (`REPAIR_SEED=s REPAIR_FIRST=i REPAIR_CASES=1`). The corpus text never leaves
 * memory: failures print offsets and a short excerpt only.
 */

export const SHAPES = ['close', 'unescape', 'unquote', 'deindent', 'deindent-plain', 'time', 'apostrophe'] as const;
export type Shape = (typeof SHAPES)[number];

/** What each shape does, for the table. */
export const SHAPE_DESCRIPTIONS: Record<Shape, string> = {
  close: 'drop the closing quote of a quoted value',
  unescape: "make one escaped inner quote bare (\\\" in double quotes, '' in single quotes)",
  unquote: "remove the quotes of a value that holds ': '",
  deindent: 'move a continuation line of a multi-line quoted value to column 0',
  'deindent-plain': 'move a continuation line of a multi-line plain value to column 0',
  time: "break a time label over lines with a blank line ('9: / blank / 46')",
  apostrophe: "put an unescaped apostrophe (word's) inside a single-quoted value",
};

export interface Episode {
  name: string;
  text: string;
}

/** A value of an episode, as the YAML parser places it. */
interface Value {
  key: string;
  type: Scalar.Type;
  /** Document offsets of the value as written (quotes included). */
  start: number;
  end: number;
  /** The unit that holds it (whole lines): one top-level value or one transcript item. */
  unit: Span;
  parsed: string;
}

export interface RepairCase {
  index: number;
  shape: Shape;
  file: string;
  /** The episode as it should be (the corpus file, or for `apostrophe` the file with the apostrophe escaped). */
  unbroken: string;
  broken: string;
  /** The break, in the unbroken text's offsets. */
  edit: TextEdit;
  /** The unit holding the broken value, in the unbroken text's offsets. */
  unit: Span;
  key: string;
}

export type Outcome = 'preferred' | 'ambiguous' | 'none' | 'wrong';

export interface CaseResult {
  outcome: Outcome;
  /** The preferred repair gives the unbroken text byte for byte. */
  identical: boolean;
  /** Among several readings offered, one restores the unbroken data. */
  originalOffered: boolean;
  /** Broken properties 1–3 (and crashes): each a defect to fix. */
  problems: string[];
}

const URI_DIR = 'file:///corpus/_podcast/';

/** Rules whose findings depend on one item or one value only: a break elsewhere must never silence them. */
const ITEM_LOCAL_RULES = new Set(['schema-type', 'item-unknown-key', 'item-shape', 'time-malformed', 'time-mismatch', 'time-noncanonical', 'time-missing', 'sec-missing', 'who-missing', 'youtube-id-invalid']);

export function loadEpisodes(): { episodes: Episode[]; skip?: string } {
  const corpus = corpusFiles();
  if (corpus.skip !== false) return { episodes: [], skip: corpus.skip };
  const episodes: Episode[] = [];
  for (const file of corpus.files) {
    const text = fs.readFileSync(file, 'utf8');
    const front = findFrontMatter(text);
    if (!front?.closed) continue;
    episodes.push({ name: path.basename(file), text });
  }
  return { episodes };
}

/** The front matter's data, as the site reads it; undefined when it does not parse. */
export function frontMatterData(text: string): unknown {
  const front = findFrontMatter(text);
  if (!front?.closed) return undefined;
  const doc = parseDocument(text.slice(front.contentStart, front.contentEnd), { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc.toJSON();
}

interface Layout {
  values: Value[];
  /** The transcript's items (whole lines, document offsets). */
  items: Span[];
}

const layoutCache = new Map<string, Layout>();

/** Every scalar value of a `key: value` pair (top-level ones, nested maps, transcript items), and the items. */
function layoutOf(episode: Episode): Layout {
  const cached = layoutCache.get(episode.name);
  if (cached) return cached;
  const front = findFrontMatter(episode.text)!;
  const yaml = episode.text.slice(front.contentStart, front.contentEnd);
  const base = front.contentStart;
  const top = layoutUnits(yaml);
  const items = top.flatMap((unit) => unit.list?.items ?? []).map((u) => ({ start: base + u.start, end: base + u.end }));
  const units = top.flatMap((unit) => (unit.list ? [{ start: unit.list.head.start, end: unit.list.head.end }, ...unit.list.items] : [unit]));
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const values: Value[] = [];
  // Only files that parse: the property starts from a sound episode.
  if (doc.errors.length > 0) doc.contents = null;
  const walk = (node: unknown) => {
    if (isSeq(node)) for (const item of node.items) walk(item);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = pair.value;
      if (key !== undefined && isScalar(value) && typeof value.value === 'string' && value.range && value.type) {
        const [start] = value.range;
        const unit = units.find((u) => u.start <= start && start < u.end);
        if (unit) values.push({ key, type: value.type, start: base + start, end: base + value.range[1], unit: { start: base + unit.start, end: base + unit.end }, parsed: value.value });
      } else {
        walk(value);
      }
    }
  };
  walk(doc.contents);
  const layout = { values, items };
  layoutCache.set(episode.name, layout);
  return layout;
}

/**
 * The episode cropped to its metadata and at most `size` consecutive items, one of them the item
 * that holds `value` (cuts between the units the recovery itself cuts); the value moved with it.
 */
function windowAround(rng: Random, episode: Episode, value: Value, size: number): { text: string; value: Value } {
  const { items } = layoutOf(episode);
  if (items.length <= size) return { text: episode.text, value };
  const count = 1 + rng.int(size);
  const holder = items.findIndex((item) => item.start <= value.start && value.start < item.end);
  const first = holder < 0 ? rng.int(items.length - count + 1) : Math.max(0, Math.min(items.length - count, holder - rng.int(count)));
  const [head, tail] = [items[first].start, items[first + count - 1].end];
  const text = episode.text.slice(0, items[0].start) + episode.text.slice(head, tail) + episode.text.slice(items[items.length - 1].end);
  const shift = value.start < items[0].start ? 0 : value.start < items[items.length - 1].end ? head - items[0].start : (items[items.length - 1].end - items[0].start) - (tail - head);
  const moved = { ...value, start: value.start - shift, end: value.end - shift, unit: { start: value.unit.start - shift, end: value.unit.end - shift } };
  return { text, value: moved };
}

type Random = ReturnType<typeof createRandom>;

/** One way to break a value: the break (unbroken offsets) and, for `apostrophe`, the unbroken text it starts from. */
type Breaker = (rng: Random, text: string, value: Value) => { edit: TextEdit; unbroken?: string } | undefined;

const isQuoted = (value: Value) => value.type === 'QUOTE_SINGLE' || value.type === 'QUOTE_DOUBLE';
const isMultiLine = (text: string, value: Value) => text.slice(value.start, value.end).includes('\n');

/** Offsets of every match of `pattern` in `text` between `start` and `end`. */
function offsetsOf(text: string, start: number, end: number, pattern: RegExp): number[] {
  const found: number[] = [];
  for (const match of text.slice(start, end).matchAll(pattern)) found.push(start + match.index!);
  return found;
}

const BREAKERS: Record<Shape, { applies: (text: string, value: Value) => boolean; apply: Breaker }> = {
  close: {
    applies: (_text, value) => isQuoted(value),
    apply: (_rng, _text, value) => ({ edit: { start: value.end - 1, end: value.end, newText: '' } }),
  },
  unescape: {
    applies: (text, value) => escapedQuotes(text, value).length > 0,
    apply: (rng, text, value) => {
      const at = rng.pick(escapedQuotes(text, value));
      // `\"` loses its backslash; `''` becomes one quote.
      return { edit: { start: at, end: at + 1, newText: '' } };
    },
  },
  unquote: {
    // Not a value with white space at either end: a plain value loses it, so no repair could restore it.
    applies: (text, value) => isQuoted(value) && value.parsed.includes(': ') && value.parsed.trim() === value.parsed
      && (value.type === 'QUOTE_SINGLE' || !text.slice(value.start, value.end).includes('\\')),
    apply: (_rng, text, value) => {
      const inner = text.slice(value.start + 1, value.end - 1);
      return { edit: { start: value.start, end: value.end, newText: value.type === 'QUOTE_SINGLE' ? inner.replace(/''/g, "'") : inner } };
    },
  },
  deindent: {
    applies: (text, value) => isQuoted(value) && continuationLines(text, value).length > 0,
    apply: (rng, text, value) => deindent(rng, text, value),
  },
  'deindent-plain': {
    applies: (text, value) => value.type === 'PLAIN' && continuationLines(text, value).length > 0,
    apply: (rng, text, value) => deindent(rng, text, value),
  },
  time: {
    applies: (text, value) => value.key === 'time' && /^\d+:\d/.test(value.parsed) && !isMultiLine(text, value),
    apply: (_rng, text, value) => {
      const colon = text.indexOf(':', value.start);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      return { edit: { start: colon + 1, end: colon + 1, newText: eol + eol } };
    },
  },
  apostrophe: {
    applies: (text, value) => value.type === 'QUOTE_SINGLE' && wordEnds(text, value).length > 0,
    apply: (rng, text, value) => {
      // The writer meant `word's`: the unbroken file has it escaped (`word''s`), the broken one bare.
      const at = rng.pick(wordEnds(text, value));
      return { edit: { start: at, end: at + 1, newText: '' }, unbroken: text.slice(0, at) + "''s" + text.slice(at) };
    },
  },
};

function escapedQuotes(text: string, value: Value): number[] {
  if (value.type === 'QUOTE_DOUBLE') return offsetsOf(text, value.start + 1, value.end - 1, /\\"/g);
  if (value.type === 'QUOTE_SINGLE') return offsetsOf(text, value.start + 1, value.end - 1, /''/g);
  return [];
}

/** Where a word (letters only) ends inside a single-quoted value: the place for `'s`. */
function wordEnds(text: string, value: Value): number[] {
  const inner = text.slice(value.start + 1, value.end - 1);
  return [...inner.matchAll(/\p{L}{3,}(?=[ ,.;!?]|$)/gu)].map((match) => value.start + 1 + match.index! + match[0].length);
}

/** Starts of the value's indented continuation lines. */
function continuationLines(text: string, value: Value): number[] {
  return offsetsOf(text, value.start, value.end, /\n(?= +\S)/g).map((at) => at + 1);
}

function deindent(rng: Random, text: string, value: Value): { edit: TextEdit } {
  const start = rng.pick(continuationLines(text, value));
  let end = start;
  while (text[end] === ' ') end++;
  return { edit: { start, end, newText: '' } };
}

function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/** The random source of case `index`: independent of every other case, so one case replays alone. */
export function caseRandom(seed: number, index: number): Random {
  return createRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

export interface Generated {
  case?: RepairCase;
  /** Breaks tried and thrown away because the broken front matter still parsed. */
  parsedAnyway: number;
}

export interface CaseOptions {
  /** Crop each episode to its metadata and a window of at most this many consecutive items (fast; 0: whole files). */
  window?: number;
}

/** Case `index` of `seed`: shapes in turn, a random episode (or a window of one) and a random value it applies to. */
export function generateCase(seed: number, index: number, episodes: readonly Episode[], options: CaseOptions = {}): Generated {
  const shape = SHAPES[index % SHAPES.length];
  const rng = caseRandom(seed, index);
  const breaker = BREAKERS[shape];
  let parsedAnyway = 0;
  for (let attempt = 0; attempt < 200; attempt++) {
    const whole = rng.pick(episodes);
    const candidates = layoutOf(whole).values.filter((value) => breaker.applies(whole.text, value));
    if (candidates.length === 0) continue;
    let episode = whole;
    let value = rng.pick(candidates);
    if (options.window) {
      const cropped = windowAround(rng, whole, value, options.window);
      if (cropped.text !== whole.text) [episode, value] = [{ name: `${whole.name} (window)`, text: cropped.text }, cropped.value];
    }
    const made = breaker.apply(rng, episode.text, value);
    if (!made) continue;
    const { edit } = made;
    const unbroken = made.unbroken ?? episode.text;
    const unit = { start: value.unit.start, end: value.unit.end + unbroken.length - episode.text.length };
    const broken = applyEdit(unbroken, edit);
    if (frontMatterData(broken) !== undefined) {
      parsedAnyway++;
      continue;
    }
    return { case: { index, shape, file: episode.name, unbroken, broken, edit, unit, key: value.key }, parsedAnyway };
  }
  return { parsedAnyway };
}

/** Where an unbroken offset lands in the broken text (offsets inside the edit go to its start). */
function mapOffset(edit: TextEdit, offset: number): number {
  if (offset <= edit.start) return offset;
  if (offset >= edit.end) return offset + edit.newText.length - (edit.end - edit.start);
  return edit.start;
}

const fixAllCache = new Map<string, { findings: Finding[]; fixed: unknown }>();

/** The findings of a text and the data after `transcript-lint --fix` (cached: most cases share their unbroken file). */
function unbrokenFacts(text: string, uri: string): { findings: Finding[]; fixed: unknown } {
  const cached = fixAllCache.get(text);
  if (cached) return cached;
  const checked = check(text, uri, DEFAULT_CONFIG);
  const outcome = fixText(checked, uri, DEFAULT_CONFIG);
  const facts = { findings: checked.findings, fixed: frontMatterData(outcome.text) };
  if (fixAllCache.size > 400) fixAllCache.clear();
  fixAllCache.set(text, facts);
  return facts;
}

function excerpt(text: string, at: number): string {
  return JSON.stringify(text.slice(Math.max(0, at - 30), at + 50));
}

export function checkCase(c: RepairCase): CaseResult {
  const result: CaseResult = { outcome: 'none', identical: false, originalOffered: false, problems: [] };
  try {
    checkInto(c, result);
  } catch (error) {
    result.problems.push(`crash: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
  return result;
}

function checkInto(c: RepairCase, result: CaseResult): void {
  const uri = URI_DIR + c.file.replace(/ \(window\)$/, '');
  const problems = result.problems;
  const delta = c.edit.newText.length - (c.edit.end - c.edit.start);
  const unit = { start: c.unit.start, end: c.unit.end + delta };
  const unbroken = unbrokenFacts(c.unbroken, uri);
  const checked = check(c.broken, uri, DEFAULT_CONFIG);
  const { model, findings } = checked;
  const syntax = findings.filter((f) => f.rule === 'yaml-syntax');

  // 1. The error is reported, inside the broken unit, and stays there.
  if (syntax.length === 0) problems.push('no yaml-syntax finding');
  for (const f of syntax) if (f.start < unit.start || f.end > unit.end) problems.push(`yaml-syntax at ${f.start}-${f.end} lies outside the broken unit ${unit.start}-${unit.end}`);
  if (!model.recovered) problems.push(`the rest of the front matter was not read (${model.syntaxErrors[0]?.message})`);
  for (const error of model.syntaxErrors) {
    const span = error.unit?.span;
    if (span && (span.start < unit.start || span.end > unit.end)) problems.push(`the error's unit ${span.start}-${span.end} is larger than the broken unit ${unit.start}-${unit.end}: ${excerpt(c.broken, span.end)}`);
  }
  const inUnit = (f: { start: number; end: number }, u: Span) => f.start < u.end && u.start < f.end || (f.start === f.end && u.start <= f.start && f.start < u.end);
  const brokenUnits = model.syntaxErrors.flatMap((error) => (error.unit ? [error.unit.span] : []));
  for (const f of findings) {
    if (f.rule !== 'yaml-syntax' && brokenUnits.some((span) => inUnit(f, span))) problems.push(`${f.rule} points into the broken unit: ${f.message}`);
  }
  const key = (f: Finding) => `${f.rule}@${f.start}-${f.end}`;
  const now = new Set(findings.map(key));
  const expected = new Set<string>();
  for (const f of unbroken.findings) {
    if (f.rule === 'yaml-syntax' || inUnit(f, c.unit)) continue;
    const moved = { ...f, start: mapOffset(c.edit, f.start), end: mapOffset(c.edit, f.end) };
    expected.add(key(moved));
    // A rule that looks across items may stay silent where the broken item could explain or break the relation.
    if (!now.has(key(moved)) && ITEM_LOCAL_RULES.has(f.rule)) problems.push(`lost ${f.rule} at ${moved.start} (${f.message})`);
  }
  for (const f of findings) {
    if (f.rule !== 'yaml-syntax' && !inUnit(f, unit) && !expected.has(key(f))) problems.push(`new ${f.rule} at ${f.start} (${f.message})`);
  }

  // 3. Every repair edits the broken unit only.
  const fixes = syntax.flatMap((f) => f.fixes);
  for (const fix of fixes) {
    for (const e of fix.edits) if (e.start < unit.start || e.end > unit.end) problems.push(`repair '${fix.title}' edits ${e.start}-${e.end}, outside the broken unit ${unit.start}-${unit.end}`);
  }

  // 4. and 2. The preferred repair restores the data; with fix-all it gives what fix-all gives the unbroken file.
  const original = frontMatterData(c.unbroken);
  const preferred = fixes.filter((fix) => fix.isPreferred);
  if (preferred.length > 1) problems.push(`${preferred.length} preferred repairs`);
  if (preferred.length > 0) {
    const repaired = applyAll(c.broken, preferred[0].edits);
    if (!isDeepStrictEqual(frontMatterData(repaired), original)) {
      result.outcome = 'wrong';
      problems.push(`the preferred repair '${preferred[0].title}' reads other data than the unbroken file: ${excerpt(repaired, preferred[0].edits[0].start)}`);
      return;
    }
    result.outcome = 'preferred';
    result.identical = repaired === c.unbroken;
    for (const [how, start] of [['the preferred repair then --fix', check(repaired, uri, DEFAULT_CONFIG)], ['--fix on the broken file', checked]] as const) {
      const outcome = fixText(start, uri, DEFAULT_CONFIG);
      if (outcome.needsHuman || outcome.refused) problems.push(`${how}: ${outcome.needsHuman ?? outcome.refused}`);
      else if (!isDeepStrictEqual(frontMatterData(outcome.text), unbroken.fixed)) problems.push(`${how} gives other data than --fix on the unbroken file`);
    }
    return;
  }
  if (fixes.length > 0) {
    result.outcome = 'ambiguous';
    result.originalOffered = fixes.some((fix) => isDeepStrictEqual(frontMatterData(applyAll(c.broken, fix.edits)), original));
    if (fixes.some((fix) => fix.safe)) problems.push('a repair that is not preferred is safe (part of fix-all)');
  }
}

function applyAll(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = applyEdit(out, e);
  return out;
}

export interface ShapeStats {
  cases: number;
  preferred: number;
  restored: number;
  identical: number;
  ambiguous: number;
  originalOffered: number;
  none: number;
  wrong: number;
  /** Cases with a broken property 1–3 or a crash. */
  failed: number;
  /** Breaks that left a front matter that still parses (not counted as cases; another value was drawn). */
  parsedAnyway: number;
}

export interface Failure {
  index: number;
  shape: Shape;
  file: string;
  key: string;
  problems: string[];
}

export interface RunResult {
  seed: number;
  byShape: Record<Shape, ShapeStats>;
  failures: Failure[];
  elapsedMs: number;
}

export function emptyStats(): ShapeStats {
  return { cases: 0, preferred: 0, restored: 0, identical: 0, ambiguous: 0, originalOffered: 0, none: 0, wrong: 0, failed: 0, parsedAnyway: 0 };
}

export function runCases(seed: number, first: number, count: number, episodes: readonly Episode[], options: CaseOptions = {}, onCase?: (done: number) => void): RunResult {
  const started = Date.now();
  const byShape = Object.fromEntries(SHAPES.map((shape) => [shape, emptyStats()])) as Record<Shape, ShapeStats>;
  const failures: Failure[] = [];
  for (let index = first; index < first + count; index++) {
    const generated = generateCase(seed, index, episodes, options);
    const stats = byShape[SHAPES[index % SHAPES.length]];
    stats.parsedAnyway += generated.parsedAnyway;
    const c = generated.case;
    if (!c) continue;
    const result = checkCase(c);
    stats.cases++;
    if (result.outcome === 'preferred') stats.preferred++, stats.restored++;
    if (result.outcome === 'wrong') stats.preferred++, stats.wrong++;
    if (result.outcome === 'ambiguous') stats.ambiguous++;
    if (result.outcome === 'none') stats.none++;
    if (result.identical) stats.identical++;
    if (result.originalOffered) stats.originalOffered++;
    if (result.problems.length > 0) {
      stats.failed++;
      failures.push({ index, shape: c.shape, file: c.file, key: c.key, problems: result.problems });
    }
    onCase?.(index - first + 1);
  }
  return { seed, byShape, failures, elapsedMs: Date.now() - started };
}

const percent = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);

/** The per-shape table (Markdown). */
export function formatTable(result: RunResult): string {
  const rows = [
    '| shape | cases | preferred | restores data | same bytes | ambiguous (original among them) | none | wrong | failed | parsed anyway |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const total = emptyStats();
  for (const shape of SHAPES) {
    const s = result.byShape[shape];
    for (const k of Object.keys(total) as (keyof ShapeStats)[]) total[k] += s[k];
    rows.push(row(shape, s));
  }
  rows.push(row('**all**', total));
  return rows.join('\n');

  function row(name: string, s: ShapeStats): string {
    return `| ${name} | ${s.cases} | ${percent(s.preferred, s.cases)} | ${percent(s.restored, s.cases)} | ${percent(s.identical, s.cases)} | ${percent(s.ambiguous, s.cases)} (${s.originalOffered}) | ${percent(s.none, s.cases)} | ${s.wrong} | ${s.failed} | ${s.parsedAnyway} |`;
  }
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

/**
 * `npm run fuzz:repair`: thousands of cases and the per-shape table. Settings from the environment:
 *   REPAIR_CASES  how many cases (default 3500)
 *   REPAIR_SEED   the seed (default: random, printed)
 *   REPAIR_FIRST  the first case index (with REPAIR_CASES=1: replay one case)
 *   REPAIR_WINDOW crop episodes to windows of at most this many items (default 0: whole files)
 */
function main(): void {
  const { episodes, skip } = loadEpisodes();
  if (skip) {
    console.log(`fuzz:repair: skipped: ${skip}`);
    return;
  }
  const seed = process.env.REPAIR_SEED ? envInt('REPAIR_SEED', 0) >>> 0 : Math.floor(Math.random() * 2 ** 32);
  const cases = envInt('REPAIR_CASES', 3500);
  const first = envInt('REPAIR_FIRST', 0);
  console.log(`fuzz:repair: seed ${seed} (replay with REPAIR_SEED=${seed}), cases ${first} to ${first + cases - 1} on ${episodes.length} episodes`);
  let last = Date.now();
  const window = envInt('REPAIR_WINDOW', 0);
  const result = runCases(seed, first, cases, episodes, { window }, (done) => {
    if (Date.now() - last < 30_000) return;
    last = Date.now();
    console.log(`fuzz:repair: ${done} cases`);
  });
  console.log(`fuzz:repair: seed ${seed}: ${cases} cases in ${(result.elapsedMs / 1000).toFixed(0)} s; ${result.failures.length} failed\n`);
  console.log(formatTable(result));
  console.log('\nShapes:');
  for (const shape of SHAPES) console.log(`  ${shape}: ${SHAPE_DESCRIPTIONS[shape]}`);
  for (const failure of result.failures.slice(0, 40)) {
    console.log(`\ncase ${failure.index} (${failure.shape}, ${failure.key} in ${failure.file}; replay: REPAIR_SEED=${seed} REPAIR_FIRST=${failure.index} REPAIR_CASES=1):`);
    for (const problem of failure.problems.slice(0, 6)) console.log(`  ${problem}`);
  }
  if (result.failures.length > 40) console.log(`\n(${result.failures.length - 40} more failed cases)`);
  const wrong = SHAPES.reduce((sum, shape) => sum + result.byShape[shape].wrong, 0);
  process.exitCode = result.failures.length > 0 || wrong > 0 ? 1 : 0;
}

if (require.main === module && process.argv[2] === 'run') main();
