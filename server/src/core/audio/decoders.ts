import type { MediaFormat, PcmChunk, StreamDecoder } from './types';
import { WavDecoder } from './wav';

/**
 * A streaming decoder for a container: WAV by hand, the rest with the wasm-audio-decoders family
 * (mpg123, libFLAC, libopus compiled to WebAssembly, the same code in Node and in a browser worker).
 * MP4/AAC has no such decoder: a browser host can decode it with WebCodecs/AudioContext, Node cannot.
 */
export async function openDecoder(format: MediaFormat): Promise<StreamDecoder> {
  switch (format) {
    case 'wav': return new WavDecoder();
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      return wrap(new MPEGDecoder());
    }
    case 'flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      return wrap(new FLACDecoder());
    }
    case 'ogg': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder');
      return wrap(new OggOpusDecoder());
    }
    case 'mp4': throw new UnsupportedMedia('M4A/AAC cannot be decoded here (no AAC decoder in WebAssembly); convert it to MP3, OGG/Opus, FLAC or WAV', format);
    default: throw new UnsupportedMedia('not a recognised audio file (MP3, OGG/Opus, FLAC, WAV)', format);
  }
}

export class UnsupportedMedia extends Error {
  /** The container recognised: `mp4` is one a browser page may decode itself (AudioContext). */
  constructor(message: string, readonly format: MediaFormat) {
    super(message);
  }
}

/** What the wasm-audio-decoders share: `ready`, `decode`, optional `flush`, `free`. */
interface WasmDecoder {
  ready: Promise<void>;
  decode(bytes: Uint8Array): PcmChunk | Promise<PcmChunk>;
  flush?(): PcmChunk | Promise<PcmChunk>;
  free(): void | Promise<void>;
}

async function wrap(decoder: WasmDecoder): Promise<StreamDecoder> {
  await decoder.ready;
  return {
    decode: async (bytes) => await decoder.decode(bytes),
    flush: async () => (decoder.flush ? await decoder.flush() : { channelData: [], sampleRate: 0 }),
    free: () => void decoder.free(),
  };
}
