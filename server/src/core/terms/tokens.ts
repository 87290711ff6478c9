import { soundKeys } from './phonetic';

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
  text: string;
  lower: string;
  /** Its lower case is an ordinary English word. */
  english: boolean;
  /** Ordinary English with at most one capital: never a mishearing, whatever the episode. */
  plainEnglish: boolean;
  /** How it sounds inside words heard as one (matchJoined); worked out when first asked. */
  sound?: TokenSound;
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

/** The tokens of one English list (none: no word is English). */
export class TokenTable {
  private readonly tokens = new Map<string, Token>();

  constructor(private readonly english: EnglishWords | undefined) {}

  of(text: string): Token {
    let token = this.tokens.get(text);
    if (!token) {
      if (this.tokens.size > MAX_TOKENS) this.tokens.clear();
      const lower = text.toLowerCase();
      const isEnglish = this.english?.isWord(lower) ?? false;
      token = { text, lower, english: isEnglish, plainEnglish: isEnglish && capitals(text) <= 1 };
      this.tokens.set(text, token);
    }
    return token;
  }
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
