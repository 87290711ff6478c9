import { getField } from '../fields';
import type { EpisodeModel } from '../model';
import type { Token, TokenTable } from './tokens';
import { forEachWordSpan } from './words';

/** A word's flags in a WordList. */
export const ENDS_CLAUSE = 1;
export const QUOTED = 2;

/** Lists made so far: a token marked with a list's number has its place in that list's `tokens`. */
let lists = 0;

/**
 * Words as numbers into the list's own tokens (each distinct word once), with their offsets and
 * flags (see words.ts), in typed arrays: the CLI keeps the words of every line of every episode
 * from the site's count to the check, and typed arrays are nothing the garbage collector has to
 * visit. Word `k` is `text.slice(starts[k], end(k))`.
 */
export class WordList {
  ids: Int32Array;
  starts: Int32Array;
  flags: Uint8Array;
  length = 0;
  /** The distinct tokens, in the order first read: `ids` index them. */
  private readonly tokens: Token[] = [];
  private readonly number = ++lists;

  /** `room`: the words expected (the list grows past it). */
  constructor(readonly table: TokenTable, room = 16) {
    [this.ids, this.starts, this.flags] = [new Int32Array(room), new Int32Array(room), new Uint8Array(room)];
  }

  add(text: string, start: number, end: number, endsClause: boolean, quoted: boolean): Token {
    const token = this.table.at(text, start, end);
    if (token.list !== this.number) {
      token.list = this.number;
      token.place = this.tokens.length;
      this.tokens.push(token);
    }
    if (this.length === this.ids.length) this.grow(this.length * 2);
    this.ids[this.length] = token.place;
    this.starts[this.length] = start;
    this.flags[this.length] = (endsClause ? ENDS_CLAUSE : 0) | (quoted ? QUOTED : 0);
    this.length++;
    return token;
  }

  token(k: number): Token {
    return this.tokens[this.ids[k]];
  }

  end(k: number): number {
    return this.starts[k] + this.tokens[this.ids[k]].text.length;
  }

  /** Drops the room left for growth (a list kept until its episode is checked). */
  trim(): void {
    this.grow(this.length);
  }

  private grow(size: number): void {
    const [ids, starts, flags] = [new Int32Array(size), new Int32Array(size), new Uint8Array(size)];
    ids.set(this.ids.subarray(0, this.length));
    starts.set(this.starts.subarray(0, this.length));
    flags.set(this.flags.subarray(0, this.length));
    [this.ids, this.starts, this.flags] = [ids, starts, flags];
  }
}

/** The words of `text` from `from` to `to`, as a list. */
export function readWords(table: TokenTable, text: string, from: number, to: number): WordList {
  const words = new WordList(table, 8);
  forEachWordSpan(text, from, to, (start, end, endsClause, quoted) => words.add(text, start, end, endsClause, quoted));
  return words;
}

/** The words of every spoken line and header of an episode, read once: item `i`'s are `first[i]` to `first[i + 1]`. */
export interface EpisodeWords {
  words: WordList;
  first: Int32Array;
}

/**
 * Reads the words of an episode's lines and headers, handing each to `visit` as it is read (the
 * site's count); `keep`: the words stay with the model for its check (lineWordsOf), so a host that
 * counts the site's spellings and then checks the same model (the CLI) reads each line once.
 */
export function readLineWords(model: EpisodeModel, table: TokenTable, keep: boolean, visit: (token: Token) => void): void {
  const { text, transcript } = model;
  const items = transcript?.items ?? [];
  // About one word in six characters of an episode's text: room for most episodes' words at once.
  const words = keep ? new WordList(table, Math.ceil(text.length / 6)) : undefined;
  const first = new Int32Array(keep ? items.length + 1 : 0);
  const add = words
    ? (start: number, end: number, endsClause: boolean, quoted: boolean) => visit(words.add(text, start, end, endsClause, quoted))
    : (start: number, end: number) => visit(table.at(text, start, end));
  for (let i = 0; i < items.length; i++) {
    if (words) first[i] = words.length;
    const item = items[i];
    if (item.kind !== 'line' && item.kind !== 'header') continue;
    const span = getField(item.fields, item.kind)?.valueSpan;
    if (span) forEachWordSpan(text, span.start, span.end, add);
  }
  if (!words) return;
  first[items.length] = words.length;
  words.trim();
  kept.set(model, { words, first });
}

const kept = new WeakMap<EpisodeModel, EpisodeWords>();

/** The words readLineWords kept for this model, if it was read with `keep`. */
export function lineWordsOf(model: EpisodeModel): EpisodeWords | undefined {
  return kept.get(model);
}
