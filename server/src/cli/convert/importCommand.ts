import * as fs from 'node:fs';
import * as path from 'node:path';
import { InsertedTranscript, insertTranscript, TranscriptExists } from '../../core/formats/insertTranscript';
import type { ReadResult } from '../../core/formats/shared/readResult';
import { readTranscriptSource } from '../../core/formats/readSource';
import { plural } from '../../core/formats/shared/textLines';
import { ConvertError, importFormatOf, isNewHeader, IMPORT_FORMATS } from '../../core/convert/types';
import { writeFileAtomic } from '../writeFile';
import type { CliIo } from '../run';
import type { ImportJob } from './args';
import { InputError, InputTooLarge, readInputBytes, readInputText, writeOutput } from './files';

/**
 * `transcript-convert SOURCE --into EPISODE.md` (issue 18): the source is read whole, the episode's new
 * text made and checked in memory; only then is the episode written (atomically), or created when it
 * does not exist. Any refusal writes nothing: exit 1, with the file and the line or paragraph.
 */
export async function importCommand(job: ImportJob, io: CliIo): Promise<number> {
  const format = job.from ?? importFormatOf(job.source);
  if (format === undefined) {
    io.stderr.write(`transcript-convert: ${job.source}: the format cannot be told from the file name; give '--from FORMAT' (${IMPORT_FORMATS.join(', ')})\n`);
    return 2;
  }
  const sourceFile = path.resolve(io.cwd, job.source);
  const intoFile = path.resolve(io.cwd, job.into);
  let read: ReadResult;
  try {
    const source = format === 'docx' ? { format, bytes: await readInputBytes(sourceFile) } : { format, text: await readInputText(sourceFile), shape: job.shape };
    read = await readTranscriptSource(source, { oneItemPerCue: job.oneItemPerCue, maxLineChars: job.maxLineChars, speakers: job.speakers });
  } catch (error) {
    return refuse(io, job.source, error);
  }
  for (const warning of read.warnings) io.stderr.write(`transcript-convert: ${job.source}: ${warning}\n`);

  const existing = fs.statSync(intoFile, { throwIfNoEntry: false });
  let inserted: InsertedTranscript;
  try {
    inserted = insertTranscript(existing ? await readInputText(intoFile) : '', read.items, { replace: job.replace });
  } catch (error) {
    if (!(error instanceof TranscriptExists)) return refuse(io, job.into, error);
    io.stderr.write(`transcript-convert: ${job.into}: the episode already has a transcript; nothing changed (give '--replace' to replace it)\n`);
    return 1;
  }
  try {
    if (existing) await writeFileAtomic(intoFile, inserted.newText, { size: existing.size, mtimeMs: existing.mtimeMs });
    else await writeOutput(intoFile, inserted.newText);
  } catch (error) {
    io.stderr.write(`transcript-convert: ${job.into}: not written: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const headers = read.items.filter(isNewHeader).length;
  const how = !existing ? 'a new file' : inserted.replaced ? 'the transcript replaced' : 'added at the end of the front matter';
  io.stderr.write(`transcript-convert: ${job.into}: ${plural(read.items.length - headers, 'line')} and ${plural(headers, 'header')} imported from ${job.source} (${how})\n`);
  return 0;
}

function refuse(io: CliIo, shown: string, error: unknown): number {
  if (error instanceof ConvertError) io.stderr.write(`transcript-convert: ${shown}: ${error.describe()}\n`);
  else if (error instanceof InputError) io.stderr.write(`transcript-convert: ${shown}: ${error.message}\n`);
  else throw error;
  return error instanceof InputTooLarge ? 2 : 1;
}
