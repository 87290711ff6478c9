import nspell from 'nspell';
import type { TermList } from './sources';
import type { EnglishWords } from './tokens';

/**
 * The published dictionaries as their files' text (the host reads them: the file system for the
 * CLI, inlined in the bundles for the extension): English as a Hunspell dictionary (dictionary-en,
 * read by nspell, which runs in a browser worker too), and cspell's word lists of software,
 * company and data-science terms.
 */
export interface DictionaryFiles {
  english?: { aff: string; dic: string };
  lists: { name: string; text: string }[];
}

export interface Dictionaries {
  english?: EnglishWords;
  lists: TermList[];
}

export function buildDictionaries(files: DictionaryFiles): Dictionaries {
  const english = files.english && wordsOf(nspell(files.english.aff, files.english.dic));
  return { english, lists: files.lists.map((list) => ({ name: list.name, words: parseWordList(list.text) })) };
}

/** Lines of the English .dic added per step (its 49,569 lines take about 300 ms at once). */
const DIC_LINES_PER_STEP = 4000;

/**
 * The same dictionaries, built a slice at a time with `pause()` between slices, so a server keeps
 * answering (a keystroke waits for one slice, never for the whole English list).
 */
export async function buildDictionariesInSteps(files: DictionaryFiles, pause: () => Promise<void>): Promise<Dictionaries> {
  let english: EnglishWords | undefined;
  if (files.english) {
    const speller = nspell(files.english.aff);
    // dictionary() ends by turning the compound rules into expressions from the rule codes of the
    // words added so far, and cannot turn them twice: each slice starts from the affix file's
    // patterns, so the last slice's expressions hold every word's codes, as one call's would.
    const patterns = speller.compoundRules.slice();
    const lines = files.english.dic.split('\n');
    for (let first = 1; first < lines.length; first += DIC_LINES_PER_STEP) {
      speller.compoundRules = patterns.slice();
      speller.dictionary(`${DIC_LINES_PER_STEP}\n${lines.slice(first, first + DIC_LINES_PER_STEP).join('\n')}`);
      await pause();
    }
    english = wordsOf(speller);
  }
  const lists: TermList[] = [];
  for (const list of files.lists) {
    lists.push({ name: list.name, words: parseWordList(list.text) });
    await pause();
  }
  return { english, lists };
}

/** The speller's answers, remembered: the same words come up in every line. */
function wordsOf(speller: nspell.NSpell): EnglishWords {
  const known = new Map<string, boolean>();
  return {
    isWord(lower) {
      let answer = known.get(lower);
      if (answer === undefined) known.set(lower, (answer = speller.correct(lower)));
      return answer;
    },
  };
}

/**
 * A cspell word list: one word a line, `#` comments; `!` forbids a word and `~`, `*`, `+` mark
 * case or compound rules (the word is kept without them). Entries that are not plain words
 * (`.topk`, `0b00b135`, phrases) are left out: no transcript word is compared with them.
 */
export function parseWordList(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const word = line.replace(/^[~*+]+/, '').replace(/[*+]+$/, '');
    if (/^[A-Za-z][A-Za-z'’-]*[A-Za-z]$/.test(word)) words.push(word);
  }
  return words;
}
