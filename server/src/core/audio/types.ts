/**
 * What speech analysis keeps of one media file (issue 24): enough to draw the waveform and to check
 * `sec` against the speech, never the samples themselves. Plain data, cached as JSON by the hosts.
 */
export interface AudioAnalysis {
  /** Bumped when the analysis changes, so an older cache entry is analysed again. */
  version: number;
  /** Seconds of audio decoded. */
  duration: number;
  /** Peaks per second of audio in `peaks`. */
  peaksPerSecond: number;
  /** The loudest absolute sample of each 1/peaksPerSecond s, 0–255 (255 = full scale), base64. */
  peaks: string;
  /** Speech as [onset, end] in seconds (3 decimals), in order, not overlapping. */
  speech: Array<[number, number]>;
}

export const ANALYSIS_VERSION = 1;

/** Audio containers the analysis recognises by their first bytes. */
export type MediaFormat = 'mp3' | 'flac' | 'ogg' | 'wav' | 'mp4' | 'unknown';

/** Decoded PCM of one chunk of the file: one Float32Array per channel, −1…1. */
export interface PcmChunk {
  channelData: Float32Array[];
  sampleRate: number;
}

/** A streaming decoder: bytes in, PCM out, chunk by chunk. */
export interface StreamDecoder {
  decode(bytes: Uint8Array): Promise<PcmChunk>;
  /** What the decoder still holds at the end of the input. */
  flush(): Promise<PcmChunk>;
  free(): void;
}
