import type { Fix } from '../types';
import type { NearMiss } from './match';

/**
 * The quick fixes of a near miss. None is safe: the right word is a guess, so fix-all and
 * `--fix` never apply them; the user picks one.
 */

/** One "Replace with X" per suggestion, best first (the first preferred). */
export function replaceFixes(miss: NearMiss, suggestions: readonly string[]): Fix[] {
  return suggestions.map((word, i) => ({
    title: `Replace with '${word}'`,
    edits: [{ start: miss.start, end: miss.end, newText: word }],
    isPreferred: i === 0,
    safe: false,
  }));
}

/** Every occurrence of the same misheard text in the episode, replaced by the best suggestion. */
export function replaceAllFix(same: readonly NearMiss[], word: string): Fix {
  return {
    title: `Replace all ${same.length} '${same[0].text}' with '${word}' in this episode`,
    edits: same.map((miss) => ({ start: miss.start, end: miss.end, newText: word })),
    safe: false,
  };
}

/** The host writes the word into `words` of the nearest .transcriptlintrc.json (no edit of this document). */
export function addWordFix(word: string): Fix {
  return { title: `Add '${word}' to the site's words`, edits: [], addWord: word, safe: false };
}
