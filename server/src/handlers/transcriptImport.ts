import { toTextEdits } from '../convert';
import { insertTranscript, TranscriptExists } from '../core/formats/insertTranscript';
import type { ReadResult } from '../core/formats/shared/readResult';
import { readTranscriptSource, TranscriptSource } from '../core/formats/readSource';
import { isPlaceholderSpeaker, speakerNames } from '../core/formats/speakers/speakers';
import { ConvertError, importFormatOf, isNewHeader, IMPORT_FORMATS, MAX_INPUT_BYTES } from '../core/convert/types';
import {
  ImportTranscriptParams, ImportTranscriptResult, IMPORT_TRANSCRIPT_REQUEST, ReadOptions, ReadTranscriptParams, ReadTranscriptResult,
  READ_TRANSCRIPT_REQUEST, SourceFile,
} from '../protocol';
import { acceptedSpeakerNames } from '../core/rules/speakers';
import type { ServerContext } from './context';

/**
 * Import Transcript's requests (issue 18): reading a source (to ask about its speakers first), and the
 * edit that puts its items into an open episode, or the text of a new one. The conversion is the
 * core's (readSource.ts, insertTranscript.ts); here only the source is decoded and offsets made ranges.
 */
export function registerTranscriptImport(ctx: ServerContext): void {
  ctx.connection.onRequest(READ_TRANSCRIPT_REQUEST, ctx.guard('readTranscript', async (params: ReadTranscriptParams): Promise<ReadTranscriptResult> => {
    const read = await readSource(params.source, params);
    if ('message' in read) return read;
    const known = await workspaceSpeakers(ctx);
    const speakers = speakerNames(read.items);
    const headers = read.items.filter(isNewHeader).length;
    return {
      ok: true,
      lines: read.items.length - headers,
      headers,
      speakers,
      knownSpeakers: known,
      unknownSpeakers: speakers.filter((name) => isPlaceholderSpeaker(name) || !known.includes(name)),
      warnings: read.warnings,
    };
  }));

  ctx.connection.onRequest(IMPORT_TRANSCRIPT_REQUEST, ctx.guard('importTranscript', async (params: ImportTranscriptParams): Promise<ImportTranscriptResult> => {
    const read = await readSource(params.source, params);
    if ('message' in read) return read;
    const doc = params.textDocument ? ctx.documents.get(params.textDocument.uri) : undefined;
    if (params.textDocument && !doc) return { ok: false, message: 'The episode is not open in the language server.' };
    const headers = read.items.filter(isNewHeader).length;
    const counts = { lines: read.items.length - headers, headers, warnings: read.warnings };
    try {
      const inserted = insertTranscript(doc ? doc.getText() : '', read.items, { replace: params.replace });
      if (!doc) return { ok: true, newText: inserted.newText, replaced: false, ...counts };
      const { start, end, text } = inserted.edit;
      return { ok: true, version: doc.version, edits: toTextEdits(doc, [{ start, end, newText: text }]), replaced: inserted.replaced, ...counts };
    } catch (error) {
      if (error instanceof TranscriptExists) return { ok: false, message: 'The episode already has a transcript.', hasTranscript: true };
      if (error instanceof ConvertError) return { ok: false, message: `The episode: ${error.describe()}` };
      throw error;
    }
  }));
}

/** The source's items (renames applied), or the failure to answer with; `name: line N: …`. */
async function readSource(file: SourceFile, options: ReadOptions): Promise<ReadResult | { ok: false; message: string }> {
  try {
    return await readTranscriptSource(decodeSource(file), { oneItemPerCue: options.oneItemPerCue, maxLineChars: options.maxLineChars, speakers: options.speakers });
  } catch (error) {
    if (error instanceof ConvertError) return { ok: false, message: `${file.name}: ${error.describe()}` };
    throw error;
  }
}

function decodeSource(file: SourceFile): TranscriptSource {
  const format = file.format ?? importFormatOf(file.name);
  if (!format) throw new ConvertError(`the format cannot be told from the file name (${IMPORT_FORMATS.join(', ')})`);
  if (format !== 'docx') {
    if (typeof file.text !== 'string') throw new ConvertError('the source text is missing');
    return { format, text: file.text };
  }
  if (typeof file.base64 !== 'string') throw new ConvertError('a Word document is sent as base64');
  if (file.base64.length > Math.ceil(MAX_INPUT_BYTES / 3) * 4) throw new ConvertError(`the document is over ${MAX_INPUT_BYTES / 1024 / 1024} MB; it is not read`);
  return { format, bytes: base64Bytes(file.base64) };
}

function base64Bytes(base64: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    throw new ConvertError('the document is not valid base64');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The speakers of the workspace's episodes that the speaker rules accept, most lines first (the
 * index is brought up to date first): a misspelling is never offered beside the name it misspells.
 */
async function workspaceSpeakers(ctx: ServerContext): Promise<string[]> {
  if (ctx.index.hasFolders) await ctx.index.refresh();
  const totals = new Map<string, number>();
  for (const episode of ctx.index.episodes()) {
    for (const [name, count] of episode.speakers ?? []) totals.set(name, (totals.get(name) ?? 0) + count);
  }
  return acceptedSpeakerNames(totals);
}
