import { episodeChapters } from '../chapters/episodeChapters';
import { gapOf, plannedHeaders } from '../chapters/insertChapters';
import { clockLabel } from '../chapters/chapterTime';
import { ChapterListError, readChapterList } from '../chapters/readChapters';
import { getField } from '../fields';
import type { EpisodeModel } from '../model';
import { ruleSetting } from '../rules/registry';
import type { Finding, Span, TranscriptConfig } from '../types';

/**
 * chapters-file-mismatch, for a site that keeps each episode's chapter list beside it (the site's
 * `podcast-timestamps/<name>.txt`): the headers the list would give, placed as the site's inserter
 * places them, against the episode's headers (those the site shows). The caller reads the file
 * (the CLI from disk, the server through its host); the core gets its text.
 */

/** The chapter file's path for an episode: the pattern with `{name}` as the episode's file name without `.md`, relative to the episode's folder. */
export function chaptersFilePath(pattern: string, episodeFileName: string): string {
  return pattern.split('{name}').join(episodeFileName.replace(/\.md$/i, ''));
}

export interface ChaptersFile {
  /** How the file is named in messages (a path relative to the workspace or the current folder). */
  name: string;
  text: string;
}

export function chaptersFileFindings(model: EpisodeModel, config: TranscriptConfig, file: ChaptersFile | undefined): Finding[] {
  const severity = ruleSetting(config, 'chapters-file-mismatch');
  if (severity === 'off' || !file || !model.transcript || model.syntaxErrors.length > 0) return [];
  const items = model.transcript.items;
  const key = model.transcript.field.keySpan;
  const finding = (span: Span, message: string): Finding => ({ rule: 'chapters-file-mismatch', severity, message, start: span.start, end: span.end, fixes: [] });
  let list;
  try {
    list = readChapterList(file.text);
  } catch (error) {
    if (!(error instanceof ChapterListError)) throw error;
    return [finding(key, `${file.name}${error.line !== undefined ? ` line ${error.line}` : ''}: ${error.message}`)];
  }
  const findings = list.notChapters.slice(0, 1).map((bad) => finding(key, `${file.name} line ${bad.line} is not a chapter (HH:MM:SS Topic): ${bad.text}${list.notChapters.length > 1 ? ` (and ${list.notChapters.length - 1} more)` : ''}`));

  const planned = plannedHeaders(items, list.chapters);
  const plannedAt = new Set(planned.map((p) => `${p.gap}\n${p.chapter.title}`));
  const listed = new Map(list.chapters.map((c) => [c.title, c]));
  const shown = episodeChapters(model).chapters;
  const shownTitles = new Set(shown.map((c) => c.title));
  for (const header of shown) {
    const gap = gapOf(items, header.item);
    if (plannedAt.has(`${gap}\n${header.title}`)) continue;
    const field = getField(header.item.fields, 'header')!;
    const span = field.valueSpan ?? field.keySpan;
    const elsewhere = listed.get(header.title);
    findings.push(finding(span, elsewhere
      ? `header "${header.title}" is not where ${file.name} puts it: the file starts it at ${clockLabel(elsewhere.sec)}, the header's first timed line is at ${clockLabel(header.sec)}`
      : `header "${header.title}" is not in ${file.name}`));
  }
  const missing = planned.filter((p) => !shownTitles.has(p.chapter.title));
  if (missing.length > 0) {
    const names = missing.slice(0, 3).map((p) => `"${p.chapter.title}" (${clockLabel(p.chapter.sec)})`).join(', ');
    findings.push(finding(key, `${file.name} has ${missing.length} ${missing.length === 1 ? 'chapter' : 'chapters'} that ${missing.length === 1 ? 'is' : 'are'} no header here: ${names}${missing.length > 3 ? ', …' : ''}`));
  }
  return findings.sort((a, b) => a.start - b.start);
}
