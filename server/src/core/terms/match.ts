import { editDistance } from '../text';
import { joinedSoundKey, soundKeys } from './phonetic';
import { episodeCount, EnglishWords, MIN_EPISODES, TermsInput } from './sources';
import { MIN_TERM_LENGTH, originRank, Term, TermIndex } from './vocabulary';
import type { Word } from './words';

/** A word, or two or three words heard as one, that is probably a misheard term. */
export interface NearMiss {
  start: number;
  end: number;
  /** As written (words joined by what stands between them). */
  text: string;
  /** Best first; the first decides the rule (a name: name-spelling). */
  terms: Term[];
}

interface Scored {
  term: Term;
  distance: number;
  sound: boolean;
}

export interface Matcher {
  indexes: readonly TermIndex[];
  input: TermsInput;
  english?: EnglishWords;
}

/** A dictionary term must be this long to be offered for a near miss (one letter off, sounding alike): short ones are near too many words. */
const MIN_DICTIONARY_TERM = 6;

/**
 * Whether `word` is near `term`: one letter off (two in long words), or sounding the same and a
 * few letters off. Edits are counted without regard to the keyboard: these are mishearings.
 * Not near: the same letters but for accents (`Dania`, `Dânia`: a transcription has no accents),
 * and a word that starts with the other (`organised`, `repos`: another form of the word).
 */
export function isNear(word: string, term: string, sameSound: boolean): { near: boolean; distance: number } {
  const a = word.toLowerCase();
  const b = term.toLowerCase();
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_TERM_LENGTH || a === b || a.startsWith(b) || b.startsWith(a) || withoutAccents(a) === withoutAccents(b)) return { near: false, distance: 0 };
  const distance = editDistance(a, b, 3);
  const allowed = sameSound ? (shorter >= 9 ? 3 : shorter >= 5 ? 2 : 1) : shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
  return { near: distance <= allowed, distance };
}

function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function soundsAlike(keys: readonly string[], term: string): boolean {
  return soundKeys(term).some((key) => keys.includes(key));
}

/** Whether a spelling is one the site knows: a term, or used in other episodes too. */
function isKnown(matcher: Matcher, text: string): boolean {
  if (matcher.indexes.some((index) => index.get(text))) return true;
  return episodeCount(matcher.input, text) >= 2;
}

/** An ordinary English word, or a name English dictionaries know (`Iceland`): not a misheard term. */
function isEnglish(matcher: Matcher, text: string, lower: string): boolean {
  return matcher.english ? matcher.english.isWord(lower) || (lower !== text && matcher.english.isWord(text)) : false;
}

function termCount(matcher: Matcher, term: Term): number {
  return term.origin.kind === 'episodes' ? episodeCount(matcher.input, term.text) : Number.MAX_SAFE_INTEGER;
}

/**
 * A case variant of a term written with inner capitals, flattened (`Pytorch`, `pytorch` for
 * PyTorch, `Leetcode` for LeetCode): not of an all-capitals term (`Covid` for COVID is a style)
 * nor of a code identifier (`featureStore`), not a word with as many capitals as the term.
 */
function isCaseVariant(word: string, term: string): boolean {
  const inner = (s: string) => (s.slice(1).match(/\p{Lu}/gu) ?? []).length;
  return word !== term && term !== term.toUpperCase() && /^(?:\p{Lu}|\p{Ll}\p{Lu})/u.test(term) && inner(term) > 0 && inner(word) < inner(term);
}

/** The near misses among one line's (or one `who`'s) words, left to right, none overlapping. */
export function nearMisses(matcher: Matcher, words: readonly Word[], source: string): NearMiss[] {
  const found: NearMiss[] = [];
  for (let i = 0; i < words.length; i++) {
    const single = matchWord(matcher, words[i]);
    if (single) {
      found.push(single);
      continue;
    }
    const joined = matchJoined(matcher, words, i, source);
    if (joined) {
      found.push(joined.miss);
      i += joined.size - 1;
    }
  }
  return found;
}

function matchWord(matcher: Matcher, word: Word): NearMiss | undefined {
  const text = word.text;
  if (text.length < MIN_TERM_LENGTH || isKnown(matcher, text)) return undefined;
  const capitals = (text.match(/\p{Lu}/gu) ?? []).length;
  if (capitals >= 2 && capitals >= text.length - 2) return undefined; // An acronym (`CPOs`): no mishearing to guess from.
  const lower = text.toLowerCase();
  const common = matcher.english?.isWord(lower) ?? false;
  const scored: Scored[] = [];
  if (!common || capitals > 1) {
    for (const index of matcher.indexes) {
      for (const term of index.sameLetters(lower)) {
        if (!term.knownOnly && isCaseVariant(text, term.text) && isReliableMatch(matcher, term, text)) scored.push({ term, distance: 0, sound: true });
      }
    }
  }
  // An ordinary word is no mishearing; a spelling with inner capitals (`AdWords`) is written that way on purpose, unless the site's own term is near.
  const innerCapitals = /\p{Lu}/u.test(text.slice(1));
  if (scored.length === 0 && !common) {
    const properNoun = isEnglish(matcher, text, lower);
    const capitalized = capitals > 0;
    const keys = soundKeys(text);
    for (const index of matcher.indexes) {
      for (const term of index.candidates(text, keys)) {
        if (term.knownOnly || !isOfferable(matcher, term) || (innerCapitals && term.origin.kind === 'dictionary')) continue;
        // A lower-case word near a name is an ordinary word no list knows; a name English knows is another name than a term.
        if (term.name ? !capitalized : properNoun) continue;
        const sound = soundsAlike(keys, term.text);
        const { near, distance } = isNear(text, term.text, sound);
        if (!near || !isReliableMatch(matcher, term, text)) continue;
        if (term.origin.kind === 'dictionary' && (!sound || distance > 1 || term.text.length < MIN_DICTIONARY_TERM)) continue;
        scored.push({ term, distance, sound });
      }
    }
  }
  const terms = rank(matcher, scored);
  return terms.length > 0 ? { start: word.start, end: word.end, text, terms } : undefined;
}

