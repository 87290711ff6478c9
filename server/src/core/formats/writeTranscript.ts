import type { EpisodeModel } from '../model';
import { writeOtterText } from './otter/otterTextWriter';
import { writePodcastJson } from './podcastJson/podcastJsonWriter';
import { writeSrt } from './srt/srtWriter';
import { ExportOptions, ExportResult, TranscriptExportFormat } from '../convert/types';
import { writeWebVtt } from './webvtt/webvttWriter';

/** The transcript writers by format (issue 18): vtt, srt, json, text. Each is pure: an episode in, a file's text out. */
export function writeTranscriptFile(model: EpisodeModel, format: TranscriptExportFormat, options: ExportOptions): ExportResult {
  switch (format) {
    case 'vtt': return writeWebVtt(model, options);
    case 'srt': return writeSrt(model, options);
    case 'json': return writePodcastJson(model);
    case 'text': return writeOtterText(model);
  }
}
