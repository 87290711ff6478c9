import nspell from 'nspell';
import type { EnglishWords, TermList } from './sources';

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
  let english: EnglishWords | undefined;
  if (files.english) {
    const speller = nspell(files.english.aff, files.english.dic);
    const known = new Map<string, boolean>();
    english = {
      isWord(lower) {
        let answer = known.get(lower);
        if (answer === undefined) known.set(lower, (answer = speller.correct(lower)));
        return answer;
      },
    };
  }
  return { english, lists: files.lists.map((list) => ({ name: list.name, words: parseWordList(list.text) })) };
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
