import { isNewHeader, NewItem } from '../../convert/types';

/** Speaker names on import: renaming them, listing them, and telling a transcription service's placeholders. */

/** The items with `who` renamed where `renames` names it (`{ "Speaker 1": "Alexey" }`); other items as they were. */
export function renameSpeakers(items: readonly NewItem[], renames: Readonly<Record<string, string>> = {}): NewItem[] {
  const map = new Map(Object.entries(renames));
  if (map.size === 0) return [...items];
  return items.map((item) => {
    if (isNewHeader(item) || item.who === undefined) return item;
    const renamed = map.get(item.who);
    return renamed === undefined ? item : { ...item, who: renamed };
  });
}

/** Every `who`, in order of first appearance. */
export function speakerNames(items: readonly NewItem[]): string[] {
  const names = new Set<string>();
  for (const item of items) if (!isNewHeader(item) && item.who !== undefined) names.add(item.who);
  return [...names];
}

/** `Speaker 1`, `Speaker A`, `SPEAKER_00`, `Unknown Speaker`: names a service gives when it does not know who spoke. */
export function isPlaceholderSpeaker(name: string): boolean {
  return /^(?:speaker[ _-]?(?:\d+|[a-z])|unknown(?: speaker)?|spk[ _-]?\d+)$/i.test(name.trim());
}
