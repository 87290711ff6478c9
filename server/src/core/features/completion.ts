import { readGuests } from '../clips';
import { lineBreakOf, yamlString } from '../fixes';
import type { EpisodeModel, TranscriptItem } from '../model';
import { getField } from '../fields';
import { parseEpisode } from '../parse/parseEpisode';
import { startOfLine } from '../text';
import { formatTime, parseTime } from '../time';
import type { Span } from '../types';
import { labelScalar } from './shiftTimes';

/**
 * Completion inside the transcript: speakers after `who: ` (this file's, most frequent first, then
 * the guests), the keys an item still lacks, and on a new `- ` a whole spoken line with `sec`/`time`
 * taken from the previous timed line and the next speaker guessed (the other one of a two-person talk).
 * Works on the text being typed even when it does not parse yet: the line at the cursor is set
 * aside and the rest of the file read without it.
 */

export interface EpisodeCompletion {
  label: string;
  kind: 'speaker' | 'key' | 'item';
  detail?: string;
  /** The text typed so far that the completion replaces. */
  span: Span;
  /** LSP snippet syntax. */
  snippet: string;
  /** The same text without placeholders, for clients without snippet support. */
  text: string;
  sortText: string;
  filterText?: string;
  /** Ask the editor to suggest again once inserted (speakers after `who: `). */
  retrigger?: boolean;
}

const ITEM_KEYS = ['line', 'sec', 'time', 'who'] as const;

export function completions(model: EpisodeModel, offset: number): EpisodeCompletion[] {
  const fm = model.frontMatter;
  if (!model.isEpisode || !fm || offset < fm.contentStart || offset > fm.contentEnd) return [];
  const text = model.text;
  const lineStart = startOfLine(text, offset);
  const prefix = text.slice(lineStart, offset);
  const rest = text.slice(offset, endOfContent(text, offset));
  const context = model.syntaxErrors.length === 0 ? model : parseEpisode(blankLine(text, lineStart), model.uri);
  if (!inTranscript(context, offset)) return [];
  const items = context.transcript!.items;

  const who = /^(\s*(?:-[ \t]+)?)who:([ \t]*)(.*)$/.exec(prefix);
  if (who) {
    if (who[2] === '' && who[3] === '') return []; // `who:|`: a space first.
    const valueStart = offset - who[3].length;
    return speakerCompletions(context, offset, { start: valueStart, end: offset + rest.trimEnd().length });
  }
  const dash = /^([ \t]*)-[ \t]+([A-Za-z]*)$/.exec(prefix);
  if (dash && rest.trim() === '' && dashColumnFits(context, dash[1].length)) {
    return newItemCompletions(context, offset, dash[1].length + 2, { start: offset - dash[2].length, end: offset });
  }
  const key = /^([ \t]+)([A-Za-z]*)$/.exec(prefix);
  if (key && rest.trim() === '') {
    const item = itemOwningLine(items, lineStart);
    if (item && item.keyColumn === key[1].length) return missingKeyCompletions(context, item, { start: offset - key[2].length, end: offset });
  }
  return [];
}

/** The text with one line's characters replaced by spaces: offsets stay, the line no longer counts. */
function blankLine(text: string, lineStart: number): string {
  const end = endOfContent(text, lineStart);
  return text.slice(0, lineStart) + ' '.repeat(end - lineStart) + text.slice(end);
}

