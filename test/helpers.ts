import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, DEFAULT_CONFIG, Finding, parseEpisode, TranscriptConfig } from '../server/src/core';
import { ConvertError } from '../server/src/core/convert/types';

/** Repository root, from out/test/ or test/. */
export const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../..' : '..');
export const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus/podcast');
export const SEED_DIR = path.resolve(ROOT, '../shared/seed');

/** The corpus when this clone sits beside ../shared, else a reason to skip (printed by the test runner). */
export function corpusFiles(): { files: string[]; skip: false } | { files: []; skip: string } {
  if (!fs.existsSync(CORPUS_DIR)) return { files: [], skip: `corpus not found at ${CORPUS_DIR} (clone beside ../shared to run it)` };
  return { files: fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(CORPUS_DIR, f)), skip: false };
}

/** A fictional episode around a transcript written as YAML lines (each item at column 0). */
export function episode(transcript: string, metadata = "ids:\n  youtube: AbCdEfGhIjK\nlinks:\n  youtube: https://www.youtube.com/watch?v=AbCdEfGhIjK\n"): string {
  return `---\ntitle: Test episode\n${metadata}transcript:\n${transcript}---\nBody text.\n`;
}

export function check(text: string, config: Partial<TranscriptConfig> = {}, uri = 'file:///work/episode.md'): Finding[] {
  return analyze(parseEpisode(text, uri), { ...DEFAULT_CONFIG, ...config });
}

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
