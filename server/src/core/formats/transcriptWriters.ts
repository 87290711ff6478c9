import type { EpisodeModel } from '../model';
import { ConvertError, ExportOptions, ExportResult, TranscriptExportFormat } from './types';

/** The transcript writers by format (issue 18): vtt, srt, json, text. */
export function writeTranscriptFile(_model: EpisodeModel, format: TranscriptExportFormat, _options: ExportOptions): ExportResult {
  throw new ConvertError(`export to ${format} is not built yet`);
}
