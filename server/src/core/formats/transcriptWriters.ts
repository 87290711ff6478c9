import type { EpisodeModel } from '../model';
import { writeOtterText } from './otterTextWriter';
import { writePodcastJson } from './podcastJsonWriter';
import { writeSrt } from './srtWriter';
import { ExportOptions, ExportResult, TranscriptExportFormat } from './types';
import { writeWebVtt } from './webvttWriter';

/** The transcript writers by format (issue 18): vtt, srt, json, text. Each is pure: an episode in, a file's text out. */
export function writeTranscriptFile(model: EpisodeModel, format: TranscriptExportFormat, options: ExportOptions): ExportResult {
  switch (format) {
    case 'vtt': return writeWebVtt(model, options);
    case 'srt': return writeSrt(model, options);
    case 'json': return writePodcastJson(model);
    case 'text': return writeOtterText(model);
  }
}
