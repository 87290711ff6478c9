import type { EpisodeModel, TranscriptItem } from '../model';
import { ruleSetting } from '../rules/registry';
import type { Finding, Span, TranscriptConfig } from '../types';

/**
 * transcript-copy, the cross-file rule: an episode whose spoken lines are (almost) all another
 * episode's — a transcript pasted into the wrong page (FINDINGS.md P: 113 identical lines in two
 * files, while no other pair of the 200 real episodes shares more than 2 lines of 20+ characters).
 * Each file is reduced once to a fingerprint: the hashes of its distinct spoken lines of at least
 * 20 characters (short replies like "Yeah, exactly." are common to every episode).
 */

export const MIN_LINE_LENGTH = 20;
/** Two episodes are copies when they share at least this many lines ... */
export const MIN_SHARED_LINES = 10;
/** ... and at least this part of the shorter one's lines. */
export const MIN_SHARED_PART = 0.8;

export interface CopyFingerprint {
  hashes: ReadonlySet<number>;
}

export interface CopyMatch {
  shared: number;
  /** Distinct long lines of the shorter of the two. */
  of: number;
}

/** The line hash per item object (-1: too short to count): a keystroke re-hashes only the edited item. */
const lineHashes = new WeakMap<TranscriptItem, number>();

export function copyFingerprint(model: EpisodeModel): CopyFingerprint | undefined {
  if (!model.isEpisode || !model.transcript) return undefined;
  const hashes = new Set<number>();
  for (const item of model.transcript.items) {
    if (item.kind !== 'line') continue;
    let hash = lineHashes.get(item);
    if (hash === undefined) lineHashes.set(item, (hash = lineHash(item.line!)));
    if (hash >= 0) hashes.add(hash);
  }
  return hashes.size >= MIN_SHARED_LINES ? { hashes } : undefined;
}

export function compareFingerprints(a: CopyFingerprint, b: CopyFingerprint): CopyMatch | undefined {
  const [small, large] = a.hashes.size <= b.hashes.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small.hashes) if (large.hashes.has(h)) shared++;
  const of = small.hashes.size;
  return shared >= MIN_SHARED_LINES && shared >= MIN_SHARED_PART * of ? { shared, of } : undefined;
}

/** Every pair of copies among many episodes, through an index of line hashes (no all-pairs scan). */
export function findCopyPairs<K>(entries: ReadonlyArray<{ key: K; fingerprint: CopyFingerprint }>): { a: K; b: K; match: CopyMatch }[] {
  const owners = new Map<number, number[]>();
  entries.forEach((entry, index) => {
    for (const h of entry.fingerprint.hashes) {
      const list = owners.get(h);
      if (list) list.push(index);
      else owners.set(h, [index]);
    }
  });
  const pairs: { a: K; b: K; match: CopyMatch }[] = [];
  entries.forEach((entry, i) => {
    const candidates = new Set<number>();
    for (const h of entry.fingerprint.hashes) for (const j of owners.get(h)!) if (j > i) candidates.add(j);
    for (const j of candidates) {
      const match = compareFingerprints(entry.fingerprint, entries[j].fingerprint);
      if (match) pairs.push({ a: entry.key, b: entries[j].key, match });
    }
  });
  return pairs;
}

/** Where the finding goes: the episode's `transcript` key (kept by indexes that drop the model). */
export function transcriptKeySpan(model: EpisodeModel): Span | undefined {
  return model.transcript?.field.keySpan;
}

/** The warning on an episode's `transcript` key, naming the other file (a path or name the caller chose). */
export function copyFinding(transcriptKey: Span, config: TranscriptConfig, otherName: string, match: CopyMatch): Finding | undefined {
  const severity = ruleSetting(config, 'transcript-copy');
  if (severity === 'off') return undefined;
  const message = `the spoken lines of this episode are those of ${otherName}: ${match.shared} of ${match.of} lines (of ${MIN_LINE_LENGTH}+ characters) are the same; one transcript was probably copied into the wrong episode`;
  return { rule: 'transcript-copy', severity, message, start: transcriptKey.start, end: transcriptKey.end, fixes: [] };
}

/** The hash of a line's text with spaces normalised, or -1 when it is too short to tell episodes apart. */
function lineHash(line: string): number {
  const text = line.replace(/\s+/g, ' ').trim();
  return text.length >= MIN_LINE_LENGTH ? hash53(text) : -1;
}

/** cyrb53: a fast 53-bit string hash; collisions among a workspace's lines are negligible. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
