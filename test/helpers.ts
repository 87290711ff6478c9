import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, DEFAULT_CONFIG, Finding, parseEpisode, TranscriptConfig } from '../server/src/core';
import { ConvertError } from '../server/src/core/convert/types';

/** Repository root, from out/test/ or test/. */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../..' : '..');
export const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus/podcast');
export const SEED_DIR = path.resolve(ROOT, '../shared/seed');

/**
 * Why the real-episode tests skip, in a newcomer's terms: a skip is not a failure, and it names no path
 * of this machine (tools/test.mjs counts the skips by these reasons at the end of `npm test`).
 */
export const NO_CORPUS = 'the real-episode corpus is not beside this checkout';
export const NO_SEED = 'the real seed episode is not beside this checkout';

/**
 * The slow slices (corpus-wide round trips, fuzzing): `npm test` leaves them to `npm run test:full` (which CI
 * runs) so that it stays within 3 minutes; tools/test.mjs sets TRANSCRIPTS_TEST_FULL for test:full. The reason
 * starts with SLOW_SKIP, which tools/test.mjs counts as "N slow tests run only in npm run test:full".
 */
export const SLOW_SKIP = 'slow: runs only in npm run test:full';
export const FULL_ONLY: string | false = process.env.TRANSCRIPTS_TEST_FULL ? false : SLOW_SKIP;

/**
 * How many seeded random cases a property or fuzz test tries: `quick` in `npm test`, `full` in test:full.
 * The seed stays the same, so the quick run is the first `quick` cases of the full one and a failure found
 * by either replays in the other.
 */
export function iterations(quick: number, full: number): number {
  return FULL_ONLY ? quick : full;
}

/**
 * Some of a list, spread evenly over it, in `npm test` (`quick` of them: the first, the last and those
 * between); all of it in test:full. For sweeps over the real corpus that take minutes in full.
 */
export function sample<T>(list: readonly T[], quick: number): T[] {
  const count = iterations(quick, list.length);
  if (count >= list.length) return [...list];
  if (count <= 1) return list.slice(0, count);
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]);
}

/** The skip of a slow corpus-wide test: no corpus first (test:full would skip it too), else FULL_ONLY. */
export function slowCorpusSkip(corpus: { skip: string | false }): string | false {
  return corpus.skip || FULL_ONLY;
}

/** The corpus when this clone sits beside ../shared, else a reason to skip (printed by the test runner). */
export function corpusFiles(): { files: string[]; skip: false } | { files: []; skip: string } {
  if (!fs.existsSync(CORPUS_DIR)) return { files: [], skip: NO_CORPUS };
  return { files: fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(CORPUS_DIR, f)), skip: false };
}

/** A fictional episode around a transcript written as YAML lines (each item at column 0). */
export function episode(transcript: string, metadata = "ids:\n  youtube: AbCdEfGhIjK\nlinks:\n  youtube: https://www.youtube.com/watch?v=AbCdEfGhIjK\n"): string {
  return `---\ntitle: Test episode\n${metadata}transcript:\n${transcript}---\nBody text.\n`;
}

export function check(text: string, config: Partial<TranscriptConfig> = {}, uri = 'file:///work/episode.md'): Finding[] {
  return analyze(parseEpisode(text, uri), { ...DEFAULT_CONFIG, ...config });
}

/**
 * For fictional fixtures whose few lines sit minutes apart (an hour label needs an hour): speech-rate
 * rightly reads such gaps as missing text, so a test about other rules turns it off.
 */
export const NO_SPEECH_RATE: Partial<TranscriptConfig> = { rules: { 'speech-rate': 'off' } };

export function rulesOf(findings: Finding[]): string[] {
  return findings.map((f) => f.rule);
}

/** The text a finding's range covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.start, finding.end);
}

/** Applies the first fix (or the one with the given title prefix) of the first finding of a rule. */
export function applyFix(text: string, rule: string, titlePrefix?: string): string {
  const finding = check(text).find((f) => f.rule === rule);
  if (!finding) throw new Error(`no ${rule} finding`);
  const fix = titlePrefix ? finding.fixes.find((f) => f.title.startsWith(titlePrefix)) : finding.fixes[0];
  if (!fix) throw new Error(`no fix '${titlePrefix}' for ${rule}`);
  return applyEdits(text, fix.edits);
}

/** The message a reader or writer refuses its input with (`line 3: …`); fails when the input is accepted. */
export function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    assert.ok(error instanceof ConvertError, `a ConvertError, not ${String(error)}`);
    return error.describe();
  }
  assert.fail('the input was read');
}