function endOfContent(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Between the `transcript:` key and the next top-level key (or the end of the front matter). */
function inTranscript(model: EpisodeModel, offset: number): boolean {
  const field = model.transcript?.field;
  if (!field || offset <= field.keySpan.end) return false;
  const next = model.topLevel.find((f) => f.keySpan.start > field.keySpan.start);
  return next === undefined || offset < startOfLine(model.text, next.keySpan.start);
}

function dashColumnFits(model: EpisodeModel, column: number): boolean {
  const first = model.transcript!.items[0];
  return first === undefined || first.keyColumn - 2 === column;
}

/** The item a new key line at `lineStart` would belong to: the last one starting before it, unless another starts first. */
function itemOwningLine(items: readonly TranscriptItem[], lineStart: number): TranscriptItem | undefined {
  let owner: TranscriptItem | undefined;
  for (const item of items) {
    if (item.region.start >= lineStart) break;
    owner = item;
  }
  return owner?.isMap ? owner : undefined;
}

function itemHolding(items: readonly TranscriptItem[], offset: number): TranscriptItem | undefined {
  return items.find((item) => offset >= item.region.start && offset < item.region.end);
}

/** Speakers by how many lines they have (not counting the line being edited), then guests not among them. */
export function speakersByFrequency(model: EpisodeModel, except?: TranscriptItem): string[] {
  const counts = new Map<string, number>();
  for (const item of model.transcript?.items ?? []) {
    if (item === except || item.kind !== 'line' || !item.speaker || item.speaker.speech || item.speaker.name === '') continue;
    counts.set(item.speaker.name, (counts.get(item.speaker.name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

function speakerCompletions(model: EpisodeModel, offset: number, span: Span): EpisodeCompletion[] {
  const current = itemHolding(model.transcript!.items, offset);
  const speakers = speakersByFrequency(model, current);
  const known = speakers.map(squash).filter((s) => s.length > 0);
  const guests = readGuests(model).filter((guest) => {
    const slug = squash(guest);
    return slug.length > 0 && !known.some((speaker) => slug.includes(speaker) || speaker.includes(slug));
  });
  const entries = [...speakers.map((name) => ({ name, detail: 'speaker in this file' })), ...guests.map((name) => ({ name, detail: 'guest (from guests)' }))];
  return entries.map(({ name, detail }, index) => {
    const value = yamlString(name);
    return { label: name, kind: 'speaker', detail, span, snippet: escapeSnippet(value), text: value, sortText: sortKey(index), filterText: name };
  });
}

/** Lowercase letters and digits only: `Daniel Svonava` and `danielsvonava` compare alike. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function missingKeyCompletions(model: EpisodeModel, item: TranscriptItem, span: Span): EpisodeCompletion[] {
  if (item.header !== undefined) return [];
  const present = new Set(item.fields.map((f) => f.key));
  const previous = previousTimed(model.transcript!.items, item.region.start);
  const labelSec = item.time !== undefined ? parseTime(item.time) : undefined;
  const sec = item.sec ?? (labelSec?.ok ? labelSec.seconds : previous?.sec ?? 0);
  const completions: EpisodeCompletion[] = [];
  ITEM_KEYS.forEach((key, index) => {
    if (present.has(key)) return;
    const base = { label: key, kind: 'key' as const, span, sortText: sortKey(index), filterText: key };
    if (key === 'sec') completions.push({ ...base, detail: item.time !== undefined ? `from time ${item.time}` : 'from the previous timed line', snippet: `sec: \${1:${sec}}`, text: `sec: ${sec}` });
    else if (key === 'time') {
      const label = timeScalar(sec);
      completions.push({ ...base, detail: item.sec !== undefined ? `from sec ${item.sec}` : 'from the previous timed line', snippet: `time: ${snippetLabel(label)}`, text: `time: ${label}` });
    } else if (key === 'who') completions.push({ ...base, detail: 'speaker', snippet: 'who: $0', text: 'who: ', retrigger: true });
    else completions.push({ ...base, detail: 'what is said', snippet: 'line: $0', text: 'line: ' });
  });
  return completions;
}

function newItemCompletions(model: EpisodeModel, offset: number, keyColumn: number, span: Span): EpisodeCompletion[] {
  const items = model.transcript!.items;
  const previous = previousTimed(items, offset);
  const sec = previous?.sec ?? 0;
  const next = nextSpeaker(model, offset);
  const indent = ' '.repeat(keyColumn);
  const label = timeScalar(sec);
  const whoValue = next !== undefined ? yamlString(next) : undefined;
  const snippet = [
    'line: $1',
    `${indent}sec: \${2:${sec}}`,
    `${indent}time: ${snippetLabel(label, 3)}`,
    `${indent}who: \${4:${escapeSnippet(whoValue ?? 'Speaker')}}`,
  ].join(lineBreakOf(model.text));
  const text = ['line: ', `${indent}sec: ${sec}`, `${indent}time: ${label}`, `${indent}who: ${whoValue ?? ''}`].join(lineBreakOf(model.text));
  const detail = `sec ${sec} (${formatTime(sec)})${next !== undefined ? `, who: ${next}` : ''}`;
  return [
    { label: 'spoken line', kind: 'item', detail, span, snippet, text, sortText: sortKey(0), filterText: 'line' },
    { label: 'header', kind: 'item', detail: 'a section title', span, snippet: 'header: $0', text: 'header: ', sortText: sortKey(1), filterText: 'header' },
  ];
}

/** The speaker to suggest for a new line: in a two-person talk the other one; else the most frequent who did not just speak. */
export function nextSpeaker(model: EpisodeModel, offset: number): string | undefined {
  const speakers = speakersByFrequency(model);
  const last = [...model.transcript!.items].reverse().find((item) => item.region.end <= offset && item.kind === 'line' && item.speaker && !item.speaker.speech);
  const lastName = last?.speaker?.name;
  return speakers.find((name) => name !== lastName) ?? lastName;
}

function previousTimed(items: readonly TranscriptItem[], offset: number): TranscriptItem | undefined {
  let found: TranscriptItem | undefined;
  for (const item of items) {
    if (item.region.start >= offset) break;
    if (item.sec !== undefined && getField(item.fields, 'sec')) found = item;
  }
  return found;
}

/** A time label as the site writes it (see `labelScalar`). */
function timeScalar(sec: number): string {
  return labelScalar(formatTime(sec));
}

/** `'2:39'` with the label itself as a placeholder inside the quotes. */
function snippetLabel(scalar: string, tabStop = 1): string {
  const quote = scalar.startsWith("'") ? "'" : '';
  const label = quote ? scalar.slice(1, -1) : scalar;
  return `${quote}\${${tabStop}:${escapeSnippet(label)}}${quote}`;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function sortKey(index: number): string {
  return String(index).padStart(4, '0');
}
