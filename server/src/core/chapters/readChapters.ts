import { clockLabel } from './chapterTime';

/**
 * Chapter lists as people and tools write them, read into chapters: the site's `HH:MM:SS Topic`
 * lines (`podcast-timestamps/`), a YouTube description (`0:00 Intro`, `12:34 - Topic`,
 * `1:02:03 – Topic`, `(12:34) Topic`), Podcasting 2.0 chapters JSON and WebVTT chapters. A line
 * that is not a chapter is reported with its number, never dropped in silence; the caller decides
 * (the CLI refuses, the editor shows them). A language model's answer is read leniently: the talk
 * around the list is ignored, and times past the end, duplicates and a list that is too long are
 * handled and said.
 */

export interface Chapter {
  sec: number;
  title: string;
  /** 1-based line of the list it came from (JSON: the line its entry starts on). */
  line?: number;
}

export interface NotAChapter {
  line: number;
  text: string;
}

export type ChapterListFormat = 'lines' | 'chapters-json' | 'chapters-vtt';

export interface ChapterList {
  format: ChapterListFormat;
  /** In the list's order (the lenient reading sorts them and drops what it says it drops). */
  chapters: Chapter[];
  /** Lines that are not chapters (blank lines are fine and not here). */
  notChapters: NotAChapter[];
  /** What the lenient reading changed, one sentence each. */
  warnings: string[];
}

export interface ReadChapterOptions {
  /** A language model's answer: text around the list is ignored, the list is cleaned up (see `cleanModelList`). */
  lenient?: boolean;
  /** Lenient: chapters starting after this second (the transcript's last `sec`) are dropped. */
  endSec?: number;
  /** Lenient: at most this many chapters are kept (default 30, as the site's script asks). */
  maxChapters?: number;
}

export const MAX_SUGGESTED_CHAPTERS = 30;

/** Thrown for a list that cannot be read at all (JSON or WebVTT that is broken as a whole). */
export class ChapterListError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'ChapterListError';
  }
}

export function readChapterList(text: string, options: ReadChapterOptions = {}): ChapterList {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  let list: ChapterList;
  if (start.startsWith('{')) list = readChaptersJson(body);
  else if (/^WEBVTT(?:[ \t]|\r?\n|$)/.test(start)) list = readChaptersVtt(body);
  else list = readChapterLines(body);
  return options.lenient ? cleanModelList(list, options) : list;
}

// ---- Lines: the site's HH:MM:SS Topic, and YouTube description timestamps ----

/** An optional list marker (`-`, `*`, `•`, `1.`), as lists in descriptions and model answers have them. */
const MARKER = String.raw`(?:[-*•]\s+|\d{1,2}[.)]\s+)?`;
/** A clock: `M:SS`, `MM:SS`, `H:MM:SS`, `HH:MM:SS`, bare or in (), [] or **bold**. */
const CLOCK = String.raw`(\d{1,2}(?::\d{2}){1,2})`;
const CHAPTER_LINE = new RegExp(String.raw`^${MARKER}(?:\(${CLOCK}\)|\[${CLOCK}\]|\*\*${CLOCK}\*\*|${CLOCK})(?:\s*[-–—:|]\s+|\s+)(\S.*)$`, 'u');

function readChapterLines(text: string): ChapterList {
  const chapters: Chapter[] = [];
  const notChapters: NotAChapter[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const chapter = readChapterLine(line);
    if (chapter) chapters.push({ ...chapter, line: index + 1 });
    else notChapters.push({ line: index + 1, text: line });
  });
  return { format: 'lines', chapters, notChapters, warnings: [] };
}

/** One list line as a chapter, or undefined when it is not one (`Topic 12:34` is not: the time comes first). */
export function readChapterLine(line: string): { sec: number; title: string } | undefined {
  const match = CHAPTER_LINE.exec(line.trim());
  if (!match) return undefined;
  const clock = match[1] ?? match[2] ?? match[3] ?? match[4];
  const sec = clockSeconds(clock);
  const title = match[5].trim();
  return sec === undefined || title === '' ? undefined : { sec, title };
}

/** `M:SS`/`MM:SS` (minutes may pass 59, as YouTube and the site's import read them) or `H:MM:SS`; seconds and inner minutes below 60. */
function clockSeconds(clock: string): number | undefined {
  const fields = clock.split(':').map(Number);
  if (fields.slice(1).some((n) => n > 59)) return undefined;
  return fields.length === 3 ? fields[0] * 3600 + fields[1] * 60 + fields[2] : fields[0] * 60 + fields[1];
}

// ---- Podcasting 2.0 chapters JSON ----

