import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFiles, ROOT } from '../helpers';
import { createRandom } from '../random';

/**
 * The fuzzer's building blocks, free of side effects (every file under out/test/ is loaded by
 * the test runner): a seeded PRNG, the starting documents, and random edits that look like what
 * a person does to an episode (typing, deleting, pasting, duplicating and swapping items,
 * changing numbers, breaking and fixing quotes).
 */

export const FIXTURES = path.join(ROOT, 'test/fixtures/fuzz');

/** The project's seeded PRNG (mulberry32, test/random.ts) with the choices the fuzzer needs. */
export class Rng {
  private readonly random: ReturnType<typeof createRandom>;

  constructor(readonly seed: number) {
    this.random = createRandom(seed >>> 0);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.random.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [low, high]. */
  range(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  /** A choice weighted by the numbers. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [w, value] of choices) {
      if ((r -= w) < 0) return value;
    }
    return choices[choices.length - 1][1];
  }
}

/** `FUZZ_SEED` when set (to replay a failure), else the given default, else a random one. */
export function seedFromEnv(fallback?: number): number {
  const raw = process.env.FUZZ_SEED;
  if (raw !== undefined && raw !== '') {
    const seed = Number(raw);
    if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got '${raw}'`);
    return seed >>> 0;
  }
  return fallback ?? Math.floor(Math.random() * 2 ** 32);
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, got '${raw}'`);
  return value;
}

export interface SeedDoc {
  name: string;
  text: string;
}

/** Our own fictional episodes (always there) and the real corpus when it sits beside the clone. */
export function loadSeeds(options: { corpus: boolean }): { fixtures: SeedDoc[]; corpus: SeedDoc[]; corpusSkip?: string } {
  const dir = path.join(FIXTURES, 'seeds');
  const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => ({ name: `seeds/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  if (!options.corpus) return { fixtures, corpus: [] };
  const found = corpusFiles();
  if (found.skip) return { fixtures, corpus: [], corpusSkip: found.skip };
  return { fixtures, corpus: found.files.map((f) => ({ name: `corpus/${path.basename(f)}`, text: fs.readFileSync(f, 'utf8') })) };
}

/** One replacement of `text.slice(start, end)` by `text`; `full` replaces the whole document. */
export type Edit = { start: number; end: number; text: string; kind: string } | { full: string; kind: string };

export function applyEdit(text: string, edit: Edit): string {
  return 'full' in edit ? edit.full : text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  /** Offset after the line break. */
  next: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, end: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** Transcript-like items: a line starting with `-` at column 0 and the indented lines after it. */
export function itemRegions(text: string): { start: number; end: number }[] {
  const lines = splitLines(text);
  const items: { start: number; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (text[lines[i].start] !== '-' || text.startsWith('---', lines[i].start)) continue;
    let j = i + 1;
    while (j < lines.length && (text[lines[j].start] === ' ' || text[lines[j].start] === '\t')) j++;
    items.push({ start: lines[i].start, end: lines[j - 1].next });
    i = j - 1;
  }
  return items;
}

/**
 * A random window of a big episode: the metadata, a run of consecutive items, and whatever
 * follows the transcript (keys after it, the closing line, the body). Keeps the documents small
 * enough for many edits a second while staying real.
 */
export function cropEpisode(rng: Rng, text: string, maxItems: number): string {
  const items = itemRegions(text);
  const transcriptKey = /^transcript:/m.exec(text);
  if (!transcriptKey) return text;
  const inTranscript = items.filter((item) => item.start > transcriptKey.index);
  if (inTranscript.length <= maxItems) return text;
  // Consecutive items of the transcript block: stop at the first gap (a key after the transcript).
  let last = 0;
  while (last + 1 < inTranscript.length && inTranscript[last + 1].start === inTranscript[last].end) last++;
  const block = inTranscript.slice(0, last + 1);
  const count = rng.range(1, Math.min(maxItems, block.length));
  const first = rng.int(block.length - count + 1);
  return text.slice(0, block[0].start) + text.slice(block[first].start, block[first + count - 1].end) + text.slice(block[block.length - 1].end);
}

const ALPHABET = [
  ..."abcdefghijklmnopqrstuvwxyzABCXYZ0123456789",
  ...' ::--\'\'""##[]{}&*!|>%@`,?~\\',
  '\n', '\n', '\n', '\r\n', '\r', '\t',
  'é', '😀', '\u2028', '\ufeff', '\u0000', '\u001b', '\ud800', '\udc00', '\u00a0',
];

const SNIPPETS = [
  '- line: ', '- header: ', '  sec: ', '  time: ', '  who: ', 'sec: 12', "time: '0:12'", 'time: 0:12', 'who: Host',
  'transcript:', 'transcript:\n', '---\n', '---', '\n- ', '\n  ', "'", '"', '\\u00e9', '\\', '&a ', '*a', '!!str ', '!!int ',
  '? ', '|\n', '>-\n', 'null', '~', '[]', '{}', '[1, 2', '{line: x, sec: 3}', '# comment', ': ', ' #', 'ids:\n  youtube: AbCdEfGhIjK\n',
  "'1:00:00'", '"12"', '99999999999999999999', '-1', '1.5', '0x1F', '1e3', '.inf', '<b>x</b>', '[a](command:x)', '![i](javascript:y)',
];

const NUMBERS = ['0', '1', '59', '60', '61', '99', '100', '3599', '3600', '86400', '-1', '1.5', '1e3', '0x1F', '007', '99999999999999999999', '.nan', ''];

function randomText(rng: Rng, maxLength: number): string {
  if (rng.chance(0.35)) return rng.pick(SNIPPETS);
  let s = '';
  const n = rng.range(1, maxLength);
  for (let i = 0; i < n; i++) s += rng.pick(ALPHABET);
  return s;
}

/** A random spot, biased to land at the start of a line or next to YAML punctuation half the time. */
function randomOffset(rng: Rng, text: string): number {
  if (text.length === 0) return 0;
  const offset = rng.int(text.length + 1);
  if (rng.chance(0.5)) return offset;
  const lines = splitLines(text);
  const line = rng.pick(lines);
  if (rng.chance(0.5)) return line.start;
  const colon = text.indexOf(':', line.start);
  return colon >= 0 && colon <= line.end ? Math.min(colon + 1 + rng.int(2), text.length) : line.end;
}

/** Never cut a surrogate pair or a CRLF in two by accident (other mutators do it on purpose). */
function snap(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  const p = text.charCodeAt(offset - 1);
  if ((c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) || (c === 10 && p === 13)) return offset - 1;
  return offset;
}

type Mutator = (rng: Rng, text: string, pool: readonly SeedDoc[]) => Edit | undefined;

const insertChars: Mutator = (rng, text) => {
  const at = snap(text, randomOffset(rng, text));
  return { start: at, end: at, text: randomText(rng, 6), kind: 'insert' };
};

const deleteChars: Mutator = (rng, text) => {
  if (!text) return undefined;
  const start = rng.int(text.length);
  const end = Math.min(text.length, start + rng.weighted([[6, 1], [3, rng.range(2, 8)], [1, rng.range(9, 200)]]));
  return { start, end, text: '', kind: 'delete' };
};

const replaceChars: Mutator = (rng, text) => {
  if (!text) return undefined;
  const start = snap(text, randomOffset(rng, text));
  const end = snap(text, Math.min(text.length, start + rng.range(1, 6)));
  return { start, end, text: randomText(rng, 4), kind: 'replace' };
};

const lineOp: Mutator = (rng, text) => {
  const lines = splitLines(text);
  const i = rng.int(lines.length);
  const line = lines[i];
  const eol = text.slice(line.end, line.next) || '\n';
  switch (rng.int(5)) {
    case 0: return { start: line.start, end: line.next, text: '', kind: 'delete-line' };
    case 1: return { start: line.start, end: line.start, text: text.slice(line.start, line.end) + eol, kind: 'duplicate-line' };
    case 2: return { start: line.start, end: line.start, text: randomText(rng, 30) + eol, kind: 'insert-line' };
    case 3: {
      // Indentation: add, remove, or turn into a tab.
      const indent = /^[ \t]*/.exec(text.slice(line.start, line.end))![0];
      const next = rng.pick(['', ' ', '  ', '    ', '\t', indent + ' ', indent.slice(1)]);
      return { start: line.start, end: line.start + indent.length, text: next, kind: 'indent' };
    }
    default: {
      // Line ending of one line: LF, CRLF, lone CR, or none (joins two lines).
      return { start: line.end, end: line.next, text: rng.pick(['\n', '\r\n', '\r', '', ' ']), kind: 'line-ending' };
    }
  }
};

const pasteFragment: Mutator = (rng, text, pool) => {
  const source = rng.pick(pool).text;
  const lines = splitLines(source);
  const first = rng.int(lines.length);
  const last = Math.min(lines.length - 1, first + rng.weighted([[5, 0], [4, rng.range(1, 8)], [1, rng.range(9, 60)]]));
  const fragment = source.slice(lines[first].start, lines[last].next);
  const at = rng.chance(0.7) ? rng.pick(splitLines(text)).start : snap(text, randomOffset(rng, text));
  return { start: at, end: at, text: fragment, kind: 'paste' };
};

const itemOp: Mutator = (rng, text, pool) => {
  const items = itemRegions(text);
  if (items.length === 0) return pasteFragment(rng, text, pool);
  const i = rng.int(items.length);
  const item = items[i];
  const body = text.slice(item.start, item.end);
  switch (rng.int(4)) {
    case 0: return { start: item.end, end: item.end, text: body, kind: 'duplicate-item' };
    case 1: return { start: item.start, end: item.end, text: '', kind: 'delete-item' };
    case 2: {
      const next = items[i + 1];
      if (!next || next.start !== item.end) return { start: item.start, end: item.start, text: body, kind: 'duplicate-item' };
      return { start: item.start, end: next.end, text: text.slice(next.start, next.end) + body, kind: 'swap-items' };
    }
    default: {
      // Move an item elsewhere in the list (a cut and paste in one change).
      const target = rng.pick(items);
      if (target.start >= item.start && target.start < item.end) return undefined;
      if (target.start < item.start) return { start: target.start, end: item.end, text: body + text.slice(target.start, item.start), kind: 'move-item' };
      return { start: item.start, end: target.start, text: text.slice(item.end, target.start) + body, kind: 'move-item' };
    }
  }
};

const changeNumber: Mutator = (rng, text) => {
  const numbers = [...text.matchAll(/\d+/g)];
  if (numbers.length === 0) return undefined;
  const m = rng.pick(numbers);
  const value = Number(m[0]);
  const next = rng.weighted<string>([
    [5, String(Math.max(0, value + rng.range(-90, 90)))],
    [2, String(value + 1)],
    [2, String(Math.max(0, value - 1))],
    [2, rng.pick(NUMBERS)],
    [1, m[0].padStart(m[0].length + 1, '0')],
  ]);
  return { start: m.index!, end: m.index! + m[0].length, text: next, kind: 'number' };
};

const quoteOp: Mutator = (rng, text) => {
  const quotes = [...text.matchAll(/['"]/g)];
  const lines = splitLines(text);
  switch (rng.int(4)) {
    case 0: {
      // Break: delete a quote.
      if (quotes.length === 0) return undefined;
      const q = rng.pick(quotes);
      return { start: q.index!, end: q.index! + 1, text: '', kind: 'unquote' };
    }
    case 1: {
      // Swap the kind of a quote, which usually breaks the pair.
      if (quotes.length === 0) return undefined;
      const q = rng.pick(quotes);
      return { start: q.index!, end: q.index! + 1, text: q[0] === '"' ? "'" : '"', kind: 'swap-quote' };
    }
    case 2: {
      // Quote a value that was plain (the fixing direction), with inner quotes escaped.
      const line = rng.pick(lines);
      const m = /^(\s*-?\s*[A-Za-z]+: )(.+)$/.exec(text.slice(line.start, line.end));
      if (!m || /^['"]/.test(m[2])) return undefined;
      const quoted = rng.chance(0.5) ? `'${m[2].replace(/'/g, "''")}'` : JSON.stringify(m[2]);
      return { start: line.start + m[1].length, end: line.end, text: quoted, kind: 'quote' };
    }
    default: {
      const at = snap(text, randomOffset(rng, text));
      return { start: at, end: at, text: rng.pick(["'", '"', "''", '\\"']), kind: 'insert-quote' };
    }
  }
};

const delimiterOp: Mutator = (rng, text) => {
  const lines = splitLines(text);
  const fences = lines.filter((l) => text.slice(l.start, l.end) === '---');
  if (fences.length > 0 && rng.chance(0.6)) {
    const fence = rng.pick(fences);
    return { start: fence.start, end: fence.next, text: rng.pick(['', '--', '...\n', '--- \n', '---\n---\n']), kind: 'fence' };
  }
  const line = rng.pick(lines);
  return { start: line.start, end: line.start, text: '---\n', kind: 'fence' };
};

const wholeDocument: Mutator = (rng, text) => {
  switch (rng.int(4)) {
    case 0: return { full: text.replace(/\r\n|\r|\n/g, '\r\n'), kind: 'full-crlf' };
    case 1: return { full: text.replace(/\r\n|\r/g, '\n'), kind: 'full-lf' };
    case 2: return { full: text.startsWith('\ufeff') ? text.slice(1) : `\ufeff${text}`, kind: 'full-bom' };
    default: return { full: text, kind: 'full-same' };
  }
};

const MUTATORS: readonly (readonly [number, Mutator])[] = [
  [14, insertChars], [10, deleteChars], [10, replaceChars], [12, lineOp], [6, pasteFragment], [12, itemOp],
  [12, changeNumber], [10, quoteOp], [2, delimiterOp], [1, wholeDocument],
];

/** One random edit of `text`; `pool` is where pasted fragments come from. */
export function randomEdit(rng: Rng, text: string, pool: readonly SeedDoc[]): Edit {
  for (let attempt = 0; attempt < 20; attempt++) {
    const edit = rng.weighted(MUTATORS)(rng, text, pool);
    if (edit) return edit;
  }
  return insertChars(rng, text, pool)!;
}

/** Picks a starting document: a fixture, a regression fixture's text, or a window of a corpus file. */
export function startingDocument(rng: Rng, fixtures: readonly SeedDoc[], corpus: readonly SeedDoc[]): SeedDoc {
  if (corpus.length > 0 && rng.chance(0.6)) {
    const doc = rng.pick(corpus);
    return { name: doc.name, text: rng.chance(0.05) ? doc.text : cropEpisode(rng, doc.text, 40) };
  }
  const doc = rng.pick(fixtures);
  return rng.chance(0.15) ? { name: `${doc.name} (crlf)`, text: doc.text.replace(/\n/g, '\r\n') } : doc;
}

/**
 * Shrinks a failing text for a regression fixture: drops runs of lines, then single characters,
 * as long as `fails` stays true. Bounded by `budget` calls.
 */
export function shrink(text: string, fails: (candidate: string) => boolean, budget = 3000): string {
  let current = text;
  let calls = 0;
  const attempt = (candidate: string) => {
    if (calls++ >= budget || candidate === current) return false;
    if (!fails(candidate)) return false;
    current = candidate;
    return true;
  };
  for (let chunk = 64; chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let i = 0; ; ) {
      const lines = splitLines(current);
      if (i >= lines.length) break;
      const last = lines[Math.min(lines.length - 1, i + chunk - 1)];
      if (!attempt(current.slice(0, lines[i].start) + current.slice(last.next))) i += chunk;
    }
  }
  for (let i = 0; i < current.length && calls < budget; ) {
    if (!attempt(current.slice(0, i) + current.slice(i + 1))) i++;
  }
  return current;
}
