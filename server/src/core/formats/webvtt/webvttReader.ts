import { joinCueLines, leadingSpeaker } from '../cues/cueText';
import { Cue, CueOptions, joinCues } from '../cues/joinCues';
import type { ReadResult } from '../shared/readResult';
import { clip, plural, textLines } from '../shared/textLines';
import { ConvertError } from '../../convert/types';

/**
 * WebVTT (`.vtt`): `WEBVTT` first, then blocks separated by blank lines; NOTE, STYLE and REGION blocks
 * are skipped; a cue is an optional identifier, a timing line `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt [settings]`
 * and its text. A voice span `<v Name>` or a leading `Name: ` names the speaker, who carries over to the
 * following cues until another name appears; other markup is dropped and character references decoded.
 * `sec` is the cue's start, floored.
 */

const TIMESTAMP = '((?:\\d{2,}:)?\\d{2}:\\d{2}\\.\\d{3})';
const TIMING = new RegExp(`^${TIMESTAMP}[ \\t]+-->[ \\t]+${TIMESTAMP}(?:[ \\t].*)?$`);
const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/g;

export function readWebVtt(text: string, options: CueOptions = {}): ReadResult {
  const lines = textLines(text);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0])) {
    throw new ConvertError(`not a WebVTT file: its first line must be 'WEBVTT', not '${clip(lines[0])}'`, { line: 1 });
  }
  const cues: Cue[] = [];
  let speaker: string | undefined;
  let empty = 0;
  let i = skipBlock(lines, 0);
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[i])) {
      i = skipBlock(lines, i);
      continue;
    }
    if (!lines[i].includes('-->') && i + 1 < lines.length && lines[i + 1].includes('-->')) i++;
    const start = vttTiming(lines[i], i + 1);
    i++;
    const body: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') body.push(lines[i++]);
    const parts = voiceParts(body.join('\n'));
    if (parts.every((part) => part.text === '')) empty++;
    for (const part of parts) {
      const said = part.speaker === undefined ? leadingSpeaker(part.text) : part;
      speaker = said.speaker ?? speaker;
      if (said.text !== '') cues.push({ start, text: said.text, speaker });
    }
  }
  const items = joinCues(cues, options);
  if (items.length === 0) throw new ConvertError('no cue with text found: nothing to import');
  return { items, warnings: empty > 0 ? [`${plural(empty, 'cue')} without text skipped`] : [] };
}

/** The index of the blank line ending the block that starts at `from` (or the end). */
function skipBlock(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i].trim() !== '') i++;
  return i;
}

/** A timing line's start in seconds; anything else is refused with its line number. */
function vttTiming(line: string, lineNumber: number): number {
  const match = TIMING.exec(line);
  if (!match) {
    const what = line.includes('-->') || /^\s*\d/.test(line) ? `malformed cue timing '${clip(line.trim())}'` : `expected a cue timing, found '${clip(line.trim())}'`;
    throw new ConvertError(`${what} (a cue starts with a timing such as 00:01:02.000 --> 00:01:04.500)`, { line: lineNumber });
  }
  const start = vttSeconds(match[1], lineNumber);
  const end = vttSeconds(match[2], lineNumber);
  if (end < start) throw new ConvertError(`the cue ends (${match[2]}) before it starts (${match[1]})`, { line: lineNumber });
  return start;
}

function vttSeconds(stamp: string, lineNumber: number): number {
  const fields = stamp.split(':');
  const [h, m, s] = fields.length === 3 ? fields.map(Number) : [0, ...fields.map(Number)];
  if (m > 59 || s >= 60) throw new ConvertError(`malformed cue timing: minutes and seconds go up to 59 in '${stamp}'`, { line: lineNumber });
  return h * 3600 + m * 60 + s;
}

/** A cue's text split at its voice spans: the text before the first one (speaker unknown here), then one part per span. */
function voiceParts(raw: string): Array<{ speaker?: string; text: string }> {
  const parts: Array<{ speaker?: string; text: string }> = [];
  let from = 0;
  let speaker: string | undefined;
  for (const match of raw.matchAll(VOICE)) {
    parts.push({ speaker, text: plainText(raw.slice(from, match.index)) });
    const name = match[1] === undefined ? undefined : decodeReferences(match[1]).trim();
    speaker = name ? name : speaker;
    from = match.index! + match[0].length;
  }
  parts.push({ speaker, text: plainText(raw.slice(from)) });
  return parts.filter((part, index) => index === 0 || part.speaker !== undefined || part.text !== '');
}

/** Markup dropped (`<i>`, `<c.x>`, `<00:01.000>`, `</v>` …), character references decoded, lines joined. */
function plainText(raw: string): string {
  return joinCueLines(decodeReferences(raw.replace(/<[^>]*>/g, '')).split('\n'));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', lrm: '\u200E', rlm: '\u200F' };

function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec: string, hex: string, name: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
