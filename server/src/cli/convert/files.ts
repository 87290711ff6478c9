import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_INPUT_BYTES } from '../../core/convert/types';
import { reason } from '../discover';
import { writeFileAtomic } from '../writeFile';

/** Reading inputs and writing outputs for `transcript-convert`: size-checked reads, atomic writes. */

/** A refusal about a file, said as `FILE: message`; exit code 1. */
export class InputError extends Error {}

export async function readInputBytes(file: string): Promise<Buffer> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw new InputError(reason(error));
  }
  if (stat.isDirectory()) throw new InputError('is a folder, not a file');
  if (stat.size > MAX_INPUT_BYTES) {
    throw new InputError(`is ${(stat.size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_INPUT_BYTES / 1024 / 1024} MB are not read`);
  }
  try {
    return await fs.promises.readFile(file);
  } catch (error) {
    throw new InputError(reason(error));
  }
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

/** Writes a file atomically, whether it exists or not (a new file: temporary file, then rename; never half a file). */
export async function writeOutput(file: string, text: string): Promise<void> {
  if (fs.existsSync(file)) return writeFileAtomic(file, text);
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
