import { editDistance } from '../text';
import { joinedSoundKey, soundKeys } from './phonetic';
import { episodeCount, MIN_EPISODES, TermsInput } from './sources';
import type { EnglishWords } from './tokens';
import { ApartStarts, MIN_TERM_LENGTH, opensApart, originRank, Term, TermIndex } from './vocabulary';
import { ENDS_CLAUSE, QUOTED, WordList } from './lineWords';
import { soundOf, Token, TokenSound } from './tokens';

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
  /** The site's index among them, the same for every episode: what a word may open there is remembered on its token. */
  site?: TermIndex;
  input: TermsInput;
  english?: EnglishWords;
}

/** A dictionary term must be this long to be offered for a near miss (one letter off, sounding alike): short ones are near too many words. */
const MIN_DICTIONARY_TERM = 6;

/** A term of other episodes must be this long to be offered for a word one letter off: `Zack` is near every `Zach`. */
const MIN_EPISODE_TERM = 5;

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
  if (shorter < MIN_TERM_LENGTH || a === b || a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a) || sameSpelling(a, b) || otherForm(a, b)) return { near: false, distance: 0 };
  const distance = editDistance(a, b, 3);
  const allowed = sameSound ? (shorter >= 9 ? 3 : shorter >= 5 ? 2 : 1) : shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
  return { near: distance <= allowed, distance };
}

function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The same word but for accents or the kind of apostrophe (`O’Reilly`, `O'Reilly`): a transcription's typography, no mishearing. */
function sameSpelling(a: string, b: string): boolean {
  return plainApostrophes(withoutAccents(a)) === plainApostrophes(withoutAccents(b));
}

function plainApostrophes(text: string): string {
  return text.replace(/[’‘`´]/g, "'");
}

/** Endings that make another form of one word (`ideating`, `ideation`; `scalably`, `scalable`; `upvoters`, `upvotes`). */
const ENDINGS = new Set(['', 's', 'es', 'ed', 'er', 'ers', 'ing', 'ion', 'ions', 'ly', 'le', 'al', 'ally', 'ive', 'ity', 'e', 'ness', 'ment']);

/**
 * Two forms of one word, not a mishearing: the same stem (five letters or more) with two endings
 * (`-ing`/`-ion`, `-ly`/`-le`, `-ers`/`-es`). A mishearing changes the sound inside the word
 * (`Kubernetis`), not a grammatical ending.
 */
function otherForm(a: string, b: string): boolean {
  let stem = 0;
  while (stem < a.length && stem < b.length && a[stem] === b[stem]) stem++;
  for (let k = stem; k >= 5; k--) if (ENDINGS.has(a.slice(k)) && ENDINGS.has(b.slice(k))) return true;
  return false;
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

/**
 * The near misses among one line's (or one `who`'s) words, `from` to `to` of the list, left to
 * right, none overlapping. `source`: the text the words' offsets are in.
 */
export function nearMisses(matcher: Matcher, words: WordList, from: number, to: number, source: string): NearMiss[] {
  const found: NearMiss[] = [];
  for (let i = from; i < to; i++) {
    if (words.flags[i] & QUOTED) continue;
    const token = words.token(i);
    const terms = token.text.length < MIN_TERM_LENGTH || token.plainEnglish ? NO_TERMS : termsOfWord(matcher, token);
    if (terms.length > 0) {
      found.push({ start: words.starts[i], end: words.end(i), text: token.text, terms });
      continue;
    }
    const joined = matchJoined(matcher, words, i, to, source);
    if (joined) {
      found.push(joined.miss);
      i += joined.size - 1;
    }
  }
  return found;
}

const NO_TERMS: Term[] = [];

/** A word's terms, remembered on its token for the last matcher asking: one matcher checks a whole episode, which says the same words over and over. */
function termsOfWord(matcher: Matcher, token: Token): Term[] {
  if (token.termsBy === matcher) return token.terms as Term[];
  const terms = termsFor(matcher, token.text);
  token.termsBy = matcher;
  token.terms = terms;
  return terms;
}

/** The terms a word is probably a mishearing of, best first (none: no mishearing). */
function termsFor(matcher: Matcher, text: string): Term[] {
  if (text.length < MIN_TERM_LENGTH || isKnown(matcher, text)) return [];
  const capitals = (text.match(/\p{Lu}/gu) ?? []).length;
  if (capitals >= 2 && capitals >= text.length - 2) return []; // An acronym (`CPOs`): no mishearing to guess from.
  const lower = text.toLowerCase();
  const common = matcher.english?.isWord(lower) ?? false;
  const scored: Scored[] = [];
  let sameLetters = false;
  for (const index of matcher.indexes) {
    for (const term of index.sameLetters(lower)) {
      sameLetters = true;
      if ((!common || capitals > 1) && !term.knownOnly && isCaseVariant(text, term.text) && isReliableMatch(matcher, term, text)) scored.push({ term, distance: 0, sound: true });
    }
  }
  // A known term in another case (`numba` for Numba) is that term, unless the case hides its inner capitals.
  if (sameLetters && scored.length === 0) return [];
  if (!common && isOtherSpelling(matcher, text, lower)) return [];
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
        if (term.origin.kind === 'dictionary' && !isLikelyDictionaryMatch(matcher, text, term, sound, distance)) continue;
        // Short terms of other episodes are near too many names and words (`Zach`, `Zack`).
        if (term.origin.kind === 'episodes' && term.text.length < MIN_EPISODE_TERM) continue;
        scored.push({ term, distance, sound });
      }
    }
  }
  return rank(matcher, scored);
}

/**
 * A dictionary term offered for a word: sounding alike, one letter off, long enough, and no
 * English word itself (the company list holds `Centers`, `George`); a lower-case word is not
 * taken for a capitalized name (`quals` is no Qualys).
 */
function isLikelyDictionaryMatch(matcher: Matcher, text: string, term: Term, sound: boolean, distance: number): boolean {
  if (!sound || distance > 1 || term.text.length < MIN_DICTIONARY_TERM) return false;
  if (/^\p{Lu}/u.test(term.text) && !/^\p{Lu}/u.test(text)) return false;
  return !(matcher.english && (matcher.english.isWord(term.text) || matcher.english.isWord(term.text.toLowerCase())));
}

/**
 * A word no list knows that is still no mishearing: a typographic apostrophe (`there’ll`), a
 * British spelling of an English word (`centres`, `serialisation`), or a known word with an
 * ending (`confounder`, `Kafkas`).
 */
function isOtherSpelling(matcher: Matcher, text: string, lower: string): boolean {
  const known = (candidate: string) => candidate.length >= MIN_TERM_LENGTH - 1 && (isKnown(matcher, candidate) || (matcher.english?.isWord(candidate.toLowerCase()) ?? false));
  const plain = text.replace(/[’‘`´]/g, "'");
  if (plain !== text && known(plain)) return true;
  if (americanSpellings(lower).some(known)) return true;
  return stems(text).some(known);
}

