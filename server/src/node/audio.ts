import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeMedia, AudioAnalysis, readAnalysis } from '../core/audio';

/**
 * Speech analysis of a media file on Node (the server's and the CLI's host side): reads the file in
 * 256 KB chunks for the core's analysis, and keeps the result in a cache folder under a name made of
 * the file's identity (path, size, modification time), so an unchanged file is read from the cache.
 */
export interface MediaAnalysisOptions {
  /** Where analyses are kept; undefined: not cached. */
  cacheDir?: string;
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
}

export interface MediaAnalysisResult {
  analysis: AudioAnalysis;
  cached: boolean;
}

/** 256 KB: some 16 s of 128 kb/s MP3, 6 MB of decoded stereo floats at a time (1 MB chunks: 85 MB more at the peak, no faster; bench/audio.mjs). */
const CHUNK_BYTES = 1 << 18;

export async function analyzeMediaFile(file: string, options: MediaAnalysisOptions = {}): Promise<MediaAnalysisResult> {
  const stat = await fs.promises.stat(file);
  const cacheFile = options.cacheDir && path.join(options.cacheDir, `${cacheKey(file, stat)}.json`);
  const cached = cacheFile ? await readCached(cacheFile) : undefined;
  if (cached) return { analysis: cached, cached: true };
  const analysis = await analyzeMedia(readChunks(file), {
    vadWasm: await readVadWasm(), totalBytes: stat.size, onProgress: options.onProgress, isCancelled: options.isCancelled,
  });
  if (cacheFile) await writeCached(cacheFile, analysis);
  return { analysis, cached: false };
}

/** The CLI's cache folder: $XDG_CACHE_HOME (or ~/.cache)/podcast-transcripts/audio. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'podcast-transcripts', 'audio');
}

function cacheKey(file: string, stat: fs.Stats): string {
  return createHash('sha256').update(`${path.resolve(file)}\n${stat.size}\n${stat.mtimeMs}`).digest('hex').slice(0, 32);
}

async function readCached(cacheFile: string): Promise<AudioAnalysis | undefined> {
  try {
    return readAnalysis(JSON.parse(await fs.promises.readFile(cacheFile, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
async function writeCached(cacheFile: string, analysis: AudioAnalysis): Promise<void> {
  try {
    await fs.promises.mkdir(path.dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await fs.promises.writeFile(temporary, JSON.stringify(analysis));
    await fs.promises.rename(temporary, cacheFile);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

async function* readChunks(file: string): AsyncGenerator<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  try {
    for (;;) {
      // A fresh buffer each time: the decoders may keep a view of what they were given.
      const buffer = new Uint8Array(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

let vadWasm: Promise<Uint8Array> | undefined;

/** fvad.wasm: beside the bundle (dist/, as packaged), else from the installed package (out/, the CLI). */
function readVadWasm(): Promise<Uint8Array> {
  return (vadWasm ??= (async () => {
    const beside = path.join(__dirname, 'fvad.wasm');
    const file = fs.existsSync(beside) ? beside : require.resolve('@echogarden/fvad-wasm/fvad.wasm');
    return new Uint8Array(await fs.promises.readFile(file));
  })());
}
