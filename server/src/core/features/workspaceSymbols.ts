import type { EpisodeModel } from '../model';
import { getField } from '../fields';
import type { Span } from '../types';
import { momentOf } from './locate';

/** Workspace symbols (Ctrl+T): every header of every episode, the episode as container. */

export interface HeaderEntry {
  name: string;
  /** The header's value (what the editor selects). */
  span: Span;
  /** The section's first timed second, when it has one. */
  sec?: number;
}

export function episodeHeaders(model: EpisodeModel): HeaderEntry[] {
  if (!model.isEpisode) return [];
  const headers: HeaderEntry[] = [];
  for (const item of model.transcript?.items ?? []) {
    if (item.kind !== 'header') continue;
    const field = getField(item.fields, 'header')!;
    headers.push({ name: item.header!.replace(/\s+/g, ' ').trim(), span: field.valueSpan ?? field.keySpan, sec: momentOf(model, item)?.sec });
  }
  return headers;
}

/** The episode's name for the container: `short`, else `title`, else undefined (the caller uses the file name). */
export function episodeTitle(model: EpisodeModel): string | undefined {
  for (const key of ['short', 'title']) {
    const field = getField(model.topLevel, key);
    if (field?.kind === 'string' && (field.value as string).trim() !== '') return (field.value as string).replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/**
 * How well a symbol name answers a query, lower is better, undefined for no match: the query's
 * characters (case and spaces aside) must appear in order; a name containing the query as typed
 * comes first, then one containing all its words, then the rest. Editors filter and rank again.
 */
export function matchSymbol(query: string, name: string): number | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return 3;
  const n = name.toLowerCase();
  if (n.includes(q)) return 0;
  const words = q.split(/\s+/);
  if (words.every((w) => n.includes(w))) return 1;
  let at = 0;
  for (const c of q.replace(/\s+/g, '')) {
    at = n.indexOf(c, at);
    if (at < 0) return undefined;
    at++;
  }
  return 2;
}
