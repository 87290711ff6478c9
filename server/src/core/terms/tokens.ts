import { soundKeys } from './phonetic';
import type { ApartStarts } from './vocabulary';

/** An English word list: whether a word (in lower case) is an ordinary word. */
export interface EnglishWords {
  isWord(lower: string): boolean;
}

/**
 * What the spelling rules ask of one written word, worked out once per process and English list:
 * a transcript says the same few thousand words over and over, and each question asked of a
 * fresh substring (a lower case, a dictionary look-up) costs a string hash and garbage. One look-up
 * per word gives the word's own strings back, whose hashes V8 keeps.
 */
export interface Token {
  /** Its place in its table's `tokens`. */
  id: number;
  text: string;
  lower: string;
  /** Its lower case is an ordinary English word. */
  english: boolean;
  /** Ordinary English with at most one capital: never a mishearing, whatever the episode. */
  plainEnglish: boolean;
  /** How it sounds inside words heard as one (matchJoined); worked out when first asked. */
  sound?: TokenSound;
  /** The last matcher's answer for this word (`terms`, match.ts): one matcher checks a whole episode. */
  termsBy?: unknown;
  terms?: readonly unknown[];
  /** The last word list that holds it (`list`, its number; 0: none yet) and its place there (lineWords.ts). */
  list: number;
  place: number;
  /** The last count of an episode's spellings that saw it (sources.ts; 0: none yet): each word once per episode. */
  counted: number;
  /** What it may open in the site's index (match.ts), for that index. */
  siteStarts?: ApartStarts & { index: unknown };
}

export interface TokenSound {
  /** Double Metaphone's primary key; `tail` without an opening vowel (silent inside a word, see joinedSoundKey). */
  key: string;
  tail: string;
  /** Too short or a little word: never part of a term heard apart. */
  little: boolean;
}

/** Little words that never stand in for part of a term (`I never` is not Invvar). */
export const FUNCTION_WORDS = new Set(
  'a an and are as at be but by can did do for from had has have he her his how i if in is it its me my no not of on or our she so than that the their them then there they this to too up us was we were what when which who will with would you your all'.split(' '),
);

const MAX_TOKENS = 200_000;

/**
 * The tokens of one English list (none: no word is English), found by a word's characters in the
 * text where it stands (`at`): no substring is made for a word seen before. An open-addressing
 * table of token ids by a hash of the characters (FNV-1a), twice as many slots as tokens.
 */
export class TokenTable {
  /** Every token by id. Past `maxTokens` a new list starts (word lists hold their tokens themselves). */
  tokens: Token[] = [];
  private slots = new Int32Array(1 << 16).fill(-1);

  /** `maxTokens`: past this many, a new list of tokens starts (a long-running server meets ever new words). */
  constructor(private readonly english: EnglishWords | undefined, private readonly maxTokens = MAX_TOKENS) {}

  of(text: string): Token {
    return this.at(text, 0, text.length);
  }

  /** The token of `text.slice(start, end)`. */
  at(text: string, start: number, end: number): Token {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id < 0) return this.add(text.slice(start, end), slot);
      if (sameText(this.tokens[id].text, text, start, end)) return this.tokens[id];
    }
  }

  private add(text: string, slot: number): Token {
    if (this.tokens.length >= this.maxTokens) {
      this.tokens = [];
      this.slots.fill(-1);
      return this.add(text, hashOf(text, 0, text.length) & (this.slots.length - 1));
    }
    const lower = text.toLowerCase();
    const isEnglish = this.english?.isWord(lower) ?? false;
    // Every field from the start, the numbers as numbers: tokens of one shape (a field first holding
    // undefined, then a number, changes it) keep the hot loops' property reads monomorphic and optimized.
    const token: Token = { id: this.tokens.length, text, lower, english: isEnglish, plainEnglish: isEnglish && capitals(text) <= 1, sound: undefined, termsBy: undefined, terms: undefined, list: 0, place: 0, counted: 0, siteStarts: undefined };
    this.tokens.push(token);
    this.slots[slot] = token.id;
    if (this.tokens.length * 2 > this.slots.length) this.grow();
    return token;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.tokens.length; id++) {
      const text = this.tokens[id].text;
      let slot = hashOf(text, 0, text.length) & mask;
      while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

/** FNV-1a over the UTF-16 code units, its high bits folded into the low ones the slots use. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash ^ (hash >>> 15);
}

function sameText(known: string, text: string, start: number, end: number): boolean {
  if (known.length !== end - start) return false;
  for (let k = 0; k < known.length; k++) if (known.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

const byEnglish = new WeakMap<EnglishWords, TokenTable>();
const withoutEnglish = new TokenTable(undefined);

/** The table of an English list: looked up once per line or episode, then once per word. */
export function tokenTable(english: EnglishWords | undefined): TokenTable {
  if (!english) return withoutEnglish;
  let table = byEnglish.get(english);
  if (!table) byEnglish.set(english, (table = new TokenTable(english)));
  return table;
}

export function soundOf(token: Token): TokenSound {
  if (!token.sound) {
    const key = soundKeys(token.text)[0];
    token.sound = { key, tail: key.startsWith('A') ? key.slice(1) : key, little: token.text.length < 2 || FUNCTION_WORDS.has(token.lower) };
  }
  return token.sound;
}

function capitals(text: string): number {
  return (text.match(/\p{Lu}/gu) ?? []).length;
}
