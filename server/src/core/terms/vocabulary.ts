import { soundKeys } from './phonetic';

/** Where a right word comes from: said in the message, so the user can judge the suggestion. */
export type TermOrigin =
  | { kind: 'guest'; fullName: string }
  | { kind: 'speaker' }
  | { kind: 'title' }
  | { kind: 'link' }
  | { kind: 'person'; fullName: string }
  | { kind: 'episodes'; count: number }
  | { kind: 'words' }
  | { kind: 'dictionary'; name: string };

export interface Term {
  text: string;
  /** A person's name (name-spelling); else a term (term-spelling). */
  name: boolean;
  /** Only known, never offered (the people files' names of other episodes: near misses of them are mostly other people). */
  knownOnly?: boolean;
  origin: TermOrigin;
}

/** What the message says after the right word. */
export function originLabel(origin: TermOrigin): string {
  switch (origin.kind) {
    case 'guest': return `guest ${origin.fullName}`;
    case 'speaker': return 'a speaker in this episode';
    case 'title': return "in this episode's title";
    case 'link': return "in this episode's links";
    case 'person': return `${origin.fullName}, in the people files`;
    case 'episodes': return `in ${origin.count} ${origin.count === 1 ? 'episode' : 'episodes'}`;
    case 'words': return "in the site's words";
    case 'dictionary': return origin.name;
  }
}

/** Lower ranks win when one spelling has several origins: the episode's own people first, dictionaries last. */
const RANK: Record<TermOrigin['kind'], number> = { guest: 0, speaker: 1, title: 2, link: 3, words: 4, episodes: 5, person: 6, dictionary: 7 };

export function originRank(term: Term): number {
  return RANK[term.origin.kind];
}

/** Shorter terms are not matched by sound or spelling: too many ordinary words are near them. */
export const MIN_TERM_LENGTH = 4;

/**
 * Terms found by exact spelling, by spelling in any case, by sound (both Double Metaphone keys),
 * and by one deleted letter (SymSpell's trick: two words one edit apart share a deletion), so a
 * word is compared with a handful of terms, never with the whole vocabulary.
 */
export class TermIndex {
  private readonly exact = new Map<string, Term>();
  private readonly lower = new Map<string, Term[]>();
  private readonly sound = new Map<string, Term[]>();
  private readonly deletions = new Map<string, Term[]>();
  /** The letters and the sound keys of the terms words heard apart may stand for: a quick no for most word pairs. */
  private readonly apartLetters = new Set<string>();
  private readonly apartSounds = new Set<string>();
  /** Their beginnings, each with the characters that may follow it: a quicker no for most word pairs, before any pair is made. */
  private readonly apartLetterStarts = new Map<string, Set<string>>();
  private readonly apartSoundStarts = new Map<string, Set<string>>();

  constructor(terms: Iterable<Term> = []) {
    for (const term of terms) this.add(term);
  }

  add(term: Term): void {
    const known = this.exact.get(term.text);
    if (known && originRank(known) <= originRank(term)) return;
    this.exact.set(term.text, term);
    if (mayBeHeardApart(term) && !(known && mayBeHeardApart(known))) this.addApart(term);
    if (known) return; // Already reachable by every key; the better origin now answers.
    const lower = term.text.toLowerCase();
    push(this.lower, lower, term);
    if (lower.length < MIN_TERM_LENGTH) return;
    for (const key of new Set(soundKeys(term.text))) if (key.length >= 3) push(this.sound, key, term);
    for (const variant of deletionsOf(lower)) push(this.deletions, variant, term);
  }

  /** Terms with this sound key (for words heard as one term). */
  soundingLike(key: string): readonly Term[] {
    return (this.sound.get(key) ?? []).map((term) => this.exact.get(term.text)!);
  }

  /** Whether some term words heard apart may stand for has these letters (lower case) or this sound key. */
  mayBeApart(lower: string, key: string): boolean {
    return this.apartLetters.has(lower) || this.apartSounds.has(key);
  }

  /**
   * Whether some term words heard apart may stand for begins with a word's letters (lower case)
   * and then the next word's first letter, or with the word's sound key and then the next word's
   * (`nextTail`: its key without an opening vowel; empty, it says nothing of what follows).
   */
  mayStartApart(lower: string, key: string, nextLower: string, nextTail: string): boolean {
    return opensApart(this.apartLetterStarts.get(lower), this.apartSoundStarts.get(key), nextLower, nextTail);
  }

  /** What may follow a word's letters and its sound key at the start of a term heard apart (see opensApart). */
  apartStarts(lower: string, key: string): ApartStarts {
    return { letters: this.apartLetterStarts.get(lower), sounds: this.apartSoundStarts.get(key) };
  }

  private addApart(term: Term): void {
    const lower = term.text.toLowerCase();
    this.apartLetters.add(lower);
    addStarts(this.apartLetterStarts, lower);
    for (const key of soundKeys(term.text)) {
      this.apartSounds.add(key);
      addStarts(this.apartSoundStarts, key);
    }
  }

  get(text: string): Term | undefined {
    return this.exact.get(text);
  }

  sameLetters(lower: string): readonly Term[] {
    return (this.lower.get(lower) ?? []).map((term) => this.exact.get(term.text)!);
  }

  /** Terms that may be near `text`: same sound key, or one deletion apart (at most edit distance 2 by spelling). */
  candidates(text: string, keys: readonly string[]): Term[] {
    const lower = text.toLowerCase();
    const found = new Set<Term>();
    for (const key of keys) for (const term of this.sound.get(key) ?? []) found.add(this.exact.get(term.text)!);
    for (const variant of [lower, ...deletionsOf(lower)]) {
      for (const term of this.deletions.get(variant) ?? []) found.add(this.exact.get(term.text)!);
      for (const term of this.lower.get(variant) ?? []) found.add(this.exact.get(term.text)!);
    }
    return [...found];
  }
}

/** The characters that may follow a word's letters (`letters`) and its sound key (`sounds`) in terms heard apart; none: no such term. */
export interface ApartStarts {
  letters?: ReadonlySet<string>;
  sounds?: ReadonlySet<string>;
}

/** Whether the next word (its lower case, its sound key without an opening vowel) may go on a term a word opens (ApartStarts). */
export function opensApart(letters: ReadonlySet<string> | undefined, sounds: ReadonlySet<string> | undefined, nextLower: string, nextTail: string): boolean {
  if (letters?.has(nextLower[0])) return true;
  return sounds !== undefined && (nextTail === '' || sounds.has(nextTail[0]));
}

/** Only the site's own terms and names, not the dictionaries', are taken for words heard apart (see matchJoined). */
function mayBeHeardApart(term: Term): boolean {
  return !term.knownOnly && term.origin.kind !== 'dictionary';
}

/** Each beginning of a text, with the character after it (none: the end). */
function addStarts(starts: Map<string, Set<string>>, text: string): void {
  for (let end = 1; end <= text.length; end++) {
    const start = text.slice(0, end);
    let next = starts.get(start);
    if (!next) starts.set(start, (next = new Set()));
    next.add(text.slice(end, end + 1));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
