#!/usr/bin/env node
/** `transcript-convert`: transcripts and chapters in and out of episodes (see `transcript-convert --help`). */
import { runConvert } from './run';

runConvert(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`transcript-convert: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
