import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_INPUT_BYTES } from '../../core/convert/types';
import { reason } from '../discover';
import { readBounded } from '../readBounded';
import { writeFileAtomic } from '../writeFile';

/**
 * Reading inputs and writing outputs for `transcript-convert`: reads bounded whatever the file is (a
 * device or a pipe too), writes that never replace an input or a special file.
 */

/** A refusal about a file, said as `FILE: message`; exit code 1. */
export class InputError extends Error {}

/** An input over the size limit (exit code 2, as for any input the command cannot take). */
export class InputTooLarge extends InputError {}

/** A refusal about where to write, said as `FILE: message`; exit code 2, nothing written. */
export class OutputError extends Error {}

const LIMIT_MB = MAX_INPUT_BYTES / 1024 / 1024;

export async function readInputBytes(file: string): Promise<Buffer> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw new InputError(reason(error));
  }
  if (stat.isDirectory()) throw new InputError('is a folder, not a file');
  if (stat.size > MAX_INPUT_BYTES) throw new InputTooLarge(`is ${(stat.size / 1024 / 1024).toFixed(1)} MB; files over ${LIMIT_MB} MB are not read`);
  let bytes: Buffer | undefined;
  try {
    bytes = await readBounded(file, MAX_INPUT_BYTES);
  } catch (error) {
    throw new InputError(reason(error));
  }
  if (bytes === undefined) throw new InputTooLarge(`holds more than ${LIMIT_MB} MB (read until then); files over ${LIMIT_MB} MB are not read`);
  return bytes;
}

/** A text input, UTF-8 (a byte-order mark is dropped); bytes that are not UTF-8 are refused rather than turned into U+FFFD. */
export async function readInputText(file: string): Promise<string> {
  const bytes = await readInputBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError('is not UTF-8 text');
  }
}

/**
 * Writes an output. A regular file (new or not) is written atomically: a temporary file, then rename;
 * never half a file. A FIFO, a device or a socket (`-o /dev/null`, `-o >(…)`) is written to as a
 * stream, never replaced by a regular file. A folder, or any of `inputs` (the same file under another
 * name: a link, a hard link), is refused with an OutputError before anything is written.
 */
export async function writeOutput(file: string, text: string, inputs: readonly string[] = []): Promise<void> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat) {
    if (stat.isDirectory()) throw new OutputError("is a folder: name a file to write (or give '--out-dir DIR' for a folder)");
    for (const input of inputs) {
      const same = fs.statSync(input, { throwIfNoEntry: false });
      if (same && same.dev === stat.dev && same.ino === stat.ino) throw new OutputError('the output is the input (the same file); nothing written');
    }
    if (!stat.isFile()) return writeStream(file, text);
    return writeFileAtomic(file, text);
  }
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.promises.writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** Writes to a special file in place (opened for writing, not created or truncated as a file). */
async function writeStream(file: string, text: string): Promise<void> {
  const handle = await fs.promises.open(file, fs.constants.O_WRONLY);
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}