/** British endings in their American spelling: `-our` `-or`, `-re` `-er`, `-ise` `-ize`, `-yse` `-yze`, a doubled `l`. */
function americanSpellings(lower: string): string[] {
  const out = [
    lower.replace(/our(s|ed|ing|ite|ites|ful)?$/, 'or$1'),
    lower.replace(/([^aeiou])re(s|d)?$/, '$1er$2'),
    lower.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'),
    lower.replace(/ys(e|es|ed|ing)$/, 'yz$1'),
    lower.replace(/ll(ed|ing|er|ers)$/, 'l$1'),
    lower.replace(/ogue(s)?$/, 'og$1'),
    lower.replace(/ence$/, 'ense'),
    lower.replace(/iality$/, 'ialty'),
  ];
  return [...new Set(out.filter((s) => s !== lower))];
}

/** The word without an ending (`confounder` → confound, `Kafkas` → Kafka, `ideating` → ideate), for a stem some list knows. */
function stems(text: string): string[] {
  const out: string[] = [];
  for (const [ending, ...replacements] of STEM_RULES) {
    if (!text.endsWith(ending) || text.length - ending.length < MIN_TERM_LENGTH - 1) continue;
    const stem = text.slice(0, -ending.length);
    for (const replacement of replacements) out.push(stem + replacement);
  }
  return out;
}

const STEM_RULES: readonly (readonly string[])[] = [
  ['s', ''], ['es', ''], ["'s", ''], ['er', '', 'e'], ['ers', '', 'e'], ['ed', '', 'e'], ['ing', '', 'e'], ['ly', '', 'le'],
  ['ably', 'able'], ['ibly', 'ible'], ['ier', 'y'], ['iest', 'y'], ['ies', 'y'], ['ness', ''], ['ment', ''], ['ments', ''],
];

/** A place or a first name other episodes mention (`India`, `Andrew`) is no term to correct others to. */
function isOfferable(matcher: Matcher, term: Term): boolean {
  if (term.origin.kind !== 'episodes' || !matcher.english) return true;
  return !matcher.english.isWord(term.text);
}

/** Episodes that must use a term before words heard apart are taken for it. */
const MIN_EPISODES_HEARD_APART = 5;

/**
 * Two or three words heard as one term: `Py Torch` (PyTorch) by its letters, `cooper netties`
 * (Kubernetes) or `air bite` (Airbyte) by sound and spelling. Only terms of the site (its own
 * words, spellings of other episodes, this episode's names) and no English word; no little
 * words, no words across a comma or a hyphen (`fine-tune` is a style, not a mishearing). Words
 * that are all ordinary English must be one letter from the term (`air bite`).
 */
function matchJoined(matcher: Matcher, words: WordList, i: number, to: number, source: string): { miss: NearMiss; size: number } | undefined {
  return mayStartHeardAsOne(matcher, words, i, to) ? joinedMiss(matcher, words, i, to, source) : undefined;
}

/**
 * matchJoined past its quick test (one word in twenty): apart from the hot loop, so that the
 * compiler optimizing that loop does not compile all of this with it, again after each deopt.
 */
