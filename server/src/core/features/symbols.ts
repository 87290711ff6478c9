import { getField } from '../fields';
import type { EpisodeModel, TranscriptItem } from '../model';
import { firstWords } from '../text';
import { formatTime } from '../time';
import type { Span } from '../types';

export interface EpisodeSymbol {
  name: string;
  detail: string;
  kind: 'section' | 'line' | 'group';
  range: Span;
  selectionRange: Span;
  children: EpisodeSymbol[];
}

/**
 * At most this many symbols go to the editor (yaml-language-server caps at 5,000 too: past a few
 * thousand VS Code's outline and breadcrumbs slow down). Above it the outline lists sections only,
 * and above that, groups of sections; the detail says what was left out.
 */
export const MAX_SYMBOLS = 5000;

/** How much of a spoken line its symbol's name carries (cut at a word, with …). */
const LINE_WORDS = 80;

interface Section {
  header?: TranscriptItem;
  lines: TranscriptItem[];
}

/** The outline: one symbol per header with its time range, the spoken lines under it. */
export function documentSymbols(model: EpisodeModel, budget = MAX_SYMBOLS): EpisodeSymbol[] {
  const sections = collectSections(model.transcript?.items ?? []);
  const lineCount = sections.reduce((n, s) => n + s.lines.length, 0);
  const headed = sections.filter((s) => s.header);
  const loose = sections.find((s) => !s.header)?.lines ?? [];
  if (headed.length + lineCount <= budget) {
    return [...loose.map(lineSymbol), ...headed.map((s) => sectionSymbol(s, true))];
  }
  const sectionSymbols = headed.map((s) => sectionSymbol(s, false));
  const intro = loose.length > 0 ? [looseLinesSymbol(loose)] : [];
  if (sectionSymbols.length + intro.length <= budget) return [...intro, ...sectionSymbols];
  return [...intro, ...groupSections(sectionSymbols, budget)];
}

function collectSections(items: readonly TranscriptItem[]): Section[] {
  const sections: Section[] = [{ lines: [] }];
  for (const item of items) {
    if (item.kind === 'header') sections.push({ header: item, lines: [] });
    else if (item.line !== undefined) sections[sections.length - 1].lines.push(item);
  }
  return sections.filter((s) => s.header || s.lines.length > 0);
}

function timeRange(lines: readonly TranscriptItem[]): string {
  let first: number | undefined;
  let last: number | undefined;
  for (const line of lines) {
    if (line.sec === undefined) continue;
    first ??= line.sec;
    last = line.sec;
  }
  if (first === undefined || last === undefined) return '';
  return first === last ? formatTime(first) : `${formatTime(first)} – ${formatTime(last)}`;
}

function sectionSymbol(section: Section, withLines: boolean): EpisodeSymbol {
  const header = section.header!;
  const field = getField(header.fields, 'header')!;
  const last = section.lines[section.lines.length - 1];
  const range = { start: header.span.start, end: Math.max(header.span.end, last?.span.end ?? 0) };
  const time = timeRange(section.lines);
  const count = withLines ? '' : `${section.lines.length} line${section.lines.length === 1 ? '' : 's'} (not listed: long transcript)`;
  return {
    // The whole header (whitespace collapsed): editors cut names for display themselves, and Go to Symbol must find any word of it.
    name: firstWords(header.header!, Infinity) || '(empty header)',
    detail: [time, count].filter(Boolean).join(' · '),
    kind: 'section',
    range,
    selectionRange: field.valueSpan ?? field.keySpan,
    children: withLines ? section.lines.map(lineSymbol) : [],
  };
}

function looseLinesSymbol(lines: TranscriptItem[]): EpisodeSymbol {
  const first = lines[0];
  return {
    name: '(before the first header)',
    detail: [timeRange(lines), `${lines.length} lines (not listed: long transcript)`].filter(Boolean).join(' · '),
    kind: 'group',
    range: { start: first.span.start, end: lines[lines.length - 1].span.end },
    selectionRange: first.span,
    children: [],
  };
}

/** Sections in consecutive groups, each listing as many of its sections as the budget allows. */
function groupSections(sections: EpisodeSymbol[], budget: number): EpisodeSymbol[] {
  const groupCount = Math.min(100, Math.ceil(sections.length / 100));
  const size = Math.ceil(sections.length / groupCount);
  const listedPerGroup = Math.max(0, Math.floor((budget - groupCount) / groupCount));
  const groups: EpisodeSymbol[] = [];
  for (let i = 0; i < sections.length; i += size) {
    const members = sections.slice(i, i + size);
    const hidden = Math.max(0, members.length - listedPerGroup);
    groups.push({
      name: `Sections ${i + 1}–${i + members.length}`,
      detail: `${members[0].name} … ${members[members.length - 1].name}${hidden ? ` (${hidden} not listed: long transcript)` : ''}`,
      kind: 'group',
      range: { start: members[0].range.start, end: members[members.length - 1].range.end },
      selectionRange: members[0].selectionRange,
      children: members.slice(0, listedPerGroup),
    });
  }
  return groups;
}

function lineSymbol(item: TranscriptItem): EpisodeSymbol {
  const line = getField(item.fields, 'line')!;
  const who = item.who !== undefined ? firstWords(item.who, 30) : '?';
  const time = item.sec !== undefined ? formatTime(item.sec) : item.time ?? '–';
  // The words in the name, not the detail: Go to Symbol in Editor searches names only, and what was said is what people look for.
  return {
    name: `${who} · ${time} — ${firstWords(item.line!, LINE_WORDS) || '(empty line)'}`,
    detail: '',
    kind: 'line',
    range: { ...item.span },
    selectionRange: line.valueSpan ?? line.keySpan,
    children: [],
  };
}
