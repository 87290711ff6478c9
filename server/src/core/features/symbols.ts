import { getField, EpisodeModel, TranscriptItem } from '../model';
import { firstWords } from '../text';
import { formatTime } from '../time';
import type { Span } from '../types';

export interface EpisodeSymbol {
  name: string;
  detail: string;
  kind: 'section' | 'line';
  range: Span;
  selectionRange: Span;
  children: EpisodeSymbol[];
}

/** Above this many lines in one section the outline lists the first ones and says how many are left out. */
export const MAX_LINES_PER_SECTION = 500;

/** The outline: one symbol per header with its time range, the spoken lines under it. */
export function documentSymbols(model: EpisodeModel): EpisodeSymbol[] {
  const symbols: EpisodeSymbol[] = [];
  let section: { symbol: EpisodeSymbol; lines: TranscriptItem[] } | undefined;
  const close = () => {
    if (section) finishSection(section.symbol, section.lines);
  };
  for (const item of model.transcript?.items ?? []) {
    if (item.header !== undefined && item.line === undefined) {
      close();
      const field = getField(item.fields, 'header')!;
      const symbol: EpisodeSymbol = {
        name: firstWords(item.header, 80) || '(empty header)',
        detail: '',
        kind: 'section',
        range: { ...item.span },
        selectionRange: field.valueSpan ?? field.keySpan,
        children: [],
      };
      symbols.push(symbol);
      section = { symbol, lines: [] };
    } else if (item.line !== undefined) {
      if (section) section.lines.push(item);
      else symbols.push(lineSymbol(item));
    }
  }
  close();
  return symbols;
}

function finishSection(symbol: EpisodeSymbol, lines: TranscriptItem[]): void {
  if (lines.length > 0) symbol.range.end = Math.max(symbol.range.end, lines[lines.length - 1].span.end);
  const timed = lines.filter((line) => line.sec !== undefined);
  if (timed.length > 0) {
    const first = formatTime(timed[0].sec!);
    const last = formatTime(timed[timed.length - 1].sec!);
    symbol.detail = first === last ? first : `${first} – ${last}`;
  }
  symbol.children = lines.slice(0, MAX_LINES_PER_SECTION).map(lineSymbol);
  const hidden = lines.length - symbol.children.length;
  if (hidden > 0) symbol.detail += ` (${hidden} more lines not listed)`;
}

function lineSymbol(item: TranscriptItem): EpisodeSymbol {
  const line = getField(item.fields, 'line')!;
  const who = item.who !== undefined ? firstWords(item.who, 30) : '?';
  const time = item.sec !== undefined ? formatTime(item.sec) : item.time ?? '–';
  return {
    name: `${who} · ${time}`,
    detail: firstWords(item.line!, 50),
    kind: 'line',
    range: { ...item.span },
    selectionRange: line.valueSpan ?? line.keySpan,
    children: [],
  };
}
