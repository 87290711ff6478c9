import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces a file's content atomically: the new text goes to a temporary file in the same folder
 * (same file system, same permissions), is flushed to disk, then renamed over the original. A
 * reader sees the old file or the new one, never half of one; a failure leaves the original and
 * removes the temporary file. A link is followed, so the link stays a link.
 */
export async function writeFileAtomic(file: string, text: string, expected?: { size: number; mtimeMs: number }): Promise<void> {
  const target = await fs.promises.realpath(file);
  const stat = await fs.promises.stat(target);
  if (expected && (stat.size !== expected.size || stat.mtimeMs !== expected.mtimeMs)) {
    throw new Error('it changed on disk while it was being checked; not written');
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.promises.open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(stat.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await syncDir(path.dirname(target));
}

/** Makes the rename itself durable where the platform allows it (not on Windows); best effort. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here: the data itself is already on disk.
  } finally {
    await handle?.close();
  }
}
