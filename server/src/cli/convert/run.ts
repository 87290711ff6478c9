import { VERSION } from '../../version';
import { UsageError } from '../args';
import type { CliIo } from '../run';
import { parseConvertArgs } from './args';
import { exportCommand } from './exportCommand';
import { CONVERT_USAGE, convertHelpText } from './help';
import { importCommand } from './importCommand';
import { insertChaptersCommand } from './insertChaptersCommand';

/** The whole `transcript-convert` command, its surroundings passed in: returns the exit code (0 done, 1 refused, 2 usage). */
export async function runConvert(argv: readonly string[], io: CliIo): Promise<number> {
  let job;
  try {
    job = parseConvertArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`transcript-convert: ${error.message}\n${CONVERT_USAGE}\nRun 'transcript-convert --help' for the options.\n`);
    return 2;
  }
  switch (job.kind) {
    case 'help':
      io.stdout.write(convertHelpText());
      return 0;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case 'export':
      return exportCommand(job, io);
    case 'import':
      return importCommand(job, io);
    case 'insertChapters':
      return insertChaptersCommand(job, io);
  }
}
