import type { CliIo } from '../run';
import type { InsertChaptersJob } from './args';

/** `transcript-convert CHAPTERS --chapters --into EPISODE.md` (issue 19). */
export async function insertChaptersCommand(job: InsertChaptersJob, io: CliIo): Promise<number> {
  io.stderr.write(`transcript-convert: ${job.chapters}: inserting chapters is not built yet\n`);
  return 1;
}
