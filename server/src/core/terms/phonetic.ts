import { doubleMetaphone } from 'double-metaphone';

/** Keys of words already seen: a transcript says the same few thousand words over and over. */
const known = new Map<string, readonly [string, string]>();

/**
 * How a word sounds, as Double Metaphone's two keys (primary, alternate): a misheard spelling
 * (`Grifana`) and two sound-alike words run together (`air bite`) reach the same key as their term.
 */
export function soundKeys(word: string): readonly [string, string] {
  let keys = known.get(word);
  if (!keys) {
    if (known.size > 200_000) known.clear();
    keys = doubleMetaphone(word);
    known.set(word, keys);
  }
  return keys;
}

/**
 * The sound of words said as one, from each word's own key: a vowel opening a later word is
 * silent inside a word (`span apply` ~ `spanapply`), so its `A` is dropped. Cheap enough to try
 * every pair and triple of words of a transcript.
 */
export function joinedSoundKey(words: readonly string[]): string {
  return words.map((word, i) => {
    const key = soundKeys(word)[0];
    return i > 0 && key.startsWith('A') ? key.slice(1) : key;
  }).join('');
}
