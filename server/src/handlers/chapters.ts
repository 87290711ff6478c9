import { chapterPrompt } from '../core/chapters/chapterPrompt';
import { lastSecond } from '../core/chapters/episodeChapters';
import { insertChapters } from '../core/chapters/insertChapters';
import { Chapter, ChapterListError, readChapterList } from '../core/chapters/readChapters';
import { ConvertError } from '../core/convert/types';
import { toTextEdits } from '../convert';
import {
  CHAPTER_PROMPT_REQUEST, ChapterEntry, ChapterPromptResult, INSERT_CHAPTERS_REQUEST, InsertChaptersParams, InsertChaptersResult, PlayerDocumentParams,
} from '../protocol';
import type { ServerContext } from './context';

const NOT_OPEN = { ok: false, message: 'The document is not open in the language server.' } as const;

/**
 * Chapters (issue 19): `transcripts/insertChapters` (a chapter list as the episode's headers: the
 * edits, header items only, and what was not written) and `transcripts/chapterPrompt` (what
 * Suggest Chapters asks a language model). Reading, placing and writing are the core's; this
 * converts at the edge. The chapter exports go through `transcripts/exportTranscript`.
 */
export function registerChapterHandlers({ connection, documents, service, guard }: ServerContext): void {
  connection.onRequest(INSERT_CHAPTERS_REQUEST, guard('insertChapters', (params: InsertChaptersParams): InsertChaptersResult => {
    const doc = documents.get(params.textDocument?.uri);
    if (!doc) return NOT_OPEN;
    if (typeof params.chapters !== 'string') return { ok: false, message: 'No chapter list was sent.' };
    const model = service.model(doc);
    try {
      const list = readChapterList(params.chapters, { lenient: params.fromModel === true, endSec: lastSecond(model) });
      if (list.chapters.length === 0) {
        return { ok: false, message: params.fromModel ? 'The answer holds no chapter list (no HH:MM:SS Topic lines).' : 'The list holds no chapters (HH:MM:SS Topic lines, a YouTube description, Podcasting 2.0 chapters JSON or WebVTT chapters).' };
      }
      const outcome = insertChapters(model, list.chapters, { keepHeaders: params.keepHeaders === true });
      return {
        ok: true,
        version: doc.version,
        edits: toTextEdits(doc, outcome.edits),
        inserted: outcome.inserted.map(entry),
        coverNoLine: outcome.coverNoLine.map(entry),
        notChapters: list.notChapters,
        removed: outcome.removed,
        warnings: list.warnings,
      };
    } catch (error) {
      if (error instanceof ChapterListError) return { ok: false, message: `Cannot read the chapter list: ${error.line !== undefined ? `line ${error.line}: ` : ''}${error.message}.` };
      if (error instanceof ConvertError) return { ok: false, message: `Cannot insert the chapters: ${error.describe()}.` };
      throw error;
    }
  }));

  connection.onRequest(CHAPTER_PROMPT_REQUEST, guard('chapterPrompt', (params: PlayerDocumentParams): ChapterPromptResult => {
    const doc = documents.get(params.textDocument?.uri);
    if (!doc) return NOT_OPEN;
    try {
      return { ok: true, prompt: chapterPrompt(service.model(doc)) };
    } catch (error) {
      if (error instanceof ConvertError) return { ok: false, message: `Cannot suggest chapters: ${error.describe()}.` };
      throw error;
    }
  }));
}

function entry(chapter: Chapter): ChapterEntry {
  return chapter.line !== undefined ? { sec: chapter.sec, title: chapter.title, line: chapter.line } : { sec: chapter.sec, title: chapter.title };
}
