import { VAD_FRAME, VAD_SAMPLE_RATE, VoiceDetector } from './vad';
import type { PcmChunk } from './types';

/** Peaks kept per second of audio: enough to zoom to a word, 180 KB for an hour. */
export const PEAKS_PER_SECOND = 50;

/**
 * Decoded chunks in, what the analysis keeps out, holding no more than one chunk: the loudest sample
 * of each peak interval (for drawing), and the VAD's decision for each 30 ms frame of the audio
 * downmixed to mono and resampled to 16 kHz (box filter: the average of the source samples of each
 * output sample, which also keeps aliasing out of the speech band).
 */
export class SpeechPipeline {
  private sampleRate = 0;
  private samples = 0;
  private readonly peaks: number[] = [];
  private peak = 0;
  private peakFill = 0;
  private samplesPerPeak = 0;
  private resampleStep = 0;
  private nextOutput = 0;
  private sum = 0;
  private count = 0;
  private readonly frame = new Int16Array(VAD_FRAME);
  private frameFill = 0;
  /** One bit per 30 ms frame. */
  readonly decisions: boolean[] = [];

  constructor(private readonly detector: VoiceDetector) {}

  push(chunk: PcmChunk): void {
    const channels = chunk.channelData;
    if (channels.length === 0 || channels[0].length === 0) return;
    if (this.sampleRate === 0) this.start(chunk.sampleRate);
    else if (chunk.sampleRate !== this.sampleRate && chunk.sampleRate > 0) throw new Error(`the sample rate changes from ${this.sampleRate} to ${chunk.sampleRate} Hz`);
    const length = channels[0].length;
    const scale = 1 / channels.length;
    for (let i = 0; i < length; i++) {
      let mono = 0;
      for (let c = 0; c < channels.length; c++) mono += channels[c][i];
      mono *= scale;
      this.addPeak(mono);
      this.addResampled(mono);
    }
  }

  /** Seconds of audio seen. */
  get duration(): number {
    return this.sampleRate === 0 ? 0 : this.samples / this.sampleRate;
  }

  /** The peaks so far as bytes, the last partial interval included. */
  peakBytes(): Uint8Array {
    const bytes = new Uint8Array(this.peaks.length + (this.peakFill > 0 ? 1 : 0));
    this.peaks.forEach((p, i) => (bytes[i] = p));
    if (this.peakFill > 0) bytes[this.peaks.length] = toByte(this.peak);
    return bytes;
  }

  private start(sampleRate: number): void {
    if (!(sampleRate > 0)) throw new Error('the decoder gave no sample rate');
    this.sampleRate = sampleRate;
    this.samplesPerPeak = sampleRate / PEAKS_PER_SECOND;
    this.resampleStep = sampleRate / VAD_SAMPLE_RATE;
    this.nextOutput = this.resampleStep;
  }

  private addPeak(sample: number): void {
    const magnitude = sample < 0 ? -sample : sample;
    if (magnitude > this.peak) this.peak = magnitude;
    this.samples++;
    this.peakFill++;
    if (this.samples >= this.samplesPerPeak * (this.peaks.length + 1)) {
      this.peaks.push(toByte(this.peak));
      this.peak = 0;
      this.peakFill = 0;
    }
  }

  private addResampled(sample: number): void {
    this.sum += sample;
    this.count++;
    if (this.samples < this.nextOutput) return;
    this.nextOutput += this.resampleStep;
    const value = this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    this.frame[this.frameFill++] = value >= 1 ? 32767 : value <= -1 ? -32768 : Math.round(value * 32767);
    if (this.frameFill === VAD_FRAME) {
      this.decisions.push(this.detector.isSpeech(this.frame));
      this.frameFill = 0;
    }
  }
}

function toByte(magnitude: number): number {
  return Math.min(255, Math.round(magnitude * 255));
}
