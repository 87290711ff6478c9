/**
 * What transcript import, export and chapters share: the formats by name, an item to be written,
 * and the one error type a reader or writer throws for bad input (with where it is).
 */

/** Formats a transcript is imported from (`transcript-convert SOURCE --into EPISODE.md`). */
export const IMPORT_FORMATS = ['docx', 'text', 'srt', 'vtt', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats an episode's transcript is exported to (issue 18). */
export const TRANSCRIPT_EXPORT_FORMATS = ['vtt', 'srt', 'json', 'text'] as const;
/** Formats an episode's chapters (its headers) are exported to (issue 19). */
export const CHAPTER_EXPORT_FORMATS = ['chapters', 'youtube', 'chapters-json', 'chapters-vtt'] as const;
export const EXPORT_FORMATS = [...TRANSCRIPT_EXPORT_FORMATS, ...CHAPTER_EXPORT_FORMATS] as const;
export type TranscriptExportFormat = (typeof TRANSCRIPT_EXPORT_FORMATS)[number];
export type ChapterExportFormat = (typeof CHAPTER_EXPORT_FORMATS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file name ending each export is written with (`<episode>.vtt`, `<episode>.chapters.json`, …). */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  vtt: '.vtt',
  srt: '.srt',
  json: '.json',
  text: '.txt',
  // The site keeps `podcast-timestamps/<name>.txt`: `--out-dir podcast-timestamps` regenerates it.
  chapters: '.txt',
  youtube: '.youtube.txt',
  'chapters-json': '.chapters.json',
  'chapters-vtt': '.chapters.vtt',
};

/** The import format a file name says (`.docx`, `.txt`, `.srt`, `.vtt`, `.json`), if any. */
export function importFormatOf(fileName: string): ImportFormat | undefined {
  const match = /\.([A-Za-z]+)$/.exec(fileName);
  switch (match?.[1].toLowerCase()) {
    case 'docx': return 'docx';
    case 'txt': return 'text';
    case 'srt': return 'srt';
    case 'vtt': return 'vtt';
    case 'json': return 'json';
    default: return undefined;
  }
}

/** Inputs larger than this are refused before they are read (issue 18: "a file over 50 MB"). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** A transcript item to be written into an episode, in the site's key order. */
export type NewItem = NewHeader | NewLine;
export interface NewHeader {
  header: string;
}
export interface NewLine {
  line: string;
  sec?: number;
  /** Written as `'m:ss'` / `'h:mm:ss'`; when absent and `sec` is set, the writer derives it. */
  time?: string;
  who?: string;
}

export function isNewHeader(item: NewItem): item is NewHeader {
  return (item as NewHeader).header !== undefined;
}

/** Where in the input a problem is: a 1-based line of a text format, or a 1-based paragraph of a Word document. */
export interface InputLocation {
  line?: number;
  paragraph?: number;
}

/**
 * Bad input, said for the user: the message names what is wrong, the location where. Readers and
 * writers throw only this for input they refuse; anything else is a defect.
 */
export class ConvertError extends Error {
  constructor(message: string, readonly location: InputLocation = {}) {
    super(message);
    this.name = 'ConvertError';
  }

  /** `line 12: …` / `paragraph 3: …` / the message alone. */
  describe(): string {
    if (this.location.line !== undefined) return `line ${this.location.line}: ${this.message}`;
    if (this.location.paragraph !== undefined) return `paragraph ${this.location.paragraph}: ${this.message}`;
    return this.message;
  }
}

/** What an export produced: the text of the file, and what the user should know about it. */
export interface ExportResult {
  text: string;
  /** One sentence each: items the format cannot express, headers left out, YouTube's rules broken, … */
  warnings: string[];
}

export interface ExportOptions {
  /** `vtt`/`srt`: caption-sized cues (at most two lines of 42 characters) instead of one cue per item. */
  captions?: boolean;
  /** `youtube`: the title of the `00:00` chapter added when the first header starts later (setting `transcripts.chapters.introTitle`). */
  introTitle?: string;
}
