import type { MediaFormat } from './types';

/** The container of a media file by its first bytes (at least 12), not its name: names lie. */
export function sniffFormat(head: Uint8Array): MediaFormat {
  const ascii = (at: number, text: string) => [...text].every((c, i) => head[at + i] === c.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav';
  if (ascii(0, 'fLaC')) return 'flac';
  if (ascii(0, 'OggS')) return 'ogg';
  if (ascii(4, 'ftyp')) return 'mp4';
  if (ascii(0, 'ID3')) return 'mp3';
  // An MPEG audio frame sync: 11 set bits.
  if (head[0] === 0xff && (head[1] & 0xe0) === 0xe0) return 'mp3';
  return 'unknown';
}
