import type { EpisodeModel } from '../model';
import { ChapterExportFormat, ExportOptions, ExportResult } from '../convert/types';
import { clockLabel, vttLabel, youtubeLabel } from './chapterTime';
import { episodeChapters, EpisodeChapter, lastSecond } from './episodeChapters';

/**
 * The chapter list writers by format (issue 19), from the episode's headers: a header's time is its
 * first timed line's `sec`; headers the site hides are left out and named in the warnings.
 */
export function writeChapterList(model: EpisodeModel, format: ChapterExportFormat, options: ExportOptions): ExportResult {
  const { chapters, hidden } = episodeChapters(model);
  const warnings = hidden.map((h) => (h.title === '' ? `an empty header is left out` : `header "${h.title}" is left out: the site hides it (${h.why})`));
  if (chapters.some((c, i) => i > 0 && c.sec < chapters[i - 1].sec)) {
    const at = chapters.findIndex((c, i) => i > 0 && c.sec < chapters[i - 1].sec);
    warnings.push(`the chapters are not in time order: "${chapters[at].title}" (${clockLabel(chapters[at].sec)}) starts before "${chapters[at - 1].title}" (${clockLabel(chapters[at - 1].sec)}); written in the transcript's order`);
  }
  switch (format) {
    case 'chapters':
      return { text: chapters.map((c) => `${clockLabel(c.sec)} ${c.title}\n`).join(''), warnings };
    case 'youtube':
      return youtubeList(chapters, options.introTitle ?? 'Intro', warnings);
    case 'chapters-json':
      return { text: chaptersJson(chapters), warnings };
    case 'chapters-vtt':
      return { text: chaptersVtt(chapters, lastSecond(model) ?? 0), warnings };
  }
}

/** YouTube makes chapters of a description when the list starts at 0:00, has three or more, each at least 10 seconds long. */
export const YOUTUBE_MIN_CHAPTERS = 3;
export const YOUTUBE_MIN_SECONDS = 10;

function youtubeList(chapters: EpisodeChapter[], introTitle: string, warnings: string[]): ExportResult {
  const list = chapters.map((c) => ({ sec: c.sec, title: c.title }));
  const intro = introTitle.replace(/\s+/g, ' ').trim();
  if (list.length > 0 && list[0].sec > 0 && intro !== '') list.unshift({ sec: 0, title: intro });
  const broken: string[] = [];
  if (list.length === 0 || list[0].sec !== 0) broken.push(`YouTube needs the first chapter at 00:00${list.length > 0 ? `; this list starts at ${youtubeLabel(list[0].sec)}` : ''}`);
  if (list.length < YOUTUBE_MIN_CHAPTERS) broken.push(`YouTube needs at least ${YOUTUBE_MIN_CHAPTERS} chapters; this list has ${list.length}`);
  for (let i = 0; i + 1 < list.length; i++) {
    const length = list[i + 1].sec - list[i].sec;
    if (length < YOUTUBE_MIN_SECONDS) {
      broken.push(`YouTube needs each chapter to last at least ${YOUTUBE_MIN_SECONDS} seconds: "${list[i].title}" (${youtubeLabel(list[i].sec)}) lasts ${length} s`);
    }
  }
  return { text: list.map((c) => `${youtubeLabel(c.sec)} ${c.title}\n`).join(''), warnings: [...warnings, ...broken] };
}

/** Podcasting 2.0 chapters (`<podcast:chapters>`), version 1.2.0, two-space indented. */
function chaptersJson(chapters: EpisodeChapter[]): string {
  const data = { version: '1.2.0', chapters: chapters.map((c) => ({ startTime: c.sec, title: c.title })) };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * WebVTT chapters: a cue per chapter, numbered from 1, ending where the next starts; the last ends
 * at the transcript's last `sec`, or one second after its start when that is not later.
 */
function chaptersVtt(chapters: EpisodeChapter[], lastSec: number): string {
  const cues = chapters.map((c, i) => {
    const next = i + 1 < chapters.length ? chapters[i + 1].sec : lastSec;
    const end = next > c.sec ? next : c.sec + 1;
    return `${i + 1}\n${vttLabel(c.sec)} --> ${vttLabel(end)}\n${escapeVtt(c.title)}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/-->/g, '--&gt;');
}