/** A place or a first name other episodes mention (`India`, `Andrew`) is no term to correct others to. */
function isOfferable(matcher: Matcher, term: Term): boolean {
  if (term.origin.kind !== 'episodes' || !matcher.english) return true;
  return !matcher.english.isWord(term.text);
}

/** Little words that never stand in for part of a term (`I never` is not Invvar). */
const FUNCTION_WORDS = new Set(
  'a an and are as at be but by can did do for from had has have he her his how i if in is it its me my no not of on or our she so than that the their them then there they this to too up us was we were what when which who will with would you your all'.split(' '),
);

/**
 * Two or three words heard as one term: `Py Torch` (PyTorch) by its letters, `cooper netties`
 * (Kubernetes) or `air bite` (Airbyte) by sound and spelling. Only terms of the site (its own
 * words, spellings of other episodes, this episode's names) and no English word; no little
 * words, no words across a comma or a hyphen (`fine-tune` is a style, not a mishearing). Words
 * that are all ordinary English must be one letter from the term (`air bite`).
 */
function matchJoined(matcher: Matcher, words: readonly Word[], i: number, source: string): { miss: NearMiss; size: number } | undefined {
  for (const size of [3, 2]) {
    const window = words.slice(i, i + size);
    if (window.length < size || window.slice(0, -1).some((w, k) => w.endsClause || source.slice(w.end, window[k + 1].start).includes('-'))) continue;
    if (window.some((w) => w.text.length < 2 || FUNCTION_WORDS.has(w.text.toLowerCase()))) continue;
    const texts = window.map((w) => w.text);
    const lower = texts.join('').toLowerCase();
    if (lower.length < 6) continue;
    const byLetters = matcher.indexes.flatMap((index) => index.sameLetters(lower)).filter((t) => !t.knownOnly && (t.name || /\p{Lu}/u.test(t.text.slice(1))));
    const bySound = matcher.indexes.flatMap((index) => index.soundingLike(joinedSoundKey(texts)));
    if (byLetters.length === 0 && bySound.length === 0) continue;
    if (window.some((w) => isKnown(matcher, w.text)) || matcher.english?.isWord(lower)) continue;
    const uncommon = texts.filter((t) => !(matcher.english?.isWord(t.toLowerCase()) ?? false)).length;
    const scored: Scored[] = uncommon > 0 ? byLetters.map((term) => ({ term, distance: 0, sound: true })) : [];
    for (const term of bySound) {
      if (term.knownOnly || term.origin.kind === 'dictionary' || term.text.length < 6 || !isOfferable(matcher, term)) continue;
      if (matcher.english?.isWord(term.text.toLowerCase())) continue;
      const distance = editDistance(lower, term.text.toLowerCase(), 6);
      const allowed = uncommon > 0 ? Math.ceil(term.text.length * 0.6) : 1;
      if (distance > 0 && distance <= allowed && isReliableMatch(matcher, term, texts.join(''))) scored.push({ term, distance, sound: true });
    }
    const terms = rank(matcher, scored);
    if (terms.length > 0) {
      const start = window[0].start;
      const end = window[window.length - 1].end;
      return { miss: { start, end, text: source.slice(start, end), terms }, size };
    }
  }
  return undefined;
}

/** A term from other episodes must be used much more often than the word it would replace. */
function isReliableMatch(matcher: Matcher, term: Term, word: string): boolean {
  if (term.origin.kind !== 'episodes') return true;
  const count = episodeCount(matcher.input, term.text);
  return count >= MIN_EPISODES && count >= 3 * Math.max(1, episodeCount(matcher.input, word));
}

/** Best first: closer, then sounding alike, then the episode's own names before the site's and the dictionaries', then more episodes. */
function rank(matcher: Matcher, scored: Scored[]): Term[] {
  scored.sort((a, b) => a.distance - b.distance || Number(b.sound) - Number(a.sound) || originRank(a.term) - originRank(b.term) || termCount(matcher, b.term) - termCount(matcher, a.term));
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const { term } of scored) {
    if (seen.has(term.text)) continue;
    seen.add(term.text);
    terms.push(term);
  }
  return terms.slice(0, 3);
}
