import type { Connection } from 'vscode-languageserver';
import { analyzeMedia, AudioAnalysis, readAnalysis } from '../core/audio';
import type { HostAnalysisOptions } from '../host';
import { AudioCacheParams, AudioCacheRequests, FileRequests, FileStat, UriParams } from '../protocol';

/** Slices handed to the decoders: as on Node (node/audio.ts), so progress and cancellation come as often. */
const CHUNK_BYTES = 1 << 18;

/**
 * Speech analysis in the browser worker: the bytes come from the client (`vscode.workspace.fs`,
 * which reads a file whole: there is no ranged read in VS Code's file system API), the cache is kept
 * by the client in the extension's storage, and the analysis is the core's, as on Node. `vadWasm`
 * is fvad.wasm, inlined in the worker's bundle by tools/bundle.mjs.
 */
export function browserMediaAnalysis(connection: Connection, vadWasm: Uint8Array) {
  return async (uri: string, options: HostAnalysisOptions): Promise<{ analysis: AudioAnalysis; cached: boolean }> => {
    const stat = await connection.sendRequest<FileStat | null>(FileRequests.stat, { uri } satisfies UriParams);
    if (!stat?.isFile) throw new Error('the file is not there');
    const key = identityKey(uri, stat);
    const cached = await readCached(connection, key);
    if (cached) return { analysis: cached, cached: true };
    const bytes = await connection.sendRequest<unknown>(FileRequests.readBytes, { uri } satisfies UriParams);
    if (!(bytes instanceof Uint8Array)) throw new Error('the editor could not read the file');
    const analysis = await analyzeMedia(slices(bytes), {
      vadWasm, totalBytes: bytes.length, onProgress: options.onProgress, isCancelled: options.isCancelled,
    });
    // A cache that cannot be written only costs time.
    await connection.sendRequest(AudioCacheRequests.write, { key, text: JSON.stringify(analysis) } satisfies AudioCacheParams).catch(() => undefined);
    return { analysis, cached: false };
  };
}

async function readCached(connection: Connection, key: string): Promise<AudioAnalysis | undefined> {
  try {
    const text = await connection.sendRequest<string | null>(AudioCacheRequests.read, { key } satisfies AudioCacheParams);
    return text ? readAnalysis(JSON.parse(text)) : undefined;
  } catch {
    return undefined;
  }
}

async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/**
 * The file's identity (URI, size, modification time) as 16 hex digits: two FNV-1a hashes with
 * different seeds. Not cryptographic (nothing here needs it; the worker may lack `crypto.subtle`).
 */
export function identityKey(uri: string, stat: FileStat): string {
  const text = `${uri}\n${stat.size}\n${stat.mtime}`;
  const fnv = (seed: number) => {
    let hash = seed;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}
