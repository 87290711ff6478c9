import type { EpisodeModel } from '../model';
import { ChapterExportFormat, ConvertError, ExportOptions, ExportResult } from '../formats/types';

/** The chapter list writers by format (issue 19): chapters, youtube, chapters-json, chapters-vtt. */
export function writeChapterList(_model: EpisodeModel, format: ChapterExportFormat, _options: ExportOptions): ExportResult {
  throw new ConvertError(`export to ${format} is not built yet`);
}
