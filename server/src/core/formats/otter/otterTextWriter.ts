import type { EpisodeModel } from '../../model';
import { formatTime } from '../../time';
import { counted, fileLines, oneLine, readSourceItems, SourceItem, wordsOf } from '../shared/sourceItems';
import type { ExportResult } from '../../convert/types';

/**
 * The `.txt` shape the site's `scripts/yamlify_transcript.py` reads (an Otter export), written so
 * that the script reads it back into the same items:
 *
 *     Header text
 *
 *     1:02:03            a timed line: its sec as m:ss / h:mm:ss,
 *     Alexey             its speaker,
 *     The text.          its text (one line);
 *     = More text.       an untimed line that continues this speaker
 *
 * A blank line before each header and each timed line (the script skips blank lines). The script
 * strips every line, drops a speaker's trailing `:`, takes every line that is not a time and not
 * after a turn's `=` lines as a header, and skips one containing "transcribed by https://otter.ai".
 * What it cannot read back the same is written as close as the shape allows and counted in one
 * warning (`otterText` returns the items themselves, for tests).
 */

/** A speaker has to be written after every time line: this one stands for none. */
export const UNKNOWN_SPEAKER = 'Unknown';
/** A timed line's text line cannot be empty (the script drops blank lines). */
const NO_TEXT = '…';
const TIME_LINE = [/^\[?(\d+):(\d+)\]?$/, /^\[?(\d+):(\d+):(\d+)\]?$/];
const OTTER_FOOTER = 'transcribed by https://otter.ai';

/** Why an item does not read back the same: the phrases of the warning. */
const REASONS = {
  untimedAlone: 'untimed lines after a header or at the start (written as timed lines at the sec before)',
  untimedOtherSpeaker: 'untimed lines of another speaker than the line before, or of none (read back as that speaker\'s)',
  noSpeaker: `timed lines without a speaker (written as "${UNKNOWN_SPEAKER}")`,
  speakerChanged: "speakers the script reads differently (a trailing ':' or white space at the ends is dropped)",
  noText: `lines with no text (written as "${NO_TEXT}")`,
  header: 'headers the script would read as a time, a speaker\'s line or nothing (changed slightly, or left out when empty)',
} as const;
type Reason = keyof typeof REASONS;

interface ReadBack {
  kind: 'header' | 'line';
  text: string;
  sec?: number;
  who?: string;
}

export interface OtterText {
  text: string;
  /** Items that the script reads back otherwise, by index in the items given, with why. */
  inexact: { index: number; reason: Reason }[];
}

export function writeOtterText(model: EpisodeModel): ExportResult {
  const source = readSourceItems(model);
  const written = otterText(source.items);
  return { text: written.text, warnings: [...source.warnings, ...inexactWarning(source.items, written.inexact)] };
}

export function otterText(items: readonly SourceItem[]): OtterText {
  const out: string[] = [];
  const inexact: OtterText['inexact'] = [];
  /** The open turn `=` lines continue (none at the start and after a header): its speaker as written and as read back. */
  let turn: { who?: string; readWho: string } | undefined;
  let last: { sec: number; who?: string } | undefined;
  const block = (lines: string[]) => {
    if (out.length > 0) out.push('');
    for (const line of lines) out.push(line);
  };
  items.forEach((item, index) => {
    let readBack: ReadBack | undefined;
    let reason: Reason = 'header';
    if (item.kind === 'header') {
      const text = headerText(item.text, turn !== undefined);
      if (text !== '') {
        block([text]);
        turn = undefined;
        readBack = { kind: 'header', text };
      }
    } else if (item.sec !== undefined || turn === undefined) {
      const sec = item.sec ?? last?.sec ?? nextSec(items, index) ?? 0;
      const who = item.sec === undefined && !hasText(item.who) ? last?.who : item.who;
      const whoLine = speakerLine(who);
      const text = oneLine(item.text).trim() || NO_TEXT;
      block([formatTime(sec), whoLine, text]);
      readBack = { kind: 'line', text, sec, who: scriptSpeaker(whoLine) };
      reason = item.sec === undefined ? 'untimedAlone' : !hasText(item.who) ? 'noSpeaker' : text === NO_TEXT ? 'noText' : 'speakerChanged';
      turn = { who: item.who, readWho: readBack.who! };
      last = { sec, who };
    } else {
      const text = oneLine(item.text).trim();
      out.push(text === '' ? '=' : `= ${text}`);
      readBack = { kind: 'line', text, who: turn.readWho };
      reason = item.who === turn.who ? 'speakerChanged' : 'untimedOtherSpeaker';
    }
    if (!readBack || !sameItem(item, readBack)) inexact.push({ index, reason });
  });
  return { text: out.length > 0 ? `${out.join('\n')}\n` : '', inexact };
}

/** A header as a line the script reads as a header: never a time, never the Otter footer, never `=` after a turn. */
function headerText(header: string, afterTurn: boolean): string {
  let text = oneLine(header).trim();
  if (afterTurn) text = text.replace(/^[=\s]+/, '');
  if (TIME_LINE.some((pattern) => pattern.test(text))) text += '.';
  if (text.toLowerCase().includes(OTTER_FOOTER)) text = text.replace(/https:\/\/(?=otter\.ai)/gi, '');
  return text;
}

function speakerLine(who: string | undefined): string {
  const text = who === undefined ? '' : oneLine(who).trim();
  return text === '' ? UNKNOWN_SPEAKER : text;
}

/** `lines[i + 1].strip().rstrip(':')` */
function scriptSpeaker(line: string): string {
  return line.trim().replace(/:+$/, '');
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && /\S/.test(value);
}

function nextSec(items: readonly SourceItem[], from: number): number | undefined {
  for (let i = from + 1; i < items.length; i++) if (items[i].sec !== undefined) return items[i].sec;
  return undefined;
}

/** Same kind, same `sec`, same `who`, same words: what a round trip keeps. */
function sameItem(item: SourceItem, back: ReadBack): boolean {
  if (item.kind !== back.kind) return false;
  const words = wordsOf(item.text).join(' ') === wordsOf(back.text).join(' ');
  if (item.kind === 'header') return words;
  return words && item.sec === back.sec && item.who === back.who;
}

function inexactWarning(items: readonly SourceItem[], inexact: OtterText['inexact']): string[] {
  if (inexact.length === 0) return [];
  const byReason = new Map<Reason, number>();
  for (const { reason } of inexact) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  const parts = [...byReason].map(([reason, n]) => `${REASONS[reason]}: ${n}`);
  const where = fileLines(inexact.map(({ index }) => items[index].fileLine));
  return [`${counted(inexact.length, 'item')} the text format cannot carry exactly, written as close as it allows: ${parts.join('; ')} (${where}).`];
}
