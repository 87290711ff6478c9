import { exportEpisode } from '../core/exportEpisode';
import { ConvertError, EXPORT_EXTENSIONS, EXPORT_FORMATS } from '../core/convert/types';
import { EXPORT_TRANSCRIPT_REQUEST, ExportTranscriptParams, ExportTranscriptResult } from '../protocol';
import type { ServerContext } from './context';

/**
 * `transcripts/exportTranscript`: the open episode as a file's text in any export format, transcript
 * or chapters alike. It only delegates to the core's one export entry (exportEpisode); the client
 * decides where the text goes.
 */
export function registerExportTranscript({ connection, documents, service, guard }: ServerContext): void {
  connection.onRequest(EXPORT_TRANSCRIPT_REQUEST, guard('exportTranscript', (params: ExportTranscriptParams): ExportTranscriptResult => {
    if (!(EXPORT_FORMATS as readonly string[]).includes(params.format)) {
      return { ok: false, message: `Unknown export format '${String(params.format)}' (use ${EXPORT_FORMATS.join(', ')}).` };
    }
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { ok: false, message: 'The document is not open in the language server.' };
    try {
      const result = exportEpisode(service.model(doc), params.format, { captions: params.captions === true, introTitle: params.introTitle });
      return { ok: true, text: result.text, extension: EXPORT_EXTENSIONS[params.format], warnings: result.warnings };
    } catch (error) {
      if (error instanceof ConvertError) return { ok: false, message: `Cannot export: ${error.describe()}.` };
      throw error;
    }
  }));
}
