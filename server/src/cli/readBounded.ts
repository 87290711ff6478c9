import * as fs from 'node:fs';

/**
 * Reads a file whole, but never more than `limit` bytes: it reads in chunks and stops one byte past
 * the limit, so `/dev/zero`, `/dev/urandom`, a pipe or a file that keeps growing cost at most the
 * limit (their size, as `stat` gives it, is 0 or wrong). Returns undefined past the limit.
 */
export async function readBounded(file: string, limit: number): Promise<Buffer | undefined> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return undefined;
    }
  } finally {
    await handle.close();
  }
}
