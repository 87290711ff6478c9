import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import { applyEdits, findFrontMatter, TextEdit } from '../../server/src/core';
import type { Span } from '../../server/src/core';
import { layoutUnits } from '../../server/src/core/parse/recovery/units';
import { corpusFiles, ROOT } from '../helpers';
import { createRandom } from '../random';

/**
 * The cases of the repair property (repairProperty.ts): a real episode with one value broken the way
 * people break them, drawn from a seed. Case `i` of seed `s` depends on nothing else, so one case
 * replays alone.
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

export function loadEpisodes(): { episodes: Episode[]; skip?: string } {
  const corpus = corpusFiles();
  if (corpus.skip !== false) return { episodes: [], skip: corpus.skip };
  return { episodes: readEpisodes(corpus.files) };
}

/** Our own fictional episodes (the fuzzer's seeds and the repair fixtures): always there, so the property runs without the corpus too. */
export function fixtureEpisodes(): Episode[] {
  const dirs = ['test/fixtures/fuzz/seeds', 'test/fixtures/repair'].map((dir) => path.join(ROOT, dir));
  return readEpisodes(dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f))));
}

function readEpisodes(files: readonly string[]): Episode[] {
  const episodes: Episode[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const front = findFrontMatter(text);
    if (!front?.closed) continue;
    episodes.push({ name: path.basename(file), text });
  }
  return episodes;
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

/** The random source of case `index`: independent of every other case, so one case replays alone. */
function caseRandom(seed: number, index: number): Random {
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
    const broken = applyEdits(unbroken, [edit]);
    if (frontMatterData(broken) !== undefined) {
      parsedAnyway++;
      continue;
    }
    return { case: { index, shape, file: episode.name, unbroken, broken, edit, unit, key: value.key }, parsedAnyway };
  }
  return { parsedAnyway };
}