function readChaptersJson(text: string): ChapterList {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    throw new ChapterListError('the JSON does not parse', at ? lineAt(text, Number(at[1])) : undefined);
  }
  const list = (data as { chapters?: unknown })?.chapters;
  if (typeof data !== 'object' || data === null || !Array.isArray(list)) {
    throw new ChapterListError('Podcasting 2.0 chapters JSON needs a "chapters" list ({"version":"1.2.0","chapters":[{"startTime":0,"title":"…"}]})');
  }
  const chapters: Chapter[] = [];
  const notChapters: NotAChapter[] = [];
  const warnings: string[] = [];
  const lines = entryLines(text, list.length);
  list.forEach((entry, i) => {
    const { startTime, title, toc } = (entry ?? {}) as { startTime?: unknown; title?: unknown; toc?: unknown };
    const line = lines[i];
    const validStart = typeof startTime === 'number' && Number.isFinite(startTime) && startTime >= 0;
    if (!validStart || (title !== undefined && typeof title !== 'string')) {
      notChapters.push({ line, text: `chapters[${i}]: ${JSON.stringify(entry)} (needs a startTime of 0 or more, and a title that is text when it has one)` });
      return;
    }
    const sec = Math.floor(startTime);
    const named = typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() : '';
    const what = `chapters[${i}] at ${clockLabel(sec)}${named === '' ? '' : ` ("${named}")`} (line ${line})`;
    // v1.2: `toc: false` marks a chapter for players only (artwork, links), not for the table of contents.
    if (toc === false) warnings.push(`${what} has toc: false (not in the table of contents): not made a header`);
    else if (named === '') warnings.push(`${what} has no title (allowed by v1.2, but a header needs one): not made a header`);
    else chapters.push({ sec, title: named, line });
  });
  return { format: 'chapters-json', chapters, notChapters, warnings };
}

/** The 1-based line each entry of the top-level "chapters" array starts on, found by scanning the text (JSON.parse keeps no positions). */
function entryLines(text: string, count: number): number[] {
  const lines: number[] = [];
  const key = /"chapters"\s*:\s*\[/.exec(text);
  let i = key ? key.index + key[0].length : 0;
  let depth = 0;
  let inString = false;
  let line = lineAt(text, i);
  let expectEntry = true;
  for (; i < text.length && lines.length < count; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 0 && expectEntry && c !== ']') {
      lines.push(line);
      expectEntry = false;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) expectEntry = true;
  }
  while (lines.length < count) lines.push(line);
  return lines;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

// ---- WebVTT chapters ----

const CUE_TIMING = /^((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})(?:\s.*)?$/;

function readChaptersVtt(text: string): ChapterList {
  const lines = text.split(/\r\n|\r|\n/);
  const chapters: Chapter[] = [];
  const notChapters: NotAChapter[] = [];
  let i = 1;
  // The header block ends at the first blank line.
  while (i < lines.length && lines[i].trim() !== '') i++;
  while (i < lines.length) {
    if (lines[i].trim() === '') {
      i++;
      continue;
    }
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    if (/^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(block[0])) continue;
    const timingAt = CUE_TIMING.test(block[0].trim()) ? 0 : block.length > 1 && CUE_TIMING.test(block[1].trim()) ? 1 : -1;
    if (timingAt < 0) {
      block.forEach((text, k) => notChapters.push({ line: blockStart + k + 1, text: text.trim() }));
      continue;
    }
    const timing = CUE_TIMING.exec(block[timingAt].trim())!;
    const title = unescapeVtt(block.slice(timingAt + 1).join(' ')).replace(/\s+/g, ' ').trim();
    const line = blockStart + timingAt + 1;
    if (title === '') notChapters.push({ line, text: `${block[timingAt].trim()} (a cue without a title)` });
    else chapters.push({ sec: Math.floor(vttSeconds(timing[1])), title, line });
  }
  return { format: 'chapters-vtt', chapters, notChapters, warnings: [] };
}

function vttSeconds(label: string): number {
  const fields = label.split(':').map(Number);
  return fields.length === 3 ? fields[0] * 3600 + fields[1] * 60 + fields[2] : fields[0] * 60 + fields[1];
}

function unescapeVtt(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&');
}

// ---- A language model's answer ----

/**
 * What Suggest Chapters keeps of a model's list: lines around it (a greeting, a code fence, a
 * closing remark) are not chapters and not errors; chapters are sorted by time; a chapter past the
 * transcript's end, a second chapter at the same second and chapters beyond the maximum are
 * dropped; each drop is said in a warning.
 */
export function cleanModelList(list: ChapterList, options: ReadChapterOptions): ChapterList {
  const warnings = [...list.warnings];
  const max = options.maxChapters ?? MAX_SUGGESTED_CHAPTERS;
  const sorted = [...list.chapters].sort((a, b) => a.sec - b.sec);
  if (sorted.some((c, i) => c !== list.chapters[i])) warnings.push('the chapters were not in time order; they are sorted');
  const kept: Chapter[] = [];
  for (const chapter of sorted) {
    if (options.endSec !== undefined && chapter.sec > options.endSec) {
      warnings.push(`"${chapter.title}" at ${clockLabel(chapter.sec)} starts after the transcript ends (${clockLabel(options.endSec)}): left out`);
    } else if (kept.length > 0 && kept[kept.length - 1].sec === chapter.sec) {
      warnings.push(`"${chapter.title}" at ${clockLabel(chapter.sec)} starts at the same time as "${kept[kept.length - 1].title}": left out`);
    } else {
      kept.push(chapter);
    }
  }
  if (kept.length > max) {
    warnings.push(`the answer has ${kept.length} chapters; the first ${max} are kept (${kept.length - max} left out, from "${kept[max].title}" at ${clockLabel(kept[max].sec)})`);
    kept.length = max;
  }
  const n = list.notChapters.length;
  if (n > 0) warnings.push(`${n} ${n === 1 ? 'line of the answer that is not a chapter' : 'lines of the answer that are not chapters'} ignored`);
  return { format: list.format, chapters: kept, notChapters: [], warnings };
}
