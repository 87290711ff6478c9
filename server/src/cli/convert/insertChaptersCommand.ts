import * as path from 'node:path';
import { parseEpisode } from '../../core';
import { chapterLabel, insertChapters } from '../../core/chapters/insertChapters';
import { ChapterListError, readChapterList } from '../../core/chapters/readChapters';
import { ConvertError } from '../../core/convert/types';
import type { CliIo } from '../run';
import type { InsertChaptersJob } from './args';
import { InputError, readInputText, writeOutput } from './files';

/**
 * `transcript-convert CHAPTERS --chapters --into EPISODE.md [--keep-headers]` (issue 19): the list's
 * chapters become the episode's headers, placed as the site's inserter places them; only header
 * items change. A line of the list that is not a chapter refuses the whole list (exit 1, nothing
 * written). Chapters that would cover no line are not written and are named.
 */
export async function insertChaptersCommand(job: InsertChaptersJob, io: CliIo): Promise<number> {
  const listFile = path.resolve(io.cwd, job.chapters);
  const episodeFile = path.resolve(io.cwd, job.into);
  const refuse = (shown: string, message: string) => {
    io.stderr.write(`transcript-convert: ${shown}: ${message}\n`);
    return 1;
  };
  const listText = await readOrSay(listFile, job.chapters, refuse);
  if (listText === undefined) return 1;
  let list;
  try {
    list = readChapterList(listText);
  } catch (error) {
    if (!(error instanceof ChapterListError)) throw error;
    return refuse(job.chapters, error.line !== undefined ? `line ${error.line}: ${error.message}` : error.message);
  }
  if (list.notChapters.length > 0) {
    for (const bad of list.notChapters) io.stderr.write(`transcript-convert: ${job.chapters}: line ${bad.line}: not a chapter (HH:MM:SS Topic): ${bad.text}\n`);
    io.stderr.write(`transcript-convert: nothing written (${list.notChapters.length} ${list.notChapters.length === 1 ? 'line is not a chapter' : 'lines are not chapters'})\n`);
    return 1;
  }
  // Entries the list holds but that are no header (Podcasting 2.0 `toc: false`, untitled): named, not refused.
  for (const warning of list.warnings) io.stderr.write(`transcript-convert: ${job.chapters}: ${warning}\n`);
  if (list.chapters.length === 0) return refuse(job.chapters, 'no chapters in the list; nothing written');
  const episodeText = await readOrSay(episodeFile, job.into, refuse);
  if (episodeText === undefined) return 1;
  let outcome;
  try {
    outcome = insertChapters(parseEpisode(episodeText, episodeFile), list.chapters, { keepHeaders: job.keepHeaders });
  } catch (error) {
    if (!(error instanceof ConvertError)) throw error;
    return refuse(job.into, `${error.describe()}; nothing written`);
  }
  for (const chapter of outcome.coverNoLine) {
    io.stderr.write(`transcript-convert: ${job.chapters}: line ${chapter.line}: covers no line, not written: ${chapterLabel(chapter)}\n`);
  }
  if (outcome.edits.length > 0) await writeOutput(episodeFile, outcome.text);
  const n = outcome.inserted.length;
  const chapters = `${n} ${n === 1 ? 'chapter' : 'chapters'}`;
  const done = job.keepHeaders ? `${chapters} added` : `${chapters} written as its headers (${outcome.removed} old ${outcome.removed === 1 ? 'header' : 'headers'} removed)`;
  const summary = outcome.edits.length === 0 ? 'the headers already are these chapters; not changed' : done;
  io.stderr.write(`transcript-convert: ${job.into}: ${summary}${outcome.coverNoLine.length > 0 ? `; ${outcome.coverNoLine.length} not written (cover no line)` : ''}\n`);
  return 0;
}

/** A text input, or undefined once the refusal (unreadable, too large, not UTF-8) is said. */
async function readOrSay(file: string, shown: string, refuse: (shown: string, message: string) => number): Promise<string | undefined> {
  try {
    return await readInputText(file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    refuse(shown, error.message);
    return undefined;
  }
}
