import { isPlaceholderSpeaker } from '../speakers/speakers';
import { looksLikeName } from '../speakers/cueSpeakers';

/**
 * The shapes of transcript text (`.txt`) that tools export, each told by the line that opens a turn
 * (its marker). The site's own three-line shape is read by ../otter/otterTextReader.ts.
 */

export const TEXT_SHAPES = ['otter', 'otter-site', 'rev', 'bracketed', 'timestamp-name', 'youtube'] as const;
export type TextShape = (typeof TEXT_SHAPES)[number];

/** What a marker line says: when the turn starts, who speaks (when the shape says), text on the same line. */
export interface Marker {
  sec: number;
  who?: string;
  text?: string;
}

export interface MarkedShape {
  shape: Exclude<TextShape, 'otter-site'>;
  /** For messages: the shape by the tool and one example marker. */
  describe: string;
  marker(line: string): Marker | undefined;
}

const STAMP = '(\\d{1,2}:\\d{2}(?::\\d{2})?)';
const OTTER = new RegExp(`^(\\S(?:.{0,78}\\S)?)[ \\t]+${STAMP}$`);
const REV = new RegExp(`^(\\S.{0,79}?)[ \\t]*\\(${STAMP}(?:\\.\\d+)?\\):?(?:[ \\t]+(.*))?$`);
const BRACKETED = new RegExp(`^\\[${STAMP}(?:\\.\\d+)?\\][ \\t]*(.*)$`);
const TIMESTAMP_NAME = new RegExp(`^${STAMP}[ \\t]+(\\S.{0,59})$`);
const BARE = new RegExp(`^\\[?${STAMP}\\]?$`);
const MAX_NAME_WORDS = 5;

/** `0:05` → 5, `1:02:03` → 3723 (two fields are minutes and seconds). */
export function stampSeconds(stamp: string): number {
  const fields = stamp.split(':').map(Number);
  return fields.reduce((total, field) => total * 60 + field, 0);
}

/** A speaker's name as a line gives it: not a sentence (no `.!?,;:` at its end), a few words. */
function nameOf(text: string): string | undefined {
  const name = text.replace(/\s+/g, ' ').trim();
  return name !== '' && !/[.!?,;:]$/.test(name) && name.split(' ').length <= MAX_NAME_WORDS ? name : undefined;
}

export const MARKED_SHAPES: readonly MarkedShape[] = [
  {
    shape: 'otter',
    describe: "Otter.ai ('Name  0:05', the text below)",
    marker(line) {
      const match = OTTER.exec(line);
      const who = match && nameOf(match[1]);
      return who && !BARE.test(who) ? { sec: stampSeconds(match[2]), who } : undefined;
    },
  },
  {
    shape: 'rev',
    describe: "Rev or Descript ('Name (00:05):', the text beside or below)",
    marker(line) {
      const match = REV.exec(line);
      const who = match && nameOf(match[1]);
      return who ? { sec: stampSeconds(match[2]), who, ...(match[3] ? { text: match[3] } : {}) } : undefined;
    },
  },
  {
    shape: 'bracketed',
    describe: "timestamped lines ('[00:05] Name: text')",
    marker(line) {
      const match = BRACKETED.exec(line);
      return match ? { sec: stampSeconds(match[1]), ...(match[2] ? { text: match[2] } : {}) } : undefined;
    },
  },
  {
    shape: 'timestamp-name',
    describe: "a timestamp and a name ('00:05 Name', the text below)",
    marker(line) {
      const match = TIMESTAMP_NAME.exec(line);
      const who = match && nameOf(match[2]);
      return who && (looksLikeName(who) || isPlaceholderSpeaker(who)) ? { sec: stampSeconds(match[1]), who } : undefined;
    },
  },
  {
    shape: 'youtube',
    describe: "YouTube's transcript ('0:05', the text below)",
    marker(line) {
      const match = BARE.exec(line);
      return match ? { sec: stampSeconds(match[1]) } : undefined;
    },
  },
];

/** A Rev or Descript turn's opening (`Alexey (00:05):`), also in a Word document's paragraphs. */
export const revMarker = (line: string): Marker | undefined => MARKED_SHAPES[1].marker(line);

export const SITE_SHAPE_DESCRIPTION = "the site's Otter shape ('0:05', the speaker, the text, each on its own line)";
