import { toBase64 } from './base64';
import { PEAKS_PER_SECOND, SpeechPipeline } from './pipeline';
import { speechSegments } from './segments';
import { ANALYSIS_VERSION, AudioAnalysis, PcmChunk } from './types';
import { createVoiceDetector } from './vad';

/**
 * What analyzeMedia keeps, from audio already decoded (chunk by chunk): for a host that decodes
 * itself, such as the player's page, where the browser decodes what no WebAssembly decoder here can (AAC).
 */
export async function analyzePcm(chunks: AsyncIterable<PcmChunk> | Iterable<PcmChunk>, vadWasm: Uint8Array): Promise<AudioAnalysis> {
  const detector = await createVoiceDetector(vadWasm);
  const pipeline = new SpeechPipeline(detector);
  try {
    for await (const chunk of chunks) pipeline.push(chunk);
  } finally {
    detector.free();
  }
  return {
    version: ANALYSIS_VERSION,
    duration: Math.round(pipeline.duration * 1000) / 1000,
    peaksPerSecond: PEAKS_PER_SECOND,
    peaks: toBase64(pipeline.peakBytes()),
    speech: speechSegments(pipeline.decisions),
  };
}
