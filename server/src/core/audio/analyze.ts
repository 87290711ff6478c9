import { openDecoder } from './decoders';
import { sniffFormat } from './format';
import { analyzePcm } from './pcmAnalysis';
import { ANALYSIS_VERSION, AudioAnalysis, PcmChunk } from './types';

export interface AnalyzeMediaOptions {
  /** The bytes of fvad.wasm (the host reads them: see vad.ts). */
  vadWasm: Uint8Array;
  /** The file's size, for progress. */
  totalBytes?: number;
  /** Called after each chunk with the share of bytes read, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Asked after each chunk; true stops the analysis with AnalysisCancelled. */
  isCancelled?: () => boolean;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('the analysis was cancelled');
  }
}

/**
 * Decodes a media file chunk by chunk as the host reads it, and keeps its duration, peaks and
 * speech segments. Memory stays at about one chunk of PCM whatever the file's length. Yields to the
 * event loop between chunks (the decoders' promises), so a cancellation request gets through.
 */
export async function analyzeMedia(chunks: AsyncIterable<Uint8Array>, options: AnalyzeMediaOptions): Promise<AudioAnalysis> {
  let decoder: Awaited<ReturnType<typeof openDecoder>> | undefined;
  let read = 0;
  async function* decoded(): AsyncGenerator<PcmChunk> {
    try {
      for await (const chunk of chunks) {
        if (options.isCancelled?.()) throw new AnalysisCancelled();
        decoder ??= await openDecoder(sniffFormat(chunk));
        yield await decoder.decode(chunk);
        read += chunk.length;
        if (options.totalBytes) options.onProgress?.(Math.min(1, read / options.totalBytes));
      }
      if (decoder) yield await decoder.flush();
    } finally {
      decoder?.free();
    }
  }
  return analyzePcm(decoded(), options.vadWasm);
}

/** A cached analysis read back from untrusted JSON: the shape checked, else undefined (analyse again). */
export function readAnalysis(raw: unknown): AudioAnalysis | undefined {
  const a = raw as Partial<AudioAnalysis> | null;
  if (typeof a !== 'object' || a === null || a.version !== ANALYSIS_VERSION) return undefined;
  if (typeof a.duration !== 'number' || !(a.duration >= 0) || typeof a.peaksPerSecond !== 'number' || typeof a.peaks !== 'string') return undefined;
  if (!Array.isArray(a.speech) || !a.speech.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'number' && typeof s[1] === 'number' && s[0] <= s[1])) return undefined;
  return a as AudioAnalysis;
}