function joinedMiss(matcher: Matcher, words: WordList, i: number, to: number, source: string): { miss: NearMiss; size: number } | undefined {
  for (let size = 3; size >= 2; size--) {
    if (!mayBeHeardAsOne(matcher, words, i, to, size, source)) continue;
    const texts: string[] = [];
    for (let k = i; k < i + size; k++) texts.push(words.token(k).text);
    const lower = texts.join('').toLowerCase();
    const byLetters = matcher.indexes.flatMap((index) => index.sameLetters(lower)).filter((t) => !t.knownOnly && (t.name || /\p{Lu}/u.test(t.text.slice(1))));
    const bySound = matcher.indexes.flatMap((index) => index.soundingLike(joinedSoundKey(texts)));
    if (byLetters.length === 0 && bySound.length === 0) continue;
    if (texts.some((text) => isKnown(matcher, text)) || matcher.english?.isWord(lower)) continue;
    const uncommon = texts.filter((t) => !(matcher.english?.isWord(t.toLowerCase()) ?? false));
    const scored: Scored[] = uncommon.length > 0 ? byLetters.map((term) => ({ term, distance: 0, sound: true })) : [];
    // Heard by sound, every word must be heard in the term (`AI` adds no consonant: `Pedantic AI` is no Pydantic).
    const everyWordHeard = texts.every((t, k) => k === 0 || soundKeys(t)[0].replace(/^A/, '') !== '');
    // An acronym is a word as written (`PPC`, `BI`): only an unknown word of letters loosens the match.
    const loose = uncommon.some((t) => t !== t.toUpperCase());
    for (const term of everyWordHeard ? bySound : []) {
      if (term.knownOnly || term.origin.kind === 'dictionary' || term.text.length < 6 || !isOfferable(matcher, term)) continue;
      if (matcher.english?.isWord(term.text.toLowerCase())) continue;
      // Heard as several words, a term of other episodes needs more of them to be trusted.
      if (term.origin.kind === 'episodes' && episodeCount(matcher.input, term.text) < MIN_EPISODES_HEARD_APART) continue;
      const distance = editDistance(lower, term.text.toLowerCase(), 6);
      const allowed = loose ? Math.ceil(term.text.length * 0.6) : 1;
      if (distance > 0 && distance <= allowed && isReliableMatch(matcher, term, texts.join(''))) scored.push({ term, distance, sound: true });
    }
    const terms = rank(matcher, scored);
    if (terms.length > 0) {
      const start = words.starts[i];
      const end = words.end(i + size - 1);
      return { miss: { start, end, text: source.slice(start, end), terms }, size };
    }
  }
  return undefined;
}

/**
 * The cheapest test first (every word of a transcript starts a pair and a triple): a word that can
 * open words heard as one, whose letters or sound, and the next word's first, open some term's.
 */
function mayStartHeardAsOne(matcher: Matcher, words: WordList, i: number, to: number): boolean {
  if (i + 2 > to) return false;
  const token = words.token(i);
  const sound = soundOf(token);
  if (sound.little) return false;
  const next = words.token(i + 1);
  const nextSound = soundOf(next);
  if (nextSound.little) return false;
  for (const index of matcher.indexes) {
    if (index !== matcher.site) {
      if (index.mayStartApart(token.lower, sound.key, next.lower, nextSound.tail)) return true;
      continue;
    }
    const starts = siteStarts(index, token, sound);
    if (opensApart(starts.letters, starts.sounds, next.lower, nextSound.tail)) return true;
  }
  return false;
}

/** What a word may open in the site's index, worked out once per token (every episode asks it of the same index). */
function siteStarts(site: TermIndex, token: Token, sound: TokenSound): ApartStarts {
  if (token.siteStarts?.index !== site) token.siteStarts = { index: site, ...site.apartStarts(token.lower, sound.key) };
  return token.siteStarts;
}

/**
 * The cheap test next: words that may be heard as one (no little word, nothing but spaces
 * between) whose letters or sound some term has.
 */
function mayBeHeardAsOne(matcher: Matcher, words: WordList, i: number, to: number, size: number, source: string): boolean {
  if (i + size > to) return false;
  let lower = '';
  let key = '';
  for (let k = 0; k < size; k++) {
    const token = words.token(i + k);
    const sound = soundOf(token);
    if (sound.little || (k > 0 && !joinable(source, words, i + k - 1))) return false;
    lower += token.lower;
    key += k > 0 ? sound.tail : sound.key;
  }
  if (lower.length < 6) return false;
  for (const index of matcher.indexes) if (index.mayBeApart(lower, key)) return true;
  return false;
}

/** Word `k` and the next in one clause with nothing but spaces between (not `MRT (Mass`, not `fine-tune`). */
function joinable(source: string, words: WordList, k: number): boolean {
  if (words.flags[k] & ENDS_CLAUSE) return false;
  const [end, next] = [words.end(k), words.starts[k + 1]];
  if (next === end + 1 && source.charCodeAt(end) === 32) return true;
  for (let at = end; at < next; at++) if (!/\s/.test(source[at])) return false;
  return true;
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
