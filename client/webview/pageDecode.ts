// The speech analysis of a file no server here can decode (M4A/AAC), made by the player's page: the
// browser decodes it (AudioContext.decodeAudioData, where the browser has AAC: Chrome and Edge do,
// VS Code's Electron does not) and the core's analysis runs on the samples, as the server's does on
// its decoders' output. The browser decodes a whole file at once, so only files up to a size are tried.
import { analyzePcm } from '../../server/src/core/audio/pcmAnalysis';
import type { AudioAnalysis, PcmChunk } from '../../server/src/core/audio/types';
// fvad.wasm's bytes, inlined by tools/bundle.mjs (esbuild's binary loader).
import vadWasm from '@echogarden/fvad-wasm/fvad.wasm';

/** About an hour at 128 kb/s; decoded at 16 kHz it is some 230 MB of samples per channel. */
export const MAX_PAGE_DECODE_BYTES = 64 * 1024 * 1024;
/** The rate the browser resamples to: the VAD's, so nothing more is held than the analysis needs. */
const DECODE_RATE = 16000;
/** Samples handed to the analysis at a time (10 s), so the page stays responsive between them. */
const SLICE = DECODE_RATE * 10;

export async function analyseInPage(url: string): Promise<AudioAnalysis> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the page could not read the file (HTTP ${response.status})`);
  const size = Number(response.headers.get('content-length') ?? 0);
  if (size > MAX_PAGE_DECODE_BYTES) throw new Error(`the file is over ${MAX_PAGE_DECODE_BYTES / 1024 / 1024} MB, too large to decode in the page`);
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_PAGE_DECODE_BYTES) throw new Error(`the file is over ${MAX_PAGE_DECODE_BYTES / 1024 / 1024} MB, too large to decode in the page`);
  let audio: AudioBuffer;
  try {
    audio = await new OfflineAudioContext(1, 1, DECODE_RATE).decodeAudioData(bytes);
  } catch {
    throw new Error('this browser cannot decode it either');
  }
  return analyzePcm(slices(audio), vadWasm);
}

async function* slices(audio: AudioBuffer): AsyncGenerator<PcmChunk> {
  const channels = Array.from({ length: audio.numberOfChannels }, (_, c) => audio.getChannelData(c));
  for (let at = 0; at < audio.length; at += SLICE) {
    yield { channelData: channels.map((data) => data.subarray(at, at + SLICE)), sampleRate: audio.sampleRate };
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
