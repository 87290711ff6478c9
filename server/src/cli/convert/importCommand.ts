import type { CliIo } from '../run';
import type { ImportJob } from './args';

/** `transcript-convert SOURCE --into EPISODE.md` (issue 18). */
export async function importCommand(job: ImportJob, io: CliIo): Promise<number> {
  io.stderr.write(`transcript-convert: ${job.source}: import is not built yet\n`);
  return 1;
}
