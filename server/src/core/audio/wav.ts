import type { PcmChunk, StreamDecoder } from './types';

interface WavFormat {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  float: boolean;
}

/**
 * A streaming WAV reader (PCM 8/16/24/32-bit, 32/64-bit float): the header chunks are read as the
 * bytes arrive, then the `data` chunk is converted frame by frame; a partial frame waits for the
 * next bytes. Small enough by hand, so WAV needs no WebAssembly.
 */
export class WavDecoder implements StreamDecoder {
  private pending: Uint8Array = new Uint8Array(0);
  private format: WavFormat | undefined;
  private dataLeft = 0;
  private inData = false;

  async decode(bytes: Uint8Array): Promise<PcmChunk> {
    this.pending = concat(this.pending, bytes);
    if (!this.inData) this.readHeader();
    if (!this.inData || !this.format) return empty(this.format);
    const frameBytes = (this.format.bitsPerSample / 8) * this.format.channels;
    const usable = Math.min(this.pending.length, this.dataLeft);
    const frames = Math.floor(usable / frameBytes);
    const chunk = this.convert(this.pending.subarray(0, frames * frameBytes), frames);
    this.pending = this.pending.slice(frames * frameBytes);
    this.dataLeft -= frames * frameBytes;
    return chunk;
  }

  async flush(): Promise<PcmChunk> {
    return empty(this.format);
  }

  free(): void {
    this.pending = new Uint8Array(0);
  }

  /** Walks the RIFF chunks up to `data`, keeping `fmt `; waits for more bytes when a header is cut. */
  private readHeader(): void {
    let at = this.format ? 0 : 12;
    if (!this.format && this.pending.length < 12) return;
    const view = new DataView(this.pending.buffer, this.pending.byteOffset, this.pending.byteLength);
    while (at + 8 <= this.pending.length) {
      const id = String.fromCharCode(...this.pending.subarray(at, at + 4));
      const size = view.getUint32(at + 4, true);
      if (id === 'data') {
        if (!this.format) throw new Error('WAV: the data chunk comes before the fmt chunk');
        this.inData = true;
        // A streamed WAV may say 0 or 0xFFFFFFFF: then the data runs to the end of the file.
        this.dataLeft = size === 0 || size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
        this.pending = this.pending.slice(at + 8);
        return;
      }
      if (at + 8 + size > this.pending.length) break;
      if (id === 'fmt ') this.format = readFormat(view, at + 8);
      at += 8 + size + (size & 1);
    }
    this.pending = this.pending.slice(at);
  }

  private convert(bytes: Uint8Array, frames: number): PcmChunk {
    const { channels, bitsPerSample, float, sampleRate } = this.format!;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const channelData = Array.from({ length: channels }, () => new Float32Array(frames));
    const width = bitsPerSample / 8;
    let at = 0;
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < channels; c++, at += width) channelData[c][i] = readSample(view, at, bitsPerSample, float);
    }
    return { channelData, sampleRate };
  }
}

function readFormat(view: DataView, at: number): WavFormat {
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  // WAVE_FORMAT_EXTENSIBLE: the real tag is the first two bytes of the sub-format GUID.
  if (tag === 0xfffe) tag = view.getUint16(at + 24, true);
  const float = tag === 3;
  if ((tag !== 1 && tag !== 3) || channels < 1 || sampleRate < 1 || ![8, 16, 24, 32, 64].includes(bitsPerSample) || (bitsPerSample === 64 && !float)) {
    throw new Error(`WAV: format ${tag} with ${bitsPerSample}-bit samples is not supported (PCM or float only)`);
  }
  return { channels, sampleRate, bitsPerSample, float };
}

function readSample(view: DataView, at: number, bits: number, float: boolean): number {
  if (float) return bits === 32 ? view.getFloat32(at, true) : view.getFloat64(at, true);
  switch (bits) {
    case 8: return (view.getUint8(at) - 128) / 128;
    case 16: return view.getInt16(at, true) / 32768;
    case 24: return ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16))) / 8388608;
    default: return view.getInt32(at, true) / 2147483648;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function empty(format: WavFormat | undefined): PcmChunk {
  return { channelData: [], sampleRate: format?.sampleRate ?? 0 };
}
