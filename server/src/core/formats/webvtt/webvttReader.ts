import { CueNode, ParseError, WebVTTParser } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import { joinCueLines } from '../cues/cueText';
import { CueOptions, joinCues } from '../cues/joinCues';
import type { ReadResult } from '../shared/readResult';
import { clip, plural, textLines } from '../shared/textLines';
import { assignSpeakers, ReadCue } from '../speakers/cueSpeakers';
import { ConvertError } from '../../convert/types';
import { decodeReferences, normalizeReferences } from './characterReferences';

/**
 * WebVTT (`.vtt`) as browsers read it: the specification's parsing algorithm, by the W3C validator's
 * own implementation (npm `webvtt-parser`; docs/import-export.md says why this one). Everything a
 * browser plays is read: one-digit hours, `-->` without spaces, settings glued to the end time, a
 * timing right after the `WEBVTT` line, a cue that ends before it starts (only the start is used), a
 * cue with no blank line before the next timing. Cue text as the cue-text tokenizer gives it: tags
 * removed, character references decoded (HTML's whole table), a `<v Name>` span naming the speaker
 * (../speakers/cueSpeakers.ts says when a leading `Name: ` is one). A block the parser drops is named in a warning.
 * `sec` is the cue's start, floored.
 */

/** The parser's messages for a block it drops (the rest of its messages are about cues it keeps). */
const DROPPING = [
  'No timestamp found.',
  'Timestamp must start with a character in the range 0-9.',
  'No time unit separator found.',
  'Must be exactly two digits.',
  'No seconds found or minutes is greater than 59.',
  'No decimal separator (".") found.',
  'Milliseconds must be given in three digits.',
  'You cannot have more than 59 minutes.',
  'You cannot have more than 59 seconds.',
  'No valid timestamp separator found.',
];
/** Text with no timing after it: the parser reports the line after it. */
const NO_TIMING = ['Cue identifier cannot be standalone.', 'Cue identifier needs to be followed by timestamp.'];
const SHOWN_DROPS = 5;

export function readWebVtt(text: string, options: CueOptions = {}): ReadResult {
  const lines = textLines(text);
  const parsed = new WebVTTParser(entities).parse(normalizeReferences(text));
  if (parsed.errors.some((error) => error.message.startsWith('No valid signature'))) {
    throw new ConvertError(`not a WebVTT file: its first line must be 'WEBVTT', not '${clip(lines[0])}'`, { line: 1 });
  }
  const drops = droppedBlocks(parsed.errors, lines);
  const parts = parsed.cues.map((cue) => voiceParts(cue.tree.children).map((part): ReadCue => ({ start: cue.startTime, ...part })));
  const empty = parts.filter((cue) => cue.every((part) => part.text === '')).length;
  const read = parts.flat();
  const items = joinCues(assignSpeakers(read), options);
  if (items.length === 0) {
    throw new ConvertError(drops.length > 0 ? `no cue could be read: ${drops[0]}` : 'no cue with text found: nothing to import');
  }
  const warnings: string[] = [];
  if (drops.length > 0) warnings.push(`${plural(drops.length, 'block')} not read as a cue (as browsers drop them), skipped: ${drops.slice(0, SHOWN_DROPS).join('; ')}${drops.length > SHOWN_DROPS ? '; …' : ''}`);
  if (empty > 0) warnings.push(`${plural(empty, 'cue')} without text skipped`);
  return { items, warnings };
}

/**
 * `line 6: '00:03.00 --> 00:04.000' (Milliseconds must be given in three digits)` for each block
 * dropped; lines of text without a timing are one block however many lines it has.
 */
function droppedBlocks(errors: readonly ParseError[], lines: readonly string[]): string[] {
  const drops: string[] = [];
  let textUntil = -1;
  for (const error of errors) {
    if (NO_TIMING.includes(error.message)) {
      const line = error.line - 1;
      if (line !== textUntil + 1) drops.push(`line ${line}: '${clip((lines[line - 1] ?? '').trim())}' (text with no cue timing)`);
      textUntil = line;
    } else if (DROPPING.includes(error.message)) {
      drops.push(`line ${error.line}: '${clip((lines[error.line - 1] ?? '').trim())}' (${error.message.replace(/\.$/, '')})`);
    }
  }
  return drops;
}

/**
 * A cue's text split at its voice spans: the text before the first one (no voice), then one part per
 * span, text after a span's end staying with it. Ruby text (`<rt>`) is kept as the suites expect; timestamps are left out.
 */
function voiceParts(nodes: readonly CueNode[]): Array<{ voice?: string; text: string }> {
  const parts: Array<{ voice?: string; text: string[] }> = [{ text: [] }];
  for (const node of nodes) {
    if (node.type === 'object' && node.name === 'v') parts.push({ voice: decodeReferences(String(node.value ?? '')).trim(), text: [] });
    collectText(node, parts[parts.length - 1].text);
  }
  return parts
    .map((part) => ({ ...(part.voice === undefined ? {} : { voice: part.voice }), text: joinCueLines(part.text.join('').split('\n')) }))
    .filter((part, index) => index === 0 || part.voice !== undefined || part.text !== '');
}

function collectText(node: CueNode, into: string[]): void {
  if (node.type === 'text') into.push(String(node.value));
  else if (node.type === 'object') for (const child of node.children ?? []) collectText(child, into);
}
