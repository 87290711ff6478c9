#!/usr/bin/env node
/** `transcript-lint`: the episode checks on the command line (see `transcript-lint --help`). */
import { run } from './run';

// `transcript-lint … | head`: a reader that goes away early is not an error worth a stack trace;
// the rest of the output is dropped and the exit code still tells what was found.
let readerGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') readerGone = true;
  if (!readerGone) throw error;
});

run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`transcript-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
