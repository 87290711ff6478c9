import type { EpisodeModel } from './model';
import { writeChapterList } from './chapters/writeChapters';
import { writeTranscriptFile } from './formats/writeTranscript';
import { ConvertError, ExportFormat, ExportOptions, ExportResult, TRANSCRIPT_EXPORT_FORMATS, TranscriptExportFormat } from './convert/types';

/**
 * One entry for every export, whatever the format: the CLI's `--to`, the server's
 * `transcripts/exportTranscript` and the tests all come through here.
 */
export function exportEpisode(model: EpisodeModel, format: ExportFormat, options: ExportOptions = {}): ExportResult {
  if (model.syntaxErrors.length > 0) throw new ConvertError('the front matter does not parse; fix it first (transcript-lint names the problem)');
  if (!model.transcript) throw new ConvertError('the file has no transcript');
  if ((TRANSCRIPT_EXPORT_FORMATS as readonly string[]).includes(format)) return writeTranscriptFile(model, format as TranscriptExportFormat, options);
  return writeChapterList(model, format as Exclude<ExportFormat, TranscriptExportFormat>, options);
}
