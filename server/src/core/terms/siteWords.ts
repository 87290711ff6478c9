import type { TextEdit } from '../types';

/**
 * "Add X to the site's words": the one edit that puts a word into `words` of a
 * `.transcriptlintrc.json`, touching nothing else of the file (its formatting, its other keys).
 * Without a file, the text of a new one.
 */
export type AddWordEdit = { kind: 'create'; text: string } | { kind: 'edit'; edit: TextEdit } | { kind: 'present' } | { kind: 'invalid'; reason: string };

export function addWordEdit(configText: string | undefined, word: string): AddWordEdit {
  const quoted = JSON.stringify(word);
  if (configText === undefined || configText.trim() === '') return { kind: 'create', text: `{\n  "words": [${quoted}]\n}\n` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(configText);
  } catch {
    return { kind: 'invalid', reason: 'it is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'invalid', reason: 'it is not a JSON object' };
  const words = (parsed as Record<string, unknown>).words;
  if (words !== undefined && !Array.isArray(words)) return { kind: 'invalid', reason: '"words" is not a list' };
  if (Array.isArray(words) && words.includes(word)) return { kind: 'present' };
  const open = configText.indexOf('{');
  const list = words === undefined ? undefined : topLevelValueStart(configText, 'words');
  if (list === undefined) {
    const empty = /^\{\s*\}/.test(configText.slice(open));
    return { kind: 'edit', edit: { start: open + 1, end: open + 1, newText: empty ? ` "words": [${quoted}] ` : `\n  "words": [${quoted}],` } };
  }
  const close = matchingBracket(configText, list);
  const inside = configText.slice(list + 1, close);
  const at = list + 1 + inside.replace(/\s+$/, '').length;
  return { kind: 'edit', edit: { start: at, end: at, newText: inside.trim() === '' ? quoted : `, ${quoted}` } };
}

/** The offset of the `[` of a top-level key's value, skipping strings and nested values. */
function topLevelValueStart(text: string, key: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1 && JSON.parse(text.slice(i, end + 1)) === key) {
        const colon = text.indexOf(':', end);
        const bracket = text.indexOf('[', colon);
        if (colon >= 0 && bracket >= 0 && text.slice(end + 1, colon).trim() === '' && text.slice(colon + 1, bracket).trim() === '') return bracket;
      }
      i = end;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i);
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i;
  }
  return text.length;
}
