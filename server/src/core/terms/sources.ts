import { readGuests } from '../clips';
import { getField } from '../fields';
import type { EpisodeModel } from '../model';
import { MIN_TERM_LENGTH, Term, TermIndex } from './vocabulary';
import { readLineWords } from './lineWords';
import { EnglishWords, Token, tokenTable } from './tokens';
import { forEachWordSpan, wordsIn } from './words';

/**
 * Where the vocabulary comes from. The host reads the files (people files, other episodes, the
 * configuration, the dictionaries) and hands the core their contents; the core builds the indexes.
 */

export interface TermList {
  /** What the message calls the list ("software terms"). */
  name: string;
  words: readonly string[];
}

export interface SiteTerms {
  /** People files: `_people/<id>.md` id → the person's full name (its `title`). */
  people: ReadonlyMap<string, string>;
  /** Each spelling the workspace's episodes use (words no English list knows) → in how many episodes. */
  episodeCounts: ReadonlyMap<string, number>;
  /** `words` of the configuration (as cspell's). */
  words: readonly string[];
  english?: EnglishWords;
  lists: readonly TermList[];
}

/** What one analysis gets: the site, and the episode's own spellings as the site counted them (left out of its counts). */
export interface TermsInput {
  site: SiteTerms;
  own?: ReadonlySet<string>;
  /** The host is still loading the site's terms: the two rules report nothing yet (the host checks again once they are loaded). */
  loading?: true;
}

/** A spelling used in at least this many other episodes is a term the site uses. */
export const MIN_EPISODES = 3;

export const NO_SITE: SiteTerms = { people: new Map(), episodeCounts: new Map(), words: [], lists: [] };

/**
 * What a server gives a document's first check while the dictionaries and the people files load:
 * the other rules' findings are published at once, the names and terms a moment later.
 */
export const TERMS_LOADING: TermsInput = { site: NO_SITE, loading: true };

/** In how many episodes other than this one a spelling is used. */
export function episodeCount(input: TermsInput, spelling: string): number {
  const total = input.site.episodeCounts.get(spelling) ?? 0;
  return input.own?.has(spelling) ? total - 1 : total;
}

const siteIndexes = new WeakMap<SiteTerms, TermIndex>();

/** The site's terms (people files, words, spellings of other episodes, dictionaries), indexed once per SiteTerms object. */
export function siteIndex(site: SiteTerms): TermIndex {
  let index = siteIndexes.get(site);
  if (!index) {
    index = new TermIndex();
    for (const word of site.words) index.add({ text: word, name: false, origin: { kind: 'words' } });
    for (const [spelling, count] of site.episodeCounts) {
      if (count >= MIN_EPISODES) index.add({ text: spelling, name: false, origin: { kind: 'episodes', count } });
    }
    for (const fullName of site.people.values()) {
      for (const part of nameParts(fullName)) index.add({ text: part, name: true, knownOnly: true, origin: { kind: 'person', fullName } });
    }
    for (const list of site.lists) for (const word of list.words) index.add({ text: word, name: false, origin: { kind: 'dictionary', name: list.name } });
    siteIndexes.set(site, index);
  }
  return index;
}

/** The words of a full name that can be misheard: `Santiago Valdarrama` → Santiago, Valdarrama. */
export function nameParts(fullName: string): string[] {
  return wordsIn(fullName).map((w) => w.text).filter((w) => w.length >= MIN_TERM_LENGTH && /^\p{Lu}/u.test(w));
}

/** Spoken lines per speaker before a `who` counts as a name this episode knows. */
const MIN_SPEAKER_LINES = 3;

/**
 * The names and terms this episode knows: its guests' full names (people files), its speakers
 * (`who` values used on several lines), the names in its title, the words of its links.
 */
export function episodeTerms(model: EpisodeModel, site: SiteTerms): Term[] {
  const terms: Term[] = [];
  for (const id of readGuests(model)) {
    const fullName = site.people.get(id) ?? (/\s/.test(id) ? id : undefined);
    if (fullName) for (const part of nameParts(fullName)) terms.push({ text: part, name: true, origin: { kind: 'guest', fullName } });
  }
  for (const [name, count] of speakerLines(model)) {
    if (count >= MIN_SPEAKER_LINES) for (const part of nameParts(name)) terms.push({ text: part, name: true, origin: { kind: 'speaker' } });
  }
  // Without an English word list a title's or a link's word cannot be told from a term: none are taken.
  const title = getField(model.topLevel, 'title');
  if (title?.kind === 'string') {
    for (const word of wordsIn(title.value as string)) {
      if (site.english && /^\p{Lu}/u.test(word.text) && word.text.length >= MIN_TERM_LENGTH && !site.english.isWord(word.text.toLowerCase())) {
        terms.push({ text: word.text, name: false, origin: { kind: 'title' } });
      }
    }
  }
  for (const link of getField(model.topLevel, 'links')?.children ?? []) {
    if (link.kind !== 'string') continue;
    for (const segment of (link.value as string).split(/[/?#=&._-]+/)) {
      if (site.english && /^[A-Za-z]{5,}$/.test(segment) && !site.english.isWord(segment.toLowerCase()) && !/^(?:https?|www|com|org|html?)$/i.test(segment)) {
        terms.push({ text: segment, name: false, origin: { kind: 'link' } });
      }
    }
  }
  return terms;
}

/**
 * Spoken lines per speaker. A function of its own: its loop over every item is what gets optimized
 * on the fly, and optimizing it inside episodeTerms compiled all of that (the CLI paid 0.3 s of a
 * compiler thread for it).
 */
function speakerLines(model: EpisodeModel): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of model.transcript?.items ?? []) {
    const speaker = item.speaker;
    if (speaker && !speaker.speech && speaker.bare) counts.set(speaker.bare, (counts.get(speaker.bare) ?? 0) + 1);
  }
  return counts;
}

/** Counts made so far: a token marked with the current count's number was written already in its episode. */
let spellingCounts = 0;

/**
 * The spellings an episode contributes to the site's counts: words of its lines, headers and title
 * that no English list knows (names, tools, companies), each once, in the order first written.
 * `keepLineWords`: the lines' words stay with the model for its check (see readLineWords).
 */
export function episodeSpellings(model: EpisodeModel, english: EnglishWords | undefined, keepLineWords = false): Set<string> {
  // Each written word once (its token), then asked of the English list: most words recur.
  const table = tokenTable(english);
  const written: Token[] = [];
  const mark = ++spellingCounts;
  const add = (token: Token) => {
    if (token.counted !== mark && token.text.length >= 3) written.push(token);
    token.counted = mark;
  };
  const title = getField(model.topLevel, 'title');
  if (title?.valueSpan) forEachWordSpan(model.text, title.valueSpan.start, title.valueSpan.end, (start, end) => add(table.at(model.text, start, end)));
  readLineWords(model, table, keepLineWords, add);
  const spellings = new Set<string>();
  for (const token of written) if (!token.english) spellings.add(token.text);
  return spellings;
}
